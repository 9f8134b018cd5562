#include "app/encord/encord_transport.hpp"

#include "app/net/transport.hpp"

namespace eic::web {

encord::ProbedTransport& encord_transport() {
    static encord::ProbedTransport t(page_transport(), host_transport());
    return t;
}

}  // namespace eic::web

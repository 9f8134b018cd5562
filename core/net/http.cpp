#include "net/http.hpp"

namespace eic::net {

const char* failure_name(Failure f) {
    switch (f) {
        case Failure::none:
            return "none";
        case Failure::policy:
            return "policy";
        case Failure::cors:
            return "cors";
        case Failure::network:
            return "network";
        case Failure::timeout:
            return "timeout";
        case Failure::aborted:
            return "aborted";
    }
    return "none";
}

const std::string* HttpResponse::header(std::string_view lower_name) const {
    for (const auto& [name, value] : headers)
        if (name == lower_name) return &value;
    return nullptr;
}

}  // namespace eic::net

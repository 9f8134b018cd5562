#include "gcs/error_body.hpp"

#include "gcs/google_error.hpp"
#include "gcs/xml_error.hpp"

namespace eic::gcs {

GcsError read_error_body(const std::string& body, ProbeApi api) {
    GcsError e;
    if (api == ProbeApi::xml) {
        if (const auto x = parse_xml_error(body)) {
            e.code = x->code;
            e.message = x->message;
        }
    } else if (const auto g = read_google_error(body)) {
        e.code = g->reason;
        e.message = g->message;
    }
    return e;
}

}  // namespace eic::gcs

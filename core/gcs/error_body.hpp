// What GCS says in the body of an error answer, in either API's form, for the probes (gcs/object_check.hpp,
// gcs/media_probe.hpp):
//   XML API   <Error><Code>AccessDenied</Code><Message>...</Message>...</Error>
//             (https://cloud.google.com/storage/docs/xml-api/reference-status)
//   JSON API  {"error": {"code": 403, "message": "...", "errors": [{"reason": "forbidden", ...}]}}
//             (https://cloud.google.com/storage/docs/json_api/v1/status-codes)
// One reader each, gcs/xml_error.hpp and gcs/google_error.hpp; this picks by the API that answered.
#pragma once

#include <optional>
#include <string>

#include "gcs/probe_signer.hpp"

namespace eic::gcs {

struct GcsError {
    std::string code;     // XML <Code>; JSON errors[0].reason ("AccessDenied", "forbidden", "notFound")
    std::string message;  // XML <Message>; JSON error.message
};

// The error in `body` as the API that answered writes it; empty fields when the body has none.
GcsError read_error_body(const std::string& body, ProbeApi api);

}  // namespace eic::gcs

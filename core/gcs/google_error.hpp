// The error document of Google's JSON APIs, as both APIs eic calls with an access token send it
// (https://cloud.google.com/apis/design/errors, "HTTP mapping"):
//
//   {"error": {"code": 403, "message": "...", "status": "PERMISSION_DENIED",
//              "errors": [{"domain": "global", "reason": "forbidden", "message": "..."}]}}
//
// The Cloud Storage JSON API fills `errors[].reason` ("notFound", "forbidden", "required":
// https://cloud.google.com/storage/docs/json_api/v1/status-codes); IAM Credentials fills `status`, a
// google.rpc.Code name ("UNAUTHENTICATED", "PERMISSION_DENIED").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace eic::gcs {

struct GoogleError {
    int code = 0;         // the HTTP status the document repeats; 0 when absent
    std::string message;  // the server's words for the user
    std::string status;   // google.rpc.Code name; may be empty
    std::string reason;   // the first of errors[].reason; may be empty
};

// The error in `body`; nullopt when the body is not such a document (not JSON, no "error" object).
std::optional<GoogleError> read_google_error(std::string_view body);

}  // namespace eic::gcs

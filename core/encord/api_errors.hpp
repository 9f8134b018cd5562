// What an unsuccessful answer of Encord's v2 API means, as Encord's Python SDK reads it
// (encord-team/encord-client-python, `encord/http/v2/api_client.py` ApiClient._handle_error and
// `encord/http/v2/error_utils.py` handle_error_response): success is 200 or 204; any other status is one
// of the SDK's exceptions, with the JSON body's `message` (or else `detail`) as its text where the SDK
// uses it, and the SDK's default text otherwise:
//
//   400 InvalidArgumentsError   message, or "Provided payload is invalid and can't be processed."
//   401 AuthenticationError     message, or "You are not authenticated to access the Encord platform."
//   403 AuthorisationError      message, or "You are not authorised to access this asset."
//   404 ResourceNotFoundError   "The requested resource was not found."
//   405 MethodNotAllowedError   "HTTP method is not allowed."
//   413 PayloadTooLargeError    message, or "Request payload is too large and exceeds the maximum allowed size."
//   429 RateLimitExceededError  "Rate limit exceeded." and " Retry after N second(s)." from an integer
//                               Retry-After (`encord/exceptions.py`)
//   other UnknownException      message, or "An unknown error occurred."
//
// Where the SDK drops Encord's own words (404, 405, 429), they are kept in `server_message` and shown
// after the SDK's text. A request without an answer (status 0: the SDK's RequestException) is told
// apart as the platform reports it (net/http.hpp): refused by the page's policy, withheld by CORS, the
// network, a timeout, or cancelled.
#pragma once

#include <optional>
#include <string>

#include "diag/diagnostic.hpp"
#include "net/http.hpp"

namespace eic::encord {

enum class ApiErrorKind {
    invalid_arguments,   // 400
    authentication,      // 401
    authorisation,       // 403
    not_found,           // 404
    method_not_allowed,  // 405
    payload_too_large,   // 413
    rate_limited,        // 429
    unknown,             // any other status
    blocked,             // status 0: Content-Security-Policy or mixed content; the request never left
    cors,                // status 0: the browser withheld the answer
    network,             // status 0: no answer
    timeout,             // status 0: no answer in time
    cancelled,           // status 0: aborted by eic (the user cancelled)
    unknown_outcome,     // a request that may have been acted on got no answer and is not sent again
    signing,             // the request could not be signed (no key, no token), so it was never sent
};

struct ApiError {
    ApiErrorKind kind = ApiErrorKind::unknown;
    int status = 0;
    const char* sdk_class = "";         // "InvalidArgumentsError", ...; "RequestException" without an answer
    const char* code = "";              // encord/api_codes.hpp
    std::string message;                // the SDK's text (or, without an answer, eic's explanation)
    std::string server_message;         // Encord's `message` or `detail` where the SDK's text leaves it out
    std::optional<long> retry_after_s;  // 429: an integer Retry-After, as the SDK reads it

    // The message with Encord's words after it when the SDK's text left them out.
    std::string full_message() const;
};

// nullopt for a success (200 or 204); otherwise what went wrong.
std::optional<ApiError> api_error(const net::HttpResponse& response);

// For a request that must not be sent again (folder create, upload-job start) and got no answer that
// says what happened (encord/retry_policy.hpp decides when): Encord may or may not have acted on it.
ApiError unknown_outcome(const net::HttpResponse& response, const std::string& what);

// For a request that was never sent because its signer refused (encord/request_signer.hpp): `why` is the
// signer's error, which never quotes a key or a token. Code encord.sign.failed (encord/signing_codes.hpp).
ApiError signing_failed(const std::string& why);

// The error as a finding: its code, the registered severity, full_message().
Diagnostic to_diagnostic(const ApiError& error);

}  // namespace eic::encord

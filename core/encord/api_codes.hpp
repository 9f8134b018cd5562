// Every diagnostic code of Encord API calls (encord/api_errors.hpp) and upload planning and results
// (encord/upload_plan.hpp, encord/unit_error_map.hpp). Codes are stable and explained in
// docs/diagnostics.md ("## Encord API", generated from diag/codes_encord_api.cpp). Never rename one; add
// a new code instead.
#pragma once

#include <vector>

namespace eic::encord::api_code {

// An answer with an error status (encord/http/v2/error_utils.py), one code per SDK exception.
inline constexpr const char* invalid_arguments = "encord.api.invalid-arguments";    // 400
inline constexpr const char* authentication = "encord.api.authentication";          // 401
inline constexpr const char* authorisation = "encord.api.authorisation";            // 403
inline constexpr const char* not_found = "encord.api.not-found";                    // 404
inline constexpr const char* method_not_allowed = "encord.api.method-not-allowed";  // 405
inline constexpr const char* payload_too_large = "encord.api.payload-too-large";    // 413
inline constexpr const char* rate_limited = "encord.api.rate-limited";              // 429
inline constexpr const char* unknown_error = "encord.api.unknown-error";            // any other status
// No answer (status 0).
inline constexpr const char* blocked = "encord.api.blocked";  // Content-Security-Policy, mixed content
inline constexpr const char* cors = "encord.api.cors";
inline constexpr const char* network = "encord.api.network";
inline constexpr const char* timeout = "encord.api.timeout";
inline constexpr const char* cancelled = "encord.api.cancelled";
// A request that may have been acted on but was not answered, and is never sent again.
inline constexpr const char* unknown_outcome = "encord.api.unknown-outcome";
// A success whose body is not what the SDK's DTO reads.
inline constexpr const char* malformed_answer = "encord.api.malformed-answer";

// Upload batches and their results.
inline constexpr const char* sizes_unknown = "encord.upload.sizes-unknown";
inline constexpr const char* unit_failed = "encord.upload.unit-failed";
inline constexpr const char* unmatched_error = "encord.upload.unmatched-error";

inline const std::vector<const char*>& all() {
    static const std::vector<const char*> codes = {
        invalid_arguments, authentication, authorisation,  not_found,       method_not_allowed,
        payload_too_large, rate_limited,   unknown_error,  blocked,         cors,
        network,           timeout,        cancelled,      unknown_outcome, malformed_answer,
        sizes_unknown,     unit_failed,    unmatched_error};
    return codes;
}

}  // namespace eic::encord::api_code

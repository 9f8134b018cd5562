// Every diagnostic code of object checks (gcs/object_findings.hpp). Codes are stable and explained in
// docs/diagnostics.md ("## Object checks", generated from diag/codes.cpp). Never rename one; add a new
// code instead.
#pragma once

#include <vector>

namespace eic::gcs::check_code {

inline constexpr const char* missing = "gcs.object.missing";
inline constexpr const char* forbidden = "gcs.object.forbidden";
inline constexpr const char* signature_mismatch = "gcs.object.signature-mismatch";
inline constexpr const char* blocked = "gcs.object.blocked";
inline constexpr const char* timeout = "gcs.object.timeout";
inline constexpr const char* failed = "gcs.object.check-failed";
inline constexpr const char* not_checkable = "gcs.object.not-checkable";
inline constexpr const char* clock_skew = "gcs.clock.skew";
inline constexpr const char* needs_token = "gcs.object.needs-token";

inline const std::vector<const char*>& all() {
    static const std::vector<const char*> codes = {missing, forbidden,     signature_mismatch, blocked,    timeout,
                                                   failed,  not_checkable, clock_skew,         needs_token};
    return codes;
}

}  // namespace eic::gcs::check_code

// Every diagnostic code of the CORS doctor (gcs/cors_rules.hpp, gcs/cors_doctor.hpp). Codes are stable and
// explained in docs/diagnostics.md ("## Bucket CORS", generated from diag/codes.cpp). Never rename one; add
// a new code instead.
#pragma once

#include <vector>

namespace eic::gcs::cors_code {

inline constexpr const char* none = "gcs.cors.none";
inline constexpr const char* origin = "gcs.cors.origin";
inline constexpr const char* method = "gcs.cors.method";
inline constexpr const char* header = "gcs.cors.header";
inline constexpr const char* refused = "gcs.cors.refused";
inline constexpr const char* unknown = "gcs.cors.unknown";
inline constexpr const char* config = "gcs.cors.config";
inline constexpr const char* rule = "gcs.cors.rule";

inline const std::vector<const char*>& all() {
    static const std::vector<const char*> codes = {none, origin, method, header, refused, unknown, config, rule};
    return codes;
}

}  // namespace eic::gcs::cors_code

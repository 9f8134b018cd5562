// Every diagnostic code of V4 URL signing (v4_signing.hpp, service_account.hpp, signed_url.hpp). Codes are
// stable and explained in docs/diagnostics.md ("## Signed URLs", generated from diag/codes.cpp). Never
// rename one; add a new code instead.
#pragma once

#include <vector>

namespace eic::gcs::sign_code {

inline constexpr const char* bucket = "gcs.sign.bucket";
inline constexpr const char* endpoint = "gcs.sign.endpoint";
inline constexpr const char* expires = "gcs.sign.expires";
inline constexpr const char* header = "gcs.sign.header";
inline constexpr const char* key_file = "gcs.sign.key-file";
inline constexpr const char* method = "gcs.sign.method";
inline constexpr const char* private_key = "gcs.sign.private-key";
inline constexpr const char* query = "gcs.sign.query";
inline constexpr const char* request = "gcs.sign.request";
// Reading a signed URL back (signed_url_inspect.hpp).
inline constexpr const char* url_not_signed = "gcs.url.not-signed";
inline constexpr const char* url_algorithm = "gcs.url.algorithm";
inline constexpr const char* url_date = "gcs.url.date";
inline constexpr const char* url_expires = "gcs.url.expires";
inline constexpr const char* url_expired = "gcs.url.expired";
inline constexpr const char* url_not_yet_valid = "gcs.url.not-yet-valid";
inline constexpr const char* timestamp = "gcs.sign.timestamp";

inline const std::vector<const char*>& all() {
    static const std::vector<const char*> codes = {
        bucket,  endpoint,  expires,        header,        key_file, method,      private_key, query,
        request, timestamp, url_not_signed, url_algorithm, url_date, url_expires, url_expired, url_not_yet_valid};
    return codes;
}

}  // namespace eic::gcs::sign_code

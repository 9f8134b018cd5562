// Every diagnostic code of Encord key reading (openssh_key.hpp) and v2 request signing
// (request_signing.hpp). Codes are stable and explained in docs/diagnostics.md ("## Encord request signing",
// generated from diag/codes_encord.cpp). Never rename one; add a new code instead.
#pragma once

#include <vector>

namespace eic::encord::signing_code {

// The key file (openssh_key.hpp).
inline constexpr const char* key_not_openssh = "encord.key.not-openssh";
inline constexpr const char* key_public = "encord.key.public-key";
inline constexpr const char* key_type = "encord.key.type";
inline constexpr const char* key_encrypted = "encord.key.encrypted";
inline constexpr const char* key_corrupt = "encord.key.corrupt";
inline constexpr const char* key_several = "encord.key.several";
// The request (request_signing.hpp).
inline constexpr const char* method = "encord.sign.method";
inline constexpr const char* url = "encord.sign.url";
inline constexpr const char* failed = "encord.sign.failed";

inline const std::vector<const char*>& all() {
    static const std::vector<const char*> codes = {key_not_openssh, key_public, key_type, key_encrypted, key_corrupt,
                                                   key_several,     method,     url,      failed};
    return codes;
}

}  // namespace eic::encord::signing_code

// The base64 codec, apart from the rest of the platform's crypto: the browser has a synchronous one (atob
// and btoa) while its hashes and signatures are asynchronous (WebCrypto), so code that needs only the
// codec (IAM Credentials' signBlob, gcs/iam_sign_blob.hpp) can run in the page with it alone.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace eic::crypto {

class Base64Codec {
public:
    virtual ~Base64Codec() = default;
    // Base64 (RFC 4648 section 4: the standard alphabet, padded with '='), the form Google's JSON APIs carry
    // bytes in (IAM Credentials signBlob's payload and signedBlob). Natively OpenSSL's EVP_EncodeBlock; in
    // wasm the JavaScript engine's (btoa/atob, node's Buffer).
    virtual std::string base64_encode(std::string_view bytes) const = 0;
    // The bytes of base64 text; nullopt when it is not base64 (a character outside the alphabet, a bad
    // length or misplaced padding).
    virtual std::optional<std::string> base64_decode(std::string_view text) const = 0;
};

}  // namespace eic::crypto

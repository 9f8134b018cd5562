// The platform's cryptography, as core sees it: SHA-256, RSA and Ed25519 signatures and the base64 codec
// come from the platform (OpenSSL natively, crypto_openssl.cpp; node's crypto module or the browser's
// WebCrypto and atob/btoa in wasm) and are never written by hand in core.
//
// This interface is synchronous. The browser's WebCrypto (crypto.subtle) is asynchronous, so the browser
// does not implement it: code that signs is split into steps that produce the bytes to hash or sign and
// take the result back (gcs/v4_signing.hpp), and the synchronous helpers built on this interface
// (gcs/signed_url.hpp, `eic sign-url`, encord/request_signing.hpp's sign_request, `eic sign-request`) are for
// the CLI, the tests and node.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "crypto/base64_codec.hpp"

namespace eic::crypto {

using Sha256Digest = std::array<unsigned char, 32>;

// A signature, or why there is none. The message never quotes the key.
struct Signature {
    std::string bytes;  // raw signature bytes; empty on failure
    std::string error;  // what went wrong; empty on success
    bool ok() const { return error.empty(); }
};

// The base64 codec is Base64Codec's (crypto/base64_codec.hpp).
class Crypto : public Base64Codec {
public:
    virtual ~Crypto() = default;
    // SHA-256 (FIPS 180-4) of `bytes`.
    virtual Sha256Digest sha256(std::string_view bytes) const = 0;
    // RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017, section 8.2) of `message`, with the RSA private key in
    // `pem_private_key` (PEM, RFC 7468: "PRIVATE KEY" (PKCS#8, as in a Google service-account key file) or
    // "RSA PRIVATE KEY"). Never logs or keeps the key.
    virtual Signature rsa_sha256_sign(std::string_view pem_private_key, std::string_view message) const = 0;
    // Ed25519 (RFC 8032 section 5.1, pure Ed25519: the message itself is signed, no pre-hash) of `message`
    // with the 32-byte private key `seed` (RFC 8032's "private key", the first half of an OpenSSH key's
    // 64-byte private part): a 64-byte signature. Encord's v2 requests are signed this way
    // (encord/request_signing.hpp). Never logs or keeps the seed.
    virtual Signature ed25519_sign(std::string_view seed, std::string_view message) const = 0;
};

// The synchronous implementation this program runs with: the native CLI and the native test runner
// install OpenSSL's (crypto/openssl.hpp) before anything else runs. nullptr when none is installed (the
// browser), so callers report that signing is not available rather than crash.
const Crypto* platform();
void install_platform(const Crypto* crypto);

}  // namespace eic::crypto

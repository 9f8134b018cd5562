// Encord's v2 request signing: HTTP message signatures (the IETF draft that became RFC 9421) with Ed25519,
// exactly as Encord's SDK makes them (encord/http/v2/request_signer.py in encord-team/encord-client-python),
// on every `v2/public/*` call:
//
//   Content-Digest:  sha-256=:<base64 of SHA-256 of the body bytes as sent; an empty body hashes "">:
//   Signature-Input: encord-sig=<signature params>
//   Signature:       encord-sig=:<base64 of the 64-byte Ed25519 signature of the signature base>:
//
// where the signature params are, exactly:
//   ("@method" "@request-target" "content-digest");created=<int>;keyid="<hex>";alg="ed25519"
//
// The signature base is four lines joined by "\n", with no newline at the end:
//   "@method": POST                                    (upper case)
//   "@request-target": /v2/public/storage/folders?x=1  (path and query exactly as sent)
//   "content-digest": sha-256=:...:
//   "@signature-params": ("@method" "@request-target" "content-digest");created=...;keyid="...";alg="ed25519"
//
// As pure steps, like gcs/v4_signing.hpp, because the browser's WebCrypto hashes and signs asynchronously:
//   prepare_signature(input, body_sha256, base64)   -> Content-Digest and the signature base (the bytes to sign)
//   finish_signature(prepared, signature, base64)   -> the three headers
// sign_request() runs both with a synchronous crypto::Crypto (OpenSSL in the CLI and the native tests, node's
// crypto module in the wasm tests). The SDK also sends User-Agent, which a browser may not set; it is not
// signed, and eic does not add it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "crypto/crypto.hpp"
#include "diag/diagnostic.hpp"
#include "encord/openssh_key.hpp"

namespace eic::encord {

// The SDK signs with `created` 30 seconds in the past to allow for clock skew ("This is to be fixed on
// server side", request_signer.py).
inline constexpr std::int64_t kCreatedSkewSeconds = 30;
// `created` for a request signed at `unix_now` (seconds since 1970): unix_now - 30, as the SDK does.
std::int64_t created_for(std::int64_t unix_now);

// The request target signed as "@request-target": the path and query of a URL, exactly as given.
struct RequestTarget {
    std::optional<std::string> target;  // "/v2/public/storage/folders?search=a+b"; absent on error
    Diagnostics diagnostics;            // encord.sign.url
};
// From an absolute http or https URL, or from a target that starts with "/" (kept as it is). Nothing is
// re-encoded; the fragment (never sent) is dropped, and a URL without a path gives "/" (plus its query).
// Refused: another scheme or no host; characters RFC 3986 section 2 does not allow in a URL (space, control
// and non-ASCII bytes, and " < > \ ^ ` { | }) or a "%" without two hex digits, which clients percent-encode
// before sending, so the target sent would not be the one signed; and "." or ".." path segments (also as
// %2e), which clients remove (RFC 3986 section 5.2.4; https://url.spec.whatwg.org/#path-state).
RequestTarget request_target_of(std::string_view url_or_target);

// What is signed besides the body.
struct SignatureInput {
    std::string method;          // an HTTP method (RFC 9110 token) in any case; signed upper-cased
    std::string request_target;  // "/path?query" as request_target_of gives it
    std::int64_t created = 0;    // written into Signature-Input as a decimal integer
    std::string keyid;           // Ed25519Key::keyid
};

struct PreparedSignature {
    std::string content_digest;    // the Content-Digest value, "sha-256=:<base64>:"
    std::string signature_params;  // ("@method" "@request-target" "content-digest");created=...;keyid="...";alg=...
    std::string signature_base;    // the exact bytes to Ed25519-sign
};

struct SignaturePreparation {
    std::optional<PreparedSignature> prepared;  // absent when the input has errors
    Diagnostics diagnostics;                    // encord.sign.method, encord.sign.url, encord.sign.failed
};

// The three header values (the names are the members' names in HTTP's spelling, below).
struct SignatureHeaders {
    std::string content_digest;   // Content-Digest
    std::string signature_input;  // Signature-Input
    std::string signature;        // Signature
};
inline constexpr const char* kContentDigestHeader = "Content-Digest";
inline constexpr const char* kSignatureInputHeader = "Signature-Input";
inline constexpr const char* kSignatureHeader = "Signature";

// Base64 (RFC 4648 section 4) from the platform: crypto::Crypto::base64_encode natively and under node, the
// JavaScript engine's btoa in the browser. The base64 codec is not written by hand in core.
using Base64Encode = std::function<std::string(std::string_view)>;

// Step 1: checks the input and builds Content-Digest (from the SHA-256 of the body bytes as sent, which the
// platform computes) and the signature base.
SignaturePreparation prepare_signature(const SignatureInput& input, const crypto::Sha256Digest& body_sha256,
                                       const Base64Encode& base64);
// Step 2: the headers, with the 64-byte Ed25519 signature of prepared.signature_base.
SignatureHeaders finish_signature(const PreparedSignature& prepared, std::string_view signature,
                                  const Base64Encode& base64);

struct SignedRequest {
    std::optional<SignatureHeaders> headers;    // absent when signing failed
    std::optional<PreparedSignature> prepared;  // the signature base, for checks and debugging
    Diagnostics diagnostics;                    // prepare_signature's, request_target_of's, encord.sign.failed
};

// Both steps with a synchronous crypto::Crypto: signs `method` on `url_or_target` (request_target_of) with
// `body` (the bytes as sent; empty for none) as `key`, with `created` as given (created_for(now) for the
// SDK's value).
SignedRequest sign_request(const crypto::Crypto& crypto, const Ed25519Key& key, std::string_view method,
                           std::string_view url_or_target, std::string_view body, std::int64_t created);

}  // namespace eic::encord

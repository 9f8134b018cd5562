// GCS V4 signed URLs (GOOG4-RSA-SHA256) as pure steps, with no cryptography inside
// (https://cloud.google.com/storage/docs/authentication/canonical-requests,
// https://cloud.google.com/storage/docs/authentication/signatures):
//
//   prepare_v4(request)                 canonical request and the URL without its signature
//   add_canonical_request_hash(p, d)    SHA-256 of the canonical request (from the platform) -> string to sign
//   finish_v4(p, signature)             RSA-SHA256 signature of the string to sign (from the platform) -> URL
//
// The steps are separate because the browser's WebCrypto hashes and signs asynchronously: the core
// produces the bytes, the platform answers later, the core goes on. Synchronous platforms (OpenSSL, node)
// can use prepare_v4(request, sha256) and gcs/signed_url.hpp instead.
//
// Checked against Google's 29 published V4 conformance vectors (tests/data/gcs-v4, tests/unit/gcs/).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "crypto/crypto.hpp"
#include "diag/diagnostic.hpp"
#include "gcs/v4_request.hpp"

namespace eic::gcs {

inline constexpr std::int64_t kMaxExpirySeconds = 604800;  // 7 days (X-Goog-Expires)

struct V4Prepared {
    std::string canonical_request;  // the exact bytes that are hashed
    std::string active_datetime;    // X-Goog-Date: "20190201T090000Z"
    std::string credential_scope;   // "20190201/auto/storage/goog4_request"
    std::string unsigned_url;       // SCHEME://AUTHORITY/PATH?CANONICAL_QUERY_STRING, no X-Goog-Signature yet
    // Set by add_canonical_request_hash:
    std::string canonical_request_sha256;  // lower-case hex
    std::string string_to_sign;            // GOOG4-RSA-SHA256 \n DATETIME \n SCOPE \n HASH, the bytes to sign
};

struct V4Preparation {
    std::optional<V4Prepared> prepared;  // absent when the request has errors
    Diagnostics diagnostics;             // gcs.sign.* (sign_codes.hpp)
};

// Checks the request and builds the canonical request and the unsigned URL. Refuses (with a diagnostic
// each): an expiry outside 1-604,800 s, a method other than DELETE/GET/HEAD/POST/PUT, a bad bucket name,
// header name or endpoint, query parameters that the signature itself sets, and a missing client email.
V4Preparation prepare_v4(const V4Request& request);

// Completes `prepared` with the SHA-256 of its canonical request.
void add_canonical_request_hash(V4Prepared& prepared, const crypto::Sha256Digest& digest);

// Both steps with a synchronous hash function (crypto::Crypto::sha256 natively).
using Sha256Function = std::function<crypto::Sha256Digest(std::string_view)>;
V4Preparation prepare_v4(const V4Request& request, const Sha256Function& sha256);

// The signed URL: the unsigned URL and "&X-Goog-Signature=" with the signature's bytes in lower-case hex.
// The signature comes last, as in the published vectors and Google's client libraries.
std::string finish_v4(const V4Prepared& prepared, std::string_view signature);

}  // namespace eic::gcs

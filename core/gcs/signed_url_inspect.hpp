// Reading a V4 signed URL back: who signed it, for which scope, from when and for how long, which headers
// it covers, and the canonical request its signature is over, so that it can be checked by signing that
// again with the same key (RSASSA-PKCS1-v1_5 signatures are deterministic, RFC 8017 section 8.2). The
// checks follow Google's canonical-request and signature pages
// (https://cloud.google.com/storage/docs/authentication/canonical-requests,
// https://cloud.google.com/storage/docs/authentication/signatures).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"

namespace eic::gcs {

struct SignedUrlInfo {
    std::string algorithm;          // X-Goog-Algorithm
    std::string signer;             // the credential's account (before the scope)
    std::string scope;              // DATE/REGION/storage/goog4_request
    std::string datetime;           // X-Goog-Date
    std::int64_t start = 0;         // X-Goog-Date as POSIX seconds
    std::int64_t expires = 0;       // X-Goog-Expires
    std::int64_t seconds_left = 0;  // at `now`: negative once expired
    std::vector<std::string> signed_headers;
    std::string signature_hex;
    std::string scheme, authority, path;  // as in the URL (path still percent-encoded)
    std::string canonical_query;          // every parameter but the signature, decoded, re-encoded and sorted
};

struct SignedUrlInspection {
    std::optional<SignedUrlInfo> info;  // absent when the URL is not a V4 signed URL
    Diagnostics diagnostics;            // gcs.url.*: why not, or what is wrong with it now
};

SignedUrlInspection inspect_signed_url(std::string_view url, std::int64_t now);

// The canonical request the signature covers for `method`, when the URL signs only the host header
// (other headers' values are not in the URL); nullopt otherwise.
std::optional<std::string> canonical_request_of(const SignedUrlInfo& info, std::string_view method);

// The string to sign over a canonical request's SHA-256 (lower-case hex).
std::string string_to_sign_of(const SignedUrlInfo& info, std::string_view canonical_request_sha256_hex);

}  // namespace eic::gcs

// The JS API's signUrl request and the browser's signing steps as JSON. The browser signs with WebCrypto,
// whose promises answer later, so a prepared request goes out to JavaScript and comes back between the
// steps of v4_signing.hpp (prepare, hash, sign, finish).
//
// A request: {"method", "bucket", "object"?, "expires" (seconds), "timestamp"? (RFC 3339 text or POSIX
// seconds; default: now), "headers"? {name: value}, "query"? {name: value}, "scheme"?, "endpoint"?,
// "urlStyle"? ("path", "virtual-hosted", "bucket-bound"), "bucketBoundHostname"?, "universeDomain"?,
// "clientEmail"? (the signing account; the JS API takes it from the key file)} —
// the flags of `eic sign-url` (core/cli/sign_url_cmd.cpp) as JSON names.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "gcs/v4_request.hpp"
#include "gcs/v4_signing.hpp"

namespace eic::gcs {

struct V4RequestRead {
    std::optional<V4Request> request;  // absent when the JSON is not a usable request
    Diagnostics diagnostics;           // gcs.sign.request, with the JSON pointer of the field at fault
};

// `now` (POSIX seconds) is the timestamp when the request names none.
V4RequestRead read_v4_request_json(std::string_view json_text, std::int64_t now);

// V4Prepared to JSON and back ({"canonicalRequest", "activeDatetime", "credentialScope", "unsignedUrl",
// "canonicalRequestSha256", "stringToSign"}); nullopt when a field is missing or not a string.
nlohmann::ordered_json prepared_to_json(const V4Prepared& p);
std::optional<V4Prepared> prepared_from_json(const nlohmann::ordered_json& j);

}  // namespace eic::gcs

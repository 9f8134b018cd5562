// A bucket's CORS configuration, and which of its rules GCS applies to a request. Only the XML API (and so
// signed URLs) follows it; the JSON API answers every origin (https://cloud.google.com/storage/docs/cross-origin).
//
// The configuration is a JSON array of rules, {"origin": [...], "method": [...], "responseHeader": [...],
// "maxAgeSeconds": N} (https://cloud.google.com/storage/docs/gsutil/commands/cors; the `cors` field of the
// JSON API's bucket resource). "*" in `origin` means any origin and in `method` any method (the bucket
// resource's field descriptions). GCS evaluates the rules in order, "with the first Cors configuration
// matching the Origin and Method of the request used to determine any CORS response headers to add to the
// response", and a rule matches when the request's Origin matches any of its origins and its method any of
// its methods (https://cloud.google.com/storage/docs/xml-api/put-bucket-cors). `responseHeader` becomes
// both the preflight's Access-Control-Allow-Headers and the answer's Access-Control-Expose-Headers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"

namespace eic::gcs {

struct CorsRule {
    std::vector<std::string> origins;           // "origin"
    std::vector<std::string> methods;           // "method"
    std::vector<std::string> response_headers;  // "responseHeader"
    std::optional<std::int64_t> max_age_s;      // "maxAgeSeconds"
    std::string json;                           // the rule as read, compact, to write it back unchanged
};

struct CorsConfigRead {
    std::optional<std::vector<CorsRule>> rules;  // absent when the text is not a CORS configuration
    // gcs.cors.config errors (why there are no rules) and gcs.cors.rule warnings (rules or values that can
    // never match a browser's request), each with the JSON pointer of the value at fault.
    Diagnostics diagnostics;
};

// Reads the JSON array a --cors-file holds, or the bucket resource buckets.get returns with fields=cors
// ({"cors": [...]}; {} when the bucket has no configuration, which reads as no rules).
CorsConfigRead read_cors_config(std::string_view json);

// Why a browser's Origin header could never equal `origin`: browsers send the ASCII serialisation of an
// origin, SCHEME://HOST[:PORT] with a lower-case scheme and host and no path
// (https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin). "" when it is
// fine, "*" included.
std::string origin_problem(std::string_view origin);

// The rule GCS applies to a request from `origin` with `method`: the first whose origins hold `origin` or
// "*" and whose methods hold `method` or "*", compared exactly. nullptr when none matches: GCS then adds no
// CORS headers and the browser withholds the answer.
const CorsRule* matching_rule(const std::vector<CorsRule>& rules, std::string_view origin, std::string_view method);

}  // namespace eic::gcs

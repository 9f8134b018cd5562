// What a V4 signed URL is for: the request a holder of the URL will make. Filled by the CLI
// (`eic sign-url`), the JS API and the bucket tools, and turned into a canonical request by
// v4_signing.hpp.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace eic::gcs {

// Where the bucket is named (https://cloud.google.com/storage/docs/request-endpoints):
//   path            SCHEME://HOST/BUCKET/OBJECT          (storage.googleapis.com, or the endpoint)
//   virtual_hosted  SCHEME://BUCKET.HOST/OBJECT
//   bucket_bound    SCHEME://BUCKET-BOUND-HOSTNAME/OBJECT (a domain the bucket is served from)
enum class UrlStyle { path, virtual_hosted, bucket_bound };

using NameValues = std::vector<std::pair<std::string, std::string>>;

struct V4Request {
    std::string method;  // DELETE, GET, HEAD, POST (resumable-upload start only) or PUT
    std::string bucket;
    std::string object;          // raw UTF-8 name; empty: the bucket itself (a listing)
    std::int64_t expires = 0;    // seconds the URL stays valid after `timestamp`, 1 to 604,800
    std::int64_t timestamp = 0;  // when the URL starts to be valid, POSIX seconds (X-Goog-Date)
    NameValues headers;          // headers the request will send, as sent (names in any case, repeats allowed)
    NameValues query;            // extra query parameters, raw (not percent-encoded)
    std::string scheme;          // "https" or "http"; empty: the endpoint's, else https
    std::string endpoint;        // "SCHEME://HOST[:PORT]"; empty: https://storage.UNIVERSE-DOMAIN
    UrlStyle style = UrlStyle::path;
    std::string bucket_bound_hostname;  // "HOST[:PORT]" or "SCHEME://HOST[:PORT]", for UrlStyle::bucket_bound
    std::string universe_domain;        // empty: googleapis.com
    std::string client_email;           // the service account that signs (X-Goog-Credential)
};

}  // namespace eic::gcs

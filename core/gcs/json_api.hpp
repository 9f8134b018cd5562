// The Cloud Storage JSON API as eic uses it with an OAuth access token, so that no key is needed in the
// browser: objects.get for an object's metadata (or, with alt=media, its bytes), objects.list for a
// listing, and buckets.get for the bucket's CORS configuration.
// https://cloud.google.com/storage/docs/json_api/v1/objects/get, .../objects/list, .../buckets/get.
//
// JSON API endpoints answer cross-origin requests whatever the bucket's CORS configuration says
// (https://cloud.google.com/storage/docs/cross-origin), which the XML API's signed URLs do not.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "gcs/v4_request.hpp"

namespace eic::gcs {

inline constexpr const char* kJsonApiEndpoint = "https://storage.googleapis.com";

// The partial response (the standard `fields` parameter) eic asks objects.get for: what an object check
// records, and no more.
inline constexpr const char* kObjectFields = "name,size,contentType,updated,md5Hash,generation";

// ENDPOINT/storage/v1/b/BUCKET/o/OBJECT. The object name is ONE path segment, every byte but RFC 3986's
// unreserved characters percent-encoded, '/' included (%2F), as the objects.get page requires and
// python-storage does (`quote(name, safe="~")`). `endpoint` is "SCHEME://HOST[:PORT]"; empty: the default.
std::string json_api_object_url(std::string_view endpoint, std::string_view bucket, std::string_view object);
// ENDPOINT/storage/v1/b/BUCKET/o, the objects.list URL (without its query).
std::string json_api_objects_url(std::string_view endpoint, std::string_view bucket);
// ENDPOINT/storage/v1/b/BUCKET, the buckets.get URL (without its query).
std::string json_api_bucket_url(std::string_view endpoint, std::string_view bucket);
// NAME=VALUE pairs joined by '&', names and values percent-encoded (space as %20).
std::string json_api_query(const NameValues& query);

// The fields of an object resource eic reads (https://cloud.google.com/storage/docs/json_api/v1/objects).
struct ObjectResource {
    std::string name;
    std::optional<std::uint64_t> size;  // a uint64 sent as a decimal string
    std::string content_type;
    std::string updated;     // RFC 3339, as sent: when the object's metadata last changed
    std::string md5_hash;    // base64, as sent; absent for composite objects
    std::string generation;  // an int64 sent as a decimal string, kept as text
};

// The object resource in `body`; nullopt when it is not a JSON object, a field eic reads has the wrong type,
// or `size` is not a decimal string that fits 64 bits.
std::optional<ObjectResource> read_object_resource(std::string_view body);

}  // namespace eic::gcs

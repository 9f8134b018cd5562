// Which GCS object a manifest URL names, for probing it (gcs/object_check.hpp). The manifest keeps the
// URL as the user wrote it; only the probe goes to the XML API host, because
// https://storage.cloud.google.com (the authenticated browser download endpoint) never answers
// cross-origin requests (https://cloud.google.com/storage/docs/cross-origin) and signed URLs work only on
// XML API endpoints (https://cloud.google.com/storage/docs/access-control/signed-urls).
//
// Forms (https://cloud.google.com/storage/docs/request-endpoints):
//   https://storage.cloud.google.com/BUCKET/OBJECT    object percent-decoded
//   https://storage.googleapis.com/BUCKET/OBJECT      object percent-decoded
//   https://BUCKET.storage.googleapis.com/OBJECT      object percent-decoded
//   gs://BUCKET/OBJECT                                object taken as it is (gsutil/gcloud names are raw)
// A query or fragment ends the path of the https forms. Scheme and host compare case-insensitively.
#pragma once

#include <string>
#include <string_view>

namespace eic::gcs {

enum class ObjectUrlStatus {
    ok,           // bucket and object are known and can be probed
    not_gcs,      // not one of the forms above (another cloud, a relative path...)
    malformed,    // a GCS form, but no bucket or object, a bad percent-escape or a bucket name GCS refuses
    dot_segment,  // the object name has a "." or ".." segment: a browser's URL parser removes it
};

struct ObjectUrl {
    ObjectUrlStatus status = ObjectUrlStatus::not_gcs;
    std::string bucket;
    std::string object;  // raw UTF-8 name, decoded
    std::string reason;  // why it cannot be probed; empty when ok

    bool checkable() const { return status == ObjectUrlStatus::ok; }
};

ObjectUrl parse_object_url(std::string_view url);

// The path-style XML API URL of an object, unsigned: https://storage.googleapis.com/BUCKET/OBJECT with the
// object encoded as signing encodes it (gcs/v4_encoding.hpp). For messages and tests; probes are signed.
std::string xml_api_url(std::string_view bucket, std::string_view object);

// The URL Encord documents for GCS objects in manifests, https://storage.cloud.google.com/BUCKET/OBJECT
// (manifest/values.hpp), the object encoded as in xml_api_url, so that parse_object_url gives it back.
std::string console_url(std::string_view bucket, std::string_view object);
// gs://BUCKET/OBJECT with the object as it is: gs:// names are raw (see the forms above), so a name with
// a space or a '%' is written as such.
std::string gs_url(std::string_view bucket, std::string_view object);

}  // namespace eic::gcs

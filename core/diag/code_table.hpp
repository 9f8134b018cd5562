// The parts the registry of codes (diag/codes.cpp: schema, conversion, JSON and manifest codes;
// diag/codes_cloud.cpp: signed URLs, object checks, bucket CORS and media metadata; diag/codes_encord.cpp:
// Encord keys and request signing; diag/codes_encord_api.cpp: Encord's API) share: severity shorthands,
// section names and the sources they cite. Included by those files only.
#pragma once

#include <vector>

#include "diag/codes.hpp"

namespace eic::diag::code_table {

inline constexpr Severity E = Severity::error;
inline constexpr Severity W = Severity::warning;
inline constexpr Severity I = Severity::info;
inline constexpr bool fixed = false;
inline constexpr bool varies = true;

// Sections (the "## " headings of docs/diagnostics.md).
inline constexpr const char* kSchema = "Schema";
inline constexpr const char* kTools = "Conversion, split and inference";
inline constexpr const char* kJson = "JSON syntax";
inline constexpr const char* kManifest = "Manifest";
inline constexpr const char* kSigning = "Signed URLs";
inline constexpr const char* kChecks = "Object checks";
inline constexpr const char* kCors = "Bucket CORS";
inline constexpr const char* kMedia = "Media metadata";
inline constexpr const char* kEncordSigning = "Encord request signing";

// Signed URLs, object checks, bucket CORS and media metadata, in the order of docs/diagnostics.md.
const std::vector<CodeInfo>& cloud_codes();
// Encord keys and v2 request signing, in the order of docs/diagnostics.md.
const std::vector<CodeInfo>& encord_codes();

// Encord API calls and upload batches (diag/codes_encord_api.cpp).
inline constexpr const char* kEncordApi = "Encord API";
const std::vector<CodeInfo>& encord_api_codes();

}  // namespace eic::diag::code_table

// Sources, cited the same way everywhere (macros, so they join adjacent string literals).
#define EIC_SDK_SCHEMA "SDK `encord/metadata_schema.py`"
#define EIC_SDK_STORAGE "SDK `encord/orm/storage.py`"
#define EIC_DOCS_REGISTER "https://docs.encord.com/platform-documentation/Index/add-files/index-register-cloud-data"
#define EIC_DOCS_BEST "https://docs.encord.com/platform-documentation/General/best-practices"
#define EIC_DOCS_INTEGRATIONS "https://docs.encord.com/platform-documentation/General/annotate-data-integrations"
#define EIC_GCS_OBJECTS "https://cloud.google.com/storage/docs/naming-objects"
#define EIC_GCS_BUCKETS "https://cloud.google.com/storage/docs/naming-buckets"
#define EIC_GCS_CANONICAL "https://cloud.google.com/storage/docs/authentication/canonical-requests"
#define EIC_GCS_SIGNATURES "https://cloud.google.com/storage/docs/authentication/signatures"
#define EIC_GCS_XML_STATUS "https://cloud.google.com/storage/docs/xml-api/reference-status"
#define EIC_GCS_CORS "https://cloud.google.com/storage/docs/cross-origin"
#define EIC_GCS_CORS_ORDER "https://cloud.google.com/storage/docs/xml-api/put-bucket-cors"
#define EIC_FILL_BY_HAND                                                                                      \
    " eic writes no metadata object for the item; under strict client-only access Encord needs one, so give " \
    "it by hand (Encord's docs: fps, duration, width and height from `ffmpeg -i`, the file size from `ls -l`)."

// Every diagnostic code the manifest validator emits (validate.hpp, values.hpp). Codes are stable: tools
// and users match on them, and docs/diagnostics.md ("## Manifest") explains each (the registry,
// diag/codes.cpp). Never rename one; add a new code instead.
#pragma once

#include <vector>

namespace eic::manifest::code {

// Structure: the top level, collections and items
inline constexpr const char* duplicate_key = "manifest.duplicate-key";
inline constexpr const char* empty = "manifest.empty";
inline constexpr const char* group_missing_title = "manifest.group.missing-title";
inline constexpr const char* group_no_urls = "manifest.group.no-urls";
inline constexpr const char* group_url_gap = "manifest.group.url-gap";
inline constexpr const char* group_url_index = "manifest.group.url-index";
inline constexpr const char* item_duplicate_key = "manifest.item.duplicate-key";
inline constexpr const char* item_field_spelling = "manifest.item.field-spelling";
inline constexpr const char* item_missing_url = "manifest.item.missing-url";
inline constexpr const char* item_type = "manifest.item.type";
inline constexpr const char* item_unknown_field = "manifest.item.unknown-field";
inline constexpr const char* structured_collection = "manifest.structured-collection";
inline constexpr const char* top_level = "manifest.top-level";
inline constexpr const char* type = "manifest.type";
inline constexpr const char* unknown_key = "manifest.unknown-key";
inline constexpr const char* upsert_metadata = "manifest.upsert-metadata";

// Limits of one manifest file (limits.hpp)
inline constexpr const char* limit_csv_entries = "manifest.limit.csv-entries";
inline constexpr const char* limit_items = "manifest.limit.items";
inline constexpr const char* limit_urls = "manifest.limit.urls";

// URLs (values.hpp) and titles
inline constexpr const char* title_too_long = "manifest.title.too-long";
inline constexpr const char* url_bad_escape = "manifest.url.bad-escape";
inline constexpr const char* url_dot_segment = "manifest.url.dot-segment";
inline constexpr const char* url_duplicate = "manifest.url.duplicate";
inline constexpr const char* url_empty = "manifest.url.empty";
inline constexpr const char* url_file_name_too_long = "manifest.url.file-name-too-long";
inline constexpr const char* url_folder = "manifest.url.folder";
inline constexpr const char* url_googleapis_form = "manifest.url.googleapis-form";
inline constexpr const char* url_gs_form = "manifest.url.gs-form";
inline constexpr const char* url_no_object = "manifest.url.no-object";
inline constexpr const char* url_query = "manifest.url.query";
inline constexpr const char* url_scheme = "manifest.url.scheme";
inline constexpr const char* url_too_long = "manifest.url.too-long";
inline constexpr const char* url_whitespace = "manifest.url.whitespace";

// clientMetadata values against the schema
inline constexpr const char* metadata_datetime = "manifest.metadata.datetime";
inline constexpr const char* metadata_deleted_key = "manifest.metadata.deleted-key";
inline constexpr const char* metadata_embedding = "manifest.metadata.embedding";
inline constexpr const char* metadata_embedding_size = "manifest.metadata.embedding-size";
inline constexpr const char* metadata_enum = "manifest.metadata.enum";
inline constexpr const char* metadata_geo_range = "manifest.metadata.geo-range";
inline constexpr const char* metadata_geo_shape = "manifest.metadata.geo-shape";
inline constexpr const char* metadata_keyframes = "manifest.metadata.keyframes";
inline constexpr const char* metadata_null = "manifest.metadata.null";
inline constexpr const char* metadata_number_range = "manifest.metadata.number-range";
inline constexpr const char* metadata_type = "manifest.metadata.type";
inline constexpr const char* metadata_unknown_key = "manifest.metadata.unknown-key";
inline constexpr const char* metadata_uuid = "manifest.metadata.uuid";
inline constexpr const char* metadata_uuid_version = "manifest.metadata.uuid-version";
inline constexpr const char* metadata_varchar_length = "manifest.metadata.varchar-length";

// Media metadata (videoMetadata, imageMetadata, ...)
inline constexpr const char* media_incomplete = "manifest.media.incomplete";
inline constexpr const char* media_mime_type = "manifest.media.mime-type";
inline constexpr const char* media_range = "manifest.media.range";
inline constexpr const char* media_type = "manifest.media.type";
inline constexpr const char* media_unknown_field = "manifest.media.unknown-field";

// Strict client-only access
inline constexpr const char* strict_csv = "manifest.strict.csv";
inline constexpr const char* strict_image_sequence = "manifest.strict.image-sequence";
inline constexpr const char* strict_missing_metadata = "manifest.strict.missing-metadata";

// Plans and batches (limits.hpp)
inline constexpr const char* batch_recommended = "manifest.batch.recommended";
inline constexpr const char* plan_entries = "manifest.plan.entries";
inline constexpr const char* plan_file_size = "manifest.plan.file-size";
inline constexpr const char* plan_frames = "manifest.plan.frames";
inline constexpr const char* plan_media_size = "manifest.plan.media-size";
inline constexpr const char* plan_resolution = "manifest.plan.resolution";

// The run itself
inline constexpr const char* capped = "manifest.capped";

// All of the above, for the registry and documentation checks.
inline const std::vector<const char*>& all() {
    static const std::vector<const char*> codes = {duplicate_key,
                                                   empty,
                                                   group_missing_title,
                                                   group_no_urls,
                                                   group_url_gap,
                                                   group_url_index,
                                                   item_duplicate_key,
                                                   item_field_spelling,
                                                   item_missing_url,
                                                   item_type,
                                                   item_unknown_field,
                                                   structured_collection,
                                                   top_level,
                                                   type,
                                                   unknown_key,
                                                   upsert_metadata,
                                                   limit_csv_entries,
                                                   limit_items,
                                                   limit_urls,
                                                   title_too_long,
                                                   url_bad_escape,
                                                   url_dot_segment,
                                                   url_duplicate,
                                                   url_empty,
                                                   url_file_name_too_long,
                                                   url_folder,
                                                   url_googleapis_form,
                                                   url_gs_form,
                                                   url_no_object,
                                                   url_query,
                                                   url_scheme,
                                                   url_too_long,
                                                   url_whitespace,
                                                   metadata_datetime,
                                                   metadata_deleted_key,
                                                   metadata_embedding,
                                                   metadata_embedding_size,
                                                   metadata_enum,
                                                   metadata_geo_range,
                                                   metadata_geo_shape,
                                                   metadata_keyframes,
                                                   metadata_null,
                                                   metadata_number_range,
                                                   metadata_type,
                                                   metadata_unknown_key,
                                                   metadata_uuid,
                                                   metadata_uuid_version,
                                                   metadata_varchar_length,
                                                   media_incomplete,
                                                   media_mime_type,
                                                   media_range,
                                                   media_type,
                                                   media_unknown_field,
                                                   strict_csv,
                                                   strict_image_sequence,
                                                   strict_missing_metadata,
                                                   batch_recommended,
                                                   plan_entries,
                                                   plan_file_size,
                                                   plan_frames,
                                                   plan_media_size,
                                                   plan_resolution,
                                                   capped};
    return codes;
}

}  // namespace eic::manifest::code

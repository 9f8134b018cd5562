// An import manifest as data: what Encord's private-cloud JSON ("upload spec", reference/encord-api.md
// §3) holds, whether it was read from JSON or CSV. Used by convert, split and schema inference; the
// validator reads bytes itself (streaming) and does not need this model.
//
// Shape (file form, §3.2-3.3):
//   {"videos": [...], "images": [...], "image_groups": [...], "dicom_series": [...], "audio": [...],
//    "text": [...], "pdf": [...], "nifti": [...], "skip_duplicate_urls": true, ...}
// Single-object items have `objectUrl`; image groups (and image sequences, `createVideo: true`) and DICOM
// series have `objectUrl_0`, `objectUrl_1`, ... in display order. The file-form keys of text, pdf and
// nifti are not documented (§3.2, NOT FOUND); eic uses the SDK's structured keys.
//
// Field names: items are read with the documented camelCase keys (`objectUrl`, `clientMetadata`,
// `videoMetadata`, `createVideo`) and their snake_case spellings (`object_url`, `client_metadata`, ...);
// the fields inside the media metadata objects are read in either casing (`fileSize` or `file_size`)
// and written in snake_case, as the file-form example in §3.3 does. Items are written with camelCase
// keys. Fields eic does not know are kept, in order, and written back.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eic::manifest {

enum class Collection { videos, images, image_groups, dicom_series, audio, text, pdf, nifti };

inline constexpr Collection kAllCollections[] = {Collection::videos,       Collection::images, Collection::image_groups,
                                                 Collection::dicom_series, Collection::audio,  Collection::text,
                                                 Collection::pdf,          Collection::nifti};

// The top-level JSON key: "videos", "images", "image_groups", "dicom_series", "audio", "text", "pdf", "nifti".
const char* collection_key(Collection c);
// Also accepts the structured form's camelCase "imageGroups" and "dicomSeries".
std::optional<Collection> collection_from_key(std::string_view key);
// Whether items list their files as objectUrl_0, objectUrl_1, ... (image groups, DICOM series).
bool is_grouped(Collection c);
// The media metadata key of an item of this collection ("videoMetadata", ...); "" when there is none.
const char* metadata_key(Collection c);

// Where an item came from, for diagnostics.
struct Source {
    std::uint32_t line = 0;                 // 1-based; 0 when unknown (built in memory)
    std::uint32_t column = 0;               // 1-based, in code points
    std::size_t offset = 0;                 // byte offset of the item's first byte ('{' or the CSV row)
    std::size_t end = 0;                    // byte offset just past the item (JSON '}' or the last CSV row's end)
    std::optional<std::uint64_t> row;       // CSV: 1-based data row of the item's first row
    std::optional<std::uint64_t> last_row;  // CSV: its last row (groups span several rows)
};

struct Item {
    std::vector<std::string> urls;  // objectUrl, or objectUrl_0.. in order (groups)
    std::optional<std::string> title;
    std::optional<bool> create_video;        // image groups: true makes an image sequence
    nlohmann::ordered_json client_metadata;  // null when absent; otherwise as given (usually an object)
    // Media metadata objects by item key ("videoMetadata": {...}), inner names in snake_case; null when none.
    nlohmann::ordered_json metadata;
    // Item fields eic does not know, in order (null when none).
    nlohmann::ordered_json extra;
    Source source;
};

struct Manifest {
    // One list per collection, indexed by Collection. Order within a list is the input order.
    std::vector<Item> items[std::size(kAllCollections)];
    std::optional<bool> skip_duplicate_urls;
    // Top-level keys eic does not know (e.g. upsert_metadata), in order (null when none). Kept and
    // written back, and copied into every part by split.
    nlohmann::ordered_json extra;
    // The order in which collections appeared in the input, so writing keeps it.
    std::vector<Collection> order;

    std::vector<Item>& operator[](Collection c) { return items[std::size_t(c)]; }
    const std::vector<Item>& operator[](Collection c) const { return items[std::size_t(c)]; }
    std::size_t item_count() const;
    std::size_t url_count() const;
    // Collections in writing order: those in `order`, then the other non-empty ones in kAllCollections order.
    std::vector<Collection> collections() const;
};

// camelCase -> snake_case for media metadata field names ("fileSize" -> "file_size"); others unchanged.
std::string snake_case(std::string_view name);

}  // namespace eic::manifest

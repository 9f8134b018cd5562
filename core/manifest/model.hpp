// An import manifest as data: what Encord's private-cloud JSON file form holds, whether it was read
// from JSON or CSV. Used by convert, split, schema inference and the editor; the validator reads bytes
// itself (streaming) and does not need this model.
//
// Shape: one list of items per collection, the skip_duplicate_urls flag and any other top-level keys.
// Single-file items have one URL; grouped items (image groups, image sequences, DICOM series) list
// theirs in display order.
//
// Field names and collections are defined in format.hpp. Items are read with the documented camelCase
// keys and, flagged by the validator, their snake_case spellings; the spelling an item used is kept so
// writing it back changes nothing. The fields inside the media metadata objects are read in either
// casing (`fileSize` or `file_size`) and written in snake_case, as the file-form example does.
// Fields eic does not know are kept, in order, and written back.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "manifest/format.hpp"

namespace eic::manifest {

// The file form's top-level key of a collection (format.hpp).
const char* collection_key(Collection c);
// The collection of a file-form key, exactly as written; nullopt otherwise (structured-form names such
// as the structured form's camelCase names are not read as collections: format names them).
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
    format::Spelling spelling;               // how the item spelled its URL, clientMetadata, createVideo
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

// Writing the model (model.hpp) as Encord's JSON file form or as a CSV manifest.
//
// JSON: collections in the order they were read, then `skip_duplicate_urls`, then unknown top-level
// keys. Items: `objectUrl` (or `title`, `createVideo`, `objectUrl_0`.. for groups), `title`,
// `createVideo`, `clientMetadata`, the media metadata objects (inner names in snake_case), then unknown
// fields, in their order. Numbers are written back from their values (1.50 becomes 1.5).
//
// CSV (columns in format.hpp): one file, with a title column per data type present (Encord's guide: "you
// can ... combine multiple data types in a single CSV file"); a file of untitled videos alone is the
// lone ObjectUrl form. What CSV cannot hold is refused with one error per item (codes below) and then
// no bytes are produced; nothing is dropped silently.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "diag/diagnostic.hpp"
#include "manifest/model.hpp"

namespace eic::manifest {

namespace write_code {
inline constexpr const char* csv_collection = "convert.csv.collection";  // text, pdf, nifti: no CSV column
inline constexpr const char* csv_client_metadata = "convert.csv.client-metadata";
inline constexpr const char* csv_media_metadata = "convert.csv.media-metadata";
inline constexpr const char* csv_unknown_field = "convert.csv.unknown-field";
inline constexpr const char* csv_top_level = "convert.csv.top-level";  // skip_duplicate_urls: true, other keys
inline constexpr const char* csv_no_url = "convert.csv.no-url";
inline constexpr const char* csv_group_title = "convert.csv.group-title";          // a group without a title
inline constexpr const char* csv_duplicate_title = "convert.csv.duplicate-title";  // two groups, one title
inline constexpr const char* csv_title_filled = "convert.csv.title-filled";  // warning: untitled row in a mixed CSV
inline constexpr const char* csv_entries = "convert.csv.entries";            // warning: over 10,000 rows
}  // namespace write_code

struct JsonWriteOptions {
    bool pretty = true;  // 2-space indent and a final newline; compact otherwise
};

nlohmann::ordered_json item_json(const Item& item, Collection c);
nlohmann::ordered_json to_json(const Manifest& m);
std::string write_json(const Manifest& m, const JsonWriteOptions& options = {});

struct CsvWriteOptions {
    bool crlf = false;  // RFC 4180 line ends; LF by default
    bool bom = false;   // a UTF-8 BOM first (some spreadsheet programs want it)
};

struct CsvWriteResult {
    std::optional<std::string> bytes;  // absent when something was refused (an error in diagnostics)
    Diagnostics diagnostics;
};
CsvWriteResult write_csv(const Manifest& m, const CsvWriteOptions& options = {});

}  // namespace eic::manifest

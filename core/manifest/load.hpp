// Reading a manifest into the model (model.hpp), from JSON or CSV bytes.
//
// JSON: read with the streaming SAX reader (json/reader.hpp) straight into the model; only the items'
// own values are built as nlohmann JSON. Memory is roughly 6-10x the input for metadata-heavy files, so
// this path is meant for manifests up to a few hundred MB natively and about 100 MB in the browser; the
// validator (validate.hpp) streams files of any size without building a model.
// CSV: read with csv_manifest.hpp (the same row reading as the validator's), which leaves out rows
// whose type or group is not given, each with a finding.
//
// Loading is lenient: it keeps everything it can and reports what it had to drop or could not
// understand; checking the manifest against Encord's rules is the validator's job. A JSON syntax error
// stops the load (the model is then absent) with the json.* code at its place.
#pragma once

#include <optional>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "manifest/csv_manifest.hpp"
#include "manifest/model.hpp"

namespace eic::manifest {

using Format = format::FileFormat;
const char* format_name(Format f);  // "json", "csv"

// The one format detector, format::detect: by extension, then content.
inline Format detect_format(std::string_view bytes, std::string_view file_name = {}) {
    return format::detect(bytes, file_name);
}

namespace load_code {
inline constexpr const char* top_level = "load.top-level";    // the document is not a JSON object
inline constexpr const char* collection = "load.collection";  // a collection is not an array
inline constexpr const char* item = "load.item";              // an item is not an object (skipped)
inline constexpr const char* field_type =
    "load.field-type";  // objectUrl/title/createVideo of a wrong type (kept as an unknown field)
inline constexpr const char* url_index =
    "load.url-index";  // objectUrl_N with a bad or repeated N (kept as an unknown field)
inline constexpr const char* duplicate_key =
    "load.duplicate-key";                             // a member name repeated in one object (the last wins)
inline constexpr const char* number = "load.number";  // a number beyond the double range (read as null)
}  // namespace load_code

struct LoadResult {
    std::optional<Manifest> manifest;  // absent when the input could not be read (JSON syntax, CSV header)
    Diagnostics diagnostics;
};

LoadResult load_json(std::string_view bytes);
LoadResult load_csv(std::string_view bytes);
LoadResult load(std::string_view bytes, Format format);

}  // namespace eic::manifest

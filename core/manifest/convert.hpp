// Converting a manifest between Encord's JSON file form and CSV (load.hpp, then write.hpp). The library
// API behind `eic convert` and the JS API's convertManifest.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "manifest/load.hpp"
#include "manifest/write.hpp"

namespace eic::manifest {

struct ConvertOptions {
    Format to = Format::json;
    std::optional<Format> from;  // nullopt: detect_format(input, file_name)
    std::string file_name;       // for format detection only
    JsonWriteOptions json;
    CsvWriteOptions csv;
};

struct ConvertResult {
    // The converted file; absent when anything was refused or lost: an error while reading (a skipped
    // CSV row, a JSON syntax error) or something the target cannot hold (write.hpp's convert.csv.*).
    std::optional<std::string> bytes;
    Diagnostics diagnostics;  // reading's findings, then writing's
    Format from = Format::json;
};

ConvertResult convert(std::string_view input, const ConvertOptions& options);

}  // namespace eic::manifest

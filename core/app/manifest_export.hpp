// Exporting the manifest open in a tab, decided before anything is downloaded: the bytes, or why there
// are none (naming the items); what the export changes, read back (app/export_check.hpp) and as the
// writer warned; and how many errors remain open, so the user is asked before exporting a file Encord
// would refuse or one that differs from what they see.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/manifest_document.hpp"

namespace eic::app {

enum class ExportKind { json_pretty, json_compact, csv };

struct ExportPlan {
    ExportKind kind = ExportKind::json_pretty;
    std::string file_name;  // the tab's name with the format's extension
    const char* mime = "application/json";
    std::optional<std::string> bytes;  // absent: refused, see `refused`
    std::vector<std::string> refused;  // why not, one line per reason naming its items
    std::vector<std::string> changes;  // what differs from the table, one line each; empty when nothing
    std::uint64_t open_errors = 0;     // errors of the last validation
    // The user must confirm: errors remain, or the export changes data.
    bool needs_confirmation() const { return bytes && (open_errors > 0 || !changes.empty()); }
};

// "batch.json" for "batch.csv" exported as JSON: the name without its last extension, plus the format's.
std::string export_file_name(std::string_view name, ExportKind kind);

// Reading an export back costs two full parses (about 5 s natively for 200 MB, and the memory of
// both): it is done up to the largest JSON file Encord accepts on any plan (100 MB, Encord's
// best-practices page, manifest/limits.hpp). A larger export cannot be imported as it is; its plan
// says it was not compared, so the user is asked.
std::uint64_t default_max_read_back();

ExportPlan plan_export(const ManifestDocument& doc, ExportKind kind,
                       std::uint64_t max_read_back = default_max_read_back());

}  // namespace eic::app

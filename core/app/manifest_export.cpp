#include "app/manifest_export.hpp"

#include <optional>

#include "app/browser_limits.hpp"
#include "manifest/limits.hpp"

namespace eic::app {

std::string export_file_name(std::string_view name, ExportKind kind) {
    const std::size_t dot = name.rfind('.');
    std::string stem(dot == std::string_view::npos || dot == 0 ? name : name.substr(0, dot));
    return stem + (kind == ExportKind::csv ? ".csv" : ".json");
}

std::uint64_t default_max_read_back() { return manifest::plan_limits(manifest::Plan::enterprise).max_json_bytes; }

ExportPlan plan_export(const ManifestDocument& doc, ExportKind kind, std::uint64_t max_read_back) {
    ExportPlan plan;
    plan.kind = kind;
    plan.file_name = export_file_name(doc.file_name(), kind);
    if (const auto& r = doc.result()) plan.open_errors = r->summary.errors;
    const ItemNumber number = doc.item_numbers();
    // The items as the writers see them, read from the units once and only when needed: the CSV writer
    // and the read-back comparison share them; a JSON export too large to read back needs neither.
    std::optional<manifest::Manifest> read;
    const auto items = [&]() -> const manifest::Manifest& {
        if (!read) read = doc.to_manifest();
        return *read;
    };
    manifest::Format format = manifest::Format::json;
    if (kind == ExportKind::csv) {
        format = manifest::Format::csv;
        plan.mime = "text/csv";
        manifest::CsvWriteResult r = manifest::write_csv(items());
        if (!r.bytes) {
            plan.refused = export_reasons(r.diagnostics, number);
            return plan;
        }
        plan.bytes = std::move(r.bytes);
        plan.changes = export_reasons(r.diagnostics, number, 6, Severity::warning);
    } else {
        plan.bytes = doc.export_json(kind == ExportKind::json_pretty);
    }
    if (plan.bytes->size() > max_read_back) {
        plan.changes.push_back("not read back to compare: the export is " + byte_size_text(plan.bytes->size()) +
                               ", more than eic reads back (" + byte_size_text(max_read_back) +
                               ", the largest JSON file Encord accepts on any plan): split it");
        return plan;
    }
    for (std::string& c : export_changes(items(), *plan.bytes, format, number)) plan.changes.push_back(std::move(c));
    return plan;
}

}  // namespace eic::app

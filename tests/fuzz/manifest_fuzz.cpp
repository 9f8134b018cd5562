// Fuzzes the JSON import manifest as a user's file reaches eic (`eic validate`, `eic convert`, `eic split`,
// `eic infer-schema`, and the page's Manifest panel): the streaming validator (core/manifest/validate.hpp)
// without a schema and with a small fixed one, a plan and strict client-only checks; the loader and writer
// (core/manifest/load.hpp, write.hpp); splitting (split.hpp); schema inference (infer.hpp); and the drop
// sniffer that picks the panel (core/app/file_kind.hpp). Invariants:
// - validating in one call and in small slices (ValidationJob, as the page does) gives the same findings;
// - item spans lie inside the input, in order;
// - a manifest that loads writes JSON that loads again and writes the same bytes;
// - the parts of a split hold every item once;
// - an inferred draft reads back as a schema file without errors.
// Findings are also printed as the CLI's JSON report, which must not throw.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>

#include "app/file_kind.hpp"
#include "diag/report.hpp"
#include "fuzz_support.hpp"
#include "manifest/infer.hpp"
#include "manifest/load.hpp"
#include "manifest/split.hpp"
#include "manifest/validate.hpp"
#include "manifest/write.hpp"
#include "schema/document.hpp"

using eic::fuzz::check;
namespace m = eic::manifest;

namespace {

// tests/data/manifest/schema.json: one key of each type.
constexpr const char* kSchema = R"({
  "score": {"ty": "variant", "hint": "number"},
  "caption": {"ty": "variant", "hint": "varchar"},
  "captured": {"ty": "variant", "hint": "datetime"},
  "source": {"ty": "variant", "hint": "uuid"},
  "species": {"ty": "enum", "values": ["cat", "dog"]},
  "clip": {"ty": "embedding", "size": 4, "api": null},
  "where": {"ty": "geospatial"},
  "legacy": {"ty": "tombstone", "deleted_ty": {"ty": "variant", "hint": "text"}}
})";

const eic::schema::Schema& fixed_schema() {
    static const eic::schema::Schema schema = eic::schema::load_schema_text(kSchema).file->draft.schema;
    return schema;
}

bool same(const eic::Diagnostics& a, const eic::Diagnostics& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].code != b[i].code || a[i].severity != b[i].severity || a[i].message != b[i].message ||
            a[i].pointer != b[i].pointer || a[i].line != b[i].line || a[i].column != b[i].column)
            return false;
    return true;
}

void validate_both_ways(std::string_view in, m::ValidateOptions options, std::size_t slice) {
    std::vector<m::ItemSpan> spans;
    options.spans = &spans;
    const m::ValidationResult whole = m::validate_manifest(in, options);
    std::uint64_t at = 0;
    for (const auto& s : spans) {
        check(s.begin >= at && s.begin < s.end && s.end <= in.size());
        at = s.end;
    }
    options.spans = nullptr;
    m::ValidationJob job(in, options);
    int steps = 0;
    while (!job.step(slice)) check(++steps < 100000);
    const m::ValidationResult& sliced = job.result();
    check(same(whole.diagnostics, sliced.diagnostics));
    check(whole.summary.items == sliced.summary.items && whole.summary.urls == sliced.summary.urls &&
          whole.summary.errors == sliced.summary.errors && whole.summary.warnings == sliced.summary.warnings &&
          whole.summary.infos == sliced.summary.infos && whole.summary.collections == sliced.summary.collections);
    std::ostringstream report;
    eic::report::write_json(report, whole.diagnostics, m::summary_json(whole.summary));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in = eic::fuzz::text(data, size);
    eic::app::sniff_file_kind("manifest.json", in);

    m::ValidateOptions plain;
    plain.format = m::InputFormat::json;
    validate_both_ways(in, plain, 1 + size % 61);

    m::ValidateOptions strict = plain;
    strict.schema = fixed_schema();
    strict.plan = m::Plan::team;
    strict.strict_client_only = true;
    strict.max_diagnostics = 5;
    validate_both_ways(in, strict, 1 + size % 13);

    const m::LoadResult loaded = m::load_json(in);
    if (!loaded.manifest) return 0;
    const std::string written = m::write_json(*loaded.manifest);
    const m::LoadResult again = m::load_json(written);
    check(again.manifest.has_value());
    check(m::write_json(*again.manifest) == written);
    m::write_csv(*loaded.manifest);

    eic::Diagnostics split_findings;
    const auto parts =
        m::split_items(*loaded.manifest, m::max_items_profile(1 + size % 3), m::Format::json, {}, split_findings);
    std::size_t items = 0;
    for (const auto& part : parts) items += part.size();
    check(items == loaded.manifest->item_count());

    const m::InferResult inferred = m::infer_schema(*loaded.manifest);
    const eic::schema::SchemaLoad draft = eic::schema::load_schema_text(m::write_draft_file(inferred.draft));
    check(draft.file && draft.file->is_draft && !eic::has_error(draft.diagnostics));
    return 0;
}

// The manifest validator: checks an Encord private-cloud import manifest (the JSON file form or a CSV
// manifest, as format.hpp defines them) against
// Encord's rules, the GCS naming rules, the organisation's metadata schema and the plan's limits, and
// reports every finding at once (codes in docs/diagnostics.md, sections "JSON syntax" and "Manifest").
// JSON findings carry a JSON pointer; CSV findings carry the data row and the column name instead.
//
// It streams over the bytes with core/json's SAX reader (CSV: core/csv's record reader): no DOM, so
// memory stays near the input size (the duplicate-URL table holds 8 bytes per slot, at most two slots
// per URL; diagnostics are capped). Line and column are computed only for the findings kept.
//
// Two forms: validate_manifest() in one call (with an optional progress callback that can cancel), and
// ValidationJob for the UI, which validates in slices (step) within a frame's budget and can resume,
// with progress and cancel. Both give identical findings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "manifest/limits.hpp"
#include "schema/model.hpp"

namespace eic::manifest {

enum class InputFormat { auto_detect, json, csv };

// Where one JSON item (an element of a collection that is an object) lies in the input: [begin, end)
// from its '{' to just past its '}'. The editor indexes a manifest from these while validating it.
struct ItemSpan {
    const char* collection;  // the collection's top-level key (format.hpp); static storage
    std::uint32_t item;      // 0-based index in its collection
    std::uint64_t begin, end;
};

struct ValidateOptions {
    std::optional<schema::Schema> schema;  // clientMetadata is checked against it when set
    // auto_detect: format::detect(bytes, file_name): by the name's extension, then by content.
    InputFormat format = InputFormat::auto_detect;
    std::string file_name;               // for auto_detect only
    bool strict_client_only = false;     // videoMetadata / imageMetadata required and complete
    std::optional<Plan> plan;            // the plan's limits as errors, recommended batches as info
    std::size_t max_diagnostics = 1000;  // findings kept; beyond it only counted per code (0 = no cap)
    // Called with (bytes done, bytes total); returning false cancels.
    std::function<bool(std::size_t, std::size_t)> progress;
    std::size_t progress_every = 1 << 20;
    // When set, every JSON item's span is appended, in file order (CSV input records none).
    std::vector<ItemSpan>* spans = nullptr;
};

struct ValidationSummary {
    std::string format;  // "json" or "csv"
    std::uint64_t bytes = 0;
    std::uint64_t items = 0;                            // entries of all collections
    std::uint64_t urls = 0;                             // objectUrl and objectUrl_N values
    std::map<std::string, std::uint64_t> collections;   // items per collection present in the file
    std::uint64_t errors = 0, warnings = 0, infos = 0;  // all findings, kept or not
    double ms = 0;
    std::uint64_t batches = 0;                        // batch_count() under the recommended profile
    std::map<std::string, std::uint64_t> suppressed;  // findings beyond max_diagnostics, per code
    bool cancelled = false;
};

struct ValidationResult {
    ValidationSummary summary;
    Diagnostics diagnostics;  // in file order; at most max_diagnostics (+1 for manifest.capped)
    bool has_errors() const { return summary.errors > 0; }
};

ValidationResult validate_manifest(std::string_view bytes, const ValidateOptions& options = {});

// Validation in slices, for a UI that must not block a frame:
//   ValidationJob job(bytes, options);
//   each frame: if (job.step(4 << 20)) show(job.result()); else show(job.done_bytes(), job.total_bytes());
// step() validates at least one item and continues up to about `max_bytes` further (whole items: one
// huge item is one step), then returns; it returns true once finished. The JSON manifest's collections
// are walked item by item, so it resumes anywhere between items. CSV files (at most 10,000 rows) and
// JSON files whose top level is not an object are validated in their first step. cancel() stops at the
// next item; the result then has summary.cancelled. `bytes` must outlive the job. summary.ms is the
// time spent inside step().
class ValidationJob {
public:
    ValidationJob(std::string_view bytes, ValidateOptions options);
    ~ValidationJob();
    ValidationJob(ValidationJob&&) noexcept;
    ValidationJob& operator=(ValidationJob&&) noexcept;

    bool step(std::size_t max_bytes);
    void cancel();
    bool finished() const;
    std::size_t done_bytes() const;
    std::size_t total_bytes() const;
    const ValidationResult& result() const;  // meaningful once finished()

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// {"format","bytes","items","urls","collections":{..},"errors","warnings","infos","ms","batches",
//  "suppressed":{code: n},"cancelled"}: the summary of the CLI's --output json.
nlohmann::ordered_json summary_json(const ValidationSummary& summary);

}  // namespace eic::manifest

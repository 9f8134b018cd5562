// A manifest open in the editor: its units (manifest_units.hpp), the findings of the last validation
// placed on units and cells, edits with undo and redo, quick fixes, and export.
//
// Validation is a job the UI steps within its frame budget (step()); opening starts it, and the units
// are indexed from the same pass. After edits, each changed unit is validated again at once on its
// own (incremental: findings about one item), and the whole file is marked stale: checks across items
// (duplicate URLs, limits) need a full pass, which also re-bases the units onto the written text.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/export_check.hpp"
#include "app/manifest_columns.hpp"
#include "app/manifest_units.hpp"
#include "manifest/infer.hpp"
#include "manifest/load.hpp"
#include "manifest/split.hpp"
#include "manifest/validate.hpp"
#include "manifest/write.hpp"
#include "schema/model.hpp"

namespace eic::app {

struct ManifestChecks {
    bool strict_client_only = false;
    std::optional<manifest::Plan> plan;
};

// A unit's findings, as bits: the worst severity decides the status cell.
enum UnitStatus : std::uint8_t { status_error = 1, status_warning = 2, status_info = 4 };

class ManifestDocument {
public:
    static constexpr std::uint32_t kNoUnit = ManifestUnits::kNone;

    ManifestDocument();
    ~ManifestDocument();
    ManifestDocument(ManifestDocument&&) noexcept;
    ManifestDocument& operator=(ManifestDocument&&) noexcept;

    // Opens bytes as read (JSON or CSV by name and content) and starts validating them.
    void open(std::string file_name, std::string bytes, const schema::Schema& schema, const ManifestChecks& checks);
    // An empty manifest to fill by hand.
    void open_new(std::string file_name, const schema::Schema& schema, const ManifestChecks& checks);
    bool is_open() const { return open_; }
    const std::string& file_name() const { return file_name_; }
    manifest::Format format() const { return format_; }
    std::size_t size() const { return source_ ? source_->size() : 0; }  // as opened

    // ---- validation
    // Starts a full validation of the manifest as it is now (the written text when edited).
    void validate(const schema::Schema& schema, const ManifestChecks& checks);
    // Validates for about max_bytes; true when no job is running afterwards.
    bool step(std::size_t max_bytes);
    void cancel();
    bool validating() const { return job_ != nullptr; }
    double progress() const;                         // 0..1 of the running job
    double rate_mb_s() const { return rate_mb_s_; }  // of the last finished (or running) job
    const std::optional<manifest::ValidationResult>& result() const { return result_; }
    // Edits since the last full validation: findings across items may be out of date.
    bool stale() const { return stale_; }
    // The text line and column refer to: the bytes of the last full validation.
    const std::shared_ptr<const std::string>& validated_text() const { return validated_text_; }
    // False when the file could not be indexed into units (a syntax error before or among the items,
    // a top level that is not an object): the table then holds the units read before the problem and
    // editing is off, so nothing is written from a partial reading.
    bool editable() const { return editable_; }

    // ---- units and findings
    const ManifestUnits& units() const { return units_; }
    std::uint8_t status(std::uint32_t unit) const { return unit < status_.size() ? status_[unit] : 0; }
    // Indexes into result()->diagnostics of the unit's findings.
    const std::vector<std::uint32_t>& findings_of(std::uint32_t unit) const;
    std::uint32_t unit_of(std::size_t diagnostic) const {
        return diagnostic < diag_unit_.size() ? diag_unit_[diagnostic] : kNoUnit;
    }
    // Findings per code (all, kept or not), for the grouped list.
    std::map<std::string, std::uint64_t> counts_by_code() const;
    // The unit's item, read from its text (cached for the rows on screen); null when unreadable.
    const manifest::Item* item(std::uint32_t unit) const;
    // Bumped by every change of units or findings; views recompute when it moves.
    std::uint64_t revision() const { return revision_; }

    // ---- edits (each is one undo step; returns "" or what is wrong, and then changes nothing)
    std::string set_cell(std::uint32_t unit, const Column& column, std::string_view text);
    std::uint32_t add_unit(manifest::Collection c);
    void delete_units(const std::vector<std::uint32_t>& units);
    std::string bulk_set_cell(const std::vector<std::uint32_t>& units, const Column& column, std::string_view text);
    // Replaces `find` with `replace` in every URL of the units; returns how many URLs changed.
    std::size_t bulk_replace_in_urls(const std::vector<std::uint32_t>& units, std::string_view find,
                                     std::string_view replace);
    // Percent-encodes whitespace in URLs (trailing and leading whitespace is removed); returns how many changed.
    std::size_t bulk_encode_url_whitespace(const std::vector<std::uint32_t>& units);
    // Edits the live units' items with edit(unit, item, collection), which returns whether it changed the
    // item it was given: one undo step, labelled label(items changed); returns how many changed.
    std::size_t edit_items(const std::vector<std::uint32_t>& units,
                           const std::function<bool(std::uint32_t, manifest::Item&, manifest::Collection)>& edit,
                           const std::function<std::string(std::size_t)>& label);
    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    std::string undo_label() const { return undo_.empty() ? "" : undo_.back().label; }
    std::string redo_label() const { return redo_.empty() ? "" : redo_.back().label; }
    void undo();
    void redo();
    // Changed since opened or last saved (an export marks it saved).
    bool dirty() const { return undo_.size() != saved_depth_; }
    void mark_saved() { saved_depth_ = undo_.size(); }
    // Edits made before it was opened (an autosaved tab): unsaved until exported.
    void mark_unsaved() { saved_depth_ = ~std::size_t(0); }

    // ---- quick fixes: one per finding where a safe one exists
    // What the fix does ("Percent-encode the whitespace"), or "" when there is none.
    std::string fix_label(std::size_t diagnostic) const;
    bool apply_fix(std::size_t diagnostic);
    // The finding codes that have a quick fix (manifest_fixes.cpp).
    static std::vector<std::string_view> fixable_codes();

    // ---- export
    // The manifest as it stands, for the autosave: the bytes as opened while no edit changed them (a
    // file that could not be indexed is never edited), else the units written as JSON (an edited CSV
    // file too: JSON holds whatever the edit was). Null before a file is open.
    struct CurrentText {
        std::shared_ptr<const std::string> text;
        manifest::Format format = manifest::Format::json;
    };
    CurrentText current_text() const;
    std::string export_json(bool pretty) const { return units_.write_json(pretty); }
    manifest::CsvWriteResult export_csv() const;
    // The live items as the writers see them, and each one's number in the table ("#": unit + 1), for
    // messages about an export (app/export_check.hpp).
    manifest::Manifest to_manifest() const { return units_.to_manifest(); }
    ItemNumber item_numbers() const;
    manifest::SplitResult split(const manifest::SplitProfile& profile, manifest::Format format) const;
    manifest::InferResult infer_schema() const;

    // Incremental validation of edited units needs the checks of the last full validation.
    const schema::Schema& schema() const { return schema_; }

private:
    struct Change {
        std::uint32_t unit = kNoUnit;
        manifest::Collection collection = manifest::Collection::images;
        std::optional<std::string> before, after;  // texts; nullopt: not a text change
        bool deleted_before = false, deleted_after = false;
        bool added = false;  // the unit was added by this change (undo removes it)
    };
    struct Op {
        std::string label;
        std::vector<Change> changes;
        // Whole-document replacement (a fix that renames a collection key): the states around it.
        std::shared_ptr<ManifestUnits> units_before, units_after;
    };

    // The quick fixes (manifest_fixes.cpp): the table, and the entry for a finding with its row.
    struct FixTarget;
    struct QuickFix;
    static const std::vector<QuickFix>& quick_fixes();
    const QuickFix* quick_fix(std::size_t diagnostic, std::uint32_t& unit, const manifest::Item*& item) const;
    bool replace_item(std::uint32_t unit, manifest::Item item, const std::string& label);

    void start_job(std::shared_ptr<const std::string> text, manifest::Format format);
    void finish_job();
    void reindex_findings();
    void apply(const Op& op, bool forward);
    void commit(Op op);
    void revalidate_units(const std::vector<std::uint32_t>& units);
    std::string text_change(std::uint32_t unit, manifest::Item item, Op& op);
    // Rewrites every URL of the units; one undo step labelled `label` (with the count for {}).
    std::size_t edit_urls(const std::vector<std::uint32_t>& units,
                          const std::function<std::string(const std::string&)>& rewrite, const char* label);
    manifest::ValidateOptions options() const;

    bool open_ = false;
    bool editable_ = false;
    bool edited_ = false;                        // any edit since opening, even if undone
    std::shared_ptr<const std::string> source_;  // the bytes as opened
    std::string file_name_;
    manifest::Format format_ = manifest::Format::json;
    ManifestUnits units_;
    schema::Schema schema_;
    ManifestChecks checks_;

    struct Job;
    std::unique_ptr<Job> job_;
    std::optional<manifest::ValidationResult> result_;
    std::shared_ptr<const std::string> validated_text_;
    double rate_mb_s_ = 0;
    bool stale_ = false;
    std::vector<std::uint32_t> diag_unit_;                // per diagnostic
    std::vector<std::vector<std::uint32_t>> unit_diags_;  // per unit
    std::vector<std::uint8_t> status_;

    std::vector<Op> undo_, redo_;
    std::size_t saved_depth_ = 0;
    std::uint64_t revision_ = 0;
    std::uint64_t edits_ = 0;  // changes of units (apply), to tell whether a job's text is still current
    mutable std::unordered_map<std::uint32_t, std::optional<manifest::Item>> cache_;
};

}  // namespace eic::app

// The upload of the manifest in front to Encord, as the Encord window's Upload tab runs it: the manifest as
// the JSON Encord's API takes (a CSV tab is written as JSON: the data-upload job's spec is the JSON file
// form, encord/api_requests.hpp upload_job_start), planned into batches (encord/upload_plan.hpp) and sent
// and followed by encord::UploadRun.
//
// What a reload needs is saved in two records: the plan (SavedPlan: the manifest as sent and the items of
// each batch), written once before the first start, and the ledger (encord/upload_ledger.hpp), written on
// every change. A restored session rebuilds the very batches from them (rebuild_batches) and resumes the
// run: jobs started are followed again, a start that was out becomes an unknown outcome, never re-sent.
//
// Unit errors are traced to the manifest's items (encord/unit_error_map.hpp) and from there to the rows of
// the tab they came from, while that tab still holds the manifest as it was sent (same revision), or of
// the tab a restore opens from the saved manifest. The failed items of every batch are written as one
// manifest to send again, with skip_duplicate_urls so that nothing a job did register is registered twice.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/bucket_check.hpp"
#include "app/manifest_document.hpp"
#include "app/manifest_workspace.hpp"
#include "encord/api_call.hpp"
#include "encord/upload_ledger.hpp"
#include "encord/upload_plan.hpp"
#include "encord/upload_run.hpp"
#include "manifest/model.hpp"

namespace eic::app {

struct UploadChoice {
    std::string folder_uuid, folder_name;
    std::string integration_uuid, integration_title;
    bool ignore_errors = false;  // the job's ignoreErrors: register the units that work, report the rest
    // Sets skip_duplicate_urls in every batch: a batch sent again (after an unknown outcome or a retry of
    // failed units) then cannot register a file twice (Encord's "skip_duplicate_urls" in the JSON file form).
    bool skip_duplicate_urls = true;
    std::string profile = "enterprise";  // manifest::split_profile's names
    std::uint64_t max_items = 0;         // items per batch when fewer than the profile's; 0: the profile's
};

// Why the document cannot be uploaded with `choice` now (in user words); empty when it can.
std::string cannot_upload(const ManifestDocument& doc, const UploadChoice& choice);

// The sizes a check of the document's objects found (URL -> bytes), for the plan's media budget.
encord::ObjectSizes object_sizes(const BucketCheck* check);

// The plan record: what a reload needs besides the ledger. Strict file form:
//   {"format": "eic-upload-plan", "version": 1, "manifestName", "manifestJson", "folderName",
//    "integrationTitle", "skipDuplicateUrls", "profile", "maxItems", "batches": [[["images", first, count], ...], ...]}
struct SavedPlan {
    std::string manifest_name;
    std::string manifest_json;
    std::string folder_name, integration_title;
    bool skip_duplicate_urls = true;
    std::string profile = "enterprise";
    std::uint64_t max_items = 0;
    std::vector<std::vector<manifest::ItemRef>> batches;
};
std::string to_json(const SavedPlan& plan);
encord::Parsed<SavedPlan> parse_saved_plan(std::string_view text);

// One unit error of one job, as the Upload tab's table shows it.
struct UnitErrorRow {
    std::size_t batch = 0;
    encord::UnitError error;
    std::optional<manifest::ItemRef> item;  // none: the error names no URL of the batch's items
    std::string where;                      // "/images/12 (line 3, column 5)" in the manifest as sent
};

class UploadSession {
public:
    // Plans the upload of `doc` (cannot_upload must be empty). `tab` and the document's revision are kept
    // to trace rows.
    UploadSession(const ManifestDocument& doc, TabId tab, const encord::ObjectSizes& sizes, const UploadChoice& choice);
    // A session saved before a reload. Fails (error set, no run possible) when the records disagree.
    UploadSession(SavedPlan plan, encord::UploadLedger ledger);

    const std::string& error() const { return error_; }  // why a restored session cannot run
    bool restored() const { return restored_; }
    const SavedPlan& saved_plan() const { return saved_; }
    const encord::UploadPlan& plan() const { return plan_; }  // restored: batches only, no sizes
    const manifest::Manifest& manifest() const { return manifest_; }
    std::size_t batch_count() const { return plan_.batches.size(); }

    // The run (made by start()); null before.
    const std::shared_ptr<encord::UploadRun>& run() const { return run_; }
    // Makes the run: new, or resuming the saved ledger. The context's client and signer must outlive it.
    std::shared_ptr<encord::UploadRun> start(const encord::ApiContext& context, encord::UploadRunOptions options);
    // The ledger to show before start() on a restored session (the saved one).
    const encord::UploadLedger& ledger() const;

    // The tab the rows are in, and whether it still holds the manifest as sent.
    void trace_rows_in(TabId tab, const ManifestDocument& doc);
    // The tab that will hold the manifest as sent, before it has read it (a resumed upload's).
    void expect_rows_in(TabId tab) {
        tab_ = tab;
        rows_.clear();
    }
    std::optional<TabId> tab() const { return tab_; }
    bool rows_traced() const { return !rows_.empty(); }
    // The row (unit) of an item in that tab, when the tab's document is still at the traced revision.
    std::optional<std::uint32_t> row_of(const manifest::ItemRef& item, const ManifestDocument& doc) const;

    // What follows is worked out again only when the run changed (encord::UploadRun::changes()): views
    // ask for it every frame.
    const std::vector<UnitErrorRow>& unit_error_rows() const;
    // The items whose units failed, in every batch, as one JSON manifest (skip_duplicate_urls set); empty
    // when none failed.
    std::string failed_units_manifest() const;
    std::size_t failed_unit_count() const;
    // The items of the batches the run did not get through: starts refused or with an unknown outcome, and
    // batches never started (the run stopped, or was cancelled first), as one JSON manifest with
    // skip_duplicate_urls set, so sending it cannot register twice what an unknown outcome did register.
    // Empty when every batch was started.
    std::string unsent_manifest() const;
    std::size_t unsent_batch_count() const;

private:
    void load_manifest();
    // The unit errors with their items, the failed items and the batches not sent, at a run's change.
    struct Derived {
        const encord::UploadRun* run = nullptr;
        std::uint64_t at_changes = ~std::uint64_t(0);
        std::vector<UnitErrorRow> rows;
        std::vector<manifest::ItemRef> failed;
        std::vector<std::size_t> unsent;
    };
    const Derived& derived() const;

    SavedPlan saved_;
    encord::UploadPlan plan_;
    manifest::Manifest manifest_;
    std::optional<encord::UploadLedger> restored_ledger_;
    std::shared_ptr<encord::UploadRun> run_;
    std::optional<TabId> tab_;
    std::uint64_t tab_revision_ = 0;
    std::vector<std::vector<std::uint32_t>> rows_;  // [collection][index] -> unit in the traced tab
    std::string error_;
    bool restored_ = false;
    mutable Derived derived_;
};

}  // namespace eic::app

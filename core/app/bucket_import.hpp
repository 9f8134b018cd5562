// A manifest from a bucket prefix, as one job (jobs/job_runner.hpp): list the prefix (gcs/listing_job.hpp),
// build the manifest (manifest/from_listing.hpp), then, when asked, read each image's and video's header
// with ranged GETs (gcs/media_probe.hpp) and write its imageMetadata / videoMetadata
// (manifest/media_metadata_json.hpp). An item whose metadata cannot be read keeps none and gets a finding:
// never a half-filled object. The result is the manifest's JSON text, to open as a tab.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/bucket_check.hpp"
#include "diag/diagnostic.hpp"
#include "gcs/listing_job.hpp"
#include "gcs/media_probe.hpp"
#include "jobs/job_runner.hpp"
#include "manifest/from_listing.hpp"

namespace eic::app {

struct BucketImportOptions {
    std::string bucket;
    std::string prefix;
    manifest::ListingGrouping grouping = manifest::ListingGrouping::none;
    manifest::ListingUrlForm url_form = manifest::ListingUrlForm::cloud_console;
    bool fill_metadata = true;
    std::function<double()> steady;  // seconds, never decreasing
    std::function<double()> wall;    // POSIX seconds
};

// A finding about one item of the built manifest, named by its collection and title.
struct ImportFinding {
    std::string item;  // "images: photo-64x48.jpg"
    std::string url;   // the item's object URL, which finds its row once the manifest is open
    Diagnostic diagnostic;
};

struct BucketImportResult {
    std::string json;   // the manifest; empty when the listing failed
    std::string error;  // why there is no manifest
    std::size_t listed = 0, items = 0, with_metadata = 0;
    std::vector<manifest::SkippedObject> skipped;
    std::vector<ImportFinding> findings;
    std::vector<std::string> warnings;
};

// The import's findings on the rows of the manifest it opened as, found by their items' object URLs (the
// document numbers its units itself). A finding whose row is gone (deleted since) stays, as a finding about
// the whole manifest that names its item, so that nothing is dropped.
std::vector<UnitFinding> place_import_findings(const ManifestDocument& doc, const std::vector<ImportFinding>& findings);

class BucketImportJob : public jobs::Job {
public:
    // `client` and `signer` must outlive the job.
    BucketImportJob(net::HttpClient& client, gcs::ProbeSigner& signer, BucketImportOptions options);
    jobs::StepStatus step(std::size_t max_bytes) override;
    double progress() const override;
    double rate() const override;
    const char* rate_unit() const override { return "objects/s"; }
    void cancel() override;
    bool finished() const override { return finished_; }
    std::string label() const override;

    const BucketImportResult& result() const { return result_; }
    // The listing waits for a new access token (gcs/listing_job.hpp); resume() goes on where it stopped.
    bool waiting_for_token() const { return !media_ && listing_->waiting_for_token(); }
    void resume() { listing_->resume(); }
    bool reading_metadata() const { return media_ != nullptr; }

private:
    void listed();
    void probed();

    net::HttpClient& client_;
    gcs::ProbeSigner& signer_;
    BucketImportOptions options_;
    std::unique_ptr<gcs::ListingJob> listing_;
    std::unique_ptr<gcs::MediaProbeJob> media_;
    manifest::Manifest manifest_;
    // Which item each metadata target is: (collection, index).
    std::vector<std::pair<manifest::Collection, std::size_t>> targets_;
    BucketImportResult result_;
    bool finished_ = false;
};

}  // namespace eic::app

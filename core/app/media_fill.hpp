// Media metadata for a manifest that is open: reads the header of each image's and video's object with
// ranged GETs (gcs/media_probe.hpp), as a bucket listing does for the manifest it builds
// (app/bucket_import.hpp), and writes imageMetadata / videoMetadata into the document as one undo step.
// Strict client-only access needs them for every item (Encord's data-integrations page, "Strict client-only
// access"), and a manifest written by hand rarely has them.
//
// Items that already carry their metadata are left alone unless `refill`; items of groups (objectUrl_N)
// carry none in the file form, and objects that are not in GCS cannot be read: both are counted, not
// probed. An item whose header cannot be read keeps what it had and gets a finding: never a half-filled
// object. The write goes only into items whose object URL is still the one that was read, so edits made
// while the job ran are not overwritten with another object's numbers.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/bucket_import.hpp"
#include "app/manifest_document.hpp"
#include "gcs/media_probe.hpp"
#include "jobs/job_runner.hpp"

namespace eic::app {

struct MediaFillOptions {
    bool refill = false;             // read items that already have metadata too
    std::function<double()> steady;  // seconds, never decreasing
    std::function<double()> wall;    // POSIX seconds
};

struct MediaFillCounts {
    std::size_t targets = 0;        // items whose header is read
    std::size_t had_metadata = 0;   // left alone (not refill)
    std::size_t not_in_gcs = 0;     // URLs that name no GCS object eic can address
    std::size_t filled = 0;         // written by apply()
    std::size_t changed_since = 0;  // read, but their URL was edited meanwhile: not written
};

class MediaFillJob : public jobs::Job {
public:
    // `client` and `signer` must outlive the job. The document is read now, not kept.
    MediaFillJob(const ManifestDocument& doc, net::HttpClient& client, gcs::ProbeSigner& signer,
                 MediaFillOptions options);

    jobs::StepStatus step(std::size_t max_bytes) override;
    double progress() const override { return probe_->progress(); }
    double rate() const override { return probe_->rate(); }
    const char* rate_unit() const override { return "objects/s"; }
    void cancel() override { probe_->cancel(); }
    bool finished() const override { return probe_->finished(); }
    std::string label() const override { return "Reading media headers"; }

    // Once finished: writes what was read into `doc` (one undo step) and returns how many items were
    // filled; later calls write nothing.
    std::size_t apply(ManifestDocument& doc);
    const MediaFillCounts& counts() const { return counts_; }
    // The items whose header could not be read (place them with place_import_findings()).
    const std::vector<ImportFinding>& findings() const { return findings_; }

private:
    struct Target {
        std::uint32_t unit = 0;
        std::string url;
        std::string item;  // "images: title", for messages
    };
    std::vector<Target> targets_;
    std::unique_ptr<gcs::MediaProbeJob> probe_;
    MediaFillCounts counts_;
    std::vector<ImportFinding> findings_;
    bool applied_ = false;
};

}  // namespace eic::app

// One check of the objects a manifest tab names (gcs/object_check.hpp), as the Manifest panel shows it:
// every object URL of every unit (objectUrl, and objectUrl_N of a group) becomes a target whose id is its
// place in urls(); the results map back to units as a status per row (a group's worst object) and as
// findings per row. The job runs on the workspace's runner (ManifestWorkspace::run_job) and is shared
// with it, so its results outlive the runner's copy.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/manifest_document.hpp"
#include "gcs/object_check.hpp"
#include "gcs/object_findings.hpp"
#include "jobs/job_runner.hpp"

namespace eic::app {

struct CheckedUrl {
    std::uint32_t unit = 0;
    std::uint32_t index = 0;  // place in the item's URLs (objectUrl_N)
    std::string url;
};

// Every object URL of the document's live units, in unit order.
std::vector<CheckedUrl> object_urls_of(const ManifestDocument& doc);

// A job on the runner that steps a job someone else shares, so the owner keeps it once the runner
// drops it.
class SharedJob : public jobs::Job {
public:
    explicit SharedJob(std::shared_ptr<jobs::Job> job) : job_(std::move(job)) {}
    jobs::StepStatus step(std::size_t max_bytes) override { return job_->step(max_bytes); }
    double progress() const override { return job_->progress(); }
    double rate() const override { return job_->rate(); }
    const char* rate_unit() const override { return job_->rate_unit(); }
    void cancel() override { job_->cancel(); }
    bool finished() const override { return job_->finished(); }
    std::string label() const override { return job_->label(); }

private:
    std::shared_ptr<jobs::Job> job_;
};

struct UnitFinding {
    std::uint32_t unit = 0;
    bool whole_check = false;  // about the check or the manifest, not a row (the clocks disagree; a row gone)
    Diagnostic diagnostic;
};

class BucketCheck {
public:
    // `revision`: the document's revision the URLs were read at; an edit after it makes the check stale.
    BucketCheck(std::vector<CheckedUrl> urls, std::uint64_t revision);

    const std::vector<CheckedUrl>& urls() const { return urls_; }
    std::uint64_t revision() const { return revision_; }
    std::vector<gcs::ObjectCheckTarget> targets() const;

    // Starts the job over `client` and `signer` (which must outlive it); `previous` results of an
    // earlier check of the same URLs are skipped unless options.recheck.
    std::shared_ptr<gcs::ObjectCheckJob> start(net::HttpClient& client, gcs::ProbeSigner& signer,
                                               gcs::ObjectCheckOptions options);
    const std::shared_ptr<gcs::ObjectCheckJob>& job() const { return job_; }
    bool running() const { return job_ && !job_->finished(); }

    // The latest results (the job's, while it runs or after).
    const std::vector<gcs::ObjectResult>& results() const;
    // The unit's status: the worst state among its objects (pending when unchecked).
    gcs::ObjectState unit_state(std::uint32_t unit) const;
    // Objects per state, over every target.
    std::map<gcs::ObjectState, std::size_t> counts() const;
    // Findings of the results, placed on their units.
    std::vector<UnitFinding> findings() const;

private:
    std::vector<CheckedUrl> urls_;
    std::uint64_t revision_ = 0;
    std::shared_ptr<gcs::ObjectCheckJob> job_;
    std::vector<gcs::ObjectResult> none_;
};

// How bad a state is, for the worst-of-a-group rule: pending < exists < the outcomes that say nothing of
// the object < not checkable < forbidden < missing.
int state_rank(gcs::ObjectState s);
// A short word for the table's status column: "", "exists", "missing", "forbidden", "blocked", ...
const char* state_word(gcs::ObjectState s);

}  // namespace eic::app

// Sends the batches of an upload plan (encord/upload_plan.hpp) to Encord as data-upload jobs and follows
// them to the end, as a job (jobs/job_runner.hpp) the page steps between frames. Requests are
// encord/api_requests.hpp's, each driven by encord/api_call.hpp (signing, timeouts, the retry policy).
//
// - Starting: one POST storage/folders/{folder}/data-upload-jobs per batch, strictly in plan order, one at a
//   time. A start is never sent again (allow_retries=False in the SDK's StorageFolder._add_data_to_folder_start).
//   Its ledger entry (encord/upload_ledger.hpp) is written `starting`, and the ledger handed to
//   options.on_ledger, before the POST goes out; the POST is sent on the next step, so a page that saves
//   the ledger on revision() changes has had the chance too, and with options.ledger_saved not before the
//   page's storage confirmed the save.
// - A start without an answer is an unknown outcome: Encord may have made the job. It is not sent again;
//   the batch is listed as needing a re-run, and no later batch is started (the user looks in Encord
//   first). A start Encord refused (an error status) made no job: `rejected`, also listed for a re-run, and
//   later batches are not started either (the same key, folder or plan limits would refuse them too).
// - Following: GET .../data-upload-jobs/{job}?timeoutSeconds=N, a long poll (§5.2 of the SDK's
//   add_private_data_to_folder_get_result), at most max_polls_in_flight at once, again after every answer
//   until the status is DONE, ERROR or CANCELLED (the SDK's rule: encord/orm/dataset.py LongPollingStatus).
//   A poll is a GET: encord/retry_policy.hpp may send it again. A poll that still fails is tried again
//   after 10 s (the SDK sleeps 10 s between failed polls, encord/storage.py), up to max_poll_failures
//   in a row; then the job is no longer followed in this run (its entry stays `started`: a resume follows it).
// - Unit errors of every answer are kept and, when the manifest is given, traced to the batch's items
//   (encord/unit_error_map.hpp).
// - cancel() stops starting batches, abandons the polls in flight, and POSTs .../cancel for every started
//   job that is not final (a start in flight is let finish, and its job is cancelled too); each job is then
//   followed until Encord reports it final. Unlike other jobs, the run is therefore not finished when
//   cancel() returns: keep stepping it. The job runner's own cancel (which drops the job) is the hard stop:
//   destroying the run abandons what is out.
// - Resume: constructed from a saved ledger, started jobs that are not final are followed again,
//   `starting` entries become unknown outcomes (never sent again), planned ones are started as usual
//   (a reload is no sign of trouble with the network or the request, so it does not stop the rest).
//   Final jobs that reported unit errors are polled once more (a GET), since the ledger keeps counts, not
//   the errors, and the failed units are to be listed and sent again after a reload too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "encord/api_call.hpp"
#include "encord/api_responses.hpp"
#include "encord/unit_error_map.hpp"
#include "encord/upload_ledger.hpp"
#include "encord/upload_plan.hpp"
#include "jobs/job_runner.hpp"
#include "manifest/model.hpp"

namespace eic::encord {

struct UploadRunOptions {
    std::string folder_uuid;  // ignored on resume: the ledger's
    std::string integration_uuid;
    bool ignore_errors = false;
    std::string manifest_file_name;
    // The manifest the batches were planned from, to trace unit errors to items; none: not traced. Must
    // outlive the run.
    const manifest::Manifest* manifest = nullptr;
    std::size_t max_polls_in_flight = 4;
    // Each long poll asks Encord to answer within this many seconds: 60, the cap the SDK puts on each poll
    // of the older dataset upload (LONG_POLLING_MAX_REQUEST_TIME_SECONDS, encord/client.py), so the
    // counts on the page move at least once a minute.
    int poll_timeout_s = 60;
    double min_poll_interval_s = 1;  // between the starts of two polls of one job (a server that answers at once)
    double poll_failure_wait_s = 10;
    int max_poll_failures = 3;
    // Called with the ledger after every change, before anything is sent that the change announces (a
    // page that can save synchronously saves here).
    std::function<void(const UploadLedger&)> on_ledger;
    // When set, a start POST goes out only once this says the ledger of that revision (or a later one) is
    // saved: a page whose storage answers asynchronously (IndexedDB) holds the POST until the entry
    // announcing it is on disk, so a tab closed at any moment leaves a ledger that knows of the job.
    std::function<bool(std::uint64_t revision)> ledger_saved;
};

// What the run knows of one batch beyond its ledger entry.
struct BatchReport {
    std::optional<UploadJobState> state;           // Encord's last answer for the job
    std::optional<ApiError> error;                 // the last failed call for it
    std::string message;                           // what went wrong last, in user words
    bool needs_rerun = false;                      // unknown outcome or rejected start
    bool followed = true;                          // false once polling gave up, or its cancel failed
    bool cancel_requested = false;                 // its cancel POST was answered
    std::optional<std::uint64_t> units_cancelled;  // as the cancel answer said
    std::optional<UnitErrorMap> unit_errors;       // the state's unit errors traced to items
    int polls = 0;                                 // poll answers read
};

class UploadRun : public jobs::Job {
public:
    // A new run: every batch planned. `context`'s client and signer must outlive the run.
    UploadRun(const ApiContext& context, std::vector<UploadBatch> batches, UploadRunOptions options);
    // Resumes `saved`. `batches` must be the same plan (same count and file names) to start planned
    // entries; empty, planned entries are not started (error() says so). A ledger for another domain, or
    // a plan that does not match, is not resumed: the run finishes at once with error().
    UploadRun(const ApiContext& context, UploadLedger saved, std::vector<UploadBatch> batches,
              UploadRunOptions options);
    ~UploadRun() override;

    jobs::StepStatus step(std::size_t max_bytes) override;
    double progress() const override;
    double rate() const override;
    const char* rate_unit() const override { return "units/s"; }
    void cancel() override;  // see above: finishes once Encord confirmed
    bool finished() const override { return finished_; }
    std::string label() const override;

    const UploadLedger& ledger() const { return ledger_; }
    std::uint64_t revision() const { return revision_; }  // changes with every ledger change
    // Changes whenever anything a view shows may have: the ledger, a report, cancelling, finishing.
    std::uint64_t changes() const { return changes_; }
    std::size_t size() const { return reports_.size(); }
    const BatchReport& report(std::size_t batch) const { return reports_[batch]; }
    UnitCounts totals() const;                     // of the jobs' last answers
    std::vector<std::size_t> needs_rerun() const;  // batches whose start had an unknown outcome or was refused
    std::vector<std::size_t> not_started() const;  // planned batches the run stopped before
    bool cancelling() const { return cancelling_; }
    // Why starting stopped, or why a saved ledger was not resumed; empty otherwise.
    const std::string& error() const { return error_; }

private:
    enum class CallKind { none, start, poll, cancel };
    struct Slot {
        CallKind kind = CallKind::none;
        std::unique_ptr<ApiCall> call;
        double next_poll_at = 0;
        double polled_at = -1;  // when its last poll was sent; -1: never
        int poll_failures = 0;
        bool cancel_sent = false;
        bool reread = false;  // a final job polled once more after a resume, for its unit errors
    };

    void init_reports();
    void touch();  // the ledger changed
    bool settled(std::size_t i) const;
    void check_finished();
    void halt(std::string why);
    bool advance_start();
    bool advance_polls();
    bool advance_cancels();
    void on_start(std::size_t i, const ApiCall& call);
    void on_poll(std::size_t i, const ApiCall& call);
    void on_cancel(std::size_t i, const ApiCall& call);
    void poll_failed(std::size_t i, const std::string& message);
    std::string rerun_note(std::size_t i) const;

    ApiContext context_;
    std::vector<UploadBatch> batches_;
    UploadRunOptions options_;
    UploadLedger ledger_;
    std::vector<BatchReport> reports_;
    std::vector<Slot> slots_;
    std::uint64_t revision_ = 0;
    std::uint64_t starting_revision_ = 0;  // the ledger revision that announced the start to send
    std::uint64_t changes_ = 0;
    std::string error_;
    bool halted_ = false, cancelling_ = false, finished_ = false;
    double started_at_ = -1, ended_at_ = -1;
};

}  // namespace eic::encord

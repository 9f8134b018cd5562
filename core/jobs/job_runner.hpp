// Long work done a slice at a time between frames: a Job advances within a budget of bytes when
// stepped, and the JobRunner steps every running job within a per-frame time budget, shared between
// them, so the canvas keeps drawing while a 1 GB manifest is validated (or, later, while the objects
// of a bucket are checked and an upload job is followed). A job waiting on I/O (a fetch in flight)
// reports `waiting` from its step at once and its share of the frame goes to the others.
//
// The clock is injected: the app passes a steady clock, the tests a fake one that the jobs advance.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace eic::jobs {

// What a step did.
enum class StepStatus {
    running,   // did some work; more to do
    waiting,   // nothing to do until something outside arrives (I/O): step again next frame
    finished,  // done (or cancelled): never stepped again
};

class Job {
public:
    virtual ~Job() = default;
    // Works on about max_bytes of input (a job that is not byte-shaped takes it as a hint of how much
    // to do) and returns; a step with nothing to do returns `waiting` at once.
    virtual StepStatus step(std::size_t max_bytes) = 0;
    virtual double progress() const = 0;  // 0..1
    // How fast it goes, in rate_unit() (e.g. MB/s, objects/s); 0 when unknown.
    virtual double rate() const { return 0; }
    virtual const char* rate_unit() const { return "MB/s"; }
    // Stops the work; the job is finished when this returns (it may keep what it had found).
    virtual void cancel() = 0;
    virtual bool finished() const = 0;
    virtual std::string label() const = 0;
};

using JobId = std::uint64_t;  // 0 is no job

// A job that finished in a run_for() (or was found finished, e.g. cancelled by its owner) and was
// dropped from the runner's list.
struct JobEnded {
    JobId id = 0;
    std::string label;
};

struct JobInfo {
    JobId id = 0;
    std::string label;
    double progress = 0;
    double rate = 0;
    const char* rate_unit = "";
    bool waiting = false;  // its last step had nothing to do
};

class JobRunner {
public:
    using Clock = std::function<double()>;  // seconds, never decreasing

    // The first step of a job works on min_chunk bytes; later steps are sized from the job's measured
    // speed to fill its share of the budget, up to max_chunk.
    explicit JobRunner(Clock clock, std::size_t min_chunk = std::size_t(64) << 10,
                       std::size_t max_chunk = std::size_t(64) << 20);
    JobRunner(const JobRunner&) = delete;
    JobRunner& operator=(const JobRunner&) = delete;

    JobId add(std::unique_ptr<Job> job);
    // Steps the running jobs for about budget_s seconds of the clock in all. Each gets an equal share
    // of what is left when its turn comes, and the first turn rotates from run to run; time a waiting
    // or finishing job leaves is shared among the others in further passes. Every job gets at least
    // one step per run, so none starves; beyond that no step starts once the budget is spent. Returns
    // the jobs that ended.
    std::vector<JobEnded> run_for(double budget_s);
    // Steps one job until it ends, whatever the time, and drops it (for a caller that awaits its
    // result; a job that is waiting on I/O must not be run to its end this way).
    void run_to_end(JobId id);
    // Cancels and drops a job; false when there is no such job.
    bool cancel(JobId id);

    bool has(JobId id) const { return find(id) != nullptr; }
    const Job* job(JobId id) const { return find(id); }
    std::size_t size() const { return entries_.size(); }
    bool empty() const { return entries_.empty(); }
    std::vector<JobInfo> jobs() const;
    double now() const { return clock_(); }

private:
    struct Entry {
        JobId id = 0;
        std::unique_ptr<Job> job;
        double bytes_per_s = 0;  // measured by the last step that took time; 0 before one did
        std::size_t last_chunk = 0;
        bool waiting = false;
    };
    Job* find(JobId id) const;
    // One step of entries_[i] sized to fill `slice_s` seconds. By index: a step may add a job, which can
    // move every entry.
    StepStatus step(std::size_t i, double slice_s);

    Clock clock_;
    std::size_t min_chunk_, max_chunk_;
    std::vector<Entry> entries_;
    std::size_t first_ = 0;  // whose turn comes first in the next run
    JobId next_id_ = 1;
};

}  // namespace eic::jobs

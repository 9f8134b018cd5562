#include "jobs/job_runner.hpp"

#include <algorithm>
#include <utility>

namespace eic::jobs {

JobRunner::JobRunner(Clock clock, std::size_t min_chunk, std::size_t max_chunk)
    : clock_(std::move(clock)),
      min_chunk_(std::max<std::size_t>(1, min_chunk)),
      max_chunk_(std::max(max_chunk, std::max<std::size_t>(1, min_chunk))) {}

JobId JobRunner::add(std::unique_ptr<Job> job) {
    if (!job) return 0;
    Entry e;
    e.id = next_id_++;
    e.job = std::move(job);
    entries_.push_back(std::move(e));
    return entries_.back().id;
}

Job* JobRunner::find(JobId id) const {
    for (const auto& e : entries_)
        if (e.id == id) return e.job.get();
    return nullptr;
}

StepStatus JobRunner::step(std::size_t i, double slice_s) {
    std::size_t chunk = min_chunk_;
    if (entries_[i].bytes_per_s > 0)
        chunk = std::size_t(
            std::clamp(entries_[i].bytes_per_s * std::max(0.0, slice_s), double(min_chunk_), double(max_chunk_)));
    else if (entries_[i].last_chunk)
        chunk = std::min(max_chunk_, entries_[i].last_chunk * 2);  // the last step took no measurable time
    const double t0 = clock_();
    const StepStatus s = entries_[i].job->step(chunk);
    const double dt = clock_() - t0;
    Entry& e = entries_[i];  // only now: the step may have added a job and moved the entries
    e.waiting = s == StepStatus::waiting;
    if (s == StepStatus::running) {
        e.last_chunk = chunk;
        e.bytes_per_s = dt > 0 ? double(chunk) / dt : 0;
    }
    return s;
}

std::vector<JobEnded> JobRunner::run_for(double budget_s) {
    std::vector<JobEnded> ended;
    const std::size_t n = entries_.size();
    if (n == 0) return ended;
    const double deadline = clock_() + std::max(0.0, budget_s);
    std::vector<bool> done(n, false);
    // Running this run: not finished, and its last step was not waiting. The first pass steps every
    // job; later passes (while time is left) share what waiting and finished jobs left among the rest.
    std::vector<bool> eligible(n, true);
    first_ %= n;
    for (bool first_pass = true;; first_pass = false) {
        std::size_t left = std::size_t(std::count(eligible.begin(), eligible.end(), true));
        if (left == 0 || (!first_pass && clock_() >= deadline)) break;
        for (std::size_t k = 0; k < n; ++k) {
            const std::size_t i = (first_ + k) % n;
            if (!eligible[i]) continue;
            if (entries_[i].job->finished()) {
                done[i] = true;
                eligible[i] = false;
                --left;
                continue;
            }
            // An equal share of what is left among the jobs still to go in this pass.
            const double slice_end = clock_() + std::max(0.0, deadline - clock_()) / double(left--);
            while (true) {
                const StepStatus s = step(i, slice_end - clock_());
                if (s == StepStatus::finished || entries_[i].job->finished()) {
                    done[i] = true;
                    eligible[i] = false;
                    break;
                }
                if (s == StepStatus::waiting) {
                    eligible[i] = false;
                    break;
                }
                if (clock_() >= slice_end) break;
            }
        }
    }
    first_ = (first_ + 1) % n;
    std::vector<Entry> kept;
    kept.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (done[i])
            ended.push_back({entries_[i].id, entries_[i].job->label()});
        else
            kept.push_back(std::move(entries_[i]));
    }
    // Jobs added while this ran (a step that starts another job) were not stepped yet: keep them.
    for (std::size_t i = n; i < entries_.size(); ++i) kept.push_back(std::move(entries_[i]));
    entries_ = std::move(kept);
    return ended;
}

void JobRunner::run_to_end(JobId id) {
    // The job, not its entry: a step may add a job, which can move the entries.
    Job* job = find(id);
    if (!job) return;
    // A job that only waits would never end here; callers use this for jobs that compute.
    while (!job->finished() && job->step(max_chunk_) != StepStatus::finished) {
    }
    entries_.erase(std::find_if(entries_.begin(), entries_.end(), [id](const Entry& e) { return e.id == id; }));
}

bool JobRunner::cancel(JobId id) {
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
        if (it->id != id) continue;
        it->job->cancel();
        entries_.erase(it);
        return true;
    }
    return false;
}

std::vector<JobInfo> JobRunner::jobs() const {
    std::vector<JobInfo> out;
    for (const auto& e : entries_)
        out.push_back({e.id, e.job->label(), e.job->progress(), e.job->rate(), e.job->rate_unit(), e.waiting});
    return out;
}

}  // namespace eic::jobs

#include "encord/upload_run.hpp"

#include <algorithm>
#include <cmath>

namespace eic::encord {

UploadRun::UploadRun(const ApiContext& context, std::vector<UploadBatch> batches, UploadRunOptions options)
    : context_(context), batches_(std::move(batches)), options_(std::move(options)) {
    ledger_.domain = context_.domain;
    ledger_.folder_uuid = options_.folder_uuid;
    ledger_.integration_uuid = options_.integration_uuid;
    ledger_.ignore_errors = options_.ignore_errors;
    ledger_.manifest_file_name = options_.manifest_file_name;
    ledger_.created_at = std::int64_t(std::floor(context_.wall()));
    for (std::size_t i = 0; i < batches_.size(); ++i) {
        LedgerEntry e;
        e.batch = i;
        e.file_name = batches_[i].file_name;
        ledger_.entries.push_back(std::move(e));
    }
    init_reports();
    touch();
}

UploadRun::UploadRun(const ApiContext& context, UploadLedger saved, std::vector<UploadBatch> batches,
                     UploadRunOptions options)
    : context_(context), batches_(std::move(batches)), options_(std::move(options)), ledger_(std::move(saved)) {
    options_.folder_uuid = ledger_.folder_uuid;
    options_.integration_uuid = ledger_.integration_uuid;
    options_.ignore_errors = ledger_.ignore_errors;
    init_reports();
    if (ledger_.domain != context_.domain) {
        error_ = "This upload ran on " + ledger_.domain + ", not on " + context_.domain +
                 ": its jobs can only be followed there.";
        finished_ = true;
        return;
    }
    bool plan_matches = batches_.empty() || batches_.size() == ledger_.entries.size();
    for (std::size_t i = 0; plan_matches && i < batches_.size(); ++i)
        plan_matches = ledger_.entries[i].batch == i && ledger_.entries[i].file_name == batches_[i].file_name;
    if (!plan_matches) {
        error_ =
            "The batches given are not the ones this upload was planned with; plan the same manifest with "
            "the same options to resume it.";
        finished_ = true;
        return;
    }
    for (std::size_t i = 0; i < ledger_.entries.size(); ++i) {
        LedgerEntry& e = ledger_.entries[i];
        if (e.state == BatchState::final && e.counts && e.counts->error > 0 && options_.manifest && !e.job_uuid.empty())
            slots_[i].reread = true;
        if (e.state == BatchState::starting) {
            // Saved while its start POST was out: whether Encord made the job is not known.
            e.state = BatchState::unknown_outcome;
            e.message =
                "The page closed while this batch's upload job was being started, so it is not known "
                "whether Encord started it; eic does not send it again. " +
                rerun_note(i);
        }
        reports_[i].message = e.message;
        reports_[i].needs_rerun = e.state == BatchState::unknown_outcome || e.state == BatchState::rejected;
        if (e.state == BatchState::planned && batches_.empty())
            halt(
                "The plan's batches are not loaded, so the batches not yet started cannot be sent; open the "
                "manifest and plan it again to send them.");
    }
    touch();
}

UploadRun::~UploadRun() = default;  // each ApiCall abandons what it has out

void UploadRun::init_reports() {
    reports_.assign(ledger_.entries.size(), BatchReport{});
    slots_.resize(ledger_.entries.size());
}

void UploadRun::touch() {
    ++revision_;
    ++changes_;
    if (options_.on_ledger) options_.on_ledger(ledger_);
}

void UploadRun::halt(std::string why) {
    if (halted_) return;
    halted_ = true;
    error_ = std::move(why);
}

std::string UploadRun::rerun_note(std::size_t i) const {
    const std::string name = ledger_.entries[i].file_name;
    if (i < batches_.size() && batches_[i].skip_duplicate_urls.value_or(false))
        return "Send " + name +
               " again once you have looked: it sets skip_duplicate_urls, so Encord skips the files a first "
               "job already registered and cannot register them twice.";
    return "Look in Encord before sending " + name +
           " again: without skip_duplicate_urls in the batch, a second job would register its files twice (plan "
           "the upload with skip_duplicate_urls to make a re-run safe).";
}

// ---- starting -------------------------------------------------------------------------------------

bool UploadRun::advance_start() {
    if (halted_ || cancelling_) return false;
    for (std::size_t i = 0; i < ledger_.entries.size(); ++i) {
        LedgerEntry& e = ledger_.entries[i];
        if (e.state == BatchState::starting) {
            if (slots_[i].call) return false;  // one start at a time
            if (options_.ledger_saved && !options_.ledger_saved(starting_revision_)) return false;
            // Written `starting` (and saved) on the previous step: now the POST goes out.
            UploadJobStart start{ledger_.folder_uuid, batches_[i].spec, ledger_.integration_uuid, ledger_.ignore_errors,
                                 batches_[i].file_name};
            BuiltRequest built = upload_job_start(start);
            if (!built.ok()) {
                e.state = BatchState::rejected;
                e.message = "The upload job could not be made: " + built.error;
                reports_[i].message = e.message;
                reports_[i].needs_rerun = true;
                halt(e.message);
                touch();
                return true;
            }
            slots_[i].kind = CallKind::start;
            slots_[i].call = std::make_unique<ApiCall>(context_, std::move(*built.request));
            return true;
        }
        if (e.state == BatchState::planned) {
            e.state = BatchState::starting;
            touch();
            starting_revision_ = revision_;
            return true;
        }
    }
    return false;
}

void UploadRun::on_start(std::size_t i, const ApiCall& call) {
    LedgerEntry& e = ledger_.entries[i];
    BatchReport& r = reports_[i];
    if (call.ok()) {
        Parsed<std::string> id = parse_upload_job_id(*call.response());
        if (id.ok()) {
            e.state = BatchState::started;
            e.job_uuid = *id.value;
            e.status = JobStatus::pending;
            slots_[i].next_poll_at = 0;
            return touch();
        }
        // Encord said yes but its answer does not name the job: it likely exists, and cannot be followed.
        e.state = BatchState::unknown_outcome;
        e.message = "Encord accepted the upload job but its answer did not name it (" + id.error.message +
                    (id.error.pointer.empty() ? "" : " at " + id.error.pointer) + "). " + rerun_note(i);
    } else {
        r.error = call.error();
        const bool unknown = call.error()->kind == ApiErrorKind::unknown_outcome;
        e.state = unknown ? BatchState::unknown_outcome : BatchState::rejected;
        e.message = call.error()->full_message();
        e.message +=
            unknown ? " " + rerun_note(i) : " No job was made; the batch can be sent again once that is fixed.";
    }
    r.message = e.message;
    r.needs_rerun = true;
    halt("Batch " + std::to_string(i + 1) + " (" + e.file_name + ") did not start; the later batches were not sent.");
    touch();
}

// ---- following ------------------------------------------------------------------------------------

bool UploadRun::advance_polls() {
    std::size_t in_flight = 0;
    for (const Slot& s : slots_) in_flight += s.kind == CallKind::poll ? 1 : 0;
    const double now = context_.steady();
    // The jobs due a poll, the one polled longest ago first: a long poll answers and is due again at
    // once, so taking them in ledger order would leave the later jobs unfollowed while more than
    // max_polls_in_flight run.
    std::vector<std::size_t> due;
    for (std::size_t i = 0; i < slots_.size(); ++i) {
        const Slot& s = slots_[i];
        const LedgerEntry& e = ledger_.entries[i];
        const bool wanted = e.state == BatchState::started || (e.state == BatchState::final && s.reread);
        if (!wanted || s.call || !reports_[i].followed || now < s.next_poll_at) continue;
        if (cancelling_ && !reports_[i].cancel_requested) continue;  // its cancel goes first
        due.push_back(i);
    }
    std::stable_sort(due.begin(), due.end(),
                     [&](std::size_t a, std::size_t b) { return slots_[a].polled_at < slots_[b].polled_at; });
    bool moved = false;
    for (std::size_t i : due) {
        if (in_flight >= options_.max_polls_in_flight) break;
        Slot& s = slots_[i];
        BuiltRequest built = upload_job_poll(ledger_.folder_uuid, ledger_.entries[i].job_uuid, options_.poll_timeout_s);
        if (!built.ok()) {
            reports_[i].followed = false;
            reports_[i].message = built.error;
            moved = true;
            continue;
        }
        s.kind = CallKind::poll;
        s.call = std::make_unique<ApiCall>(context_, std::move(*built.request));
        s.next_poll_at = now + options_.min_poll_interval_s;
        s.polled_at = now;
        ++in_flight;
        moved = true;
    }
    return moved;
}

void UploadRun::poll_failed(std::size_t i, const std::string& message) {
    BatchReport& r = reports_[i];
    Slot& s = slots_[i];
    r.message = message;
    if (++s.poll_failures >= options_.max_poll_failures) {
        r.followed = false;
        r.message += " Gave up following the job after " + std::to_string(s.poll_failures) +
                     " failed polls; it may still be running in Encord (resume the upload to follow it again).";
        return;
    }
    s.next_poll_at = context_.steady() + options_.poll_failure_wait_s;
}

void UploadRun::on_poll(std::size_t i, const ApiCall& call) {
    BatchReport& r = reports_[i];
    if (!call.ok()) {
        r.error = call.error();
        return poll_failed(i, call.error()->full_message());
    }
    Parsed<UploadJobState> parsed = parse_upload_job_state(*call.response());
    if (!parsed.ok())
        return poll_failed(i, "Encord's answer about the job could not be read: " + parsed.error.message +
                                  (parsed.error.pointer.empty() ? "" : " (at " + parsed.error.pointer + ")"));
    slots_[i].poll_failures = 0;
    slots_[i].reread = false;
    ++r.polls;
    UploadJobState& state = *parsed.value;
    LedgerEntry& e = ledger_.entries[i];
    const UnitCounts counts{state.units_pending, state.units_done, state.units_error, state.units_cancelled};
    const bool changed = e.status != state.status || !e.counts || !(*e.counts == counts);
    e.status = state.status;
    e.counts = counts;
    if (is_final(state.status)) e.state = BatchState::final;
    if (!state.unit_errors.empty() && options_.manifest && i < batches_.size())
        r.unit_errors = map_unit_errors(*options_.manifest, batches_[i], state.unit_errors);
    r.state = std::move(state);
    r.message.clear();
    if (changed) touch();
}

bool UploadRun::advance_cancels() {
    if (!cancelling_) return false;
    bool moved = false;
    for (std::size_t i = 0; i < slots_.size(); ++i) {
        Slot& s = slots_[i];
        const LedgerEntry& e = ledger_.entries[i];
        if (e.state != BatchState::started || s.call || s.cancel_sent || !reports_[i].followed) continue;
        BuiltRequest built = upload_job_cancel(ledger_.folder_uuid, e.job_uuid);
        s.cancel_sent = true;
        if (!built.ok()) {
            reports_[i].followed = false;
            reports_[i].message = built.error;
            moved = true;
            continue;
        }
        s.kind = CallKind::cancel;
        s.call = std::make_unique<ApiCall>(context_, std::move(*built.request));
        moved = true;
    }
    return moved;
}

void UploadRun::on_cancel(std::size_t i, const ApiCall& call) {
    BatchReport& r = reports_[i];
    if (!call.ok()) {
        r.error = call.error();
        r.followed = false;
        r.message = "The job could not be cancelled: " + call.error()->full_message();
        return;
    }
    Parsed<std::uint64_t> n = parse_cancel(*call.response());
    if (n.ok()) r.units_cancelled = *n.value;
    r.cancel_requested = true;
    slots_[i].next_poll_at = 0;  // follow it to CANCELLED (or whatever Encord says it ended as)
}

// ---- the job --------------------------------------------------------------------------------------

bool UploadRun::settled(std::size_t i) const {
    if (slots_[i].call) return false;
    const LedgerEntry& e = ledger_.entries[i];
    switch (e.state) {
        case BatchState::planned:
        case BatchState::starting:  // not yet sent (a sent one has its call)
            return halted_ || cancelling_;
        case BatchState::started:
            return !reports_[i].followed;
        case BatchState::final:
            return !slots_[i].reread || !reports_[i].followed;
        case BatchState::unknown_outcome:
        case BatchState::rejected:
            return true;
    }
    return true;
}

void UploadRun::check_finished() {
    for (std::size_t i = 0; i < slots_.size(); ++i)
        if (!settled(i)) return;
    finished_ = true;
    ended_at_ = context_.steady();
}

jobs::StepStatus UploadRun::step(std::size_t /*max_bytes*/) {
    if (finished_) return jobs::StepStatus::finished;
    if (started_at_ < 0) started_at_ = context_.steady();
    bool moved = false;
    for (std::size_t i = 0; i < slots_.size(); ++i) {
        Slot& s = slots_[i];
        if (!s.call || !s.call->poll()) continue;
        const std::unique_ptr<ApiCall> done = std::move(s.call);
        const CallKind kind = s.kind;
        s.kind = CallKind::none;
        if (kind == CallKind::start) on_start(i, *done);
        if (kind == CallKind::poll) on_poll(i, *done);
        if (kind == CallKind::cancel) on_cancel(i, *done);
        moved = true;
    }
    moved = advance_start() || moved;
    moved = advance_cancels() || moved;
    moved = advance_polls() || moved;
    check_finished();
    if (moved || finished_) ++changes_;
    if (finished_) return jobs::StepStatus::finished;
    return moved ? jobs::StepStatus::running : jobs::StepStatus::waiting;
}

void UploadRun::cancel() {
    if (finished_ || cancelling_) return;
    cancelling_ = true;
    ++changes_;
    for (std::size_t i = 0; i < slots_.size(); ++i) {
        Slot& s = slots_[i];
        LedgerEntry& e = ledger_.entries[i];
        if (e.state == BatchState::starting && !s.call) {
            e.state = BatchState::planned;  // announced but never sent
            touch();
        }
        if (s.kind == CallKind::poll) {  // a GET: abandoning it changes nothing in Encord
            s.call.reset();
            s.kind = CallKind::none;
        }
    }
    advance_cancels();
    check_finished();
}

UnitCounts UploadRun::totals() const {
    UnitCounts t;
    for (const LedgerEntry& e : ledger_.entries)
        if (e.counts) {
            t.pending += e.counts->pending;
            t.done += e.counts->done;
            t.error += e.counts->error;
            t.cancelled += e.counts->cancelled;
        }
    return t;
}

std::vector<std::size_t> UploadRun::needs_rerun() const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < reports_.size(); ++i)
        if (reports_[i].needs_rerun) out.push_back(i);
    return out;
}

std::vector<std::size_t> UploadRun::not_started() const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < ledger_.entries.size(); ++i)
        if (ledger_.entries[i].state == BatchState::planned) out.push_back(i);
    return out;
}

double UploadRun::progress() const {
    if (ledger_.entries.empty()) return finished_ ? 1.0 : 0.0;
    double sum = 0, weight = 0;
    for (std::size_t i = 0; i < ledger_.entries.size(); ++i) {
        const LedgerEntry& e = ledger_.entries[i];
        const double w = i < batches_.size() ? double(std::max<std::size_t>(1, batches_[i].units.size())) : 1.0;
        double f = 0;
        if (e.state == BatchState::final || e.state == BatchState::unknown_outcome || e.state == BatchState::rejected)
            f = 1;
        else if (e.state == BatchState::started && e.counts && e.counts->total() > 0)
            f = double(e.counts->total() - e.counts->pending) / double(e.counts->total());
        sum += w * f;
        weight += w;
    }
    return sum / weight;
}

double UploadRun::rate() const {
    if (started_at_ < 0) return 0;
    const double elapsed = (finished_ ? ended_at_ : context_.steady()) - started_at_;
    return elapsed > 0 ? double(totals().done) / elapsed : 0;
}

std::string UploadRun::label() const {
    std::size_t started = 0, final = 0;
    for (const LedgerEntry& e : ledger_.entries) {
        started += e.state == BatchState::started || e.state == BatchState::final ? 1 : 0;
        final += e.state == BatchState::final ? 1 : 0;
    }
    const UnitCounts t = totals();
    return "Uploading " + (ledger_.manifest_file_name.empty() ? std::string("batches") : ledger_.manifest_file_name) +
           ": " + std::to_string(started) + " of " + std::to_string(ledger_.entries.size()) + " jobs started, " +
           std::to_string(final) + " ended; " + std::to_string(t.done) + " units done, " + std::to_string(t.error) +
           " failed" + (cancelling_ ? " (cancelling)" : "");
}

}  // namespace eic::encord

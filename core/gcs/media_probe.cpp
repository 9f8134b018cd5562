#include "gcs/media_probe.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "gcs/error_body.hpp"
#include "gcs/object_url.hpp"
#include "net/content_range.hpp"

namespace eic::gcs {
namespace {

std::optional<std::uint64_t> parse_length(const std::string* v) {
    if (!v || v->empty()) return std::nullopt;
    std::uint64_t n = 0;
    const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
    if (ec != std::errc() || end != v->data() + v->size()) return std::nullopt;
    return n;
}

// "bytes=FIRST-LAST" for [begin, end) (RFC 9110 §14.1.2: both positions inclusive).
std::string range_header(media::ByteRange r) {
    return "bytes=" + std::to_string(r.begin) + "-" + std::to_string(r.end - 1);
}

}  // namespace

const char* media_probe_state_name(MediaProbeState s) {
    switch (s) {
        case MediaProbeState::pending:
            return "pending";
        case MediaProbeState::ok:
            return "ok";
        case MediaProbeState::unreadable:
            return "unreadable";
        case MediaProbeState::not_found:
            return "not found";
        case MediaProbeState::forbidden:
            return "forbidden";
        case MediaProbeState::blocked_policy:
            return "blocked by policy";
        case MediaProbeState::blocked_cors_or_network:
            return "blocked by CORS or network";
        case MediaProbeState::timeout:
            return "timeout";
        case MediaProbeState::not_checkable:
            return "not checkable";
        case MediaProbeState::failed:
            return "failed";
    }
    return "pending";
}

MediaProbeJob::MediaProbeJob(std::vector<MediaProbeTarget> targets, net::HttpClient& client, ProbeSigner& signer,
                             MediaProbeOptions options)
    : client_(client), signer_(signer), options_(std::move(options)) {
    if (options_.max_in_flight == 0) options_.max_in_flight = 1;
    if (options_.retry.max_attempts < 1) options_.retry.max_attempts = 1;
    results_.reserve(targets.size());
    for (MediaProbeTarget& t : targets) {
        MediaProbeResult r;
        r.id = t.id;
        r.url = std::move(t.url);
        r.kind = t.kind;
        results_.push_back(std::move(r));
        known_size_.push_back(t.size);
    }
    for (std::size_t i = results_.size(); i-- > 0;) queue_.push_back(i);
    if (queue_.empty()) finished_ = true;
}

MediaProbeJob::~MediaProbeJob() {
    if (!finished_) cancel();
}

void MediaProbeJob::settle(std::size_t index, MediaProbeState state) {
    results_[index].state = state;
    ++done_;
    last_done_at_ = options_.steady();
}

void MediaProbeJob::start_signing(Active& a) {
    const MediaProbeResult& r = results_[a.index];
    a.phase = Phase::signing;
    ProbeTarget target;
    target.method = "GET";
    target.bucket = r.bucket;
    target.object = r.object;
    target.headers.emplace_back("Range", range_header(a.range));
    a.ticket = signer_.start(target, std::int64_t(std::floor(options_.wall())));
}

bool MediaProbeJob::plan(Active& a, bool& progressed) {
    MediaProbeResult& r = results_[a.index];
    media::ReadStep next = media::next_read(a.read, options_.limits);
    if (next.verdict == media::ReadVerdict::read) {
        a.range = next.range;
        a.tries = 0;
        start_signing(a);
        return advance(a, progressed);  // a synchronous signer has answered: send now
    }
    r.verdict = next.verdict;
    if (next.verdict == media::ReadVerdict::ok) {
        r.info = std::move(next.info);
        settle(a.index, MediaProbeState::ok);
    } else {
        r.detail = r.detail.empty() ? next.reason : next.reason + " " + r.detail;
        settle(a.index, MediaProbeState::unreadable);
    }
    return true;
}

bool MediaProbeJob::take_bytes(Active& a, const net::HttpResponse& response) {
    MediaProbeResult& r = results_[a.index];
    const media::ByteRange want = a.range;
    std::string_view body = response.body;
    std::uint64_t first = want.begin;
    std::optional<std::uint64_t> size;
    if (response.status == 206) {
        const std::string* cr = response.header("content-range");
        const auto range = cr ? net::parse_content_range(*cr) : std::nullopt;
        if (range && range->first) {
            first = *range->first;
            size = range->complete;
            if (first != want.begin) {
                r.detail = "GCS answered with bytes from " + std::to_string(first) + " for a range from " +
                           std::to_string(want.begin) + ".";
                return false;
            }
            body = body.substr(0, std::size_t(std::min<std::uint64_t>(body.size(), *range->last - first + 1)));
        } else if (body.size() < want.size() && !response.body_truncated) {
            size = want.begin + body.size();  // fewer bytes than asked: the object ends there
        }
    } else {
        // 200: the whole object from its first byte; keep only what was asked for.
        r.range_ignored = true;
        if (!response.body_truncated) size = body.size();
        if (auto length = parse_length(response.header("content-length")); length && !response.body_truncated)
            size = *length;
        if (want.begin >= body.size()) {
            if (size && want.begin >= *size) {
                a.read.file_size = size;
                return true;  // nothing there: the read plan learns the size and says why
            }
            r.detail = "GCS ignored the range request (200) and the answer was cut before the bytes asked for.";
            return false;
        }
        body = body.substr(std::size_t(want.begin), std::size_t(want.size()));
    }
    if (body.size() > want.size()) body = body.substr(0, std::size_t(want.size()));
    if (size && a.read.file_size && *size != *a.read.file_size)
        r.detail = "The object's size changed while it was read (" + std::to_string(*a.read.file_size) + " then " +
                   std::to_string(*size) + " bytes).";
    if (size) a.read.file_size = size;
    a.read.bytes.add(first, body);
    r.bytes_read += body.size();
    return true;
}

// Reads an answer; true when the object's result is final.
bool MediaProbeJob::on_answer(Active& a, const net::HttpResponse& response, bool& progressed) {
    MediaProbeResult& r = results_[a.index];
    r.status = response.status;
    if (response.status == 0) {
        r.detail = response.message.empty() ? net::failure_name(response.failure) : response.message;
        if (response.failure == net::Failure::policy) {
            settle(a.index, MediaProbeState::blocked_policy);
            return true;
        }
        if (response.failure == net::Failure::cors &&
            !net::send_again_after_cors("GET", response, a.tries, options_.retry)) {
            settle(a.index, MediaProbeState::blocked_cors_or_network);
            return true;
        }
    } else if (response.status == 200 || response.status == 206) {
        if (!take_bytes(a, response)) {
            settle(a.index, MediaProbeState::failed);
            return true;
        }
        ++a.read.reads;
        ++r.reads;
        return plan(a, progressed);
    } else if (response.status == 416) {
        // The range starts past the end: the object is shorter than the header said.
        const std::string* cr = response.header("content-range");
        const auto range = cr ? net::parse_content_range(*cr) : std::nullopt;
        ++a.read.reads;
        ++r.reads;
        if (range && range->complete && *range->complete <= a.range.begin) {
            a.read.file_size = range->complete;
            return plan(a, progressed);
        }
        r.verdict = media::ReadVerdict::malformed;
        r.detail = "The object ends before byte " + std::to_string(a.range.begin) +
                   ", where its header says more follows (GCS answered 416).";
        settle(a.index, MediaProbeState::unreadable);
        return true;
    } else if (response.status == 404) {
        const GcsError e = read_error_body(response.body, signer_.api());
        r.error_code = e.code;
        r.detail = e.message;
        settle(a.index, MediaProbeState::not_found);
        return true;
    } else if (response.status == 401 || response.status == 403) {
        const GcsError e = read_error_body(response.body, signer_.api());
        r.error_code = e.code;
        r.detail = e.message;
        settle(a.index, MediaProbeState::forbidden);
        return true;
    } else {
        const GcsError e = read_error_body(response.body, signer_.api());
        r.error_code = e.code;
        r.detail = e.message.empty() ? "HTTP " + std::to_string(response.status) : e.message;
    }
    // Retryable, or a failure.
    if ((net::is_retryable("GET", response) && a.tries < options_.retry.max_attempts) ||
        net::send_again_after_cors("GET", response, a.tries, options_.retry)) {
        a.phase = Phase::backoff;
        a.retry_at = options_.steady() + net::backoff_delay(options_.retry, a.tries, &response);
        return false;
    }
    if (a.tries > 1) r.detail += " (gave up after " + std::to_string(a.tries) + " attempts)";
    const MediaProbeState state = response.status != 0 ? MediaProbeState::failed
                                  : response.failure == net::Failure::timeout
                                      ? MediaProbeState::timeout
                                      : MediaProbeState::blocked_cors_or_network;
    settle(a.index, state);
    return true;
}

bool MediaProbeJob::advance(Active& a, bool& progressed) {
    MediaProbeResult& r = results_[a.index];
    switch (a.phase) {
        case Phase::signing: {
            auto probe = signer_.poll(a.ticket);
            if (!probe) return false;
            progressed = true;
            a.ticket = 0;
            if (!probe->ok()) {
                r.detail = probe->error;
                settle(a.index, MediaProbeState::failed);
                return true;
            }
            a.request = client_.send(std::move(probe->http));
            a.sent_at = options_.steady();
            a.phase = Phase::in_flight;
            ++a.tries;
            ++r.attempts;
            return false;
        }
        case Phase::in_flight: {
            auto response = client_.poll(a.request);
            if (!response) {
                if (options_.steady() - a.sent_at < options_.timeout_s) return false;
                client_.abort(a.request);
                response = net::HttpResponse{};
                response->failure = net::Failure::timeout;
                response->message = "no answer within " + std::to_string(int(options_.timeout_s)) + " s";
            }
            progressed = true;
            a.request = 0;
            return on_answer(a, *response, progressed);
        }
        case Phase::backoff:
            if (options_.steady() < a.retry_at) return false;
            progressed = true;
            start_signing(a);
            return advance(a, progressed);
    }
    return false;
}

jobs::StepStatus MediaProbeJob::step(std::size_t max_bytes) {
    if (finished_) return jobs::StepStatus::finished;
    if (started_at_ < 0) started_at_ = options_.steady();
    bool progressed = false;
    for (std::size_t i = 0; i < active_.size();) {
        if (advance(active_[i], progressed)) {
            active_.erase(active_.begin() + std::ptrdiff_t(i));
        } else {
            ++i;
        }
    }
    // Start new objects; URLs that cannot be read settle at once without a slot. How many are looked at
    // per step follows the runner's hint (a URL is taken as about 1 KB of work).
    std::size_t budget = std::max<std::size_t>(64, max_bytes / 1024);
    while (!queue_.empty() && active_.size() < options_.max_in_flight && budget-- > 0) {
        const std::size_t index = queue_.back();
        queue_.pop_back();
        progressed = true;
        MediaProbeResult& r = results_[index];
        ObjectUrl parsed = parse_object_url(r.url);
        r.bucket = std::move(parsed.bucket);
        r.object = std::move(parsed.object);
        if (!parsed.checkable()) {
            r.detail = std::move(parsed.reason);
            settle(index, MediaProbeState::not_checkable);
            continue;
        }
        Active a;
        a.index = index;
        a.read.kind = r.kind;
        a.read.file_size = known_size_[index];
        active_.push_back(std::move(a));
        if (plan(active_.back(), progressed)) active_.pop_back();
    }
    if (queue_.empty() && active_.empty()) {
        finished_ = true;
        return jobs::StepStatus::finished;
    }
    return progressed ? jobs::StepStatus::running : jobs::StepStatus::waiting;
}

double MediaProbeJob::progress() const { return results_.empty() ? 1.0 : double(done_) / double(results_.size()); }

double MediaProbeJob::rate() const {
    if (started_at_ < 0 || done_ == 0) return 0;
    const double end = finished_ ? last_done_at_ : options_.steady();
    const double elapsed = end - started_at_;
    return elapsed > 0 ? double(done_) / elapsed : 0;
}

void MediaProbeJob::cancel() {
    for (Active& a : active_) {
        if (a.phase == Phase::in_flight) client_.abort(a.request);
        if (a.phase == Phase::signing) signer_.forget(a.ticket);
    }
    active_.clear();
    queue_.clear();
    finished_ = true;
}

std::size_t MediaProbeJob::in_flight() const {
    return std::size_t(
        std::count_if(active_.begin(), active_.end(), [](const Active& a) { return a.phase == Phase::in_flight; }));
}

std::string MediaProbeJob::label() const {
    return "Reading the media headers of " + std::to_string(results_.size()) + " objects";
}

}  // namespace eic::gcs

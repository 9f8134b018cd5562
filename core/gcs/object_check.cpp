#include "gcs/object_check.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

#include "gcs/google_error.hpp"
#include "gcs/json_api.hpp"
#include "gcs/object_url.hpp"
#include "gcs/v4_time.hpp"
#include "gcs/xml_error.hpp"

namespace eic::gcs {
namespace {

// An IMF-fixdate (RFC 9110 §5.6.7: "Sun, 06 Nov 1994 08:49:37 GMT") as POSIX seconds; the obsolete
// forms are not accepted (GCS sends this one).
std::optional<std::int64_t> parse_http_date(const std::string& s) {
    static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (s.size() != 29 || s[3] != ',' || s.compare(25, 4, " GMT") != 0) return std::nullopt;
    int month = 0;
    for (int m = 0; m < 12; ++m)
        if (s.compare(8, 3, kMonths[m]) == 0) month = m + 1;
    if (month == 0) return std::nullopt;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4s-%02d-%.2sT%.8sZ", s.c_str() + 12, month, s.c_str() + 5, s.c_str() + 17);
    return parse_rfc3339(buf);
}

std::optional<std::uint64_t> parse_length(const std::string* v) {
    if (!v || v->empty() || v->size() > 19) return std::nullopt;
    for (char c : *v)
        if (c < '0' || c > '9') return std::nullopt;
    return std::strtoull(v->c_str(), nullptr, 10);
}

// The MD5 of x-goog-hash ("crc32c=n03x6A==,md5=Ojk9c3dhfxgoKVVHYwFbHQ==", or one header per hash, which a
// browser joins with ", "): https://cloud.google.com/storage/docs/xml-api/reference-headers#xgooghash.
std::string md5_of_goog_hash(const net::Headers& headers) {
    for (const auto& [name, value] : headers) {
        if (name != "x-goog-hash") continue;
        for (std::size_t at = 0; at < value.size();) {
            std::size_t end = value.find(',', at);
            if (end == std::string::npos) end = value.size();
            std::size_t a = value.find_first_not_of(' ', at);
            if (a < end && value.compare(a, 4, "md5=") == 0) {
                std::size_t b = end;
                while (b > a + 4 && value[b - 1] == ' ') --b;
                return value.substr(a + 4, b - a - 4);
            }
            at = end + 1;
        }
    }
    return {};
}

}  // namespace

const char* object_state_name(ObjectState s) {
    switch (s) {
        case ObjectState::pending:
            return "pending";
        case ObjectState::exists:
            return "exists";
        case ObjectState::missing:
            return "missing";
        case ObjectState::forbidden:
            return "forbidden";
        case ObjectState::blocked_policy:
            return "blocked by policy";
        case ObjectState::blocked_cors_or_network:
            return "blocked by CORS or network";
        case ObjectState::timeout:
            return "timeout";
        case ObjectState::not_checkable:
            return "not checkable";
        case ObjectState::error:
            return "error";
        case ObjectState::needs_token:
            return "waiting for a token";
    }
    return "pending";
}

bool is_settled(ObjectState s) {
    return s == ObjectState::exists || s == ObjectState::missing || s == ObjectState::forbidden ||
           s == ObjectState::not_checkable;
}

ObjectCheckJob::ObjectCheckJob(std::vector<ObjectCheckTarget> targets, net::HttpClient& client, ProbeSigner& signer,
                               ObjectCheckOptions options)
    : client_(client), signer_(signer), options_(std::move(options)) {
    if (options_.max_in_flight == 0) options_.max_in_flight = 1;
    if (options_.retry.max_attempts < 1) options_.retry.max_attempts = 1;
    // (id, url) -> the previous result, when it settled the object.
    std::unordered_map<std::string, const ObjectResult*> previous;
    if (!options_.recheck)
        for (const ObjectResult& r : options_.previous)
            if (is_settled(r.state)) previous.emplace(std::to_string(r.id) + '\n' + r.url, &r);
    results_.reserve(targets.size());
    for (ObjectCheckTarget& t : targets) {
        auto it = previous.find(std::to_string(t.id) + '\n' + t.url);
        if (it != previous.end()) {
            results_.push_back(*it->second);
            ++done_;
            continue;
        }
        ObjectResult r;
        r.id = t.id;
        r.url = std::move(t.url);
        results_.push_back(std::move(r));
    }
    options_.previous.clear();
    for (std::size_t i = results_.size(); i-- > 0;)
        if (results_[i].state == ObjectState::pending) queue_.push_back(i);
    if (queue_.empty()) finished_ = true;
}

ObjectCheckJob::~ObjectCheckJob() {
    if (!finished_) cancel();
}

void ObjectCheckJob::settle(std::size_t index, ObjectState state) {
    results_[index].state = state;
    ++done_;
    ++done_here_;
    last_done_at_ = options_.steady();
}

void ObjectCheckJob::await_token(Active& a, std::string detail) {
    ObjectResult& r = results_[a.index];
    r.state = ObjectState::needs_token;  // not settled, not counted: resume() probes it again
    r.detail = std::move(detail);
    token_wait_ = true;
}

void ObjectCheckJob::resume() {
    if (!token_wait_ || finished_) return;
    token_wait_ = false;
    // queue_ is taken from its back: the refused objects go there, the lowest index last, so they are
    // probed first and in order.
    for (std::size_t i = results_.size(); i-- > 0;)
        if (results_[i].state == ObjectState::needs_token) {
            results_[i].state = ObjectState::pending;
            results_[i].detail.clear();
            queue_.push_back(i);
        }
}

void ObjectCheckJob::start_signing(Active& a) {
    const ObjectResult& r = results_[a.index];
    a.phase = Phase::signing;
    ProbeTarget target;
    target.method = a.method;
    target.bucket = r.bucket;
    target.object = r.object;
    a.ticket = signer_.start(target, std::int64_t(std::floor(options_.wall())));
}

void ObjectCheckJob::note_date(const net::HttpResponse& response) {
    if (skew_) return;
    const std::string* date = response.header("date");
    if (!date) return;
    const auto server = parse_http_date(*date);
    if (!server) return;
    // The Date has whole seconds: allow for the part of a second it drops.
    const double diff = double(*server) - options_.wall();
    if (std::fabs(diff) > options_.skew_tolerance_s + 1) skew_ = ClockSkew{diff, *date};
}

// Reads an answer; true when the job is done with the object (its result is final, or it waits for a
// token), false when another request follows (a retry after back-off, or the GET that reads a 403's error
// body).
bool ObjectCheckJob::on_answer(Active& a, const net::HttpResponse& response) {
    ObjectResult& r = results_[a.index];
    note_date(response);
    r.status = response.status;
    r.api = signer_.api();
    const bool head = a.method == "HEAD";
    if (response.status == 0) {
        r.detail = response.message.empty() ? net::failure_name(response.failure) : response.message;
        if (response.failure == net::Failure::policy) {
            settle(a.index, ObjectState::blocked_policy);
            return true;
        }
        if (response.failure == net::Failure::cors) {
            // A connection dropped after the server was reached looks the same to the page as a CORS
            // refusal (the no-cors probe that follows gets an answer), so the first such verdict is sent
            // once more; a real refusal meets the same refusal again.
            if (net::send_again_after_cors(a.method, response, a.sends, options_.retry)) {
                a.phase = Phase::backoff;
                a.retry_at = options_.steady() + net::backoff_delay(options_.retry, a.sends, &response);
                return false;
            }
            settle(a.index, ObjectState::blocked_cors_or_network);
            return true;
        }
    } else if (r.api == ProbeApi::json) {
        return on_json_answer(a, response);
    } else if (response.status >= 200 && response.status <= 299) {
        if (head) {
            r.size = parse_length(response.header("x-goog-stored-content-length"));
            if (!r.size) r.size = parse_length(response.header("content-length"));
            if (const std::string* v = response.header("content-type")) r.content_type = *v;
            if (const std::string* v = response.header("last-modified")) r.updated = *v;
            if (const std::string* v = response.header("x-goog-generation")) r.generation = *v;
            r.md5_hash = md5_of_goog_hash(response.headers);
        }
        if (!head) {
            // The GET that was to read a 403's reason was allowed: the HEAD alone is refused.
            r.status = 403;
            r.detail = "GCS refused the HEAD request (403) but allowed a GET of the same object.";
            settle(a.index, ObjectState::forbidden);
            return true;
        }
        r.detail.clear();
        settle(a.index, ObjectState::exists);
        return true;
    } else if (response.status == 404) {
        settle(a.index, ObjectState::missing);
        return true;
    } else if (response.status == 401 || response.status == 403) {
        const std::optional<XmlError> error = parse_xml_error(response.body);
        r.error_code = error ? error->code : "";
        r.detail = error ? error->message : "";
        if (r.error_code.empty() && head && response.body.empty()) {
            // Read why with a GET of one byte (a HEAD answer has no body).
            a.method = "GET";
            start_signing(a);
            bool ignored = false;
            return advance(a, ignored);
        }
        if (r.error_code == "SignatureDoesNotMatch") {
            r.server_canonical_request = error->canonical_request;
            r.server_string_to_sign = error->string_to_sign;
            r.eic_canonical_request = a.probe.canonical_request;
            r.eic_string_to_sign = a.probe.string_to_sign;
        }
        settle(a.index, ObjectState::forbidden);
        return true;
    } else {
        const std::optional<XmlError> error = parse_xml_error(response.body);
        r.error_code = error ? error->code : "";
        r.detail = error && !error->message.empty() ? error->message : "HTTP " + std::to_string(response.status);
    }
    return retry_or_fail(a, response);
}

// A JSON API answer with a status: the object resource, or a JSON error document whose reason and message
// are kept (https://cloud.google.com/storage/docs/json_api/v1/status-codes).
bool ObjectCheckJob::on_json_answer(Active& a, const net::HttpResponse& response) {
    ObjectResult& r = results_[a.index];
    const int status = response.status;
    if (status >= 200 && status <= 299) {
        const std::optional<ObjectResource> o = read_object_resource(response.body);
        if (!o || !o->size) {
            r.detail = "GCS's answer is not the object's metadata (an object resource with its size).";
            // A body cut short on the way reads the same: the GET is sent again, as after a 5xx.
            if (a.sends < options_.retry.max_attempts) {
                a.phase = Phase::backoff;
                a.retry_at = options_.steady() + net::backoff_delay(options_.retry, a.sends, &response);
                return false;
            }
            if (a.sends > 1) r.detail += " (gave up after " + std::to_string(a.sends) + " attempts)";
            settle(a.index, ObjectState::error);
            return true;
        }
        r.size = o->size;
        r.content_type = o->content_type;
        r.updated = o->updated;
        r.generation = o->generation;
        r.md5_hash = o->md5_hash;
        r.error_code.clear();
        r.detail.clear();
        settle(a.index, ObjectState::exists);
        return true;
    }
    const std::optional<GoogleError> e = read_google_error(response.body);
    r.error_code = e ? e->reason : std::string();
    r.detail = e ? e->message : std::string();
    if (status == 401) {
        // The token has expired or is not one (RFC 6750 section 3.1, invalid_token): every other request
        // with it meets the same answer, so the job waits for a new one.
        await_token(a, "GCS refused the access token (401" + (r.detail.empty() ? "" : ": " + r.detail) +
                           "): it has expired or is not valid. Get a new token and resume.");
        return true;
    }
    if (status == 404) {
        settle(a.index, ObjectState::missing);
        return true;
    }
    if (status == 403) {
        settle(a.index, ObjectState::forbidden);
        return true;
    }
    if (r.detail.empty()) r.detail = "HTTP " + std::to_string(status);
    return retry_or_fail(a, response);
}

// After an answer that says nothing final: another attempt after back-off when the answer may change and
// the budget allows, else the object's result is what the last answer says.
bool ObjectCheckJob::retry_or_fail(Active& a, const net::HttpResponse& response) {
    ObjectResult& r = results_[a.index];
    if (net::is_retryable(a.method, response) && a.sends < options_.retry.max_attempts) {
        a.phase = Phase::backoff;
        a.retry_at = options_.steady() + net::backoff_delay(options_.retry, a.sends, &response);
        return false;
    }
    if (a.sends > 1) r.detail += " (gave up after " + std::to_string(a.sends) + " attempts)";
    const ObjectState state = response.status != 0                        ? ObjectState::error
                              : response.failure == net::Failure::timeout ? ObjectState::timeout
                                                                          : ObjectState::blocked_cors_or_network;
    settle(a.index, state);
    return true;
}

bool ObjectCheckJob::advance(Active& a, bool& progressed) {
    ObjectResult& r = results_[a.index];
    switch (a.phase) {
        case Phase::signing: {
            auto probe = signer_.poll(a.ticket);
            if (!probe) return false;
            progressed = true;
            a.ticket = 0;
            if (!probe->ok()) {
                if (probe->needs_token) {
                    await_token(a, probe->error);
                    return true;
                }
                r.detail = probe->error;
                settle(a.index, ObjectState::error);
                return true;
            }
            a.probe = std::move(*probe);
            net::HttpRequest http = a.probe.http;
            // One byte is enough to read an error body, and a single-range Range header is CORS-safelisted
            // (https://fetch.spec.whatwg.org/#cors-safelisted-request-header), so it needs no preflight.
            if (a.method == "GET") http.headers.emplace_back("Range", "bytes=0-0");
            a.request = client_.send(std::move(http));
            a.sent_at = options_.steady();
            a.phase = Phase::in_flight;
            ++r.attempts;
            ++a.sends;
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
            return on_answer(a, *response);
        }
        case Phase::backoff:
            if (token_wait_) {
                // Sent now, the retry would carry the refused token too: back to the queue for resume().
                queue_.push_back(a.index);
                progressed = true;
                return true;
            }
            if (options_.steady() < a.retry_at) return false;
            progressed = true;
            start_signing(a);
            return advance(a, progressed);  // a synchronous signer has answered: send now
    }
    return false;
}

jobs::StepStatus ObjectCheckJob::step(std::size_t max_bytes) {
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
    // Start new objects. URLs that cannot be probed settle at once without a slot; how many are looked
    // at per step follows the runner's hint (a URL is taken as about 1 KB of work).
    std::size_t budget = std::max<std::size_t>(64, max_bytes / 1024);
    while (!token_wait_ && !queue_.empty() && active_.size() < options_.max_in_flight && budget-- > 0) {
        const std::size_t index = queue_.back();
        queue_.pop_back();
        progressed = true;
        ObjectResult& r = results_[index];
        ObjectUrl parsed = parse_object_url(r.url);
        r.bucket = std::move(parsed.bucket);
        r.object = std::move(parsed.object);
        if (!parsed.checkable()) {
            r.detail = std::move(parsed.reason);
            settle(index, ObjectState::not_checkable);
            continue;
        }
        Active a;
        a.index = index;
        active_.push_back(std::move(a));
        start_signing(active_.back());
        // A synchronous signer has answered already: send at once rather than a frame later.
        if (advance(active_.back(), progressed)) active_.pop_back();
    }
    if (queue_.empty() && active_.empty() && !token_wait_) {
        finished_ = true;
        return jobs::StepStatus::finished;
    }
    return progressed ? jobs::StepStatus::running : jobs::StepStatus::waiting;
}

double ObjectCheckJob::progress() const { return results_.empty() ? 1.0 : double(done_) / double(results_.size()); }

double ObjectCheckJob::rate() const {
    if (started_at_ < 0 || done_here_ == 0) return 0;
    const double end = finished_ ? last_done_at_ : options_.steady();
    const double elapsed = end - started_at_;
    return elapsed > 0 ? double(done_here_) / elapsed : 0;
}

void ObjectCheckJob::cancel() {
    for (Active& a : active_) {
        if (a.phase == Phase::in_flight) client_.abort(a.request);
        if (a.phase == Phase::signing) signer_.forget(a.ticket);
    }
    active_.clear();
    queue_.clear();
    finished_ = true;
}

std::size_t ObjectCheckJob::in_flight() const {
    return std::size_t(
        std::count_if(active_.begin(), active_.end(), [](const Active& a) { return a.phase == Phase::in_flight; }));
}

std::string ObjectCheckJob::label() const {
    return "Checking " + std::to_string(results_.size()) + " objects in GCS" +
           (token_wait_ ? " (waiting for a new access token)" : "");
}

}  // namespace eic::gcs

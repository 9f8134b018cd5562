// When to send a request again, and after how long: truncated exponential back-off as Google advises for
// Cloud Storage (https://cloud.google.com/storage/docs/retry-strategy): retry 408, 429 and 5xx answers and
// connection failures, waiting 1 s, 2 s, 4 s... up to a ceiling, only for idempotent requests. A POST is
// never sent again (it may have been acted on: RFC 9110 §9.2.2). The clock is the caller's.
//
// Another service's policy sets its own statuses and schedule in RetryPolicy and keeps its own rule of
// which requests may be sent again (Encord's: encord/retry_policy.hpp).
//
// No random jitter yet: the callers keep only a few requests in flight, so they do not retry in lockstep
// by the thousand; add it here (with an injected random source, for the tests) if that changes.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "net/http.hpp"

namespace eic::net {

struct RetryPolicy {
    int max_attempts = 3;        // sends in all, the first included
    double initial_delay_s = 1;  // before the second send
    double multiplier = 2;       // each later wait is this much longer
    double max_delay_s = 32;     // ceiling of one wait, Retry-After included
    // Statuses another send may change; empty: 408, 429 and every 5xx (Google's advice, above).
    std::vector<int> statuses;
    // urllib3's schedule (Retry.get_backoff_time): the first retry goes at once, and the wait before retry
    // n >= 2 is initial_delay_s * multiplier^(n - 2).
    bool first_retry_immediate = false;
};

// Whether `status` is one of the policy's statuses.
bool is_retry_status(const RetryPolicy& policy, int status);

// A Retry-After of delta-seconds (RFC 9110 §10.2.3) on the answer, in seconds; nullopt when there is
// none, or it is an HTTP-date (which would need the server's clock, which may be off).
std::optional<long> retry_after_seconds(const HttpResponse& response);

// True for an answer (or its absence) that another send may change: 408, 429, 5xx, and status 0 from
// the network or a timeout. Not CORS or policy refusals (the same request meets the same refusal), not
// an abort, and never anything for a POST.
bool is_retryable(std::string_view method, const HttpResponse& response);

// A GET's first answer refused as CORS: in the page, a connection dropped (or a body broken off) after
// the server was reached looks the same as a CORS refusal, so it is sent once more; a real refusal meets
// the same refusal again and is then final. `sends`: sends so far, this one included.
bool send_again_after_cors(std::string_view method, const HttpResponse& response, int sends, const RetryPolicy& policy);

// Seconds to wait before send number `attempt + 1`, after `attempt` sends (1-based); a Retry-After of
// delta-seconds on the answer (RFC 9110 §10.2.3) lengthens the wait, up to the ceiling.
double backoff_delay(const RetryPolicy& policy, int attempt, const HttpResponse* response = nullptr);

}  // namespace eic::net

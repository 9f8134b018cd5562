// When to send a request again, and after how long: truncated exponential back-off as Google advises for
// Cloud Storage (https://cloud.google.com/storage/docs/retry-strategy): retry 408, 429 and 5xx answers and
// connection failures, waiting 1 s, 2 s, 4 s... up to a ceiling, only for idempotent requests. A POST is
// never sent again (it may have been acted on: RFC 9110 §9.2.2). The clock is the caller's.
//
// No random jitter yet: the callers keep only a few requests in flight, so they do not retry in lockstep
// by the thousand; add it here (with an injected random source, for the tests) if that changes.
#pragma once

#include <optional>
#include <string_view>

#include "net/http.hpp"

namespace eic::net {

struct RetryPolicy {
    int max_attempts = 3;        // sends in all, the first included
    double initial_delay_s = 1;  // before the second send
    double multiplier = 2;       // each later wait is this much longer
    double max_delay_s = 32;     // ceiling of one wait, Retry-After included
};

// True for an answer (or its absence) that another send may change: 408, 429, 5xx, and status 0 from
// the network or a timeout. Not CORS or policy refusals (the same request meets the same refusal), not
// an abort, and never anything for a POST.
bool is_retryable(std::string_view method, const HttpResponse& response);

// Seconds to wait before send number `attempt + 1`, after `attempt` sends (1-based); a Retry-After of
// delta-seconds on the answer (RFC 9110 §10.2.3) lengthens the wait, up to the ceiling.
double backoff_delay(const RetryPolicy& policy, int attempt, const HttpResponse* response = nullptr);

}  // namespace eic::net

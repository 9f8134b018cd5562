#include "encord/retry_policy.hpp"

namespace eic::encord {
namespace {

// urllib3 Retry(allowed_methods=["POST", "PUT", "GET"]): "post is there since we use it for idempotent
// ops too" (`encord/http/querier.py`); requests that are not are built with retries = false.
bool method_may_retry(const std::string& method) { return method == "GET" || method == "POST" || method == "PUT"; }

// Whether the request can have changed anything on Encord's side (RFC 9110 §9.2.1: GET and HEAD are safe).
bool may_act(const std::string& method) { return method != "GET" && method != "HEAD"; }

}  // namespace

const net::RetryPolicy& retry_policy() {
    static const net::RetryPolicy policy = [] {
        net::RetryPolicy p;
        p.max_attempts = 4;     // DEFAULT_MAX_RETRIES = 3, after the first send
        p.initial_delay_s = 3;  // backoff_factor 1.5 x 2^(2-1), before the second retry
        p.multiplier = 2;       // x 2 for each later one
        p.max_delay_s = 120;    // urllib3's DEFAULT_BACKOFF_MAX
        p.statuses = {413, 429, 500, 502, 503};
        p.first_retry_immediate = true;
        return p;
    }();
    return policy;
}

RetryDecision decide(const ApiRequest& request, const net::HttpResponse& response, int attempts,
                     const net::RetryPolicy& policy) {
    RetryDecision d;
    if (response.status == 200 || response.status == 204) {
        d.next = Next::done;
        return d;
    }
    const bool no_answer = response.status == 0;
    const bool transient = no_answer
                               ? response.failure == net::Failure::network || response.failure == net::Failure::timeout
                               : net::is_retry_status(policy, response.status);
    if (transient && request.retries && method_may_retry(request.method) && attempts < policy.max_attempts) {
        d.next = Next::retry;
        d.delay_s = net::backoff_delay(policy, attempts, &response);
        return d;
    }
    // A request refused by the page's policy never left; any other failure without an answer may have
    // reached Encord.
    if (no_answer && response.failure != net::Failure::policy && may_act(request.method)) {
        d.next = Next::unknown_outcome;
        return d;
    }
    d.next = Next::failed;
    return d;
}

}  // namespace eic::encord

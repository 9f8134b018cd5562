// When a request to Encord's API is sent again, as Encord's Python SDK does it (encord-team/
// encord-client-python: `encord/http/querier.py` create_new_session, `encord/http/constants.py`,
// `encord/http/v2/api_client.py`): urllib3's Retry with status_forcelist [413, 429, 500, 502, 503],
// allowed_methods GET, POST and PUT, 3 retries, backoff_factor 1.5, and Retry-After honoured
// (urllib3's respect_retry_after_header). A request built with retries disallowed (folder create and
// upload-job start: allow_retries=False) is never sent again.
//
// urllib3's schedule (Retry.get_backoff_time): no wait before the first retry, then backoff_factor x
// 2^(n-1) after n consecutive failures: 0 s, 3 s, 6 s. Expressed as net::RetryPolicy (net/retry.hpp),
// which the jobs' back-off already uses. Where eic differs from urllib3, and why:
// - urllib3 counts status, read, connect and other retries apart (3 each, 10 in all); eic counts them
//   together: at most 3 retries, 4 sends, whatever failed.
// - A browser cannot tell a connection that was never made from an answer that was lost, so a request
//   without retries is not sent again after a failure without an answer (urllib3 would retry a failed
//   connect even then). For a request that may have been acted on, that is an unknown outcome, not a
//   failure: a second folder create or upload-job start would act twice.
// - Retry-After lengthens the back-off (net::backoff_delay) up to 120 s (urllib3's backoff ceiling,
//   DEFAULT_BACKOFF_MAX); urllib3 waits what it says, longer or shorter. A page should not sit silent
//   for longer, and a shorter wait than the back-off gains little.
#pragma once

#include "encord/api_requests.hpp"
#include "net/http.hpp"
#include "net/retry.hpp"

namespace eic::encord {

// The SDK's policy as net::RetryPolicy: 4 sends, 0 s / 3 s / 6 s, statuses 413, 429, 500, 502, 503.
const net::RetryPolicy& retry_policy();

enum class Next {
    done,             // a success (200 or 204): read the answer
    retry,            // send the request again after `delay_s`
    failed,           // an answer (or a refusal) that settles it: report api_error()
    unknown_outcome,  // no answer for a request that may have been acted on: report unknown_outcome()
};

struct RetryDecision {
    Next next = Next::failed;
    double delay_s = 0;
};

// What to do after send number `attempts` (1-based) of `request` got `response`.
RetryDecision decide(const ApiRequest& request, const net::HttpResponse& response, int attempts,
                     const net::RetryPolicy& policy = retry_policy());

}  // namespace eic::encord

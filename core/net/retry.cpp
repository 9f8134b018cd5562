#include "net/retry.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace eic::net {

bool is_retry_status(const RetryPolicy& policy, int status) {
    if (policy.statuses.empty()) return status == 408 || status == 429 || (status >= 500 && status <= 599);
    return std::find(policy.statuses.begin(), policy.statuses.end(), status) != policy.statuses.end();
}

bool is_retryable(std::string_view method, const HttpResponse& response) {
    if (method == "POST") return false;
    if (response.status == 0) return response.failure == Failure::network || response.failure == Failure::timeout;
    return is_retry_status(RetryPolicy{}, response.status);
}

bool send_again_after_cors(std::string_view method, const HttpResponse& response, int sends,
                           const RetryPolicy& policy) {
    return method != "POST" && response.status == 0 && response.failure == Failure::cors && sends == 1 &&
           policy.max_attempts > 1;
}

std::optional<long> retry_after_seconds(const HttpResponse& response) {
    const std::string* after = response.header("retry-after");
    if (!after) return std::nullopt;
    const std::string& s = *after;
    if (s.empty() || s.size() >= 10 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    return std::strtol(s.c_str(), nullptr, 10);
}

double backoff_delay(const RetryPolicy& policy, int attempt, const HttpResponse* response) {
    double delay = 0;
    if (!policy.first_retry_immediate)
        delay = policy.initial_delay_s * std::pow(policy.multiplier, std::max(0, attempt - 1));
    else if (attempt >= 2)
        delay = policy.initial_delay_s * std::pow(policy.multiplier, attempt - 2);
    if (response)
        if (std::optional<long> after = retry_after_seconds(*response)) delay = std::max(delay, double(*after));
    return std::min(delay, policy.max_delay_s);
}

}  // namespace eic::net

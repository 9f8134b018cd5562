#include "net/retry.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace eic::net {

bool is_retryable(std::string_view method, const HttpResponse& response) {
    if (method == "POST") return false;
    if (response.status == 0) return response.failure == Failure::network || response.failure == Failure::timeout;
    return response.status == 408 || response.status == 429 || (response.status >= 500 && response.status <= 599);
}

double backoff_delay(const RetryPolicy& policy, int attempt, const HttpResponse* response) {
    double delay = policy.initial_delay_s * std::pow(policy.multiplier, std::max(0, attempt - 1));
    if (response) {
        // Only the delta-seconds form; an HTTP-date would need the server's clock, which may be off.
        if (const std::string* after = response->header("retry-after")) {
            const std::string& s = *after;
            if (!s.empty() && s.size() < 10 &&
                std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
                delay = std::max(delay, double(std::strtol(s.c_str(), nullptr, 10)));
        }
    }
    return std::min(delay, policy.max_delay_s);
}

}  // namespace eic::net

#include "manifest/limits.hpp"

namespace eic::manifest {
namespace {

constexpr std::uint64_t MB = 1'000'000, GB = 1'000'000'000;

const PlanLimits kPlans[] = {
    {Plan::enterprise, "enterprise", 100 * MB, 10'000, 10'000, 1 * GB, 4096, 2160, 200'000},
    {Plan::team, "team", 100 * MB, 2'500, 2'500, 1 * GB, 4096, 2160, 200'000},
    {Plan::free, "free", 10 * MB, 0, 1'000, 25 * MB, 4096, 2160, 200'000},
};

std::uint64_t ceil_div(std::uint64_t a, std::uint64_t b) { return b == 0 ? 0 : a / b + (a % b != 0); }

}  // namespace

const FileLimits& file_limits() {
    static const FileLimits limits;
    return limits;
}

const PlanLimits& plan_limits(Plan plan) {
    for (const auto& p : kPlans)
        if (p.plan == plan) return p;
    return kPlans[0];
}

std::optional<Plan> plan_from_name(std::string_view name) {
    for (const auto& p : kPlans)
        if (name == p.name) return p.plan;
    return std::nullopt;
}

const char* plan_name(Plan plan) { return plan_limits(plan).name; }

const BatchProfile& recommended_batch() {
    static const BatchProfile profile;
    return profile;
}

std::uint64_t batch_count(const BatchTotals& t, const BatchProfile& p) {
    std::uint64_t n = ceil_div(t.videos, p.max_videos);
    std::uint64_t m = ceil_div(t.others, p.max_images);
    std::uint64_t b = ceil_div(t.known_bytes, p.max_bytes);
    if (m > n) n = m;
    if (b > n) n = b;
    if (n == 0 && t.videos + t.others > 0) n = 1;
    return n;
}

}  // namespace eic::manifest

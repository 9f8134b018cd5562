#include "app/insight_text.hpp"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace eic::app {

std::string count_text(std::uint64_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string value_text(double v, InsightKind kind, double span) {
    if (!std::isfinite(v)) return "—";
    char buf[64];
    // Years 0 to about 9900: what strftime's %Y writes as four digits.
    if (kind == InsightKind::datetime && v > -6.2e10 && v < 2.5e11) {
        const std::time_t t = (std::time_t)std::floor(v);
        std::tm tm{};
        gmtime_r(&t, &tm);
        // Short spans need the time of day; long ones only the date.
        std::strftime(buf, sizeof buf, span > 3 * 86400 ? "%Y-%m-%d" : "%Y-%m-%d %H:%M", &tm);
        return buf;
    }
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

std::string percent_text(std::uint64_t part, std::uint64_t whole) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", whole ? 100.0 * (double)part / (double)whole : 0.0);
    return buf;
}

}  // namespace eic::app

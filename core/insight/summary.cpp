#include "insight/summary.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "manifest/values.hpp"
#include "time/civil.hpp"

namespace eic::insight {

Histogram histogram(const std::vector<std::optional<double>>& values, std::size_t bins) {
    Histogram h;
    h.total = values.size();
    h.counts.assign(bins, 0);
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const auto& v : values) {
        if (!v || !std::isfinite(*v)) {
            ++h.missing;
            continue;
        }
        lo = std::min(lo, *v);
        hi = std::max(hi, *v);
    }
    if (h.missing == h.total) return h;
    h.min = lo;
    h.max = hi;
    if (bins == 0) return h;
    // Halves keep the span finite when min and max are near opposite ends of the double range.
    const bool halve = !std::isfinite(hi - lo);
    const double span = halve ? hi / 2 - lo / 2 : hi - lo;
    for (const auto& v : values) {
        if (!v || !std::isfinite(*v)) continue;
        std::size_t k = 0;
        if (span > 0) {
            double offset = halve ? *v / 2 - lo / 2 : *v - lo;
            double at = offset / span * double(bins);
            // max lands exactly on `bins`, rounding may land a hair on either side of an edge.
            k = at >= double(bins) ? bins - 1 : at <= 0 ? 0 : std::size_t(at);
            if (k >= bins) k = bins - 1;
        }
        ++h.counts[k];
    }
    return h;
}

Bars bar_counts(const std::vector<std::optional<std::string>>& values, std::size_t max_bars) {
    Bars out;
    out.total = values.size();
    // Views into `values`, which outlives the map: no copy per row.
    std::unordered_map<std::string_view, std::uint64_t> counts;
    for (const auto& v : values) {
        if (!v)
            ++out.missing;
        else
            ++counts[std::string_view(*v)];
    }
    std::vector<std::pair<std::string_view, std::uint64_t>> sorted(counts.begin(), counts.end());
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    std::size_t kept = std::min(max_bars, sorted.size());
    out.bars.reserve(kept);
    for (std::size_t i = 0; i < kept; ++i) out.bars.emplace_back(std::string(sorted[i].first), sorted[i].second);
    for (std::size_t i = kept; i < sorted.size(); ++i) out.other += sorted[i].second;
    return out;
}

namespace {

// Digits at s[i..i+n), known to be digits: is_iso8601 checked the grammar already.
int number_at(std::string_view s, std::size_t i, std::size_t n) {
    int v = 0;
    for (std::size_t k = 0; k < n; ++k) v = v * 10 + (s[i + k] - '0');
    return v;
}

}  // namespace

std::optional<double> datetime_seconds(std::string_view s) {
    if (!manifest::is_iso8601(s)) return std::nullopt;
    std::int64_t seconds =
        calendar::days_from_civil(number_at(s, 0, 4), unsigned(number_at(s, 5, 2)), unsigned(number_at(s, 8, 2))) *
        86400;
    double fraction = 0;
    if (s.size() > 10) {
        seconds += number_at(s, 11, 2) * 3600 + number_at(s, 14, 2) * 60;
        std::size_t i = 16;
        if (i < s.size() && s[i] == ':') {
            seconds += number_at(s, i + 1, 2);
            i += 3;
            if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
                double scale = 0.1;
                for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, scale /= 10)
                    fraction += (s[i] - '0') * scale;
            }
        }
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
            std::size_t minutes_at = s[i + 3] == ':' ? i + 4 : i + 3;
            int offset = number_at(s, i + 1, 2) * 3600 + number_at(s, minutes_at, 2) * 60;
            // Local time = UTC + offset, so UTC = local - offset.
            seconds -= s[i] == '+' ? offset : -offset;
        }
    }
    return double(seconds) + fraction;
}

}  // namespace eic::insight

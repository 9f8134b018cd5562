// Per-key summaries for the manifest editor's insight views, over the rows of the current filter:
// a histogram for numbers and datetimes, bar counts for enums and booleans, and the share of rows
// where the key is missing. The caller extracts one value per row; these only count.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eic::insight {

// `bins` equal-width bins over [min, max]. Bin k holds values in [min + k*w, min + (k+1)*w), w being
// (max - min) / bins, except the last, which also holds max. When every value is the same, all of
// them are in bin 0. Without any finite value, min = max = 0 and every count is 0.
struct Histogram {
    double min = 0, max = 0;
    std::vector<std::uint64_t> counts;     // bins entries (none when bins is 0; min, max and the rest still hold)
    std::uint64_t missing = 0, total = 0;  // missing: nullopt, NaN or an infinity; total: values.size()
};
Histogram histogram(const std::vector<std::optional<double>>& values, std::size_t bins);

struct Bars {
    // The max_bars most frequent values with their counts: count descending, then name ascending (by
    // bytes), so equal counts always come in the same order.
    std::vector<std::pair<std::string, std::uint64_t>> bars;
    std::uint64_t other = 0;    // rows with a value that did not get a bar of its own
    std::uint64_t missing = 0;  // nullopt rows; an empty string is a value, not missing
    std::uint64_t total = 0;    // values.size()
};
Bars bar_counts(const std::vector<std::optional<std::string>>& values, std::size_t max_bars);

// Seconds since the Unix epoch (UTC, negative before 1970) of an ISO 8601 date or date-time, or
// nullopt when `iso` is not one. The grammar is the validator's (manifest::is_iso8601), so a value the
// validator accepts always has a place on the histogram: "YYYY-MM-DD", or with "THH:MM[:SS[.frac]]"
// ('t' or a space for 'T'; ',' for '.') and an optional "Z" or "+HH:MM" / "-HH:MM" / "+HHMM" offset.
// A date-time without an offset is taken as UTC; a date alone is its midnight, UTC.
std::optional<double> datetime_seconds(std::string_view iso);

}  // namespace eic::insight

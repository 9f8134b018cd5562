// How the insight views write counts, values and shares: pure formatting, shared by the model (its
// messages and hover text) and the canvas (legend, histogram axes, missing shares).
#pragma once

#include <cstdint>
#include <string>

#include "app/insight_kind.hpp"

namespace eic::app {

// "200,000": counts are read at a glance.
std::string count_text(std::uint64_t n);

// A value of a number or datetime key. Datetimes (seconds since the epoch, UTC) are written as a date,
// with the time of day when `span` (the range the value is shown in, in seconds) is 3 days or less;
// numbers with 4 significant digits. "—" for NaN or an infinity.
std::string value_text(double v, InsightKind kind, double span = 0);

// "12.5%" of part in whole; "0.0%" when whole is 0.
std::string percent_text(std::uint64_t part, std::uint64_t whole);

}  // namespace eic::app

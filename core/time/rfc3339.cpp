#include "time/rfc3339.hpp"

#include <fmt/format.h>

#include "time/civil.hpp"

namespace eic::calendar {

std::string rfc3339_utc(std::int64_t t) {
    if (t < kFourDigitYearsFirst || t >= kFourDigitYearsEnd) return "";
    const CivilTime c = civil_time(t);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", c.date.year, c.date.month, c.date.day, c.hour, c.minute,
                       c.second);
}

}  // namespace eic::calendar

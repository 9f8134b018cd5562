// Dates in the proleptic Gregorian calendar as days since 1970-01-01 and back: the one copy for the
// GCS signing times (gcs/v4_time.cpp) and the insight views' datetimes (insight/summary.cpp).
#pragma once

#include <cstdint>

namespace eic::calendar {

// Howard Hinnant's civil-calendar algorithms (http://howardhinnant.github.io/date_algorithms.html):
// eras of 400 years, each year starting in March so that the leap day is its last day.
inline std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
    std::int64_t year;
    unsigned month, day;
};

inline Civil civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

// A POSIX time (seconds since 1970-01-01T00:00:00Z, leap seconds not counted) as a UTC date and time of day.
// The POSIX times of the years 0001-9999, which forms with a four-digit year (RFC 3339, X-Goog-Date) hold.
inline constexpr std::int64_t kFourDigitYearsFirst = -62135596800;  // 0001-01-01T00:00:00Z
inline constexpr std::int64_t kFourDigitYearsEnd = 253402300800;    // 10000-01-01T00:00:00Z

struct CivilTime {
    Civil date;
    unsigned hour, minute, second;
};

inline CivilTime civil_time(std::int64_t t) {
    constexpr std::int64_t kDay = 86400;
    std::int64_t days = t / kDay, rest = t % kDay;
    if (rest < 0) {
        rest += kDay;
        --days;
    }
    return {civil_from_days(days), unsigned(rest / 3600), unsigned(rest / 60 % 60), unsigned(rest % 60)};
}

}  // namespace eic::calendar

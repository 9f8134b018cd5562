#include "gcs/v4_time.hpp"

#include <fmt/format.h>

#include "time/civil.hpp"

namespace eic::gcs {
namespace {

using calendar::days_from_civil;

constexpr std::int64_t kDay = 86400;

bool leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(std::int64_t y, unsigned m) {
    static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

// The decimal number of text[at, at + n), or -1 when a character there is not a digit.
int digits(std::string_view text, std::size_t at, std::size_t n) {
    if (at + n > text.size()) return -1;
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        v = v * 10 + (text[i] - '0');
    }
    return v;
}

}  // namespace

std::optional<std::int64_t> parse_rfc3339(std::string_view s) {
    // full-date "T" partial-time time-offset; RFC 3339 section 5.6 allows 't' and 'z' in lower case.
    if (s.size() < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':')
        return std::nullopt;
    const int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
    const int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 ||
        second < 0 || second > 59)
        return std::nullopt;
    if (static_cast<unsigned>(day) > days_in_month(year, static_cast<unsigned>(month))) return std::nullopt;
    std::size_t i = 19;
    if (s[i] == '.') {
        const std::size_t first = ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        if (i == first) return std::nullopt;
    }
    std::int64_t offset = 0;
    if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
        ++i;
    } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        const int oh = digits(s, i + 1, 2), om = digits(s, i + 4, 2);
        if (oh < 0 || oh > 23 || om < 0 || om > 59 || i + 3 >= s.size() || s[i + 3] != ':') return std::nullopt;
        offset = (s[i] == '+' ? 1 : -1) * (oh * 3600 + om * 60);
        i += 6;
    } else {
        return std::nullopt;
    }
    if (i != s.size()) return std::nullopt;
    const std::int64_t local = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * kDay +
                               hour * 3600 + minute * 60 + second;
    return local - offset;
}

std::optional<std::string> x_goog_date(std::int64_t t) {
    // Years 0001-9999 lie well inside +-2^40 seconds, so nothing below overflows.
    if (t < calendar::kFourDigitYearsFirst || t >= calendar::kFourDigitYearsEnd) return std::nullopt;
    const calendar::CivilTime c = calendar::civil_time(t);
    return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", c.date.year, c.date.month, c.date.day, c.hour, c.minute,
                       c.second);
}

}  // namespace eic::gcs

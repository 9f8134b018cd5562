#include "insight/summary.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "manifest/values.hpp"

using eic::insight::bar_counts;
using eic::insight::Bars;
using eic::insight::datetime_seconds;
using eic::insight::histogram;
using eic::insight::Histogram;
using Counts = std::vector<std::uint64_t>;

namespace {

std::vector<std::optional<double>> numbers(std::initializer_list<double> xs) {
    return std::vector<std::optional<double>>(xs.begin(), xs.end());
}

std::vector<std::optional<std::string>> names(std::initializer_list<const char*> xs) {
    std::vector<std::optional<std::string>> out;
    for (const char* x : xs) out.push_back(x ? std::optional<std::string>(x) : std::nullopt);
    return out;
}

using BarList = std::vector<std::pair<std::string, std::uint64_t>>;

}  // namespace

TEST_CASE("histogram: equal-width bins, lower edges inclusive, max in the last bin", "[insight]") {
    Histogram h = histogram(numbers({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), 5);
    CHECK(h.min == 0);
    CHECK(h.max == 10);
    CHECK(h.counts == Counts{2, 2, 2, 2, 3});  // [0,2) [2,4) [4,6) [6,8) [8,10]
    CHECK(h.total == 11);
    CHECK(h.missing == 0);

    CHECK(histogram(numbers({0, 1}), 4).counts == Counts{1, 0, 0, 1});
    CHECK(histogram(numbers({0, 0.5, 1}), 2).counts == Counts{1, 2});  // 0.5 opens the second bin
    CHECK(histogram(numbers({-3, -1, -2.5}), 2).counts == Counts{2, 1});
    CHECK(histogram(numbers({7}), 1).counts == Counts{1});
}

TEST_CASE("histogram: all-equal values go to the first bin", "[insight]") {
    Histogram h = histogram(numbers({5, 5, 5}), 3);
    CHECK(h.min == 5);
    CHECK(h.max == 5);
    CHECK(h.counts == Counts{3, 0, 0});
}

TEST_CASE("histogram: empty input, missing values and no bins", "[insight]") {
    Histogram empty = histogram({}, 4);
    CHECK(empty.total == 0);
    CHECK(empty.missing == 0);
    CHECK(empty.counts == Counts{0, 0, 0, 0});
    CHECK(empty.min == 0);
    CHECK(empty.max == 0);

    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    std::vector<std::optional<double>> values = {1.0, std::nullopt, nan, 3.0, inf, -inf, std::nullopt, 2.0};
    Histogram h = histogram(values, 2);
    CHECK(h.total == 8);
    CHECK(h.missing == 5);
    CHECK(h.min == 1);
    CHECK(h.max == 3);
    CHECK(h.counts == Counts{1, 2});

    Histogram none = histogram({std::nullopt, nan}, 3);
    CHECK(none.missing == 2);
    CHECK(none.counts == Counts{0, 0, 0});
    CHECK(none.min == 0);
    CHECK(none.max == 0);

    Histogram no_bins = histogram(numbers({4, 2}), 0);
    CHECK(no_bins.counts.empty());
    CHECK(no_bins.min == 2);
    CHECK(no_bins.max == 4);
    CHECK(no_bins.total == 2);
}

TEST_CASE("histogram: a span beyond the double range and datetimes in seconds", "[insight]") {
    CHECK(histogram(numbers({-1e308, 0, 1e308, 5e307}), 2).counts == Counts{1, 3});
    CHECK(histogram(numbers({-std::numeric_limits<double>::max(), std::numeric_limits<double>::max()}), 3).counts ==
          Counts{1, 0, 1});
    // A day of timestamps in hours: 24 bins of one hour each.
    std::vector<std::optional<double>> times;
    for (int h = 0; h < 24; ++h)
        times.push_back(
            datetime_seconds("2024-02-29T" + std::string(h < 10 ? "0" : "") + std::to_string(h) + ":30:00Z"));
    times.push_back(datetime_seconds("2024-02-29T00:00:00Z"));
    times.push_back(datetime_seconds("2024-02-29T23:59:59.999Z"));
    Histogram h = histogram(times, 24);
    CHECK(h.missing == 0);
    CHECK(h.counts.front() == 2);
    CHECK(h.counts.back() == 2);
    CHECK(h.max - h.min == Approx(86399.999));
}

TEST_CASE("bar counts: by count, ties by name, the rest in other", "[insight]") {
    Bars b = bar_counts(names({"cat", "dog", "bird", "dog", "cat", "ant", nullptr, "", "dog", nullptr}), 3);
    CHECK(b.bars == BarList{{"dog", 3}, {"cat", 2}, {"", 1}});  // "" sorts before "ant" and "bird"
    CHECK(b.other == 2);
    CHECK(b.missing == 2);
    CHECK(b.total == 10);

    Bars all = bar_counts(names({"b", "a", "c", "a", "b"}), 10);
    CHECK(all.bars == BarList{{"a", 2}, {"b", 2}, {"c", 1}});
    CHECK(all.other == 0);

    Bars none = bar_counts(names({"x", "y", nullptr}), 0);
    CHECK(none.bars.empty());
    CHECK(none.other == 2);
    CHECK(none.missing == 1);

    Bars empty = bar_counts({}, 5);
    CHECK(empty.bars.empty());
    CHECK(empty.total == 0);

    // Byte order, not locale order: upper case before lower case, non-ASCII last.
    Bars bytes = bar_counts(names({"é", "b", "B", "true", "false"}), 5);
    CHECK(bytes.bars == BarList{{"B", 1}, {"b", 1}, {"false", 1}, {"true", 1}, {"é", 1}});
}

TEST_CASE("datetime_seconds: dates, times, fractions and offsets", "[insight]") {
    CHECK(datetime_seconds("1970-01-01") == 0.0);
    CHECK(datetime_seconds("1970-01-01T00:00:00Z") == 0.0);
    CHECK(datetime_seconds("1970-01-02") == 86400.0);
    CHECK(datetime_seconds("1969-12-31T23:59:59Z") == -1.0);
    CHECK(datetime_seconds("2000-03-01T00:00:00Z") == 951868800.0);
    CHECK(datetime_seconds("2024-01-01") == 1704067200.0);
    CHECK(datetime_seconds("2024-01-01T10:00") == 1704103200.0);  // no offset: UTC
    CHECK(datetime_seconds("2024-01-01T10:00:00+02:00") == 1704096000.0);
    CHECK(datetime_seconds("2024-01-01T10:00:00-05:30") == 1704103200.0 + 5.5 * 3600);
    CHECK(datetime_seconds("2024-01-01T10:00+0530") == 1704103200.0 - 5.5 * 3600);
    CHECK(datetime_seconds("2024-01-01T00:30:00+01:00") == 1704067200.0 - 1800);  // into the previous year
    CHECK(datetime_seconds("2024-01-01 10:00:00z") == 1704103200.0);
    CHECK(datetime_seconds("2024-01-01t10:00:00Z") == 1704103200.0);
    CHECK(*datetime_seconds("2024-01-01T10:00:00.25Z") == Approx(1704103200.25));
    CHECK(*datetime_seconds("2024-01-01T10:00:00,5+00:00") == Approx(1704103200.5));
    CHECK(*datetime_seconds("1970-01-01T00:00:00.123456789Z") == Approx(0.123456789));
    CHECK(datetime_seconds("0000-01-01") == -62167219200.0);
    CHECK(datetime_seconds("9999-12-31T23:59:59Z") == 253402300799.0);
}

TEST_CASE("datetime_seconds: leap days", "[insight]") {
    CHECK(*datetime_seconds("2024-03-01") - *datetime_seconds("2024-02-28") == 2 * 86400.0);
    CHECK(*datetime_seconds("2023-03-01") - *datetime_seconds("2023-02-28") == 86400.0);
    CHECK(*datetime_seconds("2000-03-01") - *datetime_seconds("2000-02-28") == 2 * 86400.0);  // 400-year rule
    CHECK(*datetime_seconds("1900-03-01") - *datetime_seconds("1900-02-28") == 86400.0);      // 100-year rule
    CHECK(datetime_seconds("2024-02-29T12:00:00Z").has_value());
    CHECK_FALSE(datetime_seconds("2023-02-29"));
    CHECK_FALSE(datetime_seconds("1900-02-29"));
    CHECK(datetime_seconds("2000-02-29"));

    // Every day from 1896 to 2104 against a plain day counter: consecutive dates are 86,400 s apart.
    const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    double expected = *datetime_seconds("1896-01-01");
    int bad = 0;
    for (int y = 1896; y <= 2104; ++y) {
        bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        for (int m = 1; m <= 12; ++m) {
            for (int d = 1; d <= month_days[m - 1] + (m == 2 && leap); ++d) {
                char date[32];
                std::snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, d);
                auto got = datetime_seconds(date);
                if (!got || *got != expected) ++bad;
                expected += 86400;
            }
        }
    }
    CHECK(bad == 0);
    CHECK(expected == *datetime_seconds("2105-01-01"));
}

TEST_CASE("datetime_seconds: what is not an ISO 8601 date is nullopt", "[insight]") {
    const char* invalid[] = {
        "",
        "2024-02-30",
        "2024-13-01",
        "2024-00-10",
        "2024-04-31",
        "2024-01-00",
        "2024-1-01",
        "24-01-01",
        "2024/01/01",
        "2024-01-01T",
        "2024-01-01Z",
        "2024-01-01T24:00",
        "2024-01-01T10:60",
        "2024-01-01T10:00:60",
        "2024-01-01T10:00:00.",
        "2024-01-01T10:00+05",
        "2024-01-01T10:00+24:00",
        "2024-01-01T10:00:00Zjunk",
        "2024-01-01T10",
        " 2024-01-01",
        "2024-01-01x",
        "yesterday",
    };
    for (const char* s : invalid) {
        INFO(s);
        CHECK_FALSE(datetime_seconds(s));
        // The validator's grammar and this one never disagree.
        CHECK_FALSE(eic::manifest::is_iso8601(s));
    }
    const char* valid[] = {"2024-01-01", "2024-01-01T10:00", "2024-01-01 10:00:00", "2024-01-01T10:00:00.5-01:00"};
    for (const char* s : valid) {
        INFO(s);
        CHECK(datetime_seconds(s));
        CHECK(eic::manifest::is_iso8601(s));
    }
}

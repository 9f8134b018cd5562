#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "json/number.hpp"
#include "json/reader.hpp"
#include "json_test_support.hpp"

using namespace eic::json;
using namespace eic::json::test;

TEST_CASE("numbers: the reader checks the grammar and passes the raw text", "[json]") {
    CHECK(trace("[0,-0,12,-3.25,1e5,1E+5,2e-3,0.0,123456789012345678901234567890]") ==
          "[@0 i:0@1 i:-0@3 i:12@6 f:-3.25@9 f:1e5@15 f:1E+5@19 f:2e-3@24 f:0.0@29 "
          "i:123456789012345678901234567890@33 ]@63");
    CHECK(trace("-0") == "i:-0@0");
    CHECK(trace("1e400") == "f:1e400@0");  // the reader does not convert: overflow is the helper's call
}

TEST_CASE("numbers: grammar errors", "[json]") {
    Failure f = failure("01");
    CHECK(f.code == "json.syntax");
    CHECK(f.where == "1:2");
    CHECK(f.message == "a number cannot have leading zeros (write 1, not 01)");
    CHECK(failure("[-01]").where == "1:4");
    CHECK(failure("[00]").code == "json.syntax");

    f = failure("1.");
    CHECK(f.code == "json.truncated");
    CHECK(f.where == "1:3");
    CHECK(f.message == "the file ends inside a number: it looks truncated");
    f = failure("[1.]");
    CHECK(f.code == "json.syntax");
    CHECK(f.where == "1:4");
    CHECK(f.message == "expected a digit after the decimal point, found ']'");
    CHECK(failure("[1.e5]").where == "1:4");

    f = failure(".5");
    CHECK(f.code == "json.syntax");
    CHECK(f.where == "1:1");
    CHECK(f.message == "a number must start with a digit: write 0.5, not .5");

    f = failure("-");
    CHECK(f.code == "json.truncated");
    CHECK(f.where == "1:2");
    f = failure("[-]");
    CHECK(f.code == "json.syntax");
    CHECK(f.where == "1:3");
    CHECK(f.message == "expected a digit after '-', found ']'");
    CHECK(failure("[- 1]").code == "json.syntax");
    CHECK(failure("[-a]").code == "json.syntax");

    f = failure("+1");
    CHECK(f.code == "json.syntax");
    CHECK(f.message == "a number cannot start with '+': leave the sign out");

    CHECK(failure("1e").code == "json.truncated");
    CHECK(failure("1e+").code == "json.truncated");
    f = failure("[1e]");
    CHECK(f.code == "json.syntax");
    CHECK(f.where == "1:4");
    CHECK(f.message == "expected a digit in the exponent, found ']'");
    CHECK(failure("[1e+]").where == "1:5");
    CHECK(failure("[1E--2]").code == "json.syntax");
    CHECK(failure("[0x10]").code == "json.syntax");
    CHECK(failure("[1.5.2]").code == "json.syntax");
    CHECK(failure("[NaN]").code == "json.syntax");
    CHECK(failure("[Infinity]").code == "json.syntax");
    CHECK(failure("[-Infinity]").code == "json.syntax");
}

TEST_CASE("numbers: to_double converts exactly and reports overflow", "[json]") {
    double d = 42;
    CHECK(to_double("0", d) == Errc::none);
    CHECK(d == 0.0);
    CHECK_FALSE(std::signbit(d));
    CHECK(to_double("-0", d) == Errc::none);
    CHECK(d == 0.0);
    CHECK(std::signbit(d));
    CHECK(to_double("-0.0e10", d) == Errc::none);
    CHECK(std::signbit(d));
    CHECK(to_double("1.5", d) == Errc::none);
    CHECK(d == 1.5);
    CHECK(to_double("0.1", d) == Errc::none);
    CHECK(d == 0.1);
    CHECK(to_double("1e22", d) == Errc::none);
    CHECK(d == 1e22);
    CHECK(to_double("1e23", d) == Errc::none);
    CHECK(d == 1e23);
    CHECK(to_double("123456789012345678901234567890", d) == Errc::none);
    CHECK(d == 123456789012345678901234567890.0);
    CHECK(to_double("1.7976931348623157e308", d) == Errc::none);
    CHECK(d == 1.7976931348623157e308);
    CHECK(to_double("4.9e-324", d) == Errc::none);
    CHECK(d == 4.9e-324);
    CHECK(to_double("1e-400", d) == Errc::none);  // underflow rounds to zero, as everywhere
    CHECK(d == 0.0);
    CHECK(to_double("0.00000000000000000000000000000000000000000000000000000000000000000000000012", d) == Errc::none);
    CHECK(d == 1.2e-73);
    CHECK(to_double("1234567890123456789", d) == Errc::none);  // 19 digits: exact in uint64, not in double
    CHECK(d == 1234567890123456789.0);
    CHECK(to_double("9007199254740993", d) == Errc::none);  // 2^53 + 1 rounds to even
    CHECK(d == 9007199254740992.0);
    CHECK(to_double("0.000", d) == Errc::none);
    CHECK(d == 0.0);
    CHECK(to_double("0e99999999999999999999", d) == Errc::none);
    CHECK(d == 0.0);

    d = 7;
    CHECK(to_double("1e400", d) == Errc::number_overflow);
    CHECK(to_double("-1e400", d) == Errc::number_overflow);
    CHECK(to_double("1.8e308", d) == Errc::number_overflow);
    CHECK(to_double("1e99999999999999999999", d) == Errc::number_overflow);
    CHECK(to_double(std::string(400, '9'), d) == Errc::number_overflow);
    CHECK(d == 7);  // untouched on failure

    CHECK(to_double("", d) == Errc::syntax);
    CHECK(to_double("01", d) == Errc::syntax);
    CHECK(to_double("1.", d) == Errc::syntax);
    CHECK(to_double(".5", d) == Errc::syntax);
    CHECK(to_double("1e", d) == Errc::syntax);
    CHECK(to_double("1x", d) == Errc::syntax);
    CHECK(to_double("+1", d) == Errc::syntax);

    Error e = number_error(Errc::number_overflow, 17);
    CHECK(std::string(e.code()) == "json.number-overflow");
    CHECK(e.offset == 17);
    CHECK(e.message.find("number overflows a double") == 0);
}

TEST_CASE("numbers: to_double agrees with strtod on many decimals", "[json]") {
    // Fast path and slow path both, against the C library (correctly rounded on glibc and musl).
    std::uint64_t state = 0x9E3779B97F4A7C15ull;
    auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    for (int i = 0; i < 20000; ++i) {
        std::string s;
        if (next() & 1) s += '-';
        bool below_one = next() % 4 == 0;  // 0.000ddd: leading zeros are not significant digits
        if (below_one) {
            s += "0.";
            s += std::string(next() % 30, '0');
            int digits = 1 + int(next() % 22);
            for (int k = 0; k < digits; ++k) s += char('0' + next() % 10);
        } else {
            int int_digits = int(next() % 20);
            s += char('1' + next() % 9);
            for (int k = 0; k < int_digits; ++k) s += char('0' + next() % 10);
        }
        if (!below_one && next() % 3) {
            s += '.';
            int frac = 1 + int(next() % 20);
            for (int k = 0; k < frac; ++k) s += char('0' + next() % 10);
        }
        if (next() % 2) {
            s += 'e';
            s += std::to_string(int(next() % 80) - 40);
        }
        double mine = 0;
        INFO(s);
        REQUIRE(to_double(s, mine) == Errc::none);
        CHECK(mine == std::strtod(s.c_str(), nullptr));
    }
    // Round trips of random doubles printed with 17 digits.
    for (int i = 0; i < 20000; ++i) {
        std::uint64_t bits = next();
        double v;
        std::memcpy(&v, &bits, sizeof v);
        if (!std::isfinite(v)) continue;
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.17g", v);
        double back = 0;
        INFO(buf);
        REQUIRE(to_double(buf, back) == Errc::none);
        CHECK(back == v);
    }
}

TEST_CASE("numbers: to_int64 and to_uint64 check the range", "[json]") {
    std::int64_t i = 5;
    CHECK(to_int64("0", i) == Errc::none);
    CHECK(i == 0);
    CHECK(to_int64("-0", i) == Errc::none);
    CHECK(i == 0);
    CHECK(to_int64("9223372036854775807", i) == Errc::none);
    CHECK(i == INT64_MAX);
    CHECK(to_int64("-9223372036854775808", i) == Errc::none);
    CHECK(i == INT64_MIN);
    i = 5;
    CHECK(to_int64("9223372036854775808", i) == Errc::number_range);
    CHECK(to_int64("-9223372036854775809", i) == Errc::number_range);
    CHECK(to_int64("123456789012345678901234567890", i) == Errc::number_range);
    CHECK(to_int64("1.0", i) == Errc::not_integer);
    CHECK(to_int64("1e2", i) == Errc::not_integer);
    CHECK(to_int64("123456789012345678901234567890.5", i) == Errc::not_integer);
    CHECK(to_int64("01", i) == Errc::syntax);
    CHECK(to_int64("", i) == Errc::syntax);
    CHECK(to_int64("-", i) == Errc::syntax);
    CHECK(to_int64("1.x", i) == Errc::syntax);
    CHECK(to_int64("12a", i) == Errc::syntax);
    CHECK(i == 5);

    std::uint64_t u = 5;
    CHECK(to_uint64("18446744073709551615", u) == Errc::none);
    CHECK(u == UINT64_MAX);
    CHECK(to_uint64("-0", u) == Errc::none);
    CHECK(u == 0);
    u = 5;
    CHECK(to_uint64("18446744073709551616", u) == Errc::number_range);
    CHECK(to_uint64("-1", u) == Errc::number_range);
    CHECK(to_uint64("2.5", u) == Errc::not_integer);
    CHECK(u == 5);

    CHECK(std::string(number_error(Errc::number_range, 0).code()) == "json.number-range");
    CHECK(std::string(number_error(Errc::not_integer, 0).code()) == "json.not-integer");
}

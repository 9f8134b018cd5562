#include "json/number.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>
#include <system_error>

#include "json/scan.hpp"

namespace eic::json {

namespace {

using detail::is_digit;

// Exact powers of ten: every one up to 1e22 is representable, which is what makes the fast path exact.
const double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                         1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// Correct rounding for every input, for the numbers the fast path declines.
Errc slow_to_double(std::string_view text, double& out) {
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L
    double v = 0;
    auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (r.ec == std::errc() && r.ptr == text.data() + text.size()) {
        out = v;
        return Errc::none;
    }
    // result_out_of_range does not say which way: strtod below tells overflow from underflow.
#endif
    // libc++ of emscripten 3.1.6 has no floating from_chars. strtod needs a terminator; the core never
    // calls setlocale, so the decimal point is '.'.
    char small[64];
    std::string big;
    const char* z;
    if (text.size() < sizeof small) {
        text.copy(small, text.size());
        small[text.size()] = '\0';
        z = small;
    } else {
        big.assign(text);
        z = big.c_str();
    }
    char* stop = nullptr;
    double v2 = std::strtod(z, &stop);
    if (stop != z + text.size()) return Errc::syntax;
    if (std::isinf(v2)) return Errc::number_overflow;
    out = v2;
    return Errc::none;
}

// Value of 8 ASCII digits at p, with three multiplications instead of eight (little-endian load).
std::uint64_t eight_digits(const char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    v = ((v & 0x0F0F0F0F0F0F0F0Full) * 2561) >> 8;
    v = ((v & 0x00FF00FF00FF00FFull) * 6553601) >> 16;
    return ((v & 0x0000FFFF0000FFFFull) * 42949672960001ull) >> 32;
}

std::uint64_t accumulate(std::uint64_t m, const char* p, const char* end) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (; end - p >= 8; p += 8) m = m * 100000000u + eight_digits(p);
#endif
    for (; p < end; ++p) m = m * 10 + std::uint64_t(*p - '0');
    return m;
}

}  // namespace

Errc to_double(std::string_view text, double& out) {
    const char* p = text.data();
    const char* end = p + text.size();
    bool negative = false;
    if (p < end && *p == '-') {
        negative = true;
        ++p;
    }
    // Grammar first, remembering where the digit runs are.
    const char* int_begin = p;
    if (p == end || !is_digit(*p)) return Errc::syntax;
    if (*p == '0') {
        ++p;
        if (p < end && is_digit(*p)) return Errc::syntax;
    } else {
        p = detail::skip_digits(p + 1, end);
    }
    const char* int_end = p;
    const char* frac_begin = p;
    const char* frac_end = p;
    if (p < end && *p == '.') {
        ++p;
        if (p == end || !is_digit(*p)) return Errc::syntax;
        frac_begin = p;
        p = frac_end = detail::skip_digits(p + 1, end);
    }
    long exp10 = 0;
    if (p < end && (*p == 'e' || *p == 'E')) {
        ++p;
        bool exp_negative = false;
        if (p < end && (*p == '+' || *p == '-')) exp_negative = *p++ == '-';
        if (p == end || !is_digit(*p)) return Errc::syntax;
        for (; p < end && is_digit(*p); ++p)
            if (exp10 < 100000) exp10 = exp10 * 10 + (*p - '0');  // beyond this every result is 0 or inf
        if (exp_negative) exp10 = -exp10;
    }
    if (p != end) return Errc::syntax;

    // value = digits(int, frac) * 10^(exp10 - frac length); leading zeros are not significant.
    exp10 -= long(frac_end - frac_begin);
    const char* first = int_begin;
    if (*int_begin == '0') {
        first = frac_begin;
        while (first < frac_end && *first == '0') ++first;
        if (first == frac_end) {
            out = negative ? -0.0 : 0.0;
            return Errc::none;
        }
    }
    std::size_t significant = first < int_end ? std::size_t(int_end - first) + std::size_t(frac_end - frac_begin)
                                              : std::size_t(frac_end - first);
    if (significant <= 19) {
        std::uint64_t m = first < int_end ? accumulate(accumulate(0, first, int_end), frac_begin, frac_end)
                                          : accumulate(0, first, frac_end);
        // Clinger's fast path: an exact mantissa times or divided by an exact power of ten is one IEEE
        // operation, hence correctly rounded. Covers most real-world decimals without touching libc.
        const std::uint64_t kMaxExact = std::uint64_t(1) << 53;
        if (m <= kMaxExact) {
            double v = -1;
            if (exp10 >= 0 && exp10 <= 22) {
                v = double(m) * kPow10[exp10];
            } else if (exp10 < 0 && exp10 >= -22) {
                v = double(m) / kPow10[-exp10];
            } else if (exp10 > 22 && exp10 <= 22 + 15) {
                // Move the excess exponent into the mantissa while it stays exact.
                long e = exp10;
                for (; e > 22 && m <= kMaxExact / 10; --e) m *= 10;
                if (e == 22) v = double(m) * kPow10[22];
            }
            if (v >= 0) {
                out = negative ? -v : v;
                return Errc::none;
            }
        }
    }
    return slow_to_double(text, out);
}

namespace {

// Parses an unsigned magnitude; `limit` is the largest allowed magnitude.
Errc integer_magnitude(const char* p, const char* end, std::uint64_t limit, std::uint64_t& out) {
    if (p == end || !is_digit(*p)) return Errc::syntax;
    if (*p == '0' && p + 1 < end && is_digit(p[1])) return Errc::syntax;
    std::uint64_t v = 0;
    bool over = false;
    for (; p < end && is_digit(*p); ++p) {
        std::uint64_t d = std::uint64_t(*p - '0');
        if (d > limit || v > (limit - d) / 10)
            over = true;  // keep scanning: a fraction means not_integer instead
        else
            v = v * 10 + d;
    }
    if (p != end) {
        // The caller checks the whole token's grammar for this case.
        if (*p == '.' || *p == 'e' || *p == 'E') return Errc::not_integer;
        return Errc::syntax;
    }
    if (over) return Errc::number_range;
    out = v;
    return Errc::none;
}

}  // namespace

Errc to_int64(std::string_view text, std::int64_t& out) {
    const char* p = text.data();
    const char* end = p + text.size();
    bool negative = p < end && *p == '-';
    if (negative) ++p;
    const std::uint64_t max_pos = std::uint64_t(INT64_MAX);
    std::uint64_t mag = 0;
    Errc e = integer_magnitude(p, end, negative ? max_pos + 1 : max_pos, mag);
    if (e == Errc::not_integer) {
        double ignored;
        if (to_double(text, ignored) == Errc::syntax) return Errc::syntax;
    }
    if (e != Errc::none) return e;
    out = negative ? std::int64_t(0 - mag) : std::int64_t(mag);
    return Errc::none;
}

Errc to_uint64(std::string_view text, std::uint64_t& out) {
    const char* p = text.data();
    const char* end = p + text.size();
    bool negative = p < end && *p == '-';
    if (negative) ++p;
    std::uint64_t mag = 0;
    Errc e = integer_magnitude(p, end, negative ? 0 : UINT64_MAX, mag);
    if (e == Errc::not_integer) {
        double ignored;
        if (to_double(text, ignored) == Errc::syntax) return Errc::syntax;
    }
    if (e != Errc::none) return e;
    out = mag;  // "-0" is 0
    return Errc::none;
}

Error number_error(Errc e, std::size_t offset) {
    Error err;
    err.errc = e;
    err.offset = offset;
    switch (e) {
        case Errc::number_overflow:
            err.message = "number overflows a double: its magnitude is above 1.8e308";
            break;
        case Errc::number_range:
            err.message = "number is outside the range of a 64-bit integer";
            break;
        case Errc::not_integer:
            err.message = "expected a whole number, without a fraction or an exponent";
            break;
        default:
            err.errc = Errc::syntax;
            err.message = "not a JSON number";
            break;
    }
    return err;
}

}  // namespace eic::json

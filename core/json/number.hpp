// JSON number tokens and their conversion. The reader only validates the grammar and hands over the
// raw text, because most consumers (validators, copiers) never need the value, and converting
// floating point is the slowest part of JSON parsing, especially with wasm's libc.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "json/error.hpp"

namespace eic::json {

struct Number {
    std::string_view text;  // the raw token, always valid RFC 8259 number grammar when from the reader
    bool integer = false;   // no fraction and no exponent
    bool negative = false;  // starts with '-' (so "-0" is negative)
    bool exponent = false;  // has an exponent part (without one, |x| < 10^(digits before the point))
};

// Each returns Errc::none on success and leaves `out` untouched on failure.
// to_double: Errc::number_overflow when the magnitude rounds to infinity; underflow rounds to zero or a
// subnormal without error, as other JSON parsers do. Results are correctly rounded.
Errc to_double(std::string_view text, double& out);
// Integers only: Errc::not_integer when the token has a fraction or an exponent (even "1.0" or "1e2"),
// Errc::number_range when it is outside the type's range.
Errc to_int64(std::string_view text, std::int64_t& out);
Errc to_uint64(std::string_view text, std::uint64_t& out);
// All three return Errc::syntax when `text` is not a JSON number.

// The user-facing error for a failed conversion of the number that starts at `offset`.
Error number_error(Errc e, std::size_t offset);

}  // namespace eic::json

// Why a byte sequence is not the JSON we accept, and where. Codes are stable: the CLI, the JS API and
// docs/diagnostics.md use them, so never rename one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace eic::json {

enum class Errc : std::uint8_t {
    none,
    syntax,           // json.syntax
    truncated,        // json.truncated: the input ends where more was required
    bad_escape,       // json.bad-escape (also lone surrogates in \u escapes)
    invalid_utf8,     // json.invalid-utf8
    control_char,     // json.control-char: a raw byte below 0x20 inside a string
    depth,            // json.depth
    trailing,         // json.trailing: something follows the top-level value
    empty,            // json.empty
    number_overflow,  // json.number-overflow: only from to_double
    number_range,     // json.number-range: only from to_int64 / to_uint64
    not_integer,      // json.not-integer: only from to_int64 / to_uint64
};

// The stable code, e.g. "json.bad-escape"; "" for Errc::none.
const char* errc_code(Errc e);

struct Error {
    Errc errc = Errc::none;
    // Byte offset of the offending byte; for json.truncated, the input size (where more was expected).
    std::size_t offset = 0;
    std::string message;  // in user words, without the position

    const char* code() const { return errc_code(errc); }
    explicit operator bool() const { return errc != Errc::none; }
};

}  // namespace eic::json

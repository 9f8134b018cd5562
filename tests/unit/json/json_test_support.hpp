// Helpers shared by the core/json tests: an event trace and error lookups with line:column.
#pragma once

#include <string>
#include <string_view>

#include "json/line_index.hpp"
#include "json/reader.hpp"

namespace eic::json::test {

// Records every event as text, e.g. "{@0 k:a@1 1@5 }@6", so a test compares one string.
struct Trace {
    std::string out;
    void add(const std::string& s, std::size_t offset) {
        if (!out.empty()) out += ' ';
        out += s + "@" + std::to_string(offset);
    }
    bool begin_object(std::size_t o) {
        add("{", o);
        return true;
    }
    bool end_object(std::size_t o) {
        add("}", o);
        return true;
    }
    bool begin_array(std::size_t o) {
        add("[", o);
        return true;
    }
    bool end_array(std::size_t o) {
        add("]", o);
        return true;
    }
    bool key(std::string_view k, std::size_t o) {
        add("k:" + std::string(k), o);
        return true;
    }
    bool string(std::string_view s, std::size_t o) {
        add("s:" + std::string(s), o);
        return true;
    }
    bool number(const Number& n, std::size_t o) {
        // The sign flag must agree with the text; a disagreement shows up as "!sign".
        bool minus = !n.text.empty() && n.text[0] == '-';
        add(std::string(n.integer ? "i:" : "f:") + std::string(n.text) + (minus == n.negative ? "" : "!sign"), o);
        return true;
    }
    bool boolean(bool v, std::size_t o) {
        add(v ? "true" : "false", o);
        return true;
    }
    bool null(std::size_t o) {
        add("null", o);
        return true;
    }
};

// Accepts everything; for tests that only look at the outcome.
struct Ignore {
    bool begin_object(std::size_t) { return true; }
    bool end_object(std::size_t) { return true; }
    bool begin_array(std::size_t) { return true; }
    bool end_array(std::size_t) { return true; }
    bool key(std::string_view, std::size_t) { return true; }
    bool string(std::string_view, std::size_t) { return true; }
    bool number(const Number&, std::size_t) { return true; }
    bool boolean(bool, std::size_t) { return true; }
    bool null(std::size_t) { return true; }
};

inline std::string trace(std::string_view input) {
    Trace t;
    ReadResult r = read(input, t);
    if (!r.ok()) return "error " + std::string(r.error.code()) + ": " + r.error.message;
    return t.out;
}

struct Failure {
    std::string code;  // "" when the input was accepted
    std::size_t offset = 0;
    std::string message;
    std::string where;  // "line:column"
};

inline Failure failure(std::string_view input, ReadOptions options = {}) {
    Ignore h;
    ReadResult r = read(input, h, options);
    Failure f;
    if (r.ok()) return f;
    f.code = r.error.code();
    f.offset = r.error.offset;
    f.message = r.error.message;
    Position p = LineIndex(input).position(r.error.offset);
    f.where = std::to_string(p.line) + ":" + std::to_string(p.column);
    return f;
}

inline bool accepted(std::string_view input) {
    Ignore h;
    return read(input, h).ok();
}

}  // namespace eic::json::test

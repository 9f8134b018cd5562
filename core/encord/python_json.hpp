// JSON text as Encord's Python SDK sends it: `requests` serialises a `json=` body with Python's
// json.dumps defaults (https://docs.python.org/3/library/json.html#json.dumps): separators ", " and ": ",
// ensure_ascii (every character outside ' '..'~' escaped, \uXXXX in lower-case hex, surrogate pairs beyond
// U+FFFF), floats as repr() writes them (shortest round trip; an exponent below 1e-4 and from 1e16).
// Writing the same bytes lets a body be compared with, and its digest checked against, the SDK's.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace eic::encord {

// Appends `value` to `out`. Object members keep their order. Bytes of a string that are not UTF-8 are
// written as U+FFFD (a Python str cannot hold them). NaN and infinities, which no parsed JSON holds, are
// written as null.
void append_python_json(std::string& out, const nlohmann::ordered_json& value);
std::string python_json(const nlohmann::ordered_json& value);

// One JSON string as json.dumps writes it, quotes included.
void append_python_string(std::string& out, std::string_view utf8);

// repr() of a finite double: "1.5", "100.0", "1e+16", "1e-05", "-0.0".
std::string python_float(double value);

}  // namespace eic::encord

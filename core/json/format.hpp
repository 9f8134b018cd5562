// Reformatting JSON text (pretty or compact) without touching its values, for the manifest editor's
// export: numbers keep their digits (1.50 stays 1.50, a 30-digit integer stays exact), member order and
// duplicate names stay, only whitespace and string escapes change.
#pragma once

#include <string>
#include <string_view>

#include "json/error.hpp"

namespace eic::json {

// Appends `json` (a JSON text) to `out`: indent < 0 compact, else pretty with that many spaces per
// level, laid out as nlohmann's dump(indent) lays out the same value (a newline per member and
// element, "name": value, {} and [] for empty containers, no final newline).
// Numbers are copied as written (never converted); strings are re-escaped minimally (", \\, the short
// forms \b \f \n \r \t, other control characters as \u00xx); non-ASCII UTF-8 stays as is, so an input
// "\u00e9" comes out as the two bytes of é. A leading byte order mark is dropped.
// Returns the reader's error (json/error.hpp) for invalid input, and then leaves `out` as it was.
Error reformat(std::string_view json, int indent, std::string& out);

}  // namespace eic::json

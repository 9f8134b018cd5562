// The source excerpt under a selected finding: the lines around the diagnostic's line:column, with
// where in its line the place is, so the findings view can mark it. Lines and columns are counted as
// the validator counts them (json/line_index.hpp): LF, CRLF and a lone CR each end a line, columns are
// 1-based code points, and a leading UTF-8 byte order mark takes no column.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diag/diagnostic.hpp"

namespace eic::app {

struct FindingExcerpt {
    // (1-based line number, text): the finding's line and up to two either side. A line longer than
    // the excerpt's width (minified JSON) is cut around the place, with "…" where text was left out;
    // tabs become spaces. Empty when the diagnostic has no line or its line is not in the text.
    std::vector<std::pair<std::uint32_t, std::string>> lines;
    std::uint32_t mark_line = 0;  // the diagnostic's line, when lines is not empty
    std::size_t mark = 0;         // byte offset of the place in that line's text (never inside a code point)
};

// Code points kept either side of the place in a long line (and twice that of the other lines).
constexpr std::size_t kExcerptContextChars = 90;

// Where a finding is, as the findings list writes it: "row 12, ObjectUrl" (CSV), "3:17" (line:column),
// "edited" (a row changed since the last full pass, placed by its JSON pointer), or "" when unknown.
std::string finding_place(const Diagnostic& d);

// What inside its item a finding is about, as a path: "clientMetadata.fps" from the pointer
// "/images/3/clientMetadata/fps" (RFC 6901 escapes undone); "" for the item as a whole, for CSV rows
// (their place already names the column) and for findings without a pointer.
std::string finding_key(const Diagnostic& d);

// The finding's place for people: "item 12, clientMetadata.fps, 3:17" — the item's number as the table
// shows it (1-based, when the finding has an item), the key, and finding_place.
std::string finding_where(const Diagnostic& d, std::optional<std::uint64_t> item_number);

// A finding as one line of text for the clipboard: "code  where  message".
std::string finding_copy_text(const Diagnostic& d, std::optional<std::uint64_t> item_number);

FindingExcerpt finding_excerpt(std::string_view text, const Diagnostic& d,
                               std::size_t context_chars = kExcerptContextChars);

}  // namespace eic::app

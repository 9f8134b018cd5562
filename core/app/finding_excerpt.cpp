#include "app/finding_excerpt.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

namespace eic::app {
namespace {

constexpr std::uint32_t kLinesAround = 2;
constexpr std::string_view kEllipsis = "…";

bool continuation(std::string_view s, std::size_t i) { return i < s.size() && ((unsigned char)s[i] & 0xC0) == 0x80; }

// The byte offset `n` code points after `i` (or the end): a code point is a byte and the continuation
// bytes after it, as the validator counts columns.
std::size_t forward(std::string_view s, std::size_t i, std::size_t n) {
    for (; n > 0 && i < s.size(); --n) {
        ++i;
        while (continuation(s, i)) ++i;
    }
    return i;
}

// The byte offset `n` code points before `i` (or 0).
std::size_t backward(std::string_view s, std::size_t i, std::size_t n) {
    for (; n > 0 && i > 0; --n) {
        --i;
        while (i > 0 && continuation(s, i)) --i;
    }
    return i;
}

// The text's lines in order. The next LF and CR are each found with memchr and remembered, so a
// text is scanned about twice whatever its line endings: a finding near the end of a large manifest
// costs a fast pass, not a byte-by-byte one.
class Lines {
public:
    explicit Lines(std::string_view text) : text_(text) {}

    // The next line (without its line break); false after the last. A text that ends in a line break
    // has a last, empty line after it, as editors number it.
    bool next(std::string_view& line) {
        if (done_) return false;
        const std::size_t lf = find('\n', lf_), cr = find('\r', cr_);
        const std::size_t end = std::min(lf, cr);
        line = text_.substr(pos_, end - pos_);
        if (end == text_.size()) {
            done_ = true;
        } else {
            pos_ = end + (end == cr && cr + 1 == lf ? 2 : 1);  // CRLF is one break
        }
        return true;
    }
    bool at_end() const { return done_; }  // the line next() gave was the last

private:
    std::size_t find(char c, std::size_t& cached) {
        if (cached == std::string_view::npos || cached < pos_) {
            const void* hit = pos_ < text_.size() ? std::memchr(text_.data() + pos_, c, text_.size() - pos_) : nullptr;
            cached = hit ? std::size_t(static_cast<const char*>(hit) - text_.data()) : text_.size();
        }
        return cached;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t lf_ = std::string_view::npos, cr_ = std::string_view::npos;
    bool done_ = false;
};

}  // namespace

std::string finding_place(const Diagnostic& d) {
    if (d.row) return "row " + std::to_string(*d.row) + (d.field ? ", " + *d.field : "");
    if (d.line) return std::to_string(d.line) + ":" + std::to_string(d.column);
    if (d.pointer) return "edited";
    return "";
}

std::string finding_key(const Diagnostic& d) {
    if (d.row || !d.pointer || d.pointer->empty()) return "";
    std::vector<std::string> parts;
    std::string_view p = *d.pointer;
    while (!p.empty() && p.front() == '/') {
        p.remove_prefix(1);
        const std::size_t end = std::min(p.find('/'), p.size());
        std::string seg;
        for (std::size_t i = 0; i < end; ++i) {
            if (p[i] == '~' && i + 1 < end && (p[i + 1] == '0' || p[i + 1] == '1')) {
                seg += p[i + 1] == '0' ? '~' : '/';
                ++i;
            } else {
                seg += p[i];
            }
        }
        parts.push_back(std::move(seg));
        p.remove_prefix(end);
    }
    // Inside an item, the path starts after "/<collection>/<index>".
    const std::size_t skip = d.item && parts.size() >= 2 ? 2 : 0;
    std::string out;
    for (std::size_t i = skip; i < parts.size(); ++i) out += (out.empty() ? "" : ".") + parts[i];
    return out;
}

std::string finding_where(const Diagnostic& d, std::optional<std::uint64_t> item_number) {
    std::string out;
    const auto add = [&](const std::string& s) {
        if (!s.empty()) out += (out.empty() ? "" : ", ") + s;
    };
    if (item_number) add("item " + std::to_string(*item_number));
    add(finding_key(d));
    add(finding_place(d));
    return out;
}

std::string finding_copy_text(const Diagnostic& d, std::optional<std::uint64_t> item_number) {
    return d.code + "  " + finding_where(d, item_number) + "  " + d.message;
}

FindingExcerpt finding_excerpt(std::string_view text, const Diagnostic& d, std::size_t context_chars) {
    FindingExcerpt out;
    if (d.line == 0) return out;
    const std::uint64_t first = d.line > kLinesAround ? d.line - kLinesAround : 1;
    const std::uint64_t last = std::uint64_t(d.line) + kLinesAround;  // no wrap at the largest line number
    Lines lines(text);
    std::string_view l;
    for (std::uint64_t n = 1; n <= last && lines.next(l); ++n) {
        if (n < first) continue;
        if (n == 1 && l.substr(0, 3) == "\xEF\xBB\xBF") l.remove_prefix(3);  // editors do not show a BOM
        // The empty "line" after a final line break is only shown when the finding is on it (the end of
        // the text, e.g. an unexpected end of input).
        if (lines.at_end() && l.empty() && n > 1 && n != d.line) break;
        const bool here = n == d.line;
        const std::size_t mark = here ? forward(l, 0, d.column > 0 ? d.column - 1 : 0) : 0;
        const std::size_t a = here ? backward(l, mark, context_chars) : 0;
        const std::size_t b = here ? forward(l, mark, context_chars) : forward(l, 0, 2 * context_chars);
        std::string s;
        if (a > 0) s += kEllipsis;
        s.append(l.substr(a, b - a));
        if (b < l.size()) s += kEllipsis;
        for (char& c : s)
            if (c == '\t') c = ' ';
        if (here) {
            out.mark_line = d.line;
            out.mark = (a > 0 ? kEllipsis.size() : 0) + (mark - a);
        }
        out.lines.emplace_back(std::uint32_t(n), std::move(s));
    }
    if (out.mark_line == 0) out.lines.clear();  // the finding's line is beyond the text: nothing to mark
    return out;
}

}  // namespace eic::app

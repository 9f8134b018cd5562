#include "app/finding_excerpt.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

using namespace eic::app;
using eic::Diagnostic;
using Lines = std::vector<std::pair<std::uint32_t, std::string>>;

namespace {

Diagnostic at(std::uint32_t line, std::uint32_t column) {
    Diagnostic d;
    d.code = "test.place";
    d.line = line;
    d.column = column;
    return d;
}

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

// Well-formed UTF-8 (a cut code point would leave a lead byte without its continuation bytes).
bool valid_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char b = (unsigned char)s[i];
        const std::size_t len = b < 0x80             ? 1
                                : (b & 0xE0) == 0xC0 ? 2
                                : (b & 0xF0) == 0xE0 ? 3
                                : (b & 0xF8) == 0xF0 ? 4
                                                     : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k)
            if (((unsigned char)s[i + k] & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

}  // namespace

TEST_CASE("finding excerpt: the first line has only the lines after it", "[app][excerpt]") {
    const FindingExcerpt e = finding_excerpt("l1\nl2\nl3\nl4\nl5\n", at(1, 2));
    CHECK(e.lines == Lines{{1, "l1"}, {2, "l2"}, {3, "l3"}});
    CHECK(e.mark_line == 1);
    CHECK(e.mark == 1);
}

TEST_CASE("finding excerpt: two lines either side in the middle", "[app][excerpt]") {
    const FindingExcerpt e = finding_excerpt("l1\nl2\nl3\nl4\nl5\nl6\nl7", at(4, 3));
    CHECK(e.lines == Lines{{2, "l2"}, {3, "l3"}, {4, "l4"}, {5, "l5"}, {6, "l6"}});
    CHECK(e.mark_line == 4);
    CHECK(e.mark == 2);
}

TEST_CASE("finding excerpt: the last line, with and without a final line break", "[app][excerpt]") {
    FindingExcerpt e = finding_excerpt("a\nb\nc\nd", at(4, 1));
    CHECK(e.lines == Lines{{2, "b"}, {3, "c"}, {4, "d"}});
    CHECK(e.mark == 0);
    // The empty line after a final break is not shown...
    e = finding_excerpt("a\nb\nc\nd\n", at(4, 1));
    CHECK(e.lines == Lines{{2, "b"}, {3, "c"}, {4, "d"}});
    // ... unless the finding is there (the end of the text).
    e = finding_excerpt("a\nb\nc\nd\n", at(5, 1));
    CHECK(e.lines == Lines{{3, "c"}, {4, "d"}, {5, ""}});
    CHECK(e.mark_line == 5);
    CHECK(e.mark == 0);
}

TEST_CASE("finding excerpt: a long line is cut around the place, with an ellipsis either side", "[app][excerpt]") {
    std::string line(300, 'x');
    line[150] = 'Y';  // column 151
    const std::string other(300, 'o');
    const FindingExcerpt e = finding_excerpt(line + "\n" + other + "\n", at(1, 151), 10);
    REQUIRE(e.lines.size() == 2);
    const std::string& s = e.lines[0].second;
    CHECK(s == "…" + std::string(10, 'x') + "Y" + std::string(9, 'x') + "…");
    CHECK(e.mark == std::string("…").size() + 10);
    CHECK(s.substr(e.mark, 1) == "Y");
    // Another line keeps its start, twice the width.
    CHECK(e.lines[1].second == std::string(20, 'o') + "…");
    // Near the start of a long line there is nothing to leave out on the left.
    const FindingExcerpt start = finding_excerpt(line, at(1, 3), 10);
    CHECK(start.lines[0].second == std::string(12, 'x') + "…");
    CHECK(start.mark == 2);
}

TEST_CASE("finding excerpt: columns count code points and cuts never split one", "[app][excerpt]") {
    // 50 two-byte characters, the place, then 50 three-byte ones.
    const std::string line = repeat("é", 50) + "X" + repeat("日", 50);
    const FindingExcerpt e = finding_excerpt(line, at(1, 51), 10);
    REQUIRE(e.lines.size() == 1);
    const std::string& s = e.lines[0].second;
    CHECK(valid_utf8(s));
    CHECK(s == "…" + repeat("é", 10) + "X" + repeat("日", 9) + "…");
    CHECK(s.substr(e.mark, 1) == "X");

    CHECK(finding_excerpt("日本X", at(1, 3)).mark == 6);
    // A line that is not the finding's is cut at a character boundary too.
    const FindingExcerpt two = finding_excerpt("a\n" + repeat("日", 50), at(1, 1), 10);
    CHECK(valid_utf8(two.lines[1].second));
    CHECK(two.lines[1].second == repeat("日", 20) + "…");
    // Every width cuts between characters.
    for (std::size_t width = 1; width < 40; ++width) {
        const FindingExcerpt w = finding_excerpt(line, at(1, 40), width);
        CHECK(valid_utf8(w.lines[0].second));
        CHECK(w.lines[0].second.substr(w.mark, 2) == "é");
    }
}

TEST_CASE("finding excerpt: CRLF, a lone CR and LF each end one line", "[app][excerpt]") {
    FindingExcerpt e = finding_excerpt("a\r\nbb\r\ncc\r\n", at(2, 2));
    CHECK(e.lines == Lines{{1, "a"}, {2, "bb"}, {3, "cc"}});
    CHECK(e.mark == 1);
    e = finding_excerpt("a\rb\rc", at(3, 1));
    CHECK(e.lines == Lines{{1, "a"}, {2, "b"}, {3, "c"}});
    e = finding_excerpt("a\r\n\r\nb\n\rc", at(3, 1));  // an empty line, then LF and CR as two breaks
    CHECK(e.lines == Lines{{1, "a"}, {2, ""}, {3, "b"}, {4, ""}, {5, "c"}});
}

TEST_CASE("finding excerpt: tabs show as spaces and a byte order mark is not shown", "[app][excerpt]") {
    FindingExcerpt e = finding_excerpt("\xEF\xBB\xBF{\t\"a\": 1}", at(1, 3));
    CHECK(e.lines == Lines{{1, "{ \"a\": 1}"}});
    CHECK(e.mark == 2);
}

TEST_CASE("finding excerpt: a column past the end of the line marks its end", "[app][excerpt]") {
    FindingExcerpt e = finding_excerpt("abc\ndef", at(1, 99));
    CHECK(e.mark == 3);
    e = finding_excerpt("abc\ndef", at(2, 0));  // unknown column: the line's start
    CHECK(e.mark == 0);
    CHECK(e.mark_line == 2);
}

TEST_CASE("finding excerpt: nothing without a line, or for a line beyond the text", "[app][excerpt]") {
    Diagnostic edited;
    edited.pointer = "/images/3/objectUrl";
    FindingExcerpt e = finding_excerpt("a\nb\n", edited);
    CHECK(e.lines.empty());
    CHECK(e.mark_line == 0);
    CHECK(finding_excerpt("a\nb", at(3, 1)).lines.empty());
    CHECK(finding_excerpt("a\nb\n", at(9, 1)).lines.empty());
    CHECK(finding_excerpt("", at(2, 1)).lines.empty());
    CHECK(finding_excerpt("", at(1, 1)).lines == Lines{{1, ""}});
    CHECK(finding_excerpt("a\nb", at(0xFFFFFFFFu, 1)).lines.empty());
}

TEST_CASE("finding place: a row, a line and column, an edited row, or nothing", "[app][excerpt]") {
    Diagnostic d = at(3, 17);
    CHECK(finding_place(d) == "3:17");
    d.row = 12;
    d.field = "ObjectUrl";
    CHECK(finding_place(d) == "row 12, ObjectUrl");
    d.field.reset();
    CHECK(finding_place(d) == "row 12");
    Diagnostic edited;
    edited.pointer = "/videos/0";
    CHECK(finding_place(edited) == "edited");
    CHECK(finding_place(Diagnostic{}).empty());
}

TEST_CASE("a finding names its item and key as well as its place", "[app][excerpt]") {
    Diagnostic d = Diagnostic::error("manifest.metadata.enum", "not an option").at(14, 22);
    d.pointer = "/images/3/clientMetadata/team~1species";
    d.collection = "images";
    d.item = 3;
    CHECK(finding_key(d) == "clientMetadata.team/species");
    CHECK(finding_where(d, 12) == "item 12, clientMetadata.team/species, 14:22");
    CHECK(finding_where(d, std::nullopt) == "clientMetadata.team/species, 14:22");
    CHECK(finding_copy_text(d, 12) ==
          "manifest.metadata.enum  item 12, clientMetadata.team/species, 14:22  not an option");

    Diagnostic item_itself = Diagnostic::error("manifest.item.missing-url", "no URL").at(2, 5);
    item_itself.pointer = "/videos/0";
    item_itself.item = 0;
    CHECK(finding_key(item_itself) == "");
    CHECK(finding_where(item_itself, 1) == "item 1, 2:5");

    Diagnostic top = Diagnostic::warning("manifest.top.unknown", "unknown").at(1, 2);
    top.pointer = "/extra~0field";
    CHECK(finding_key(top) == "extra~field");

    Diagnostic csv = Diagnostic::error("manifest.url.scheme", "bad").at_row(7);
    csv.field = "ObjectUrl";
    csv.pointer = "/images/6/objectUrl";
    csv.item = 6;
    CHECK(finding_key(csv) == "");
    CHECK(finding_where(csv, 7) == "item 7, row 7, ObjectUrl");
}

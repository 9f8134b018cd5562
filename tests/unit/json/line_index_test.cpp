#include "json/line_index.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

using namespace eic::json;

namespace {

// The obvious definition, to check the fast one against.
Position naive(const std::string& s, std::size_t offset) {
    std::size_t start = s.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    Position p{1, 1};
    for (std::size_t i = start; i < offset && i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '\r') {
            ++p.line;
            p.column = 1;
        } else if (c == '\n') {
            if (i == 0 || s[i - 1] != '\r' || i == start) {
                ++p.line;
                p.column = 1;
            }
        } else if ((c & 0xC0) != 0x80) {
            ++p.column;
        }
    }
    return p;
}

std::string where(const LineIndex& index, std::size_t offset) {
    Position p = index.position(offset);
    return std::to_string(p.line) + ":" + std::to_string(p.column);
}

}  // namespace

TEST_CASE("line index: LF, CRLF and lone CR each end one line", "[json]") {
    const std::string s = "a\nb\r\nc\rd\r\re";
    LineIndex index(s);
    CHECK(where(index, 0) == "1:1");
    CHECK(where(index, 1) == "1:2");
    CHECK(where(index, 2) == "2:1");
    CHECK(where(index, 5) == "3:1");
    CHECK(where(index, 7) == "4:1");
    CHECK(where(index, 10) == "6:1");
    CHECK(where(index, s.size()) == "6:2");
    CHECK(where(index, s.size() + 100) == "6:2");  // clamped
    CHECK(where(index, 0) == "1:1");               // going back works too
}

TEST_CASE("line index: columns count code points; a leading BOM counts none", "[json]") {
    const std::string s = "é€😀x\n\tx";
    LineIndex index(s);
    CHECK(where(index, 9) == "1:4");
    CHECK(where(index, 11) == "2:1");
    CHECK(where(index, 12) == "2:2");  // a tab is one column
    const std::string bom =
        "\xEF\xBB\xBF"
        "ab";
    LineIndex b(bom);
    CHECK(where(b, 0) == "1:1");
    CHECK(where(b, 3) == "1:1");
    CHECK(where(b, 4) == "1:2");
    LineIndex empty{std::string_view()};
    CHECK(where(empty, 0) == "1:1");
}

TEST_CASE("line index: long lines and random lookups agree with the obvious definition", "[json]") {
    std::uint64_t state = 88172645463325252ull;
    auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    const char* pieces[] = {"a", "bcdefgh", "é", "€", "😀", "\n", "\r", "\r\n", " ", "\t"};
    for (int round = 0; round < 4; ++round) {
        std::string s = round == 0 ? "\xEF\xBB\xBF" : "";
        // Round 1 is one long line, so lookups cross many checkpoints within a line.
        std::size_t want = 20000 + next() % 20000;
        while (s.size() < want) {
            std::size_t k = next() % 10;
            if (round == 1 && k >= 5 && k <= 7) continue;
            s += pieces[k];
        }
        LineIndex index(s);
        for (int i = 0; i < 300; ++i) {
            std::size_t offset = next() % (s.size() + 1);
            Position got = index.position(offset);
            Position expected = naive(s, offset);
            INFO("round " << round << " offset " << offset);
            CHECK(got.line == expected.line);
            CHECK(got.column == expected.column);
        }
    }
}

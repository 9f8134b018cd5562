// Random mutations of valid documents, judged by this reader and by nlohmann's (also strict RFC 8259).
// Any disagreement is a bug in one of them; so far it has always been ours.
#include <catch2/catch.hpp>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "json/reader.hpp"
#include "json_test_support.hpp"

using namespace eic::json;
using namespace eic::json::test;

namespace {

// nlohmann converts numbers while it parses and rejects a double overflow; do the same here.
struct Converting : Ignore {
    bool number(const Number& n, std::size_t) {
        double d;
        return to_double(n.text, d) == Errc::none;
    }
};

}  // namespace

TEST_CASE("differential: mutated documents are judged as nlohmann judges them", "[json]") {
    const std::string seeds[] = {
        R"({"a": [1, -2.5e+3, true, false, null, "x\u00e9\ud83d\ude00y\n"], "b": {"c": "é€😀", "d": [[], {}]}})",
        R"([0, -0, 0.5, 1E5, 12345678901234567890, "\"\\\/\b\f\n\r\t", {"": ""}])",
        "{\"k\":\"\xF4\x8F\xBF\xBF\xE0\xA0\x80\xED\x9F\xBF\",\"n\":[1,2,3]}",
    };
    const char alphabet[] = {'"',    '\\',   '{',    '}',    '[',    ']',    ',',    ':',    ' ',    '\n',
                             '0',    '1',    '-',    '+',    '.',    'e',    'u',    'D',    'n',    't',
                             '\x01', '\x7F', '\x80', '\xBF', '\xC3', '\xE0', '\xED', '\xF0', '\xF4', '\xFF'};
    std::uint64_t state = 0x2545F4914F6CDD1Dull;
    auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    int accepted_count = 0;
    for (int i = 0; i < 30000; ++i) {
        std::string doc = seeds[next() % 3];
        int edits = 1 + int(next() % 3);
        for (int e = 0; e < edits; ++e) {
            std::size_t at = next() % (doc.size() + 1);
            switch (next() % 3) {
                case 0:
                    if (at < doc.size()) doc.erase(at, 1);
                    break;
                case 1:
                    doc.insert(at, 1, alphabet[next() % sizeof alphabet]);
                    break;
                default:
                    if (at < doc.size()) doc[at] = alphabet[next() % sizeof alphabet];
                    break;
            }
        }
        Converting h;
        bool ours = read(doc, h).ok();
        bool theirs = nlohmann::json::accept(doc);
        accepted_count += ours;
        INFO("document: " << doc);
        REQUIRE(ours == theirs);
    }
    CHECK(accepted_count > 100);  // the mutations must not all be fatal, or the test proves little
}

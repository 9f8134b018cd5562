#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "json/reader.hpp"
#include "json_test_support.hpp"

using namespace eic::json;
using namespace eic::json::test;

namespace {

// The decoded value of a one-string document, and whether it was a view into the input.
struct StringCatcher : Ignore {
    std::string value;
    const char* data = nullptr;
    bool string(std::string_view s, std::size_t) {
        value.assign(s.data(), s.size());
        data = s.data();
        return true;
    }
};

std::string decode(const std::string& doc) {
    StringCatcher h;
    ReadResult r = read(doc, h);
    if (!r.ok()) return std::string("error ") + r.error.code();
    return h.value;
}

}  // namespace

TEST_CASE("strings: plain strings are views into the input, escaped ones are decoded", "[json]") {
    std::string doc = "\"a plain string of some length, é and 😀 included\"";
    StringCatcher h;
    REQUIRE(read(doc, h).ok());
    CHECK(h.data == doc.data() + 1);
    CHECK(h.value == "a plain string of some length, é and 😀 included");

    CHECK(decode(R"("\"\\\/\b\f\n\r\t")") == "\"\\/\b\f\n\r\t");
    CHECK(decode(R"("a\u0041\u00e9\u20AC")") == "aAé€");
    CHECK(decode(R"("\ud83d\ude00")") == "😀");
    CHECK(decode(R"("x\uD83D\uDE00y")") == "x😀y");
    CHECK(decode(R"("\uDBFF\uDFFF")") == "\xF4\x8F\xBF\xBF");
    CHECK(decode(R"("\u0000")") == std::string(1, '\0'));
    CHECK(decode(R"("é\n€")") == "é\n€");
    // Keys decode the same way; a long escaped key after a short one reuses the buffer correctly.
    CHECK(trace(R"({"a\nb":"c\td","\u0031\u0032\u0033\u0034\u0035\u0036\u0037\u0038\u0039":"x"})") ==
          "{@0 k:a\nb@1 s:c\td@8 k:123456789@15 s:x@72 }@75");
}

TEST_CASE("strings: bad escapes and lone surrogates are json.bad-escape at the backslash", "[json]") {
    Failure f = failure(R"(["a\x"])");
    CHECK(f.code == "json.bad-escape");
    CHECK(f.where == "1:4");
    CHECK(f.message.find("a backslash followed by 'x' is not a JSON escape") == 0);
    CHECK(failure(R"(["\a"])").code == "json.bad-escape");
    CHECK(failure(R"(["\U0041"])").code == "json.bad-escape");
    CHECK(failure("[\"\\'\"]").code == "json.bad-escape");

    f = failure(R"(["é\u12G4"])");
    CHECK(f.code == "json.bad-escape");
    CHECK(f.where == "1:4");
    CHECK(f.message == "\\u must be followed by four hex digits");
    CHECK(failure(R"(["\u12"])").code == "json.bad-escape");

    f = failure(R"({"k": "ab\uD83D"})");
    CHECK(f.code == "json.bad-escape");
    CHECK(f.where == "1:10");
    CHECK(f.message.find("lone surrogate") == 0);
    f = failure(R"(["\uDE00\uD83D"])");
    CHECK(f.code == "json.bad-escape");
    CHECK(f.where == "1:3");
    CHECK(failure(R"(["\uD83Dx"])").code == "json.bad-escape");
    CHECK(failure(R"(["\uD83D\n"])").code == "json.bad-escape");
    CHECK(failure(R"(["\uD83D\u0041"])").code == "json.bad-escape");
    CHECK(failure(R"(["\uD83D\uD83D"])").code == "json.bad-escape");
    f = failure(R"(["\uD83D\uZZZZ"])");
    CHECK(f.code == "json.bad-escape");
    CHECK(f.where == "1:9");
}

TEST_CASE("strings: raw control characters are json.control-char", "[json]") {
    Failure f = failure("[\"a\tb\"]");
    CHECK(f.code == "json.control-char");
    CHECK(f.where == "1:4");
    CHECK(f.message == "a raw control character (a tab, byte 0x09) is not allowed inside a string: write it as \\t");
    f = failure("{\"é€\": \"line one\nline two\"}");
    CHECK(f.code == "json.control-char");
    CHECK(f.where == "1:17");
    CHECK(f.message.find("a line break") != std::string::npos);
    f = failure(std::string("[\"\0\"]", 5));
    CHECK(f.code == "json.control-char");
    CHECK(f.message.find("\\u0000") != std::string::npos);
    CHECK(failure("[\"\x1F\"]").code == "json.control-char");
    // DEL is allowed by RFC 8259, and so is an escaped control character.
    CHECK(accepted("[\"\x7F\"]"));
    CHECK(accepted(R"(["\u001f"])"));
}

TEST_CASE("strings: UTF-8 is validated as RFC 3629 says", "[json]") {
    struct Case {
        const char* bytes;
        const char* why;
    };
    const Case bad[] = {
        {"\xC0\xAF", "overlong"},
        {"\xC1\xBF", "overlong"},
        {"\xE0\x80\xAF", "overlong"},
        {"\xF0\x80\x80\xAF", "overlong"},
        {"\xED\xA0\x80", "surrogate"},
        {"\xED\xBF\xBF", "surrogate"},
        {"\xF4\x90\x80\x80", "above U+10FFFF"},
        {"\xF5\x80\x80\x80", "above U+10FFFF"},
        {"\xFF", "never appears"},
        {"\x80", "continuation byte"},
        {"\xBF", "continuation byte"},
        {"\xE2\x82", "cut short"},  // then the closing quote
        {"\xF0\x9F\x98", "cut short"},
        {"\xC3"
         "a",
         "cut short"},
        {"\xE2\x82\xC3\xA9", "cut short"},
    };
    for (const Case& c : bad) {
        std::string doc = std::string("[\"é") + c.bytes + "\"]";
        INFO("bytes " << doc);
        Failure f = failure(doc);
        CHECK(f.code == "json.invalid-utf8");
        CHECK(f.where == "1:4");
        CHECK(f.offset == 4);
        CHECK(f.message.find(c.why) != std::string::npos);
    }
    // Boundaries that are valid.
    CHECK(decode("\"\xC2\x80\xDF\xBF\"") == "\xC2\x80\xDF\xBF");
    CHECK(decode("\"\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF\"") ==
          "\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF");
    CHECK(decode("\"\xF0\x90\x80\x80\xF4\x8F\xBF\xBF\"") == "\xF0\x90\x80\x80\xF4\x8F\xBF\xBF");
    // Also checked in strings that carry escapes, and in keys.
    CHECK(failure("[\"\\n\xC0\xAF\"]").code == "json.invalid-utf8");
    CHECK(failure("{\"\xED\xA0\x80\":1}").code == "json.invalid-utf8");
    // A sequence the input cuts short is truncation.
    CHECK(failure("[\"\xE2\x82").code == "json.truncated");
}

TEST_CASE("strings: the vector and word scans find the first special byte at every alignment", "[json]") {
    const std::vector<std::string> specials = {"\"", "\\n", "\x01", "\x1F", "\xC3\xA9", "\xC0\xAF", "\xFF"};
    for (std::size_t lead = 0; lead < 40; ++lead) {  // past two 16-byte blocks
        for (const std::string& s : specials) {
            // Bytes near the special ones: they must not be mistaken for them.
            std::string filler;
            const char near[] = {'!', ' ', '#', '[', ']', '\x7F', 'a', '~'};
            for (std::size_t i = 0; i < lead; ++i) filler += near[i % sizeof near];
            std::string doc = "[\"" + filler + s + filler + "\"]";
            INFO("lead " << lead << " special " << s);
            Failure f = failure(doc);
            if (s == "\"") {
                CHECK(f.code == "json.syntax");  // the string closed early; the filler is unexpected
                CHECK(f.offset == 3 + lead);
            } else if (s == "\\n" || s == "\xC3\xA9") {
                CHECK(f.code == "");
                StringCatcher h;
                REQUIRE(read(doc, h).ok());
                CHECK(h.value == filler + (s == "\\n" ? std::string("\n") : s) + filler);
            } else {
                CHECK(f.offset == 2 + lead);
                CHECK((f.code == "json.control-char" || f.code == "json.invalid-utf8"));
            }
        }
    }
}

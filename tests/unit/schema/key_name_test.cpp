#include "schema/key_name.hpp"

#include <catch2/catch.hpp>

#include "support.hpp"

using namespace eic;
using namespace eic::schema;
using namespace eic::schema::test;

TEST_CASE("key names of letters, digits, space, hyphen, underscore and period pass", "[schema][key]") {
    for (const char* ok : {"a", "Z9", "video.description", "TeamName.MetadataKey", "a b", "a-b_c.d", "0", "Keyframes",
                           "KEYFRAMES", "key frames x", "_x", ".a"})
        CHECK(validate_key_name(ok).empty());
}

TEST_CASE("an empty key is refused", "[schema][key]") {
    CHECK(codes(validate_key_name("")) == Codes{"schema.key.empty"});
}

TEST_CASE("a key starting with $ is refused, $ elsewhere is a bad character", "[schema][key]") {
    CHECK(codes(validate_key_name("$ref")) == Codes{"schema.key.dollar"});
    CHECK(codes(validate_key_name("$")) == Codes{"schema.key.dollar"});
    CHECK(codes(validate_key_name("a$")) == Codes{"schema.key.character"});
    CHECK(codes(validate_key_name("$a$")) == Codes{"schema.key.dollar", "schema.key.character"});
}

TEST_CASE("characters outside the documented set are refused, each named once", "[schema][key]") {
    auto ds = validate_key_name("a/b:c/d");
    REQUIRE(codes(ds) == Codes{"schema.key.character"});
    CHECK(ds[0].severity == Severity::error);
    CHECK(ds[0].message.find("\"/\" and \":\"") != std::string::npos);
    CHECK(codes(validate_key_name("a\tb")) == Codes{"schema.key.character"});
    CHECK(codes(validate_key_name("a\"b")) == Codes{"schema.key.character"});
}

TEST_CASE("Unicode letters in a key being added are refused: the documentation's rule", "[schema][key]") {
    for (const char* key : {"\xC3\x9Cn\xC3\xAF"
                            "code",
                            "\xE6\x97\xA5\xE6\x9C\xAC", "\xC3\xA9"}) {  // Ünïcode, 日本, é
        INFO(key);
        auto ds = validate_key_name(key);  // KeyOrigin::added is the default
        REQUIRE(codes(ds) == Codes{"schema.key.character"});
        CHECK(ds[0].severity == Severity::error);
        CHECK(ds[0].message.find("SDK") != std::string::npos);
        CHECK(codes(validate_key_name(key, KeyOrigin::added)) == Codes{"schema.key.character"});
    }
    // A byte that is not UTF-8 is named as a byte, not passed through.
    auto ds = validate_key_name("a\xFF");
    REQUIRE(codes(ds) == Codes{"schema.key.character"});
    CHECK(ds[0].message.find("0xFF") != std::string::npos);
}

TEST_CASE("Unicode letters in a key Encord holds are only a warning: the SDK accepts them", "[schema][key]") {
    for (const char* key : {"\xC3\x9Cn\xC3\xAF"
                            "code",
                            "\xE6\x97\xA5\xE6\x9C\xAC", "caf\xC3\xA9.name", "\xF0\x9F\x98\x80"}) {
        INFO(key);
        auto ds = validate_key_name(key, KeyOrigin::held);
        REQUIRE(codes(ds) == Codes{"schema.key.non-ascii"});
        CHECK(ds[0].severity == Severity::warning);
        CHECK_FALSE(ds[0].pointer);
        // Both sides of the disagreement are in the message.
        CHECK(ds[0].message.find("a-z, A-Z, 0-9, space, -, _ and .") != std::string::npos);
        CHECK(ds[0].message.find("isalnum") != std::string::npos);
        CHECK(ds[0].message.find("may already hold") != std::string::npos);
    }
    auto ds = validate_key_name("\xC3\x9Cn\xC3\xAF", KeyOrigin::held);
    CHECK(ds[0].message.find("\"\xC3\x9C\" and \"\xC3\xAF\"") != std::string::npos);  // each named once
}

TEST_CASE("a key Encord holds is still refused for ASCII outside the set and for bytes that are not UTF-8",
          "[schema][key]") {
    for (const char* key : {"a/b", "a:b", "a@b", "a\tb"}) {
        INFO(key);
        auto ds = validate_key_name(key, KeyOrigin::held);
        REQUIRE(codes(ds) == Codes{"schema.key.character"});
        CHECK(ds[0].severity == Severity::error);
        CHECK(ds[0].message.find("SDK") == std::string::npos);  // no Unicode excuse to mention
    }
    // Both kinds in one key: the ASCII one is refused, the Unicode one warned about.
    auto mixed = validate_key_name("\xC3\xA9/x", KeyOrigin::held);
    REQUIRE(codes(mixed) == Codes{"schema.key.character", "schema.key.non-ascii"});
    CHECK(mixed[0].message.find("contains \"/\", which") != std::string::npos);
    CHECK(mixed[1].message.find("contains \"\xC3\xA9\":") != std::string::npos);
    // Not UTF-8: a stray byte, a truncated sequence, an overlong "/" (C0 AF), a surrogate (ED A0 80),
    // a code point above U+10FFFF (F4 90 80 80).
    for (const char* key : {"a\xFF", "a\xC3", "a\xC0\xAF", "a\xED\xA0\x80", "a\xF4\x90\x80\x80"}) {
        INFO(key);
        auto ds = validate_key_name(key, KeyOrigin::held);
        REQUIRE(codes(ds) == Codes{"schema.key.character"});
        CHECK(ds[0].message.find("byte 0x") != std::string::npos);
    }
}

TEST_CASE("a held key of Unicode letters only has letters: no no-alnum error", "[schema][key]") {
    CHECK(codes(validate_key_name("-\xC3\xA9-", KeyOrigin::held)) == Codes{"schema.key.non-ascii"});
}

TEST_CASE("a key of separators only is refused", "[schema][key]") {
    for (const char* key : {"-", "...", "_ -."})
        CHECK(error_codes(validate_key_name(key)) == Codes{"schema.key.no-alnum"});
}

TEST_CASE("keyframes is reserved, also with separators, but keys are case sensitive", "[schema][key]") {
    for (const char* key : {"keyframes", "key_frames", "key.frames", "key-frames", "k.e.y.f.r.a.m.e.s"})
        CHECK(codes(validate_key_name(key)) == Codes{"schema.key.reserved"});
    CHECK(codes(validate_key_name(" keyframes")) == Codes{"schema.key.reserved", "schema.key.whitespace"});
    CHECK(validate_key_name("Keyframes").empty());
    CHECK(validate_key_name("keyframes2").empty());
    CHECK(validate_key_name("my.keyframes").empty());
}

TEST_CASE("a leading or trailing space is only a warning", "[schema][key]") {
    for (const char* key : {" a", "a ", " a "}) {
        auto ds = validate_key_name(key);
        REQUIRE(codes(ds) == Codes{"schema.key.whitespace"});
        CHECK(ds[0].severity == Severity::warning);
    }
    CHECK(validate_key_name("a b").empty());
}

TEST_CASE("key name diagnostics carry no place, the caller sets it", "[schema][key]") {
    auto ds = validate_key_name("a/b");
    REQUIRE(ds.size() == 1);
    CHECK_FALSE(ds[0].pointer);
    CHECK(ds[0].line == 0);
}

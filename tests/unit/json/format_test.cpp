#include "json/format.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

using eic::json::Error;
using eic::json::reformat;

namespace {

std::string formatted(std::string_view json, int indent) {
    std::string out;
    Error e = reformat(json, indent, out);
    if (e) return std::string("error ") + e.code() + " at " + std::to_string(e.offset);
    return out;
}

// Documents whose numbers nlohmann prints back as written, so its dump() is the reference layout.
const char* const kDocuments[] = {
    R"({"a": 1, "b": [1, 2, {"c": null}], "d": {}, "e": [], "f": {"g": {"h": [[], [{}], [[1]]]}}})",
    R"([true, false, null, -7, 0.5, -2.25, 123456789012, "", "plain"])",
    R"({"esc": "q\" b\\ s\/ \b\f\n\r\t \u0001\u001f\u0000 del\u007f", "uni": "\u00e9\u20ac\ud83d\ude00 é€😀"})",
    R"({"keys \"quoted\"\n": {"\u0041": "A"}, "": ""})",
    R"(  [ { } , [ ] , { "x" : [ ] } ]  )",
    R"("just a string")",
    R"(42)",
    R"([])",
    R"({})",
    R"([[[[[[[[[["deep"]]]]]]]]]])",
    R"({"images": [{"objectUrl": "gs://bucket/a b.jpg", "title": "a", "clientMetadata": {"score": 0.75, "tags": ["x", "y"], "ok": true}},
                   {"objectUrl": "gs://bucket/c.jpg", "clientMetadata": {}}], "skip_duplicate_urls": false})",
};

}  // namespace

TEST_CASE("format: pretty output is laid out as nlohmann's dump(indent)", "[json]") {
    for (const char* doc : kDocuments) {
        INFO(doc);
        auto value = nlohmann::ordered_json::parse(doc);
        CHECK(formatted(doc, 2) == value.dump(2));
        CHECK(formatted(doc, 4) == value.dump(4));
        CHECK(formatted(doc, 0) == value.dump(0));  // newlines without indentation, as nlohmann does
        CHECK(formatted(doc, 1) == value.dump(1));
    }
}

TEST_CASE("format: compact output is nlohmann's dump()", "[json]") {
    for (const char* doc : kDocuments) {
        INFO(doc);
        auto value = nlohmann::ordered_json::parse(doc);
        CHECK(formatted(doc, -1) == value.dump());
        CHECK(formatted(doc, -7) == value.dump());
        // And back: pretty to compact and compact to pretty give the same texts.
        CHECK(formatted(formatted(doc, 2), -1) == value.dump());
        CHECK(formatted(formatted(doc, -1), 2) == value.dump(2));
    }
}

TEST_CASE("format: numbers are copied as written", "[json]") {
    CHECK(formatted("[1.50, 1E+2, -0, 0.0, 1e-7, 12345678901234567890123456789, -1.0e400]", -1) ==
          "[1.50,1E+2,-0,0.0,1e-7,12345678901234567890123456789,-1.0e400]");
    CHECK(formatted("{\"a\":1.10}", 2) == "{\n  \"a\": 1.10\n}");
}

TEST_CASE("format: strings are re-escaped minimally", "[json]") {
    CHECK(formatted(R"(["\u0041\/\u00e9\ud83d\ude00"])", -1) == "[\"A/é😀\"]");
    CHECK(formatted(R"(["\u0000\u0008\u000b\u001F\u007f"])", -1) == "[\"\\u0000\\b\\u000b\\u001f\x7f\"]");
    CHECK(formatted(R"(["tab\tnew\nquote\"back\\"])", -1) == R"(["tab\tnew\nquote\"back\\"])");
    CHECK(formatted(R"({"k\u0022":"v"})", -1) == R"({"k\"":"v"})");
    // Raw non-ASCII passes through untouched.
    CHECK(formatted("[\"日本語 ü\"]", -1) == "[\"日本語 ü\"]");
}

TEST_CASE("format: what the value model would lose is kept", "[json]") {
    // Duplicate names and their order stay: this is a text reformatter, not a parse and dump.
    CHECK(formatted(R"({"b":1,"a":2,"b":3})", -1) == R"({"b":1,"a":2,"b":3})");
    // A byte order mark is dropped; whitespace around the value goes.
    CHECK(formatted("\xEF\xBB\xBF {\"a\" : [ 1 ] } \n", -1) == "{\"a\":[1]}");
    CHECK(formatted(" \"x\" ", 2) == "\"x\"");
    CHECK(formatted("true", 2) == "true");
}

TEST_CASE("format: output is appended to what the string holds", "[json]") {
    std::string out = "prefix:";
    CHECK_FALSE(reformat("[1, 2]", -1, out));
    CHECK(out == "prefix:[1,2]");
}

TEST_CASE("format: invalid input gives the reader's error and leaves the output as it was", "[json]") {
    std::string out = "kept";
    Error e = reformat(R"({"a": [1, 2,]})", 2, out);
    CHECK(std::string(e.code()) == "json.syntax");
    CHECK(e.offset == 12);
    CHECK_FALSE(e.message.empty());
    CHECK(out == "kept");

    CHECK(formatted("", 2) == "error json.empty at 0");
    CHECK(formatted("   ", -1).rfind("error json.empty", 0) == 0);
    CHECK(formatted(R"({"a": [1, 2)", 2).rfind("error json.truncated", 0) == 0);
    CHECK(formatted(R"(["\x"])", 2).rfind("error json.bad-escape", 0) == 0);
    CHECK(formatted("[\"\xC3\x28\"]", 2).rfind("error json.invalid-utf8", 0) == 0);
    CHECK(formatted("[1] [2]", 2).rfind("error json.trailing", 0) == 0);
    CHECK(formatted("[01]", 2).rfind("error json.syntax", 0) == 0);
    CHECK(formatted("{\"a\":\"\x01\"}", 2).rfind("error json.control-char", 0) == 0);
    CHECK(formatted(std::string(600, '[') + std::string(600, ']'), 2).rfind("error json.depth", 0) == 0);
}

TEST_CASE("format: a generated manifest round-trips through both layouts", "[json]") {
    nlohmann::ordered_json doc;
    auto& images = doc["images"] = nlohmann::ordered_json::array();
    for (int i = 0; i < 2000; ++i) {
        nlohmann::ordered_json item;
        item["objectUrl"] = "https://storage.cloud.google.com/bucket/images/" + std::to_string(i) + ".jpg";
        item["title"] = "image \"" + std::to_string(i) + "\"\twith é";
        item["clientMetadata"] = {{"index", i},
                                  {"half", i * 0.5},
                                  {"flag", i % 3 == 0},
                                  {"tags", {"a", std::string(1, char(i % 32))}},
                                  {"empty", nlohmann::ordered_json::object()}};
        images.push_back(item);
    }
    const std::string compact = doc.dump(), pretty = doc.dump(2);
    CHECK(formatted(compact, 2) == pretty);
    CHECK(formatted(pretty, -1) == compact);
    CHECK(formatted(pretty, 2) == pretty);
}

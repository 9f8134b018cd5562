#include "json/positioned.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace eic::json;

namespace {

std::string at(const std::optional<Position>& p) {
    if (!p) return "none";
    return std::to_string(p->line) + ":" + std::to_string(p->column);
}

std::string at(const Position& p) { return at(std::optional<Position>(p)); }

}  // namespace

TEST_CASE("positioned: values and keys are found by JSON pointer", "[json]") {
    const std::string doc =
        "{\n"
        "  \"a/b\": {\"x~y\": [10, {\"deep\": true}]},\n"
        "  \"é\": \"v\", \"\": 1,\r\n"
        "  \"list\": [\n"
        "    null,\n"
        "    \"s\"\n"
        "  ]\n"
        "}";
    PositionedResult r = parse_positioned(doc);
    REQUIRE(r.doc);
    REQUIRE_FALSE(r.error);
    const PositionedDocument& d = *r.doc;
    CHECK(at(d.value_at("")) == "1:1");
    CHECK(at(d.key_at("")) == "none");
    CHECK(at(d.key_at("/a~1b")) == "2:3");
    CHECK(at(d.value_at("/a~1b")) == "2:10");
    CHECK(at(d.key_at("/a~1b/x~0y")) == "2:11");
    CHECK(at(d.value_at("/a~1b/x~0y")) == "2:18");
    CHECK(at(d.value_at("/a~1b/x~0y/0")) == "2:19");
    CHECK(at(d.key_at("/a~1b/x~0y/0")) == "none");
    CHECK(at(d.value_at("/a~1b/x~0y/1")) == "2:23");
    CHECK(at(d.key_at("/a~1b/x~0y/1/deep")) == "2:24");
    CHECK(at(d.value_at("/a~1b/x~0y/1/deep")) == "2:32");
    CHECK(at(d.key_at("/é")) == "3:3");
    CHECK(at(d.value_at("/é")) == "3:8");
    CHECK(at(d.key_at("/")) == "3:13");
    CHECK(at(d.value_at("/")) == "3:17");
    CHECK(at(d.value_at("/list")) == "4:11");
    CHECK(at(d.value_at("/list/0")) == "5:5");
    CHECK(at(d.value_at("/list/1")) == "6:5");
    CHECK(at(d.value_at("/list/2")) == "none");
    CHECK(at(d.value_at("/a/b")) == "none");  // unescaped '/' is two tokens
    CHECK(at(d.value_at("/nope")) == "none");
    CHECK(d.value["a/b"]["x~y"][1]["deep"] == true);
    CHECK(d.duplicate_keys.empty());
}

TEST_CASE("positioned: key order survives, numbers keep their kind", "[json]") {
    const std::string doc =
        R"({"z":1,"a":-9223372036854775808,"m":18446744073709551615,"big":123456789012345678901234567890,)"
        R"("f":1.5,"neg0":-0,"e":1e2,"s":"\u00e9","t":[true,false,null]})";
    PositionedResult r = parse_positioned(doc);
    REQUIRE(r.doc);
    const auto& v = r.doc->value;
    CHECK(v.dump() == R"({"z":1,"a":-9223372036854775808,"m":18446744073709551615,"big":1.2345678901234568e+29,)"
                      R"("f":1.5,"neg0":0,"e":100.0,"s":"é","t":[true,false,null]})");
    CHECK(v["z"].is_number_integer());
    CHECK(v["a"].get<std::int64_t>() == INT64_MIN);
    CHECK(v["m"].is_number_unsigned());
    CHECK(v["big"].is_number_float());
    CHECK(v["e"].is_number_float());
}

TEST_CASE("positioned: duplicate keys keep the last value and are reported", "[json]") {
    const std::string doc = "{\"a\": {\"x\": 1}, \"b\": 2,\n \"a\": [3]}";
    PositionedResult r = parse_positioned(doc);
    REQUIRE(r.doc);
    const PositionedDocument& d = *r.doc;
    CHECK(d.value.dump() == R"({"a":[3],"b":2})");
    REQUIRE(d.duplicate_keys.size() == 1);
    CHECK(d.duplicate_keys[0].first == "/a");
    CHECK(at(d.duplicate_keys[0].second) == "2:2");
    CHECK(at(d.key_at("/a")) == "2:2");
    CHECK(at(d.value_at("/a")) == "2:7");
    CHECK(at(d.value_at("/a/x")) == "none");  // the replaced value's members are gone
    CHECK(at(d.value_at("/a/0")) == "2:8");

    // Large objects use an index for lookups; duplicates there are found too.
    std::string big = "{";
    for (int i = 0; i < 40; ++i) big += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
    big += "\"k5\":\"five\",\"k/35\":0,\"k/35\":1,\"k39\":true}";
    r = parse_positioned(big);
    REQUIRE(r.doc);
    CHECK(r.doc->value.size() == 41);
    CHECK(r.doc->value["k5"] == "five");
    CHECK(r.doc->value["k/35"] == 1);
    CHECK(r.doc->value["k39"] == true);
    REQUIRE(r.doc->duplicate_keys.size() == 3);
    CHECK(r.doc->duplicate_keys[0].first == "/k5");
    CHECK(r.doc->duplicate_keys[1].first == "/k~135");
    CHECK(r.doc->duplicate_keys[2].first == "/k39");
    CHECK(r.doc->value.begin().key() == "k0");
}

TEST_CASE("positioned: errors carry code, message and position", "[json]") {
    PositionedResult r = parse_positioned("{\r\n  \"a\": [1e400]\r\n}");
    REQUIRE(r.error);
    CHECK_FALSE(r.doc);
    CHECK(r.error->code == "json.number-overflow");
    CHECK(r.error->errc == Errc::number_overflow);
    CHECK(at(r.error->position) == "2:9");
    CHECK(r.error->offset == 11);
    CHECK(r.error->message.find("number overflows a double") == 0);

    r = parse_positioned("{\"é\": -1e999}");
    REQUIRE(r.error);
    CHECK(at(r.error->position) == "1:7");

    r = parse_positioned("{\n  \"név\": \"x\",\n  \"b\": \"\\q\"\n}");
    REQUIRE(r.error);
    CHECK(r.error->code == "json.bad-escape");
    CHECK(at(r.error->position) == "3:9");

    r = parse_positioned("");
    REQUIRE(r.error);
    CHECK(r.error->code == "json.empty");
    CHECK(at(r.error->position) == "1:1");

    r = parse_positioned(std::string(100000, '['));
    REQUIRE(r.error);
    CHECK(r.error->code == "json.depth");
    CHECK(at(r.error->position) == "1:513");

    r = parse_positioned("[[[1]]]", 2);
    REQUIRE(r.error);
    CHECK(r.error->code == "json.depth");
    CHECK(at(r.error->position) == "1:3");
    CHECK(parse_positioned("[[1]]", 2).doc);
}

TEST_CASE("positioned: every truncation of a document is an error", "[json]") {
    const std::string doc = "{\"a\": [1, {\"b\": \"é\\u0041\"}, 2.5e3], \"c\": null}";
    REQUIRE(parse_positioned(doc).doc);
    for (std::size_t n = 0; n < doc.size(); ++n) {
        INFO("prefix of " << n << " bytes");
        PositionedResult r = parse_positioned(std::string_view(doc).substr(0, n));
        CHECK_FALSE(r.doc);
        REQUIRE(r.error);
        CHECK(r.error->code == (n == 0 ? "json.empty" : "json.truncated"));
    }
}

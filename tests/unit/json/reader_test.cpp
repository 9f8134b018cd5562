#include "json/reader.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "json_test_support.hpp"

using namespace eic::json;
using namespace eic::json::test;

TEST_CASE("reader: events carry the offset of each token", "[json]") {
    CHECK(trace(R"({"a":[1,-2.5,true,false,null,"x"],"b":{}})") ==
          "{@0 k:a@1 [@5 i:1@6 f:-2.5@8 true@13 false@18 null@24 s:x@29 ]@32 k:b@34 {@38 }@39 }@40");
    CHECK(trace(" \t\r\n 7 \n") == "i:7@5");
    CHECK(trace("\"\"") == "s:@0");
    CHECK(trace("[]") == "[@0 ]@1");
    CHECK(trace("[ ]") == "[@0 ]@2");
    CHECK(trace("{ }") == "{@0 }@2");
    CHECK(trace("[[[]],{}]") == "[@0 [@1 [@2 ]@3 ]@4 {@6 }@7 ]@8");
}

TEST_CASE("reader: a UTF-8 BOM at the start is skipped, and counts no column", "[json]") {
    CHECK(trace("\xEF\xBB\xBF{\"a\":1}") == "{@3 k:a@4 i:1@8 }@9");
    Failure f = failure("\xEF\xBB\xBF[x]");
    CHECK(f.code == "json.syntax");
    CHECK(f.where == "1:2");
    CHECK(failure("\xEF\xBB\xBF").code == "json.empty");
    CHECK(failure("\xEF\xBB\xBF \n").code == "json.empty");
    // A BOM anywhere else is just a stray character.
    CHECK(failure("[1]\xEF\xBB\xBF").code == "json.trailing");
    CHECK(failure("\xEF\xBB\xBF\xEF\xBB\xBF"
                  "1")
              .code == "json.syntax");
    CHECK(failure("\xEF\xBB").code == "json.syntax");
}

TEST_CASE("reader: structural errors name what was expected, at the exact line:column", "[json]") {
    Failure f = failure(R"({"a" 1})");
    CHECK(f.code == "json.syntax");
    CHECK(f.where == "1:6");
    CHECK(f.message == "expected ':' after the member name, found '1'");

    f = failure(R"({"a":1 "b":2})");
    CHECK(f.code == "json.syntax");
    CHECK(f.where == "1:8");
    CHECK(f.message == "expected ',' or '}' after an object member, found '\"'");

    f = failure("[1 2]");
    CHECK(f.where == "1:4");
    CHECK(f.message == "expected ',' or ']' after an array element, found '2'");

    f = failure("{1:2}");
    CHECK(f.where == "1:2");
    CHECK(f.message == "expected a member name in double quotes or '}', found '1'");

    f = failure("{'a':2}");
    CHECK(f.where == "1:2");
    f = failure("['a']");
    CHECK(f.where == "1:2");
    CHECK(f.message == "JSON strings use double quotes (\"), not single quotes");

    f = failure(R"({"a":})");
    CHECK(f.code == "json.syntax");
    CHECK(f.where == "1:6");

    f = failure("[}");
    CHECK(f.where == "1:2");
    CHECK(f.message.find("expected a value") == 0);

    f = failure("[True]");
    CHECK(f.where == "1:2");
    f = failure("[tru]");
    CHECK(f.code == "json.syntax");
    CHECK(f.where == "1:2");
    CHECK(f.message.find("unknown word") == 0);
    f = failure("nulL");
    CHECK(f.code == "json.syntax");
    CHECK(failure("truex").code == "json.trailing");
}

TEST_CASE("reader: columns count characters, not bytes", "[json]") {
    // é is 2 bytes, € is 3: the x is the 18th character but byte 20.
    Failure f = failure("[\"héllo\", \"€uro\" x]");
    CHECK(f.code == "json.syntax");
    CHECK(f.offset == 20);
    CHECK(f.where == "1:18");
    CHECK(f.message == "expected ',' or ']' after an array element, found 'x'");
    // A non-ASCII character where a token should be is shown as itself.
    f = failure("[é]");
    CHECK(f.where == "1:2");
    CHECK(f.message == "expected a value (an object, array, string, number, true, false or null), found 'é'");
    f = failure("[\xFF]");
    CHECK(f.message.find("found byte 0xFF") != std::string::npos);
}

TEST_CASE("reader: CRLF is one line break, a lone CR is one too", "[json]") {
    Failure f = failure("{\r\n  \"a\": 1,\r\n  \"b\" 2\r\n}");
    CHECK(f.code == "json.syntax");
    CHECK(f.where == "3:7");
    f = failure("[1,\r2,\r\r x]");
    CHECK(f.where == "4:2");
    f = failure("[1,\n\r\n\r\"é\", \"€\" !]");
    CHECK(f.where == "4:10");
    f = failure("[1,\n\n\n");
    CHECK(f.code == "json.truncated");
    CHECK(f.where == "4:1");
}

TEST_CASE("reader: trailing commas are rejected with a clear message", "[json]") {
    Failure f = failure("[1,]");
    CHECK(f.code == "json.syntax");
    CHECK(f.where == "1:4");
    CHECK(f.message == "trailing comma: a ',' in an array must be followed by another element");
    f = failure("{\"a\":1,\n}");
    CHECK(f.code == "json.syntax");
    CHECK(f.where == "2:1");
    CHECK(f.message == "trailing comma: a ',' in an object must be followed by another member");
    CHECK(failure("[,1]").where == "1:2");
    CHECK(failure("[1,,2]").where == "1:4");
    CHECK(failure("{,}").where == "1:2");
}

// Numbers after a comma in an array take a shorter road through the reader; everywhere else the comma
// must still be judged by its container.
TEST_CASE("reader: arrays of numbers, and numbers followed by a comma elsewhere", "[json]") {
    CHECK(trace("[1, -2,3 ,\n 4.5e1]") == "[@0 i:1@1 i:-2@4 i:3@7 f:4.5e1@12 ]@17");
    CHECK(trace("[1,\"a\",2,[3],{\"b\":4,\"c\":5}]") ==
          "[@0 i:1@1 s:a@3 i:2@7 [@9 i:3@10 ]@11 {@13 k:b@14 i:4@18 k:c@20 i:5@24 }@25 ]@26");
    Failure f = failure("1, 2");
    CHECK(f.code == "json.trailing");
    CHECK(f.where == "1:2");
    f = failure("{\"a\": 1, 2}");
    CHECK(f.code == "json.syntax");
    CHECK(f.where == "1:10");
    CHECK(failure("[1, 2, -]").where == "1:9");
    CHECK(failure("[1, 2, 03]").where == "1:9");
    CHECK(failure("[1, 2,").code == "json.truncated");
    CHECK(failure("[1, 2, ]").message == "trailing comma: a ',' in an array must be followed by another element");
}

TEST_CASE("reader: empty input and trailing garbage", "[json]") {
    Failure f = failure("");
    CHECK(f.code == "json.empty");
    CHECK(f.where == "1:1");
    CHECK(f.message == "the input is empty: there is no JSON value in it");
    CHECK(failure(" \r\n\t ").code == "json.empty");

    f = failure("{} x");
    CHECK(f.code == "json.trailing");
    CHECK(f.where == "1:4");
    CHECK(f.message == "unexpected 'x' after the end of the JSON value: a file holds exactly one value");
    f = failure("1 2");
    CHECK(f.code == "json.trailing");
    CHECK(f.where == "1:3");
    f = failure("{}\n{}");
    CHECK(f.code == "json.trailing");
    CHECK(f.where == "2:1");
    CHECK(failure("[]]").code == "json.trailing");
    CHECK(accepted("{} \r\n\t"));
    // A NUL byte is not whitespace.
    CHECK(failure(std::string("{}\0", 3)).code == "json.trailing");
}

TEST_CASE("reader: truncation at every byte offset is an error, never a crash", "[json]") {
    const std::string doc =
        "\xEF\xBB\xBF{\"a\": [1, -2.5e+3, true, false, null, \"x\\u00e9\\ud83d\\ude00y\\n\"],\r\n"
        " \"b\": {\"c\": \"é€😀\", \"d\": [[], {}]}, \"e\": 0.5E-7 }";
    REQUIRE(accepted(doc));
    for (std::size_t n = 0; n < doc.size(); ++n) {
        INFO("prefix of " << n << " bytes");
        Failure f = failure(std::string_view(doc).substr(0, n));
        if (n <= 3) {
            // Nothing but (part of) the BOM.
            CHECK(f.code != "");
            continue;
        }
        CHECK(f.code == "json.truncated");
        CHECK(f.offset == n);
        CHECK(f.message.find("it looks truncated") != std::string::npos);
    }
    Failure f = failure("{\"a\": \"abc");
    CHECK(f.where == "1:11");
    CHECK(f.message == "the file ends inside a string: it looks truncated");
    f = failure("{\"a\": [1, 2");
    CHECK(f.where == "1:12");
    CHECK(f.message == "the file ends inside an array: it looks truncated");
    f = failure("{\"a\"");
    CHECK(f.message == "the file ends inside an object: it looks truncated");
    f = failure("[1, tr");
    CHECK(f.code == "json.truncated");
    CHECK(f.message == "the file ends inside a word (true, false or null): it looks truncated");
}

TEST_CASE("reader: nesting beyond the bound is json.depth, not a stack overflow", "[json]") {
    std::string deep(100000, '[');
    Failure f = failure(deep);
    CHECK(f.code == "json.depth");
    CHECK(f.where == "1:513");
    CHECK(f.message.find("512") != std::string::npos);

    std::string objects;
    for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
    f = failure(objects);
    CHECK(f.code == "json.depth");
    CHECK(f.offset == 512 * 5);

    // Exactly the bound is fine, one more is not.
    std::string ok = std::string(512, '[') + std::string(512, ']');
    CHECK(accepted(ok));
    std::string over = std::string(513, '[') + std::string(513, ']');
    CHECK(failure(over).code == "json.depth");

    ReadOptions tight;
    tight.max_depth = 2;
    CHECK(failure("[[1]]", tight).code == "");
    f = failure("[{\"a\":[1]}]", tight);
    CHECK(f.code == "json.depth");
    CHECK(f.where == "1:7");
    tight.max_depth = 0;
    CHECK(failure("1", tight).code == "");
    CHECK(failure("[]", tight).code == "json.depth");
}

namespace {

// Stops at the n-th event of any kind.
struct StopAfter : Ignore {
    int left;
    int seen = 0;
    explicit StopAfter(int n) : left(n) {}
    bool tick() {
        ++seen;
        return --left > 0;
    }
    bool begin_object(std::size_t) { return tick(); }
    bool end_object(std::size_t) { return tick(); }
    bool begin_array(std::size_t) { return tick(); }
    bool end_array(std::size_t) { return tick(); }
    bool key(std::string_view, std::size_t) { return tick(); }
    bool string(std::string_view, std::size_t) { return tick(); }
    bool number(const Number&, std::size_t) { return tick(); }
    bool boolean(bool, std::size_t) { return tick(); }
    bool null(std::size_t) { return tick(); }
};

}  // namespace

TEST_CASE("reader: a handler stops the parse by returning false", "[json]") {
    const std::string doc = R"({"a":[1,"s",true,null,{}],"b":2})";
    // 13 events in all; stopping at any of them ends the parse there, with no error.
    for (int n = 1; n <= 13; ++n) {
        StopAfter h(n);
        ReadResult r = read(doc, h);
        INFO("stop at event " << n);
        CHECK(r.stopped);
        CHECK_FALSE(r.error);
        CHECK_FALSE(r.ok());
        CHECK(h.seen == n);
    }
    StopAfter all(14);
    CHECK(read(doc, all).ok());
    CHECK(all.seen == 13);
    // Stopping early means what follows is not looked at.
    StopAfter first(1);
    ReadResult r = read("[1, oops", first);
    CHECK(r.stopped);
    CHECK_FALSE(r.error);
}

namespace {

struct CountingVirtual : VirtualHandler {
    int keys = 0, numbers = 0;
    bool key(std::string_view, std::size_t) override {
        ++keys;
        return true;
    }
    bool number(const Number&, std::size_t) override { return ++numbers < 3; }
};

}  // namespace

TEST_CASE("reader: the virtual handler sees the same events", "[json]") {
    CountingVirtual h;
    VirtualHandler& base = h;
    ReadResult r = read(R"({"a":1,"b":[2,3,4]})", base);
    CHECK(r.stopped);
    CHECK(h.keys == 2);
    CHECK(h.numbers == 3);
    Reader reader;  // reused across parses
    CountingVirtual again;
    CHECK(reader.read(std::string_view(R"({"x":"\u0041"})"), again).ok());
    CHECK(reader.read(std::string_view("[1,]"), again).error.code() == std::string("json.syntax"));
    CHECK(again.keys == 1);
}

namespace {

// Reads `input` with pause_every = `every`, resuming until done; counts the pauses.
std::string trace_paused(std::string_view input, std::size_t every, int& pauses, ReadResult& last) {
    Trace t;
    Reader reader;
    ReadOptions o;
    o.pause_every = every;
    pauses = 0;
    last = reader.read(input, t, o);
    while (last.paused && pauses < 10000) {
        ++pauses;
        CHECK_FALSE(last.ok());
        last = reader.resume(input, t, o);
    }
    return t.out;
}

}  // namespace

TEST_CASE("reader: a paused read resumes with the same events and the same errors", "[json]") {
    const std::string doc = R"({"images":[{"a":[1,2]},{"b":{"c":"x\"y"}},[],{}],"n":null,"t":[true,false]})";
    const std::string whole = trace(doc);
    for (std::size_t every : {1, 2, 5, 17, 1000}) {
        INFO("pause_every " << every);
        int pauses = 0;
        ReadResult last;
        CHECK(trace_paused(doc, every, pauses, last) == whole);
        CHECK(last.ok());
        if (every < 10) CHECK(pauses > 3);
        if (every == 1000) CHECK(pauses == 0);
    }
    // An error after a pause is the one a single read reports, at the same offset.
    const std::string bad = R"({"images":[{"a":1},{"b":2},{"c":3] })";
    const Failure once = failure(bad);
    REQUIRE(once.code == "json.syntax");
    int pauses = 0;
    ReadResult last;
    trace_paused(bad, 1, pauses, last);
    CHECK(pauses >= 2);
    CHECK(last.error.code() == once.code);
    CHECK(last.error.offset == once.offset);
    // A handler's stop is still a stop after resuming.
    StopAfter h(9);
    Reader reader;
    ReadOptions o;
    o.pause_every = 1;
    ReadResult r = reader.read(bad, h, o);
    while (r.paused) r = reader.resume(bad, h, o);
    CHECK(r.stopped);
    CHECK(h.seen == 9);
}

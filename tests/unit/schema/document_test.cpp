#include "schema/document.hpp"

#include <catch2/catch.hpp>

#include "schema/wire.hpp"
#include "support.hpp"

using namespace eic;
using namespace eic::schema;
using namespace eic::schema::test;

TEST_CASE("a plain wire map loads as a file without base", "[schema][document]") {
    SchemaLoad l = load_schema_text(R"({"a": {"ty": "geospatial"}, "b": "string"})");
    REQUIRE(l.file);
    CHECK_FALSE(l.file->is_draft);
    CHECK(l.file->draft.schema.size() == 2);
    CHECK(codes(l.diagnostics) == Codes{"schema.wire.legacy"});
    CHECK(effective_target(*l.file, std::nullopt) == Target::index);
    CHECK(effective_target(*l.file, Target::active) == Target::active);
}

TEST_CASE("an empty file or null is the empty schema", "[schema][document]") {
    for (const char* text : {"", "  \n", "null", "{}"}) {
        SchemaLoad l = load_schema_text(text);
        REQUIRE(l.file);
        CHECK(l.file->draft.schema.empty());
        CHECK(l.diagnostics.empty());
    }
}

TEST_CASE("invalid JSON is one syntax error with its line and column, never an exception", "[schema][document]") {
    SchemaLoad l;
    REQUIRE_NOTHROW(l = load_schema_text("{\n  \"a\": {\"ty\": \"geospatial\"},\n  \"b\": oops\n}"));
    CHECK_FALSE(l.file);
    REQUIRE(l.diagnostics.size() == 1);
    CHECK(l.diagnostics[0].code.rfind("json.", 0) == 0);  // the JSON reader's own code
    CHECK(l.diagnostics[0].line == 3);
    CHECK(l.diagnostics[0].column >= 8);
    for (const char* bad : {"{", "[1,]", "{\"a\":1}}", "\xFF", "\"\\x\""}) {
        INFO(bad);
        SchemaLoad b;
        REQUIRE_NOTHROW(b = load_schema_text(bad));
        REQUIRE(b.diagnostics.size() == 1);
        CHECK(b.diagnostics[0].code.rfind("json.", 0) == 0);
        CHECK(b.diagnostics[0].line >= 1);
    }
}

TEST_CASE("every finding of a loaded file has its line and column", "[schema][document]") {
    SchemaLoad l = load_schema_text(
        "{\n  \"a\": {\"ty\": \"nope\"},\n  \"b\": \"string\",\n  \"c/d\": {\"ty\": \"geospatial\"}\n}");
    REQUIRE(l.file);
    REQUIRE(codes(l.diagnostics) == Codes{"schema.wire.unknown-ty", "schema.wire.legacy"});
    CHECK(std::make_pair(l.diagnostics[0].line, l.diagnostics[0].column) == std::make_pair(2u, 15u));
    CHECK(std::make_pair(l.diagnostics[1].line, l.diagnostics[1].column) == std::make_pair(3u, 8u));
    Diagnostics found = check_schema_file(*l.file, Target::index);
    locate(found, l.locator);
    REQUIRE(codes(found) == Codes{"schema.key.character"});
    CHECK(std::make_pair(found[0].line, found[0].column) == std::make_pair(4u, 3u));  // at the key's name
}

TEST_CASE("a member given twice is an error at the second one", "[schema][document]") {
    SchemaLoad l = load_schema_text("{\"a\": {\"ty\": \"geospatial\"},\n \"a\": {\"ty\": \"variant\"}}");
    REQUIRE(l.file);
    REQUIRE(codes(l.diagnostics) == Codes{"schema.wire.duplicate-key"});
    CHECK(*l.diagnostics[0].pointer == "/a");
    CHECK(l.diagnostics[0].line == 2);
    CHECK(l.file->draft.schema.find("a")->type.kind == TypeKind::variant);  // the last one wins, as in JSON
}

TEST_CASE("the target comes from the caller, else the draft, else Index", "[schema][document]") {
    SchemaLoad l =
        load_schema_text(R"({"format": "eic-schema-draft", "version": 1, "target": "active", "schema": {}})");
    REQUIRE(l.file);
    CHECK(effective_target(*l.file, std::nullopt) == Target::active);
    CHECK(effective_target(*l.file, Target::index) == Target::index);
}

TEST_CASE("check_schema_file reports rules and changes from the base with absolute pointers", "[schema][document]") {
    SchemaLoad l = load_schema_text(R"({"format": "eic-schema-draft", "version": 1, "target": "active",
        "schema": {"a/b": {"ty": "geospatial"}, "w": {"ty": "variant", "hint": "text"},
                   "e": {"ty": "enum", "values": ["x"]}, "m": {"ty": "embedding", "size": 2500}},
        "notes": {"ghost": "no such key", "w": "ok"},
        "base": {"fetchedAt": "2026-01-01T00:00:00Z",
                 "schema": {"w": {"ty": "enum", "values": ["a"]}, "e": {"ty": "enum", "values": ["x", "y"]},
                            "gone": {"ty": "geospatial"}}}})");
    REQUIRE(l.file);
    REQUIRE(l.diagnostics.empty());
    Diagnostics ds = check_schema_file(*l.file, Target::active);
    REQUIRE(codes(ds) == Codes{"schema.key.character", "schema.embedding.active-size", "schema.enum.option-removed",
                               "schema.key.dropped", "schema.type.change", "schema.draft.note-orphan"});
    CHECK(*ds[0].pointer == "/schema/a~1b");
    CHECK(*ds[1].pointer == "/schema/m/size");
    CHECK(*ds[2].pointer == "/schema/e/values");
    CHECK(*ds[3].pointer == "/base/schema/gone");  // not in the draft: shown where the base has it
    CHECK(*ds[4].pointer == "/schema/w");
    CHECK(*ds[5].pointer == "/notes/ghost");
    CHECK(ds[5].severity == Severity::warning);
}

TEST_CASE("a finding about a key unchanged from the base is only a warning", "[schema][document]") {
    const char* text = R"({"format": "eic-schema-draft", "version": 1,
        "schema": {"big": {"ty": "embedding", "size": 3000}, "new": {"ty": "embedding", "size": 3000}},
        "base": {"schema": {"big": {"ty": "embedding", "size": 3000}}}})";
    SchemaLoad l = load_schema_text(text);
    REQUIRE(l.file);
    Diagnostics ds = check_schema_file(*l.file, Target::active);
    REQUIRE(codes(ds) == Codes{"schema.embedding.active-size", "schema.embedding.active-size"});
    CHECK(ds[0].severity == Severity::warning);
    CHECK(ds[0].message.find("unchanged") != std::string::npos);
    CHECK(ds[1].severity == Severity::error);
}

TEST_CASE("unreadable keys are not reported again as dropped", "[schema][document]") {
    SchemaLoad l = load_schema_text(R"({"format": "eic-schema-draft", "version": 1,
        "schema": {"k": {"ty": "nope"}}, "notes": {"k": "kept"},
        "base": {"schema": {"k": {"ty": "geospatial"}}}})");
    REQUIRE(l.file);
    CHECK(codes(l.diagnostics) == Codes{"schema.wire.unknown-ty"});
    CHECK(check_schema_file(*l.file, Target::index).empty());
}

TEST_CASE("a file that is not an eic draft is refused without reading on", "[schema][document]") {
    SchemaLoad l = load_schema_text(R"({"format": "eic-schema-draft", "version": 3, "schema": {"k": 1}})");
    CHECK_FALSE(l.file);
    CHECK(codes(l.diagnostics) == Codes{"schema.draft.version"});
}

namespace {

// The findings of check_schema_file for a file's text, which must load without errors.
Diagnostics checked(const std::string& text) {
    SchemaLoad l = load_schema_text(text);
    REQUIRE(l.file);
    REQUIRE_FALSE(has_error(l.diagnostics));
    return check_schema_file(*l.file, Target::index);
}

const std::string kUnicode =
    "\xC3\x9Cn\xC3\xAF"
    "code";                                             // Ünïcode
const std::string kJapan = "\xE6\x97\xA5\xE6\x9C\xAC";  // 日本
const std::string kAcute = "\xC3\xA9";                  // é

}  // namespace

TEST_CASE("a wire map's Unicode keys are warnings, its ASCII punctuation errors", "[schema][document]") {
    for (const std::string& key : {kUnicode, kJapan}) {
        INFO(key);
        Diagnostics ds = checked("{\"" + key + "\": {\"ty\": \"variant\", \"hint\": \"varchar\"}}");
        REQUIRE(codes(ds) == Codes{"schema.key.non-ascii"});
        CHECK(ds[0].severity == Severity::warning);
        CHECK(*ds[0].pointer == "/" + key);
    }
    Diagnostics slash = checked(R"({"a/b": {"ty": "geospatial"}})");
    REQUIRE(codes(slash) == Codes{"schema.key.character"});
    CHECK(slash[0].severity == Severity::error);
    CHECK(*slash[0].pointer == "/a~1b");
}

TEST_CASE("a draft may keep a Unicode key its base has, but not add one", "[schema][document]") {
    const std::string entry = "{\"ty\": \"enum\", \"values\": [\"x\"]}";
    const std::string head = R"({"format": "eic-schema-draft", "version": 1, "schema": {")";
    Diagnostics added = checked(head + kAcute + "\": " + entry + "}, \"base\": {\"schema\": {}}}");
    REQUIRE(codes(added) == Codes{"schema.key.character"});
    CHECK(added[0].severity == Severity::error);
    CHECK(*added[0].pointer == "/schema/" + kAcute);

    Diagnostics no_base = checked(head + kAcute + "\": " + entry + "}}");  // a new draft adds every key
    CHECK(error_codes(no_base) == Codes{"schema.key.character"});

    Diagnostics kept =
        checked(head + kAcute + "\": " + entry + "}, \"base\": {\"schema\": {\"" + kAcute + "\": " + entry + "}}}");
    REQUIRE(codes(kept) == Codes{"schema.key.non-ascii"});
    CHECK(kept[0].severity == Severity::warning);
    CHECK(*kept[0].pointer == "/schema/" + kAcute);

    // Still held when the draft changes the key's entry (here: a new option).
    Diagnostics changed = checked(head + kAcute + R"(": {"ty": "enum", "values": ["x", "y"]}}, "base": {"schema": {")" +
                                  kAcute + "\": " + entry + "}}}");
    CHECK(codes(changed) == Codes{"schema.key.non-ascii"});
}

TEST_CASE("a wire map's repeated enum option is a warning, kept when written back", "[schema][document]") {
    SchemaLoad l = load_schema_text(R"({"en": {"ty": "enum", "values": ["a", "a", "b"]}})");
    REQUIRE(l.file);
    CHECK(l.diagnostics.empty());
    Diagnostics ds = check_schema_file(*l.file, Target::index);
    REQUIRE(codes(ds) == Codes{"schema.wire.enum-repeat"});
    CHECK(ds[0].severity == Severity::warning);
    CHECK(*ds[0].pointer == "/en/values");
    CHECK(write_wire(l.file->draft.schema) == j(R"({"en": {"ty": "enum", "values": ["a", "a", "b"]}})"));
}

TEST_CASE("a draft may keep the repeats its base has, but not add one", "[schema][document]") {
    const char* head = R"({"format": "eic-schema-draft", "version": 1, "schema": {"en": {"ty": "enum", "values": )";
    auto draft = [&](const char* values, const char* base_values) {
        return checked(std::string(head) + values + R"(}}, "base": {"schema": {"en": {"ty": "enum", "values": )" +
                       base_values + "}}}}");
    };
    Diagnostics added = draft(R"(["a", "a", "b"])", R"(["a", "b"])");
    REQUIRE(codes(added) == Codes{"schema.enum.duplicate"});
    CHECK(added[0].severity == Severity::error);
    CHECK(*added[0].pointer == "/schema/en/values");

    // Kept as the base has it, alone or with a new option: a warning, and no option counts as removed.
    for (const char* values : {R"(["a", "a", "b"])", R"(["a", "a", "b", "c"])"}) {
        INFO(values);
        Diagnostics kept = draft(values, R"(["a", "a", "b"])");
        REQUIRE(codes(kept) == Codes{"schema.wire.enum-repeat"});
        CHECK(kept[0].severity == Severity::warning);
        CHECK(*kept[0].pointer == "/schema/en/values");
    }
    // Listing the repeated option once removes no option.
    CHECK(draft(R"(["a", "b"])", R"(["a", "a", "b"])").empty());
    // Dropping the option itself is still refused.
    CHECK(codes(draft(R"(["b"])", R"(["a", "a", "b"])")) == Codes{"schema.enum.option-removed"});
}

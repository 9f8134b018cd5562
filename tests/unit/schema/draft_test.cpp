#include "schema/draft.hpp"

#include <catch2/catch.hpp>

#include "schema/locate.hpp"
#include "support.hpp"

using namespace eic;
using namespace eic::schema;
using namespace eic::schema::test;

static const char* kDraft = R"({
  "format": "eic-schema-draft", "version": 1, "title": "Team schema", "description": "for review",
  "target": "active", "owner": {"team": "video"},
  "schema": {"fps": {"ty": "variant", "hint": "number"}, "weird": {"ty": "nope"}},
  "notes": {"fps": "frames per second"},
  "base": {"fetchedAt": "2026-03-01T12:00:00Z", "etag": "abc",
           "schema": {"fps": {"ty": "variant", "hint": "text"}}}
})";

TEST_CASE("a draft reads every field", "[schema][draft]") {
    DraftRead r = read_draft(j(kDraft));
    REQUIRE(r.draft);
    const Draft& d = *r.draft;
    CHECK(d.title == "Team schema");
    CHECK(d.description == "for review");
    CHECK(d.target == Target::active);
    CHECK(*d.schema.find("fps") == KeyEntry::live(KeyType::variant(ScalarHint::number)));
    CHECK(d.notes.at("fps") == "frames per second");
    REQUIRE(d.base);
    CHECK(d.base->fetched_at == "2026-03-01T12:00:00Z");
    CHECK(d.base->schema.find("fps")->type.hint == ScalarHint::text);
    // The unreadable key is reported with a pointer into the file, and kept aside.
    REQUIRE(codes(r.diagnostics) == Codes{"schema.wire.unknown-ty"});
    CHECK(*r.diagnostics[0].pointer == "/schema/weird/ty");
    CHECK_FALSE(d.schema.contains("weird"));
    CHECK(d.unreadable.contains("weird"));
}

TEST_CASE("a draft round-trips, unknown fields and unreadable keys included", "[schema][draft]") {
    auto doc = j(kDraft);
    DraftRead r = read_draft(doc);
    REQUIRE(r.draft);
    auto written = write_draft(*r.draft);
    CHECK(written == doc);
    CHECK(written.dump() == doc.dump());  // field order too
}

TEST_CASE("edits are written in place and a new draft gets the contract's fields", "[schema][draft]") {
    DraftRead r = read_draft(j(kDraft));
    REQUIRE(r.draft);
    r.draft->schema.put("new", KeyEntry::live(KeyType::geospatial()));
    r.draft->notes["new"] = "where";
    r.draft->target = Target::index;
    auto written = write_draft(*r.draft);
    CHECK(written["schema"]["new"] == j(R"({"ty":"geospatial"})"));
    CHECK(written["notes"]["new"] == "where");
    CHECK(written["target"] == "index");
    CHECK(written["owner"] == j(R"({"team": "video"})"));
    CHECK(written["base"]["etag"] == "abc");

    Draft fresh;
    fresh.title = "t";
    auto doc = write_draft(fresh);
    CHECK(doc == j(R"({"format": "eic-schema-draft", "version": 1, "title": "t", "description": "", "schema": {}})"));
    DraftRead again = read_draft(doc);
    REQUIRE(again.draft);
    CHECK(again.diagnostics.empty());
    CHECK_FALSE(again.draft->target);
    CHECK_FALSE(again.draft->base);
}

TEST_CASE("a wrong format or an unsupported version is a clear error, and nothing is read", "[schema][draft]") {
    struct Case {
        const char* text;
        const char* code;
        const char* pointer;
        const char* says;
    };
    for (const Case& c : std::vector<Case>{
             {R"({"format": "other-tool", "version": 1, "schema": {}})", "schema.draft.format", "/format",
              "not an eic schema draft"},
             {R"({"version": 1, "schema": {}})", "schema.draft.format", "", "no \"format\""},
             {R"({"format": "eic-schema-draft", "version": 2, "schema": {}})", "schema.draft.version", "/version",
              "newer eic"},
             {R"({"format": "eic-schema-draft", "schema": {}})", "schema.draft.version", "", "needs \"version\""},
             {R"({"format": "eic-schema-draft", "version": "1", "schema": {}})", "schema.draft.version", "/version",
              "number 1"},
             {R"([])", "schema.draft.format", "", "JSON object"},
         }) {
        INFO(c.text);
        DraftRead r = read_draft(j(c.text));
        CHECK_FALSE(r.draft);
        REQUIRE(codes(r.diagnostics) == Codes{c.code});
        CHECK(*r.diagnostics[0].pointer == c.pointer);
        CHECK(r.diagnostics[0].message.find(c.says) != std::string::npos);
    }
}

TEST_CASE("bad draft fields are errors at their place; the rest is still read", "[schema][draft]") {
    DraftRead r = read_draft(j(R"({"format": "eic-schema-draft", "version": 1, "title": 5, "description": [],
        "target": "Active", "schema": {"a": {"ty": "geospatial"}}, "notes": {"a": 1, "b": "x"},
        "base": {"fetchedAt": 7, "schema": {"a": "geospatial"}}})"));
    REQUIRE(r.draft);
    CHECK(codes(r.diagnostics) == Codes{"schema.draft.field", "schema.draft.field", "schema.draft.target",
                                        "schema.draft.field", "schema.draft.field", "schema.wire.legacy"});
    CHECK(*r.diagnostics[2].pointer == "/target");
    CHECK(*r.diagnostics[3].pointer == "/notes/a");
    CHECK(*r.diagnostics[4].pointer == "/base/fetchedAt");
    CHECK(*r.diagnostics[5].pointer == "/base/schema/a");
    CHECK(r.draft->schema.contains("a"));
    CHECK(r.draft->notes.at("b") == "x");

    DraftRead missing = read_draft(j(R"({"format": "eic-schema-draft", "version": 1, "target": 3})"));
    CHECK(codes(missing.diagnostics) == Codes{"schema.draft.target", "schema.draft.field"});
    DraftRead bad_shapes = read_draft(j(R"({"format": "eic-schema-draft", "version": 1, "schema": null, "notes": [],
                                            "base": "x"})"));
    CHECK(codes(bad_shapes.diagnostics) == Codes{"schema.draft.field", "schema.draft.field"});
    DraftRead no_base_schema =
        read_draft(j(R"({"format": "eic-schema-draft", "version": 1, "schema": {}, "base": {}})"));
    CHECK(codes(no_base_schema.diagnostics) == Codes{"schema.draft.field"});
}

TEST_CASE("drafts are told apart from wire maps", "[schema][draft]") {
    CHECK(is_draft_document(j(R"({"format": "eic-schema-draft"})")));
    CHECK(is_draft_document(j(R"({"format": "x"})")));
    CHECK(is_draft_document(j(R"({"version": 1, "schema": {}})")));
    // A wire map may have keys called "format", "version" or "schema": their values are type objects.
    CHECK_FALSE(is_draft_document(j(R"({"format": {"ty": "variant"}, "version": {"ty": "variant"}})")));
    CHECK_FALSE(is_draft_document(j(R"({"version": {"ty": "variant"}, "schema": {"ty": "text"}})")));
    CHECK_FALSE(is_draft_document(j("null")));
}

TEST_CASE("locate fills positions from pointers, falling back to the nearest parent", "[schema][locate]") {
    Locator loc;
    loc.value_at = [](const std::string& p) -> std::optional<LinePosition> {
        if (p == "/schema/k") return LinePosition{3, 10};
        if (p == "/schema") return LinePosition{2, 13};
        return std::nullopt;
    };
    loc.key_at = [](const std::string& p) -> std::optional<LinePosition> {
        if (p == "/schema/k") return LinePosition{3, 5};
        return std::nullopt;
    };
    Diagnostics ds(4);
    ds[0].code = "schema.key.character";
    ds[0].pointer = "/schema/k";
    ds[1].code = "schema.enum.too-many";
    ds[1].pointer = "/schema/k/values";  // absent: falls back to /schema/k
    ds[2].code = "schema.wire.entry";
    ds[2].pointer = "/nowhere";
    ds[3].code = "schema.wire.entry";
    ds[3].pointer = "/schema/k";
    ds[3].line = 9;  // already placed: kept
    locate(ds, loc);
    CHECK(std::make_pair(ds[0].line, ds[0].column) == std::make_pair(3u, 5u));   // key-level: the member name
    CHECK(std::make_pair(ds[1].line, ds[1].column) == std::make_pair(3u, 10u));  // the value
    CHECK(ds[2].line == 0);
    CHECK(ds[3].line == 9);

    rebase(ds, "/x");
    CHECK(*ds[0].pointer == "/x/schema/k");
}

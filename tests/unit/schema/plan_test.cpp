#include "schema/plan.hpp"

#include <catch2/catch.hpp>

#include "schema/wire.hpp"
#include "support.hpp"

using namespace eic;
using namespace eic::schema;
using namespace eic::schema::test;

static Schema wire(const char* text) {
    WireRead r = read_wire(j(text));
    REQUIRE(r.diagnostics.empty());
    return r.schema;
}

static std::vector<std::string> kinds(const std::vector<Change>& cs) {
    std::vector<std::string> out;
    for (const auto& c : cs) out.push_back(c.key + ":" + change_kind_name(c.kind));
    return out;
}

TEST_CASE("equal schemas plan nothing and post the remote map", "[schema][plan]") {
    Schema s = wire(R"({"a": {"ty": "geospatial"}})");
    Plan p = make_plan(s, nullptr, s);
    CHECK_FALSE(p.has_changes());
    CHECK(p.applicable());
    CHECK(*apply_plan(p) == write_wire(s));
}

TEST_CASE("two-way: every difference is the draft's, each marked safe or destructive", "[schema][plan]") {
    Schema remote = wire(R"({"n": {"ty": "variant", "hint": "number"}, "e": {"ty": "enum", "values": ["a"]},
                             "old": {"ty": "geospatial"}, "bye": {"ty": "variant", "hint": "text"},
                             "back": {"ty": "tombstone", "deleted_ty": {"ty": "enum", "values": ["z"]}}})");
    Schema draft = wire(R"({"n": {"ty": "variant", "hint": "text"}, "e": {"ty": "enum", "values": ["a", "b"]},
                            "old": {"ty": "tombstone", "deleted_ty": {"ty": "geospatial"}},
                            "bye": {"ty": "tombstone", "deleted_ty": null},
                            "back": {"ty": "enum", "values": ["z"]}, "new": {"ty": "embedding", "size": 4, "api": null}})");
    Plan p = make_plan(draft, nullptr, remote);
    CHECK(p.applicable());
    REQUIRE(kinds(p.changes) == std::vector<std::string>{"back:restored", "bye:deleted-hard", "e:options-added",
                                                         "n:retyped", "new:added", "old:deleted-soft"});
    std::vector<bool> destructive;
    for (const auto& c : p.changes) destructive.push_back(c.destructive);
    CHECK(destructive == std::vector<bool>{false, true, false, true, false, true});
    CHECK(p.remote_changes.empty());
    CHECK(p.result == draft);
    auto body = apply_plan(p);
    REQUIRE(body);
    CHECK(*body == write_wire(draft));  // the exact map to POST
}

TEST_CASE("refused changes block the post", "[schema][plan]") {
    Schema remote = wire(R"({"e": {"ty": "enum", "values": ["a", "b"]}, "g": {"ty": "geospatial"}})");
    Schema draft = wire(R"({"e": {"ty": "enum", "values": ["a"]}})");
    Plan p = make_plan(draft, nullptr, remote);
    CHECK(error_codes(p.diagnostics) == Codes{"schema.enum.option-removed", "schema.key.dropped"});
    CHECK_FALSE(p.applicable());
    CHECK_FALSE(apply_plan(p));
    for (const auto& c : p.changes) CHECK(c.refused);
    CHECK(p.result == remote);  // refused changes are not carried over
}

TEST_CASE("three-way: Encord's own changes since the base are kept, not undone", "[schema][plan]") {
    Schema base = wire(R"({"a": {"ty": "variant", "hint": "text"}})");
    Schema remote = wire(R"({"a": {"ty": "variant", "hint": "text"}, "theirs": {"ty": "geospatial"}})");
    Schema draft = wire(R"({"a": {"ty": "variant", "hint": "number"}, "mine": {"ty": "variant", "hint": "uuid"}})");
    Plan p = make_plan(draft, &base, remote);
    CHECK(p.applicable());
    CHECK(kinds(p.changes) == std::vector<std::string>{"a:retyped", "mine:added"});
    CHECK(kinds(p.remote_changes) == std::vector<std::string>{"theirs:added"});
    auto body = apply_plan(p);
    REQUIRE(body);
    CHECK(*body == j(R"({"a": {"ty": "variant", "hint": "number"}, "mine": {"ty": "variant", "hint": "uuid"},
                         "theirs": {"ty": "geospatial"}})"));
    // Without the base, the same draft would drop Encord's new key.
    CHECK(error_codes(make_plan(draft, nullptr, remote).diagnostics) == Codes{"schema.key.dropped"});
}

TEST_CASE("three-way: a key both sides changed differently is a conflict", "[schema][plan]") {
    Schema base = wire(R"({"a": {"ty": "variant", "hint": "text"}, "same": {"ty": "variant", "hint": "text"}})");
    Schema remote = wire(R"({"a": {"ty": "tombstone", "deleted_ty": {"ty": "variant", "hint": "text"}},
                             "same": {"ty": "variant", "hint": "uuid"}})");
    Schema draft = wire(R"({"a": {"ty": "variant", "hint": "number"}, "same": {"ty": "variant", "hint": "uuid"}})");
    Plan p = make_plan(draft, &base, remote);
    REQUIRE(p.conflicts.size() == 1);
    CHECK(p.conflicts[0].key == "a");
    CHECK(p.conflicts[0].remote->state == KeyState::soft_deleted);
    CHECK(error_codes(p.diagnostics) == Codes{"schema.plan.conflict"});
    CHECK(*p.diagnostics[0].pointer == "/a");
    CHECK_FALSE(apply_plan(p));
    CHECK(p.changes.empty());  // "same": both made the same change, nothing left to do
}

TEST_CASE("three-way: enum options added on both sides merge", "[schema][plan]") {
    Schema base = wire(R"({"e": {"ty": "enum", "values": ["a"]}})");
    Schema remote = wire(R"({"e": {"ty": "enum", "values": ["a", "r"]}})");
    Schema draft = wire(R"({"e": {"ty": "enum", "values": ["a", "d"]}})");
    Plan p = make_plan(draft, &base, remote);
    CHECK(p.conflicts.empty());
    REQUIRE(kinds(p.changes) == std::vector<std::string>{"e:options-added"});
    CHECK(p.changes[0].options_added == std::vector<std::string>{"d"});
    CHECK(*apply_plan(p) == j(R"({"e": {"ty": "enum", "values": ["a", "d", "r"]}})"));
}

TEST_CASE("three-way: a key Encord hard-deleted meanwhile cannot be added by the draft", "[schema][plan]") {
    Schema base = wire(R"({"k": {"ty": "variant", "hint": "text"}})");
    Schema remote = wire(R"({"k": {"ty": "variant", "hint": "text"}, "x": {"ty": "tombstone", "deleted_ty": null}})");
    Schema draft = wire(R"({"k": {"ty": "variant", "hint": "text"}, "x": {"ty": "geospatial"}})");
    Plan p = make_plan(draft, &base, remote);
    // Both added "x": Encord hard-deleted it meanwhile, the draft added it: a conflict.
    CHECK(error_codes(p.diagnostics) == Codes{"schema.plan.conflict"});
}

TEST_CASE("a base with a repeated enum option plans the added option only, keeping the repeat", "[schema][plan]") {
    Schema base = wire(R"({"e": {"ty": "enum", "values": ["a", "a", "b"]}})");
    Schema draft = wire(R"({"e": {"ty": "enum", "values": ["a", "a", "b", "c"]}})");
    Plan two = make_plan(draft, nullptr, base);
    CHECK(two.diagnostics.empty());
    REQUIRE(kinds(two.changes) == std::vector<std::string>{"e:options-added"});
    CHECK(two.changes[0].options_added == std::vector<std::string>{"c"});
    CHECK(*apply_plan(two) == j(R"({"e": {"ty": "enum", "values": ["a", "a", "b", "c"]}})"));

    Schema remote = wire(R"({"e": {"ty": "enum", "values": ["a", "a", "b", "r"]}})");
    Plan three = make_plan(draft, &base, remote);
    CHECK(three.diagnostics.empty());
    CHECK(*apply_plan(three) == j(R"({"e": {"ty": "enum", "values": ["a", "a", "b", "c", "r"]}})"));

    Plan unchanged = make_plan(base, &base, base);
    CHECK_FALSE(unchanged.has_changes());
    CHECK(unchanged.diagnostics.empty());
}

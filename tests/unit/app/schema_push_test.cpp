// Pushing the draft to Encord (core/app/schema_push.hpp) against the fake transport: the schema fetched
// again just before, a refusal without any POST when Encord changed since the plan was made, the POST sent
// once and read back, failures kept with the SDK's error, plans that cannot be pushed; the draft's base
// after a verified push; and the destructive changes in words (core/schema/change_words.hpp).
#include "app/schema_push.hpp"

#include <catch2/catch.hpp>

#include "../encord/encord_client_fixture.hpp"
#include "schema/change_words.hpp"
#include "schema/mutations.hpp"
#include "schema/wire.hpp"
#include "time/civil.hpp"
#include "time/rfc3339.hpp"

using namespace eic;
using nlohmann::ordered_json;

namespace {
const std::string kSchemaUrl = std::string(test::kApi) + "organisation/client-metadata-schema-v2";

schema::Schema wire(const char* text) { return schema::read_wire(ordered_json::parse(text)).schema; }

// What Encord has when the user fetched: fps (number) and species (enum). The draft started from it,
// soft-deleted fps and added caption.
struct PushCase {
    test::EncordClientFixture f;
    const char* live_text =
        R"({"fps": {"ty": "variant", "hint": "number"}, "species": {"ty": "enum", "values": ["cat", "dog"]}})";
    schema::Draft draft;
    schema::Plan plan;

    PushCase() {
        draft.base = schema::DraftBase{"", wire(live_text), nullptr};
        draft.schema = draft.base->schema;
        REQUIRE_FALSE(has_error(schema::delete_key(draft.schema, "fps", schema::DeleteMode::soft)));
        REQUIRE_FALSE(has_error(schema::set_scalar(draft.schema, "caption", schema::ScalarHint::text)));
        plan = schema::make_plan(draft.schema, &draft.base->schema, wire(live_text));
        REQUIRE(plan.applicable());
        REQUIRE(plan.changes.size() == 2);
    }
    std::size_t posts() const { return f.count_sent("POST", "client-metadata-schema-v2"); }
    std::size_t gets() const { return f.count_sent("GET", "client-metadata-schema-v2"); }
};
}  // namespace

TEST_CASE("a push fetches Encord's schema first and refuses, without a POST, when it changed since", "[schema-push]") {
    PushCase c;
    // Someone added a key and an enum option in Encord after the user fetched.
    c.f.http.table["GET " + kSchemaUrl] = {test::answer(
        200, {},
        R"({"fps": {"ty": "variant", "hint": "number"}, "species": {"ty": "enum", "values": ["bird", "cat", "dog"]},
            "where": {"ty": "geospatial"}})")};
    app::SchemaPushJob job(c.f.context(), c.draft, c.plan);
    CHECK(c.f.run(job));
    CHECK(job.outcome() == app::PushOutcome::refused);
    CHECK(std::string(app::push_outcome_name(job.outcome())) == "refused");
    CHECK(c.posts() == 0);
    CHECK(c.gets() == 1);
    CHECK_FALSE(job.pushed());
    REQUIRE(job.changed_since().size() == 2);
    CHECK(job.changed_since()[0].key == "species");
    CHECK(job.changed_since()[0].kind == schema::ChangeKind::options_added);
    CHECK(job.changed_since()[1].key == "where");
    CHECK(job.changed_since()[1].kind == schema::ChangeKind::added);
    // The plan made again against what Encord has now: the draft's two changes, on top of Encord's.
    REQUIRE(job.fresh_plan());
    CHECK(job.fresh_plan()->applicable());
    CHECK(job.fresh_plan()->changes.size() == 2);
    CHECK(job.fresh_plan()->remote_changes.size() == 2);
    CHECK(job.fresh_plan()->result.contains("where"));

    // Confirming the new plan pushes it.
    c.f.http.table["POST " + kSchemaUrl] = {test::answer(200, {}, "null")};
    const ordered_json body = *schema::apply_plan(*job.fresh_plan());
    auto& gets = c.f.http.table["GET " + kSchemaUrl];
    gets.push_back(gets[0]);  // Encord still has what the refusal fetched
    gets.push_back(test::answer(200, {}, body.dump()));
    app::SchemaPushJob again(c.f.context(), c.draft, *job.fresh_plan());
    CHECK(c.f.run(again));
    CHECK(again.outcome() == app::PushOutcome::verified);
    CHECK(c.posts() == 1);
}

TEST_CASE("a push POSTs the plan's body once and verifies it by reading it back", "[schema-push]") {
    PushCase c;
    const ordered_json body = *schema::apply_plan(c.plan);
    c.f.http.table["POST " + kSchemaUrl] = {test::answer(200, {}, "null")};

    SECTION("the read-back equals what was pushed: verified") {
        c.f.http.table["GET " + kSchemaUrl] = {test::answer(200, {}, c.live_text), test::answer(200, {}, body.dump())};
        app::SchemaPushJob job(c.f.context(), c.draft, c.plan);
        CHECK_FALSE(job.finished());
        CHECK(c.f.run(job));
        CHECK(job.outcome() == app::PushOutcome::verified);
        CHECK(job.verified());
        CHECK(job.pushed());
        CHECK(job.differences().empty());
        CHECK(job.body() == body);
        CHECK(job.body()["fps"]["ty"] == "tombstone");
        CHECK(job.read_back() == body);
        REQUIRE(c.posts() == 1);
        CHECK(ordered_json::parse(c.f.http.sent[1].body) == body);
        CHECK(c.gets() == 2);
        CHECK(job.requests() == 3);
        CHECK_FALSE(job.failure());
    }
    SECTION("the read-back differs: the keys that differ") {
        c.f.http.table["GET " + kSchemaUrl] = {
            test::answer(200, {}, c.live_text),
            test::answer(200, {},
                         R"({"fps": {"ty": "variant", "hint": "number"}, "caption": {"ty": "variant", "hint": "text"},
                                      "species": {"ty": "enum", "values": ["cat", "dog"]}})")};
        app::SchemaPushJob job(c.f.context(), c.draft, c.plan);
        CHECK(c.f.run(job));
        CHECK(job.outcome() == app::PushOutcome::differs);
        CHECK(job.pushed());
        CHECK_FALSE(job.verified());
        CHECK(job.differences() == std::vector<std::string>{"fps"});
        CHECK(c.posts() == 1);
    }
}

TEST_CASE("a push that Encord refuses or that gets no answer is reported and never sent again", "[schema-push]") {
    PushCase c;
    c.f.http.table["GET " + kSchemaUrl] = {test::answer(200, {}, c.live_text)};

    SECTION("a 4xx answer to the POST: the SDK's error class and Encord's message") {
        c.f.http.table["POST " + kSchemaUrl] = {
            test::answer(400, {{"Content-Type", "application/json"}}, R"({"message": "caption: bad hint"})")};
        app::SchemaPushJob job(c.f.context(), c.draft, c.plan);
        CHECK(c.f.run(job));
        CHECK(job.outcome() == app::PushOutcome::failed);
        CHECK_FALSE(job.pushed());
        REQUIRE(job.failure());
        REQUIRE(job.failure()->api);
        CHECK(job.failure()->api->status == 400);
        CHECK(std::string(job.failure()->api->sdk_class) == "InvalidArgumentsError");
        CHECK(job.failure()->message().find("caption: bad hint") != std::string::npos);
        CHECK(c.posts() == 1);
        CHECK(c.gets() == 1);  // no read-back of a refused push
    }
    SECTION("a dropped POST is an unknown outcome, not sent again") {
        c.f.http.table["POST " + kSchemaUrl] = {test::failure(net::Failure::network)};
        app::SchemaPushJob job(c.f.context(), c.draft, c.plan);
        CHECK(c.f.run(job));
        CHECK(job.outcome() == app::PushOutcome::failed);
        REQUIRE(job.failure());
        REQUIRE(job.failure()->api);
        CHECK(job.failure()->api->kind == encord::ApiErrorKind::unknown_outcome);
        CHECK(c.posts() == 1);
        CHECK(c.gets() == 1);
    }
    SECTION("a failed fetch before the push: nothing is POSTed") {
        c.f.http.table["GET " + kSchemaUrl] = {test::answer(401, {}, R"({"message": "Unknown key"})")};
        app::SchemaPushJob job(c.f.context(), c.draft, c.plan);
        CHECK(c.f.run(job));
        CHECK(job.outcome() == app::PushOutcome::failed);
        REQUIRE(job.failure());
        CHECK(job.failure()->api->status == 401);
        CHECK(c.posts() == 0);
    }
    SECTION("Encord's schema, fetched again, is unreadable: nothing is POSTed") {
        c.f.http.table["GET " + kSchemaUrl] = {test::answer(200, {}, R"({"fps": {"ty": "no-such-type"}})")};
        app::SchemaPushJob job(c.f.context(), c.draft, c.plan);
        CHECK(c.f.run(job));
        CHECK(job.outcome() == app::PushOutcome::failed);
        REQUIRE(job.failure());
        CHECK(job.failure()->message().find("could not be read") != std::string::npos);
        CHECK(c.posts() == 0);
    }
}

TEST_CASE("a plan with nothing to push, conflicts or refusals is not pushed; nothing is sent", "[schema-push]") {
    test::EncordClientFixture f;
    const schema::Schema live =
        wire(R"({"fps": {"ty": "variant", "hint": "number"}, "kind": {"ty": "enum", "values": ["a", "b"]}})");

    schema::Draft same;
    same.schema = live;
    const schema::Plan nothing = schema::make_plan(same.schema, nullptr, live);
    CHECK(app::cannot_push(nothing) == "Nothing to push: Encord already has the draft's schema.");
    app::SchemaPushJob idle(f.context(), same, nothing);
    CHECK(idle.finished());
    CHECK(idle.outcome() == app::PushOutcome::not_pushable);
    CHECK(idle.not_pushable_reason() == app::cannot_push(nothing));

    // Both sides changed fps since the base: a conflict. The draft dropped option "b": a refusal.
    schema::Draft both;
    both.base = schema::DraftBase{"", live, nullptr};
    both.schema = live;
    REQUIRE_FALSE(has_error(schema::set_scalar(both.schema, "fps", schema::ScalarHint::text)));
    both.schema.put("kind", schema::KeyEntry::live(schema::KeyType::enumeration({"a"})));
    const schema::Plan bad = schema::make_plan(
        both.schema, &both.base->schema,
        wire(R"({"fps": {"ty": "variant", "hint": "boolean"}, "kind": {"ty": "enum", "values": ["a", "b"]}})"));
    REQUIRE_FALSE(bad.applicable());
    CHECK(app::cannot_push(bad) ==
          "Not pushable: 1 conflict and 1 change Encord would refuse (the comparison in the Schema panel says why).");
    app::SchemaPushJob refused(f.context(), both, bad);
    CHECK(refused.finished());
    CHECK(refused.outcome() == app::PushOutcome::not_pushable);
    CHECK(f.run(refused));
    CHECK(f.http.sent.empty());

    // A pushable plan of a draft with errors of its own.
    schema::Draft added;
    added.schema = live;
    REQUIRE_FALSE(has_error(schema::set_scalar(added.schema, "caption", schema::ScalarHint::text)));
    const schema::Plan ok = schema::make_plan(added.schema, nullptr, live);
    CHECK(app::cannot_push(ok).empty());
    const Diagnostics checks = {Diagnostic::error("schema.key.name", "bad"),
                                Diagnostic::error("schema.key.name", "bad")};
    CHECK(app::cannot_push(ok, checks) == "The draft has 2 errors: fix them in the Schema panel first.");
}

TEST_CASE("after a verified push the draft's base is what Encord holds; the draft keeps later edits", "[schema-push]") {
    app::SchemaDocument doc;
    // A draft without a base: two-way against Encord, which also has "where" (kept by the push).
    REQUIRE_FALSE(has_error(doc.edit(
        "add", [](schema::Draft& d) { return schema::set_scalar(d.schema, "caption", schema::ScalarHint::text); })));
    REQUIRE_FALSE(doc.draft().base);
    const schema::Schema sent = doc.draft().schema;
    const schema::Schema pushed =
        wire(R"({"caption": {"ty": "variant", "hint": "text"}, "where": {"ty": "geospatial"}})");
    // While the push ran, the user added another key.
    REQUIRE_FALSE(has_error(doc.edit(
        "add", [](schema::Draft& d) { return schema::set_scalar(d.schema, "later", schema::ScalarHint::number); })));
    app::adopt_pushed_schema(doc, sent, pushed, calendar::rfc3339_utc(1764686700));
    const schema::Draft& d = doc.draft();
    REQUIRE(d.base);
    CHECK(d.base->schema == pushed);
    CHECK(d.base->fetched_at == "2025-12-02T14:45:00Z");
    CHECK(d.schema.contains("where"));  // Encord's key, which the draft had not touched
    CHECK(d.schema.contains("later"));  // the edit made meanwhile stays
    CHECK(doc.history_labels().back() == "Pushed to Encord");
    // The next plan against what Encord holds pushes only the later edit.
    const schema::Plan next = schema::make_plan(d.schema, &d.base->schema, pushed);
    REQUIRE(next.changes.size() == 1);
    CHECK(next.changes[0].key == "later");
    doc.undo();
    CHECK_FALSE(doc.draft().base);
}

TEST_CASE("destructive changes are listed in words, each with what it does to indexed data", "[schema-push]") {
    const schema::Schema live =
        wire(R"({"a": {"ty": "variant", "hint": "number"}, "b": {"ty": "variant", "hint": "text"},
        "c": {"ty": "variant", "hint": "boolean"}, "d": {"ty": "enum", "values": ["x"]}})");
    schema::Schema draft = live;
    REQUIRE_FALSE(has_error(schema::delete_key(draft, "a", schema::DeleteMode::soft)));
    REQUIRE_FALSE(has_error(schema::delete_key(draft, "b", schema::DeleteMode::hard)));
    REQUIRE_FALSE(has_error(schema::set_scalar(draft, "c", schema::ScalarHint::varchar)));
    REQUIRE_FALSE(has_error(schema::add_enum_options(draft, "d", {"y"})));
    REQUIRE_FALSE(has_error(schema::set_scalar(draft, "e", schema::ScalarHint::uuid)));
    const schema::Plan plan = schema::make_plan(draft, nullptr, live);
    REQUIRE(plan.changes.size() == 5);
    CHECK(schema::change_words(plan.changes[4]) == "add \"e\": uuid");
    CHECK(schema::change_words(plan.changes[3]) == "add options to \"d\": + \"y\"");
    CHECK(schema::destructive_consequence(plan.changes[4]).empty());
    CHECK(schema::destructive_changes(plan) ==
          std::vector<std::string>{
              "delete \"a\": number -> soft deleted (can be restored) — data indexed under it may stop being usable "
              "until "
              "the key is restored",
              "delete \"b\": text -> hard deleted (permanent) — Encord stops indexing the key, and it can never be "
              "restored nor its name used again",
              "change \"c\": boolean -> varchar — values already indexed under it may no longer fit its new type",
          });
}

TEST_CASE("RFC 3339 times in UTC, whole seconds", "[schema-push]") {
    CHECK(calendar::rfc3339_utc(0) == "1970-01-01T00:00:00Z");
    CHECK(calendar::rfc3339_utc(1549011600) == "2019-02-01T09:00:00Z");
    CHECK(calendar::rfc3339_utc(-1) == "1969-12-31T23:59:59Z");
    CHECK(calendar::rfc3339_utc(calendar::kFourDigitYearsEnd).empty());
}

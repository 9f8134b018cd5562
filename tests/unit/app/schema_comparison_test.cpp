#include "app/schema_comparison.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "schema/mutations.hpp"

using namespace eic;

TEST_CASE("a comparison is the plan a push would carry out, as the CLI prints it", "[app][schema-compare]") {
    schema::Draft draft;
    REQUIRE_FALSE(has_error(schema::set_scalar(draft.schema, "fps", schema::ScalarHint::number)));
    REQUIRE_FALSE(has_error(schema::set_scalar(draft.schema, "when", schema::ScalarHint::datetime)));
    // Encord has fps as a number and a key the draft lacks.
    const app::SchemaComparison c = app::compare_schema(
        draft, R"({"fps": {"ty": "variant", "hint": "number"}, "old": {"ty": "variant", "hint": "text"}})");
    REQUIRE(c.plan);
    CHECK(c.load_errors.empty());
    const auto j = app::comparison_json(c);
    CHECK(j["readable"] == true);
    REQUIRE(j["changes"].is_array());
    std::vector<std::string> keys;
    for (const auto& ch : j["changes"]) keys.push_back(ch["key"].get<std::string>());
    CHECK(std::find(keys.begin(), keys.end(), "when") != keys.end());  // added by the draft
    CHECK(std::find(keys.begin(), keys.end(), "fps") == keys.end());   // the same on both sides
    for (const auto& ch : j["changes"]) {
        CHECK(ch.contains("kind"));
        CHECK(ch.contains("destructive"));
        CHECK(ch.contains("refused"));
    }
    CHECK(j["conflicts"].is_array());
    CHECK(j.contains("post"));
}

TEST_CASE("a file that is not a schema is no plan, with the reasons and their places", "[app][schema-compare]") {
    schema::Draft draft;
    const app::SchemaComparison c = app::compare_schema(draft, "{\"fps\": ");
    CHECK_FALSE(c.plan);
    REQUIRE_FALSE(c.load_errors.empty());
    CHECK(has_error(c.load_errors));
    const auto j = app::comparison_json(c);
    CHECK(j["readable"] == false);
    REQUIRE(j["diagnostics"].is_array());
    REQUIRE_FALSE(j["diagnostics"].empty());
    CHECK(j["diagnostics"][0]["line"] == 1);
    CHECK_FALSE(j.contains("changes"));
}

#include "app/state_summary.hpp"

#include <catch2/catch.hpp>

using eic::app::state_summary;
using eic::app::StateFacts;

TEST_CASE("the state summary names the panel, the manifest's counts, the draft and the last message",
          "[app][state_summary]") {
    StateFacts f;
    f.panel = "Manifest";
    f.manifest = "batch.json";
    f.validated = true;
    f.items = 3000;
    f.errors = 1;
    f.warnings = 2;
    f.schema = "schema.json";
    f.keys = 4;
    f.message = "Validated batch.json";
    CHECK(state_summary(f) ==
          "Manifest panel. Manifest batch.json: 3000 items, 1 error, 2 warnings. Schema draft schema.json: 4 keys. "
          "Last message: Validated batch.json");
}

TEST_CASE("the state summary says what is not there yet", "[app][state_summary]") {
    StateFacts f;
    f.schema = "Untitled schema.eic-schema.json";
    f.schema_unsaved = true;
    f.keys = 1;
    CHECK(state_summary(f) ==
          "No manifest open. Schema draft Untitled schema.eic-schema.json: 1 key, unsaved changes.");
    f.manifest = "m.csv";
    f.validating = true;
    f.validated = true;  // a stale result is not read out while a new one is being made
    CHECK(state_summary(f).rfind("Manifest m.csv: validating. ", 0) == 0);
    f.validating = false;
    f.validated = false;
    CHECK(state_summary(f).rfind("Manifest m.csv. ", 0) == 0);
}

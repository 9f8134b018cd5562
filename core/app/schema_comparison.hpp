// The Schema panel's comparison of the draft with another schema file (treated as what Encord has):
// the plan a push would carry out (schema::make_plan, from the draft's base when it has one), and the
// same plan as JSON (schema::plan_json) that the CLI's `schema diff --output json` and the JS API's
// schemaDiff print, so every surface describes a comparison the same way.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "schema/draft.hpp"
#include "schema/plan.hpp"

namespace eic::app {

struct SchemaComparison {
    Diagnostics load_errors;           // why the other file could not be read (no plan then)
    std::optional<schema::Plan> plan;  // set when it was read
};

SchemaComparison compare_schema(const schema::Draft& draft, std::string_view other_text);

// {"readable": bool} and, when readable, plan_json's {"changes", "remoteChanges", "conflicts", "post"};
// else {"readable": false, "diagnostics": [...]}.
nlohmann::ordered_json comparison_json(const SchemaComparison& comparison);

}  // namespace eic::app

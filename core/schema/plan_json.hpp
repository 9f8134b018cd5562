// A plan as JSON, for the CLI's `schema diff --output json` and the JS API's schemaDiff, so both
// surfaces describe changes the same way. Entries are written in wire form (null when absent).
#pragma once

#include <nlohmann/json.hpp>

#include "schema/plan.hpp"

namespace eic::schema {

// {"key", "kind", "destructive", "refused", "before", "after", "optionsAdded", "summary"}
nlohmann::ordered_json change_json(const Change& change);
// {"key", "base", "draft", "remote", "message"}
nlohmann::ordered_json conflict_json(const Conflict& conflict);
// {"changes": [...], "remoteChanges": [...], "conflicts": [...], "post": <wire map or null>}
nlohmann::ordered_json plan_json(const Plan& plan);

}  // namespace eic::schema

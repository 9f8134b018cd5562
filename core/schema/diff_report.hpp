// "What would pushing B to an Encord that has A change?", computed once for every surface: the CLI's
// `eic schema diff` (text and JSON) and the JS API's schemaDiff. The base is C when given, else B's
// own base, else A (two-way).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema/document.hpp"
#include "schema/plan.hpp"

namespace eic::schema {

struct DiffInput {
    std::string name;  // a path or a label, used in messages and the JSON
    std::string_view text;
};

struct SchemaDiff {
    struct Loaded {
        std::string name;
        SchemaLoad load;
    };
    std::vector<Loaded> inputs;    // A, B, and C when given
    std::optional<Plan> plan;      // nullopt when an input could not be read
    Diagnostics plan_diagnostics;  // located in B
    std::string base_label = "none";
    bool differs = true;  // changes, conflicts, refusals, or unreadable input
};

SchemaDiff diff_schemas(const DiffInput& from, const DiffInput& to, const std::optional<DiffInput>& base);

// {"summary": {from, to, base, changes, destructive, conflicts, errors, warnings, infos},
//  "diagnostics": [... with "file"], "changes", "remoteChanges", "conflicts", "post"}
nlohmann::ordered_json diff_json(const SchemaDiff& diff);

}  // namespace eic::schema

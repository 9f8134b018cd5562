// What pushing a draft to Encord would do. The POST overwrites the whole schema map, so a push must
// start from what Encord has now (remote) and carry over only what the draft changed since its base:
// a key that someone else changed in Encord meanwhile is kept, and a key both sides changed is a
// conflict (except enum options added on both sides, which merge).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "schema/model.hpp"
#include "schema/transition.hpp"

namespace eic::schema {

struct Conflict {
    std::string key;
    std::optional<KeyEntry> base, draft, remote;  // nullopt: absent on that side
    std::string message;
};

struct Plan {
    Schema remote;                       // what Encord has now
    Schema result;                       // remote with the draft's changes: the whole map to POST
    std::vector<Change> changes;         // remote -> result, key order: what the POST does
    std::vector<Change> remote_changes;  // base -> remote: what changed in Encord since the draft's base
    std::vector<Conflict> conflicts;
    // Refusals (transition.hpp) and conflicts (schema.plan.conflict), all errors; pointers are
    // relative to the draft's wire map ("/key").
    Diagnostics diagnostics;

    bool has_changes() const { return !changes.empty(); }
    bool applicable() const { return !has_error(diagnostics); }
};

// `base` is the schema the draft started from; null means "the draft is based on remote" (two-way).
// Keys of the inputs that could not be read must be settled before planning (a caller refuses to plan
// when loading reported errors), since a key missing from the draft reads as a removal.
Plan make_plan(const Schema& draft, const Schema* base, const Schema& remote);

// The exact body to POST to organisation/client-metadata-schema-v2, or nullopt when the plan has
// refusals or conflicts. With no changes it equals remote's map; the SDK posts only when something
// changed, and so should callers (Plan::has_changes).
std::optional<nlohmann::ordered_json> apply_plan(const Plan& plan);

}  // namespace eic::schema

// What happened to one key between two schemas, and whether Encord allows it. The SDK only ever
// mutates a schema through add/set/delete/restore; a change is allowed when some sequence of those
// mutations produces it (encord-client-python, encord/metadata_schema.py):
// - a key created as a scalar (`variant`) may change its hint to any scalar hint;
// - an enum may gain options, never lose or rename one ("Schema key options cannot be deleted"). Encord
//   may list an option twice (the SDK's add_enum_options keeps repeats): listing it once more or less
//   removes no option;
// - enum, embedding, geospatial keys and the server's typed forms never change type;
// - a soft-deleted key comes back with its old type (an enum may then gain options; a deleted
//   scalar may come back as any scalar, as the SDK's set_scalar does);
// - a hard-deleted key never changes again;
// - a key never disappears from the map: the SDK deletes with a tombstone.
// A soft-deleted key may become hard-deleted (restore, then hard delete), although the SDK's
// delete_key refuses to delete a tombstone in one step.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "schema/model.hpp"

namespace eic::schema {

enum class ChangeKind {
    added,            // a new key (possibly born deleted)
    retyped,          // another type or hint
    options_added,    // an enum gained options
    repeats_dropped,  // an enum lists a repeated option fewer times, and lost no option
    deleted_soft,     // now a soft tombstone
    deleted_hard,     // now a hard tombstone
    restored,         // a soft tombstone came back to life
    dropped,          // the key vanished from the map (always refused)
};
const char* change_kind_name(ChangeKind kind);  // "added", "retyped", "options-added", "repeats-dropped", ...

struct Change {
    std::string key;
    ChangeKind kind = ChangeKind::added;
    // Destructive: data already indexed under the key may stop being usable (deletes, type changes).
    bool destructive = false;
    bool refused = false;                   // Encord would not allow it; the refusal is in the diagnostics
    std::optional<KeyEntry> before, after;  // nullopt: the key is absent on that side
    std::vector<std::string> options_added;
    std::string summary;  // one line for people, e.g. "number -> text"
};

struct Transition {
    std::optional<Change> change;  // nullopt when the entries are equal
    Diagnostics refusals;          // errors, pointers relative to the wire map holding `after`
};

// `before`/`after` are null when the key is absent on that side.
Transition classify(const std::string& key, const KeyEntry* before, const KeyEntry* after);

// Every key that differs between two schemas, classified, in key order: what happened from `before` to
// `after` (e.g. in Encord since a draft's base, or since a schema was fetched).
std::vector<Change> changes_between(const Schema& before, const Schema& after);

}  // namespace eic::schema

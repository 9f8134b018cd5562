// The edits a user makes to a schema, with the SDK's semantics (encord-client-python, encord/metadata_schema.py) and
// the stricter rules of key_name.hpp and rules.hpp. Each returns diagnostics instead of throwing: when any is an error,
// the schema is left exactly as it was; otherwise the edit is done (warnings, such as an old type name, may remain).
// Diagnostics point at the key ("/key") in the wire map.
//
// Undo: take a copy of the Schema before calling (O(1), see model.hpp) and put it back to undo.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "schema/model.hpp"
#include "schema/rules.hpp"

namespace eic::schema {

// What adding `key` would be refused for, cheap enough for every keystroke of an "add key" field: the
// key exists (live or deleted, with a hint to restore) or its name breaks a rule (key_name.hpp).
Diagnostics check_new_key(const Schema& schema, const std::string& key);

// The SDK's add_scalar/set_scalar: creates a scalar (`variant`) key, changes the hint of an existing one,
// or re-creates a soft-deleted scalar with any hint. Refused for enum, embedding, geospatial and typed
// keys, for deleted keys of those types, and for hard-deleted keys.
Diagnostics set_scalar(Schema& schema, const std::string& key, ScalarHint hint);
// The same from a type name as typed or read ("varchar", "string", ...), see parse_scalar_name.
Diagnostics set_scalar(Schema& schema, const std::string& key, std::string_view type_name);

// New keys only: refused when the key exists in any form, deleted ones included (restore those).
Diagnostics add_enum(Schema& schema, const std::string& key, std::vector<std::string> options);
Diagnostics add_embedding(Schema& schema, const std::string& key, std::int64_t size, Target target);
Diagnostics add_geospatial(Schema& schema, const std::string& key);

// Adds options to a live enum (kept sorted). Options can never be removed or renamed, so there is no
// mutation for that.
Diagnostics add_enum_options(Schema& schema, const std::string& key, std::vector<std::string> options);

enum class DeleteMode { soft, hard };
// Replaces a live key with a tombstone. Soft keeps the type for restore_key; hard is permanent and
// reserves the name for ever. A tombstone cannot be deleted again (as in the SDK): to hard-delete a
// soft-deleted key, restore it first.
Diagnostics delete_key(Schema& schema, const std::string& key, DeleteMode mode);
// Brings a soft-deleted key back with exactly its deleted type.
Diagnostics restore_key(Schema& schema, const std::string& key);

// Takes a key out of a draft entirely, which is only sound for a key the draft itself added: a key that
// `base` (the schema the draft started from) has must be deleted instead, since a push overwrites the
// whole map and Encord never forgets a key. Not an SDK operation: it undoes an addition made long ago.
Diagnostics discard_key(Schema& schema, const std::string& key, const Schema& base);

}  // namespace eic::schema

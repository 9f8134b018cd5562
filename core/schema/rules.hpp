// The rules a schema must satisfy on its own, whatever it was before (for the rules about changes
// against an earlier schema, see transition.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "schema/model.hpp"

namespace eic::schema {

// Which Encord product a draft is meant for; Active accepts smaller embeddings than Index.
enum class Target { index, active };
const char* target_name(Target target);  // "index" / "active"
std::optional<Target> target_from_name(std::string_view name);

// The SDK refuses 256 or more options (its docstring and message say 256, its check is `>= 256`).
inline constexpr std::size_t max_enum_options = 255;
inline constexpr std::int64_t max_embedding_size = 4096;         // SDK and documentation, Index
inline constexpr std::int64_t max_active_embedding_size = 2000;  // documentation, Active

// A scalar type name as a user or an old file writes it. Accepts the six canonical names and the
// aliases "string" (varchar) and "long_string" (text), each alias with a schema.type.alias warning.
// Anything else adds an error (schema.type.not-scalar for enum/embedding/geospatial, else
// schema.type.unknown) and returns nullopt. Diagnostics carry no place.
std::optional<ScalarHint> parse_scalar_name(std::string_view name, Diagnostics& out);

// The option list of an enum: 1..255 options (repeats count, as in the SDK), no duplicates. `held` is
// the option list Encord already holds for the key (empty for a new key). The SDK's add_enum_options
// appends without removing repeats (encord/metadata_schema.py), so Encord may hold an option twice: a
// repeat `held` has too is only a warning (schema.wire.enum-repeat); one the caller adds is an error
// (schema.enum.duplicate). `key` is only used in messages.
Diagnostics check_enum_options(const std::string& key, const std::vector<std::string>& options,
                               const std::vector<std::string>& held = {});
// An embedding's size: 1..4096, and at most 2000 when the target is Active (an info note otherwise).
Diagnostics check_embedding_size(const std::string& key, std::int64_t size, Target target);

// What Encord is known to hold already, so that the rules where its SDK is looser than its
// documentation (non-ASCII key names, repeated enum options) only warn about it: a wire map checked on
// its own holds itself; a draft's base is what Encord held when the draft started. Whatever the SDK can
// save may be in Encord's map, and calling it an error there would be a false error.
struct Held {
    const Schema* schema = nullptr;         // null: nothing is known to be held (a draft without base)
    std::set<std::string> unreadable_keys;  // held keys whose types could not be read (names still count)

    bool has_key(const std::string& key) const;
    // The options Encord holds for `key` when it holds an enum there (live or soft deleted), else empty.
    const std::vector<std::string>& options_of(const std::string& key) const;
};

// Every key name, every live or soft-deleted type, and keys that differ only by case. Pointers are
// relative to the wire map ("/key", "/key/values", "/key/deleted_ty/size").
Diagnostics check_schema(const Schema& schema, Target target, const Held& held = {});

}  // namespace eic::schema

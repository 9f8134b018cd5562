// Every diagnostic code the schema layer emits. Codes are stable: tools and users match on them, and
// docs/diagnostics.md ("## Schema") explains each. Never rename one; add a new code instead.
#pragma once

#include <vector>

namespace eic::schema::code {

// Key names (key_name.hpp)
inline constexpr const char* key_empty = "schema.key.empty";
inline constexpr const char* key_dollar = "schema.key.dollar";
inline constexpr const char* key_character = "schema.key.character";
inline constexpr const char* key_non_ascii = "schema.key.non-ascii";
inline constexpr const char* key_no_alnum = "schema.key.no-alnum";
inline constexpr const char* key_reserved = "schema.key.reserved";
inline constexpr const char* key_whitespace = "schema.key.whitespace";
inline constexpr const char* key_case_collision = "schema.key.case-collision";

// Key existence and life cycle (mutations.hpp, transition.hpp)
inline constexpr const char* key_exists = "schema.key.exists";
inline constexpr const char* key_not_defined = "schema.key.not-defined";
inline constexpr const char* key_hard_deleted = "schema.key.hard-deleted";
inline constexpr const char* key_deleted_other_type = "schema.key.deleted-other-type";
inline constexpr const char* key_already_deleted = "schema.key.already-deleted";
inline constexpr const char* key_not_deleted = "schema.key.not-deleted";
inline constexpr const char* key_dropped = "schema.key.dropped";

// Types
inline constexpr const char* type_alias = "schema.type.alias";
inline constexpr const char* type_unknown = "schema.type.unknown";
inline constexpr const char* type_not_scalar = "schema.type.not-scalar";
inline constexpr const char* type_change = "schema.type.change";

// Enums
inline constexpr const char* enum_not_enum = "schema.enum.not-enum";
inline constexpr const char* enum_empty = "schema.enum.empty";
inline constexpr const char* enum_too_many = "schema.enum.too-many";
inline constexpr const char* enum_duplicate = "schema.enum.duplicate";
inline constexpr const char* enum_option_removed = "schema.enum.option-removed";

// Embeddings
inline constexpr const char* embedding_size = "schema.embedding.size";
inline constexpr const char* embedding_active_size = "schema.embedding.active-size";
inline constexpr const char* embedding_index_only = "schema.embedding.index-only";

// The wire map (wire.hpp)
inline constexpr const char* wire_duplicate_key = "schema.wire.duplicate-key";
inline constexpr const char* wire_enum_repeat = "schema.wire.enum-repeat";
inline constexpr const char* wire_not_object = "schema.wire.not-object";
inline constexpr const char* wire_entry = "schema.wire.entry";
inline constexpr const char* wire_missing_field = "schema.wire.missing-field";
inline constexpr const char* wire_unknown_ty = "schema.wire.unknown-ty";
inline constexpr const char* wire_field_value = "schema.wire.field-value";
inline constexpr const char* wire_unknown_field = "schema.wire.unknown-field";
inline constexpr const char* wire_legacy = "schema.wire.legacy";
inline constexpr const char* wire_legacy_incomplete = "schema.wire.legacy-incomplete";

// The draft file (draft.hpp)
inline constexpr const char* draft_format = "schema.draft.format";
inline constexpr const char* draft_version = "schema.draft.version";
inline constexpr const char* draft_target = "schema.draft.target";
inline constexpr const char* draft_field = "schema.draft.field";
inline constexpr const char* draft_note_orphan = "schema.draft.note-orphan";

// Plans (plan.hpp)
inline constexpr const char* plan_conflict = "schema.plan.conflict";

// All of the above, for the documentation check and SARIF rule lists.
inline const std::vector<const char*>& all() {
    static const std::vector<const char*> codes = {key_empty,
                                                   key_dollar,
                                                   key_character,
                                                   key_non_ascii,
                                                   key_no_alnum,
                                                   key_reserved,
                                                   key_whitespace,
                                                   key_case_collision,
                                                   key_exists,
                                                   key_not_defined,
                                                   key_hard_deleted,
                                                   key_deleted_other_type,
                                                   key_already_deleted,
                                                   key_not_deleted,
                                                   key_dropped,
                                                   type_alias,
                                                   type_unknown,
                                                   type_not_scalar,
                                                   type_change,
                                                   enum_not_enum,
                                                   enum_empty,
                                                   enum_too_many,
                                                   enum_duplicate,
                                                   enum_option_removed,
                                                   embedding_size,
                                                   embedding_active_size,
                                                   embedding_index_only,
                                                   wire_duplicate_key,
                                                   wire_enum_repeat,
                                                   wire_not_object,
                                                   wire_entry,
                                                   wire_missing_field,
                                                   wire_unknown_ty,
                                                   wire_field_value,
                                                   wire_unknown_field,
                                                   wire_legacy,
                                                   wire_legacy_incomplete,
                                                   draft_format,
                                                   draft_version,
                                                   draft_target,
                                                   draft_field,
                                                   draft_note_orphan,
                                                   plan_conflict};
    return codes;
}

}  // namespace eic::schema::code

// The scalar a key holds, however its type is written: the SDK's `variant` with a hint, or one of the
// typed models (number, varchar, text, boolean, datetime, uuid) that wire maps may carry
// (encord/metadata_schema.py). One answer for the validator, the editor and the insight views.
#pragma once

#include <optional>

#include "schema/model.hpp"

namespace eic::schema {

// nullopt for keys that are not scalars: enum, embedding, geospatial, user, tombstone.
inline std::optional<ScalarHint> scalar_hint(const KeyType& t) {
    switch (t.kind) {
        case TypeKind::variant:
            return t.hint;
        case TypeKind::number:
            return ScalarHint::number;
        case TypeKind::varchar:
            return ScalarHint::varchar;
        case TypeKind::text:
            return ScalarHint::text;
        case TypeKind::boolean:
            return ScalarHint::boolean;
        case TypeKind::datetime:
            return ScalarHint::datetime;
        case TypeKind::uuid:
            return ScalarHint::uuid;
        default:
            return std::nullopt;
    }
}

}  // namespace eic::schema

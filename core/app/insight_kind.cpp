#include "app/insight_kind.hpp"

#include "schema/rules.hpp"
#include "schema/scalar.hpp"

namespace eic::app {

InsightKind insight_kind(const schema::KeyType& type) {
    if (type.kind == schema::TypeKind::embedding)
        return type.size > 0 && type.size <= schema::max_embedding_size ? InsightKind::embedding : InsightKind::other;
    if (type.kind == schema::TypeKind::enumeration) return InsightKind::category;
    const auto hint = schema::scalar_hint(type);
    if (!hint) return InsightKind::other;  // geospatial, user
    switch (*hint) {
        case schema::ScalarHint::number:
            return InsightKind::number;
        case schema::ScalarHint::boolean:
            return InsightKind::category;
        case schema::ScalarHint::datetime:
            return InsightKind::datetime;
        case schema::ScalarHint::varchar:
        case schema::ScalarHint::text:
        case schema::ScalarHint::uuid:
            return InsightKind::text;
    }
    return InsightKind::other;
}

}  // namespace eic::app

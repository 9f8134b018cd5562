#include "app/insight_kind.hpp"

#include "schema/rules.hpp"

namespace eic::app {

InsightKind insight_kind(const schema::KeyType& type) {
    using schema::ScalarHint;
    using schema::TypeKind;
    switch (type.kind) {
        case TypeKind::embedding:
            return type.size > 0 && type.size <= schema::max_embedding_size ? InsightKind::embedding
                                                                            : InsightKind::other;
        case TypeKind::enumeration:
        case TypeKind::boolean:
            return InsightKind::category;
        case TypeKind::number:
            return InsightKind::number;
        case TypeKind::datetime:
            return InsightKind::datetime;
        case TypeKind::varchar:
        case TypeKind::text:
        case TypeKind::uuid:
            return InsightKind::text;
        case TypeKind::variant:
            switch (type.hint) {
                case ScalarHint::number:
                    return InsightKind::number;
                case ScalarHint::boolean:
                    return InsightKind::category;
                case ScalarHint::datetime:
                    return InsightKind::datetime;
                case ScalarHint::varchar:
                case ScalarHint::text:
                case ScalarHint::uuid:
                    return InsightKind::text;
            }
            return InsightKind::other;
        case TypeKind::geospatial:
        case TypeKind::user:
            return InsightKind::other;
    }
    return InsightKind::other;
}

}  // namespace eic::app

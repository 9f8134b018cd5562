// How the insight views treat a metadata key, by its schema type: which summary it gets (histogram or
// bars), whether it can colour the embedding map, and whether it is an embedding the map can project.
#pragma once

#include "schema/model.hpp"

namespace eic::app {

enum class InsightKind { number, datetime, category, text, embedding, other };

// number: number keys and number variants. datetime: datetime keys and variants. category: enums and
// booleans. text: varchar, text and uuid. embedding: an embedding of a size the validator accepts
// (1..4096); any other size is `other`, like geospatial and user keys, which have no view yet.
InsightKind insight_kind(const schema::KeyType& type);

// Numbers and datetimes are coloured along a ramp, categories by a palette; text has too many values.
inline bool can_colour(InsightKind k) {
    return k == InsightKind::number || k == InsightKind::datetime || k == InsightKind::category;
}

// Numbers and datetimes get a histogram.
inline bool is_numeric(InsightKind k) { return k == InsightKind::number || k == InsightKind::datetime; }

// Every kind but embeddings (the map's) and `other` gets a summary.
inline bool can_summarise(InsightKind k) { return k != InsightKind::embedding && k != InsightKind::other; }

}  // namespace eic::app

// The manifest editor's insight views over an InsightSource (the table): an embedding map (PCA to 2-D,
// drawn by point_map) coloured by a metadata key, with hover and box selection, and per-key summaries
// (histograms, top values, missing share) of the table's filter or of the map's selection.
// Everything is computed when the source's revision or a choice changes, never per frame.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "insight/pca.hpp"
#include "insight/summary.hpp"
#include "ui/insight_source.hpp"
#include "ui/point_map.hpp"

namespace eic::ui {

// How a key is shown: which summary it gets and whether it can colour the map.
enum class InsightKind { number, datetime, category, text, embedding, other };
InsightKind insight_kind(const schema::KeyType& type);

struct InsightLegendEntry {
    std::string label;
    std::uint32_t colour = 0;
    std::uint64_t count = 0;
};

struct KeySummary {
    std::string key;
    std::string type;  // schema::describe(type), for the heading
    InsightKind kind = InsightKind::other;
    insight::Histogram histogram;  // number, datetime
    insight::Bars bars;            // category, text
};

struct InsightView {
    // The user's choices (key names; empty: the first embedding key, no colour, every key).
    std::string embedding_key, colour_key, summary_key;
    bool colour_defaulted = false;  // the first category key was offered as the colour once

    PointMapState map;

    // The projection and what it was computed from.
    std::uint64_t keys_revision = ~0ull;
    std::vector<InsightKey> keys;
    std::uint64_t projected_revision = ~0ull;
    std::string projected_key;
    bool projecting = false;           // shown for a frame before the projection runs
    std::vector<std::uint32_t> units;  // point i stands for unit units[i]
    insight::Projection projection;
    std::size_t missing_embeddings = 0;  // units in the filter without a valid embedding
    double project_ms = 0;

    // Colours, per point, and what they mean.
    std::uint64_t coloured_revision = ~0ull;
    std::string coloured_key;
    InsightKind colour_kind = InsightKind::other;
    std::vector<std::uint32_t> colours;
    std::vector<InsightLegendEntry> legend;     // categories (and "other", "missing")
    std::vector<std::int32_t> colour_category;  // per point: legend index (category colouring)
    std::vector<float> colour_value;            // per point: the value (ramp colouring; NaN = missing)
    double ramp_min = 0, ramp_max = 0;
    std::uint64_t data_revision = 0;  // PointMapData::revision: bumped on any change above

    // The map's selection, as unit ids (ascending): survives a re-projection.
    std::vector<std::uint32_t> selected_units;

    // Hover: the unit under the cursor and its description (asked for once per unit).
    std::optional<std::uint32_t> hovered_unit;
    std::string tooltip;

    // Summaries and what they were computed from.
    std::uint64_t summarised_revision = ~0ull;
    std::vector<std::uint32_t> summarised_selection;
    std::string summarised_key;
    std::size_t summarised_units = 0;
    std::vector<KeySummary> summaries;
};

void draw_insight(InsightSource& source, InsightView& view);

}  // namespace eic::ui

// The manifest editor's insight views over an InsightSource (the table): an embedding map (PCA to 2-D,
// drawn by point_map) coloured by a metadata key, with hover and box selection, and per-key summaries
// (histograms, top values, missing share) of the table's filter or of the map's selection.
// What is shown and when it is recomputed is decided by app::InsightModel (core/app/insight_model.hpp);
// this draws it and hands the user's choices back.
#pragma once

#include "app/insight_model.hpp"
#include "app/insight_source.hpp"
#include "ui/point_map.hpp"

namespace eic::ui {

struct InsightView {
    app::InsightModel model;
    PointMapState map;        // the map widget's view, selection (point indices) and GL objects
    bool projecting = false;  // "Projecting…" was shown for a frame; the projection runs on the next
};

void draw_insight(app::InsightSource& source, InsightView& view);

}  // namespace eic::ui

// What the insight views decide, apart from drawing: which key is the embedding, the colour and the
// summary; when to re-project, recolour and re-summarise (by the source's revision and the choices,
// never per frame); the projection, the colours and their legend, the per-key summaries, the map's
// selection as unit ids, and the hover text. The canvas (wasm/ui/insight_view.cpp) draws what this
// holds and reports the user's choices, box selections and hovers back to it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/insight_kind.hpp"
#include "app/insight_source.hpp"
#include "insight/pca.hpp"
#include "insight/summary.hpp"

namespace eic::app {

struct InsightLegendEntry {
    std::string label;
    std::uint32_t colour = 0;  // packed as in rgba.hpp
    std::uint64_t count = 0;
};

struct KeySummary {
    std::string key;
    std::string type;  // schema::describe(type), for the heading
    InsightKind kind = InsightKind::other;
    insight::Histogram histogram;  // number, datetime
    insight::Bars bars;            // category, text

    std::uint64_t missing() const { return is_numeric(kind) ? histogram.missing : bars.missing; }
    std::uint64_t total() const { return is_numeric(kind) ? histogram.total : bars.total; }
};

// What an update recomputed, so the canvas can follow (refit the map, move its selection).
struct InsightChanges {
    bool projected = false;
    bool recoloured = false;
    bool summarised = false;
};

class InsightModel {
public:
    static constexpr std::size_t kHistogramBins = 24;
    static constexpr std::size_t kSummaryBars = 8;

    // ---- The user's choices, as key names. They are settled by refresh_keys: an embedding key that
    // is missing (or empty) becomes the first embedding key; a colour or summary key that is not
    // offered is cleared (no colour; every key). The first category key is chosen as the colour once,
    // the first time there is an embedding to colour, until the user chooses.
    const std::string& embedding_key() const { return embedding_key_; }
    const std::string& colour_key() const { return colour_key_; }
    const std::string& summary_key() const { return summary_key_; }
    void choose_embedding(std::string name) { embedding_key_ = std::move(name); }
    void choose_colour(std::string name);
    void choose_summary(std::string name) { summary_key_ = std::move(name); }

    // ---- Keys: the source's, read once per revision, and those each choice offers (in key order).
    const std::vector<InsightKey>& keys() const { return keys_; }
    std::vector<const InsightKey*> embedding_keys() const;
    std::vector<const InsightKey*> colour_keys() const;
    std::vector<const InsightKey*> summary_keys() const;

    // ---- Updates. refresh_keys first (every frame: cheap unless the revision changed), then
    // update_map (re-projects, recolours when due), then update_summaries; update() does all three.
    void refresh_keys(const InsightSource& source);
    // The source's revision or the embedding key changed since the last projection: update_map would
    // project, which may take a while (the canvas says so for a frame first).
    bool projection_due(const InsightSource& source) const;
    InsightChanges update_map(InsightSource& source);
    // Re-summarises when the revision, the map's selection or the summary key changed.
    bool update_summaries(InsightSource& source);
    InsightChanges update(InsightSource& source);

    // ---- The projection: point i stands for unit units()[i], at projection().xy[2i], [2i+1].
    const std::vector<std::uint32_t>& units() const { return units_; }
    const insight::Projection& projection() const { return projection_; }
    const std::string& projected_key() const { return projected_key_; }
    std::size_t missing_embeddings() const { return missing_embeddings_; }  // in the filter, without a valid one
    double project_ms() const { return project_ms_; }

    // ---- Colours, one per point, and what they mean. Category colouring: colour_category() holds
    // each point's legend index (the top kColourCategories values, then "other", then "missing").
    // Ramp colouring (numbers, datetimes): colour_value() holds each point's value (NaN: missing) and
    // the legend only "missing", if any.
    const std::string& coloured_key() const { return coloured_key_; }
    InsightKind colour_kind() const { return colour_kind_; }
    bool ramp() const { return !coloured_key_.empty() && is_numeric(colour_kind_); }
    const std::vector<std::uint32_t>& colours() const { return colours_; }
    const std::vector<InsightLegendEntry>& legend() const { return legend_; }
    const std::vector<std::int32_t>& colour_category() const { return colour_category_; }
    const std::vector<float>& colour_value() const { return colour_value_; }
    double ramp_min() const { return ramp_min_; }
    double ramp_max() const { return ramp_max_; }
    // Bumped whenever the points or their colours change: the map uploads them again only then.
    std::uint64_t data_revision() const { return data_revision_; }
    // The point's value of the colour key as the legend or the ramp shows it ("—" when it has none).
    std::string point_value_text(std::uint32_t point) const;

    // ---- The map's selection, kept as unit ids so that it survives a re-projection.
    const std::vector<std::uint32_t>& selected_units() const { return selected_units_; }  // ascending
    // The selected units' points in the current projection, ascending.
    const std::vector<std::uint32_t>& selected_points() const { return selected_points_; }
    // The map selected these points (indices out of range are ignored): tells the source.
    void select_points(InsightSource& source, std::vector<std::uint32_t> points);
    // Drops the selection without telling the source (the source was replaced).
    void forget_selection();

    // ---- Hover: the unit under the cursor and its description, asked of the source once per unit.
    void hover(InsightSource& source, std::optional<std::uint32_t> point);
    const std::optional<std::uint32_t>& hovered_unit() const { return hovered_unit_; }
    const std::string& tooltip() const { return tooltip_; }

    // ---- Summaries of the map's selection when there is one, else of the source's filter.
    const std::vector<KeySummary>& summaries() const { return summaries_; }
    std::size_t summarised_units() const { return summarised_units_; }
    bool summarises_selection() const { return !summarised_selection_.empty(); }

private:
    void settle_choices();
    void project(InsightSource& source);
    void recolour(InsightSource& source);
    void summarise(InsightSource& source);

    std::string embedding_key_, colour_key_, summary_key_;
    bool colour_defaulted_ = false;

    std::uint64_t keys_revision_ = ~0ull;
    std::vector<InsightKey> keys_;

    std::uint64_t projected_revision_ = ~0ull;
    std::string projected_key_;
    std::vector<std::uint32_t> units_;
    insight::Projection projection_;
    std::size_t missing_embeddings_ = 0;
    double project_ms_ = 0;

    std::uint64_t coloured_revision_ = ~0ull;
    std::string coloured_key_;
    InsightKind colour_kind_ = InsightKind::other;
    std::vector<std::uint32_t> colours_;
    std::vector<InsightLegendEntry> legend_;
    std::vector<std::int32_t> colour_category_;
    std::vector<float> colour_value_;
    double ramp_min_ = 0, ramp_max_ = 0;
    std::uint64_t data_revision_ = 0;

    std::vector<std::uint32_t> selected_units_, selected_points_;

    std::optional<std::uint32_t> hovered_unit_;
    std::string tooltip_;

    std::uint64_t summarised_revision_ = ~0ull;
    std::vector<std::uint32_t> summarised_selection_;
    std::string summarised_key_;
    std::size_t summarised_units_ = 0;
    std::vector<KeySummary> summaries_;
};

}  // namespace eic::app

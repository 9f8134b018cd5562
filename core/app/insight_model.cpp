#include "app/insight_model.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "app/insight_colours.hpp"
#include "app/insight_text.hpp"

namespace eic::app {
namespace {

const InsightKey* find_key(const std::vector<InsightKey>& keys, const std::string& name) {
    for (const auto& k : keys)
        if (k.name == name) return &k;
    return nullptr;
}

// The key named `name` if it is one `offered` accepts.
template <class Offered>
const InsightKey* find_offered(const std::vector<InsightKey>& keys, const std::string& name, Offered offered) {
    const InsightKey* k = name.empty() ? nullptr : find_key(keys, name);
    return k && offered(insight_kind(k->type)) ? k : nullptr;
}

template <class Offered>
std::vector<const InsightKey*> offered_keys(const std::vector<InsightKey>& keys, Offered offered) {
    std::vector<const InsightKey*> out;
    for (const auto& k : keys)
        if (offered(insight_kind(k.type))) out.push_back(&k);
    return out;
}

bool is_embedding(InsightKind k) { return k == InsightKind::embedding; }

// Numbers for number keys, seconds since the epoch for datetime keys; one entry per unit.
void numeric_values(InsightSource& source, const InsightKey& key, InsightKind kind,
                    const std::vector<std::uint32_t>& units, std::vector<std::optional<double>>& out) {
    if (kind == InsightKind::number) {
        source.numbers(key.name, units, out);
    } else {
        std::vector<std::optional<std::string>> text;
        source.strings(key.name, units, text);
        out.assign(text.size(), std::nullopt);
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i]) out[i] = insight::datetime_seconds(*text[i]);
    }
    out.resize(units.size());  // a source that answered short leaves the rest missing
}

}  // namespace

void InsightModel::choose_colour(std::string name) {
    colour_key_ = std::move(name);
    colour_defaulted_ = true;  // the user chose: the default must not override it
}

std::vector<const InsightKey*> InsightModel::embedding_keys() const { return offered_keys(keys_, is_embedding); }
std::vector<const InsightKey*> InsightModel::colour_keys() const { return offered_keys(keys_, can_colour); }
std::vector<const InsightKey*> InsightModel::summary_keys() const { return offered_keys(keys_, can_summarise); }

void InsightModel::refresh_keys(const InsightSource& source) {
    if (keys_revision_ != source.revision()) {
        keys_ = source.keys();
        keys_revision_ = source.revision();
    }
    settle_choices();
}

void InsightModel::settle_choices() {
    if (!summary_key_.empty() && !find_offered(keys_, summary_key_, can_summarise)) summary_key_.clear();
    const auto embeddings = embedding_keys();
    if (embeddings.empty()) return;  // nothing to map: the colour default waits for an embedding
    if (!find_offered(keys_, embedding_key_, is_embedding)) embedding_key_ = embeddings[0]->name;
    if (!colour_defaulted_) {  // colour by the first enum or boolean until the user chooses
        colour_defaulted_ = true;
        for (const auto& k : keys_)
            if (insight_kind(k.type) == InsightKind::category) {
                colour_key_ = k.name;
                break;
            }
    }
    if (!colour_key_.empty() && !find_offered(keys_, colour_key_, can_colour)) colour_key_.clear();
}

bool InsightModel::projection_due(const InsightSource& source) const {
    return projected_revision_ != source.revision() || projected_key_ != embedding_key_;
}

InsightChanges InsightModel::update_map(InsightSource& source) {
    InsightChanges c;
    if (projection_due(source)) {
        project(source);
        c.projected = true;
    }
    if (c.projected || coloured_revision_ != source.revision() || coloured_key_ != colour_key_) {
        recolour(source);
        c.recoloured = true;
    }
    return c;
}

bool InsightModel::update_summaries(InsightSource& source) {
    if (summarised_revision_ == source.revision() && summarised_selection_ == selected_units_ &&
        summarised_key_ == summary_key_)
        return false;
    summarise(source);
    return true;
}

InsightChanges InsightModel::update(InsightSource& source) {
    refresh_keys(source);
    InsightChanges c = update_map(source);
    c.summarised = update_summaries(source);
    return c;
}

void InsightModel::project(InsightSource& source) {
    const auto t0 = std::chrono::steady_clock::now();
    const InsightKey* key = find_offered(keys_, embedding_key_, is_embedding);
    units_.clear();
    projection_ = insight::Projection{};
    projected_revision_ = source.revision();
    projected_key_ = embedding_key_;
    missing_embeddings_ = 0;
    if (key) {
        std::vector<float> rows;
        const std::size_t dim = (std::size_t)key->type.size;
        source.embeddings(key->name, dim, rows, units_);
        if (rows.size() != units_.size() * dim) {
            projection_.error = "The table gave " + count_text(rows.size()) + " numbers for " +
                                count_text(units_.size()) + " embeddings of " + std::to_string(dim) + ".";
            units_.clear();
        } else {
            projection_ = insight::pca_2d(rows.data(), units_.size(), dim);
            if (!projection_.ok) units_.clear();
        }
        const std::size_t filtered = source.unit_count();
        missing_embeddings_ = filtered > units_.size() ? filtered - units_.size() : 0;
    }
    // The selection is kept by unit: find its units' new points.
    selected_points_.clear();
    if (!selected_units_.empty()) {
        std::unordered_map<std::uint32_t, std::uint32_t> point_of;
        point_of.reserve(units_.size());
        for (std::uint32_t i = 0; i < units_.size(); ++i) point_of.emplace(units_[i], i);
        for (std::uint32_t u : selected_units_)
            if (auto it = point_of.find(u); it != point_of.end()) selected_points_.push_back(it->second);
        std::sort(selected_points_.begin(), selected_points_.end());
    }
    hovered_unit_.reset();
    ++data_revision_;
    project_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

void InsightModel::recolour(InsightSource& source) {
    const InsightKey* key = find_offered(keys_, colour_key_, can_colour);
    coloured_revision_ = source.revision();
    coloured_key_ = key ? key->name : "";
    colour_kind_ = key ? insight_kind(key->type) : InsightKind::other;
    legend_.clear();
    colour_category_.clear();
    colour_value_.clear();
    hovered_unit_.reset();  // the tooltip names the colour key's value
    const std::size_t n = units_.size();
    const std::uint32_t alpha = point_alpha(n);
    colours_.assign(n, with_alpha(kUncolouredColour, alpha));
    if (key && colour_kind_ == InsightKind::category) {
        std::vector<std::optional<std::string>> values;
        source.strings(key->name, units_, values);
        values.resize(n);
        const insight::Bars bars = insight::bar_counts(values, kColourCategories);
        std::unordered_map<std::string, std::int32_t> slot;
        for (const auto& [label, count] : bars.bars) {
            slot.emplace(label, (std::int32_t)legend_.size());
            legend_.push_back({label.empty() ? "(empty)" : label, kCategoryPalette[legend_.size()], count});
        }
        const std::int32_t other = (std::int32_t)legend_.size();
        if (bars.other) legend_.push_back({"other", kOtherColour, bars.other});
        const std::int32_t missing = (std::int32_t)legend_.size();
        if (bars.missing) legend_.push_back({"missing", kMissingColour, bars.missing});
        colour_category_.assign(n, missing);
        for (std::size_t i = 0; i < n; ++i) {
            if (!values[i]) continue;
            auto it = slot.find(*values[i]);
            colour_category_[i] = it != slot.end() ? it->second : other;
        }
        for (std::size_t i = 0; i < n; ++i) colours_[i] = with_alpha(legend_[colour_category_[i]].colour, alpha);
    } else if (key && is_numeric(colour_kind_)) {
        std::vector<std::optional<double>> values;
        numeric_values(source, *key, colour_kind_, units_, values);
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (const auto& v : values)
            if (v && std::isfinite(*v)) lo = std::min(lo, *v), hi = std::max(hi, *v);
        ramp_min_ = std::isfinite(lo) ? lo : 0;
        ramp_max_ = std::isfinite(hi) ? hi : 0;
        const double span = ramp_max_ - ramp_min_;
        colour_value_.assign(n, std::numeric_limits<float>::quiet_NaN());
        std::uint64_t missing = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (!values[i] || !std::isfinite(*values[i])) {
                colours_[i] = with_alpha(kMissingColour, alpha / 2);  // missing points recede
                ++missing;
                continue;
            }
            colour_value_[i] = (float)*values[i];
            colours_[i] = with_alpha(ramp_colour(span > 0 ? (float)((*values[i] - ramp_min_) / span) : 0.5f), alpha);
        }
        if (missing) legend_.push_back({"missing", kMissingColour, missing});
    }
    ++data_revision_;
}

std::string InsightModel::point_value_text(std::uint32_t point) const {
    if (point < colour_category_.size()) return legend_[colour_category_[point]].label;
    if (point < colour_value_.size()) return value_text(colour_value_[point], colour_kind_, ramp_max_ - ramp_min_);
    return "—";
}

void InsightModel::select_points(InsightSource& source, std::vector<std::uint32_t> points) {
    points.erase(std::remove_if(points.begin(), points.end(), [&](std::uint32_t i) { return i >= units_.size(); }),
                 points.end());
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());
    selected_units_.clear();
    for (std::uint32_t i : points) selected_units_.push_back(units_[i]);
    std::sort(selected_units_.begin(), selected_units_.end());
    selected_points_ = std::move(points);
    source.select_units(selected_units_);
}

void InsightModel::forget_selection() {
    selected_units_.clear();
    selected_points_.clear();
}

void InsightModel::hover(InsightSource& source, std::optional<std::uint32_t> point) {
    if (!point || *point >= units_.size()) {
        hovered_unit_.reset();
        return;
    }
    const std::uint32_t unit = units_[*point];
    if (hovered_unit_ == unit) return;
    hovered_unit_ = unit;
    tooltip_ = source.describe(unit);
    if (!coloured_key_.empty()) tooltip_ += "\n" + coloured_key_ + ": " + point_value_text(*point);
}

void InsightModel::summarise(InsightSource& source) {
    summarised_revision_ = source.revision();
    summarised_selection_ = selected_units_;
    summarised_key_ = summary_key_;
    summaries_.clear();
    const std::vector<std::uint32_t> units = selected_units_.empty() ? source.filtered_units() : selected_units_;
    summarised_units_ = units.size();
    for (const auto& key : keys_) {
        if (!summary_key_.empty() && key.name != summary_key_) continue;
        KeySummary s{key.name, schema::describe(key.type), insight_kind(key.type), {}, {}};
        if (is_numeric(s.kind)) {
            std::vector<std::optional<double>> values;
            numeric_values(source, key, s.kind, units, values);
            s.histogram = insight::histogram(values, kHistogramBins);
        } else if (s.kind == InsightKind::category || s.kind == InsightKind::text) {
            std::vector<std::optional<std::string>> values;
            source.strings(key.name, units, values);
            values.resize(units.size());
            s.bars = insight::bar_counts(values, kSummaryBars);
        } else {
            continue;  // embeddings are the map's; geospatial and user keys have no summary yet
        }
        summaries_.push_back(std::move(s));
    }
}

}  // namespace eic::app

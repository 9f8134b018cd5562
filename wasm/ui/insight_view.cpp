#include "ui/insight_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <limits>
#include <unordered_map>

#include "ui/widgets.hpp"

namespace eic::ui {
namespace {

constexpr std::size_t kHistogramBins = 24;
constexpr std::size_t kSummaryBars = 8;
constexpr std::size_t kColourCategories = 9;  // the palette's size; the rest share "other"

// Tableau 10's first nine: distinct hues of similar weight that read on dark and light backgrounds.
constexpr std::uint32_t kPalette[kColourCategories] = {
    IM_COL32(0x4E, 0x79, 0xA7, 255), IM_COL32(0xF2, 0x8E, 0x2B, 255), IM_COL32(0xE1, 0x57, 0x59, 255),
    IM_COL32(0x76, 0xB7, 0xB2, 255), IM_COL32(0x59, 0xA1, 0x4F, 255), IM_COL32(0xED, 0xC9, 0x48, 255),
    IM_COL32(0xB0, 0x7A, 0xA1, 255), IM_COL32(0xFF, 0x9D, 0xA7, 255), IM_COL32(0x9C, 0x75, 0x5F, 255)};
constexpr std::uint32_t kOtherColour = IM_COL32(0xBA, 0xB0, 0xAC, 255);
constexpr std::uint32_t kMissingColour = IM_COL32(0x80, 0x80, 0x80, 255);
constexpr std::uint32_t kUncolouredColour = IM_COL32(0x4E, 0x79, 0xA7, 255);
// Viridis at five stops: perceptually even, and readable by people with the common colour deficiencies.
constexpr float kRamp[5][3] = {{0.267f, 0.005f, 0.329f},
                               {0.230f, 0.322f, 0.546f},
                               {0.128f, 0.567f, 0.551f},
                               {0.369f, 0.789f, 0.383f},
                               {0.993f, 0.906f, 0.144f}};

std::uint32_t ramp_colour(float t) {
    t = std::clamp(std::isfinite(t) ? t : 0.f, 0.f, 1.f) * 4.f;
    const int i = std::min(3, (int)t);
    const float f = t - (float)i;
    auto mix = [&](int c) { return (int)std::lround(255.f * (kRamp[i][c] + (kRamp[i + 1][c] - kRamp[i][c]) * f)); };
    return IM_COL32(mix(0), mix(1), mix(2), 255);
}

std::uint32_t with_alpha(std::uint32_t c, int alpha) {
    return (c & ~IM_COL32_A_MASK) | ((std::uint32_t)alpha << IM_COL32_A_SHIFT);
}

// "200,000": counts are read at a glance.
std::string count_text(std::uint64_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string value_text(double v, InsightKind kind, double span = 0) {
    if (!std::isfinite(v)) return "—";
    char buf[64];
    if (kind == InsightKind::datetime && v > -6.2e10 && v < 2.5e11) {
        const std::time_t t = (std::time_t)std::floor(v);
        std::tm tm{};
        gmtime_r(&t, &tm);
        // Short spans need the time of day; long ones only the date.
        std::strftime(buf, sizeof buf, span > 3 * 86400 ? "%Y-%m-%d" : "%Y-%m-%d %H:%M", &tm);
        return buf;
    }
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

std::string percent_text(std::uint64_t part, std::uint64_t whole) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", whole ? 100.0 * (double)part / (double)whole : 0.0);
    return buf;
}

const InsightKey* find_key(const std::vector<InsightKey>& keys, const std::string& name) {
    for (const auto& k : keys)
        if (k.name == name) return &k;
    return nullptr;
}

bool can_colour(InsightKind k) {
    return k == InsightKind::number || k == InsightKind::datetime || k == InsightKind::category;
}

// Numbers for number keys, seconds since the epoch for datetime keys.
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

void project(InsightSource& source, InsightView& view, const InsightKey* key) {
    const auto t0 = std::chrono::steady_clock::now();
    view.units.clear();
    view.projection = insight::Projection{};
    view.projected_revision = source.revision();
    view.projected_key = key ? key->name : "";
    view.missing_embeddings = 0;
    if (key) {
        std::vector<float> rows;
        const std::size_t dim = (std::size_t)key->type.size;
        source.embeddings(key->name, dim, rows, view.units);
        if (rows.size() != view.units.size() * dim) {
            view.projection.error = "The table gave " + count_text(rows.size()) + " numbers for " +
                                    count_text(view.units.size()) + " embeddings of " + std::to_string(dim) + ".";
            view.units.clear();
        } else {
            view.projection = insight::pca_2d(rows.data(), view.units.size(), dim);
            if (!view.projection.ok) view.units.clear();
        }
        const std::size_t filtered = source.unit_count();
        view.missing_embeddings = filtered > view.units.size() ? filtered - view.units.size() : 0;
    }
    // The selection is kept by unit: find its units' new points.
    std::unordered_map<std::uint32_t, std::uint32_t> point_of;
    if (!view.selected_units.empty()) {
        point_of.reserve(view.units.size());
        for (std::uint32_t i = 0; i < view.units.size(); ++i) point_of.emplace(view.units[i], i);
    }
    view.map.selected.clear();
    for (std::uint32_t u : view.selected_units)
        if (auto it = point_of.find(u); it != point_of.end()) view.map.selected.push_back(it->second);
    std::sort(view.map.selected.begin(), view.map.selected.end());
    ++view.map.selection_revision;
    view.map.fit_pending = true;
    view.coloured_revision = ~0ull;  // colours follow the points
    view.hovered_unit.reset();
    view.project_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

void recolour(InsightSource& source, InsightView& view, const InsightKey* key) {
    view.coloured_revision = source.revision();
    view.coloured_key = key ? key->name : "";
    view.colour_kind = key ? insight_kind(key->type) : InsightKind::other;
    view.legend.clear();
    view.colour_category.clear();
    view.colour_value.clear();
    const std::size_t n = view.units.size();
    // Dense maps need transparency to show where points pile up (at 200,000 an opaque cluster is a blob).
    const int alpha = n > 150000 ? 80 : n > 50000 ? 120 : n > 5000 ? 180 : 230;
    view.colours.assign(n, with_alpha(kUncolouredColour, alpha));
    if (key && view.colour_kind == InsightKind::category) {
        std::vector<std::optional<std::string>> values;
        source.strings(key->name, view.units, values);
        values.resize(n);
        const insight::Bars bars = insight::bar_counts(values, kColourCategories);
        std::unordered_map<std::string, std::int32_t> slot;
        for (const auto& [label, count] : bars.bars) {
            slot.emplace(label, (std::int32_t)view.legend.size());
            view.legend.push_back({label.empty() ? "(empty)" : label, kPalette[view.legend.size()], count});
        }
        const std::int32_t other = (std::int32_t)view.legend.size();
        if (bars.other) view.legend.push_back({"other", kOtherColour, bars.other});
        const std::int32_t missing = (std::int32_t)view.legend.size();
        if (bars.missing) view.legend.push_back({"missing", kMissingColour, bars.missing});
        view.colour_category.assign(n, missing);
        for (std::size_t i = 0; i < n; ++i) {
            if (!values[i]) continue;
            auto it = slot.find(*values[i]);
            view.colour_category[i] = it != slot.end() ? it->second : other;
        }
        for (std::size_t i = 0; i < n; ++i)
            view.colours[i] = with_alpha(view.legend[view.colour_category[i]].colour, alpha);
    } else if (key && (view.colour_kind == InsightKind::number || view.colour_kind == InsightKind::datetime)) {
        std::vector<std::optional<double>> values;
        numeric_values(source, *key, view.colour_kind, view.units, values);
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (const auto& v : values)
            if (v && std::isfinite(*v)) lo = std::min(lo, *v), hi = std::max(hi, *v);
        view.ramp_min = std::isfinite(lo) ? lo : 0;
        view.ramp_max = std::isfinite(hi) ? hi : 0;
        const double span = view.ramp_max - view.ramp_min;
        view.colour_value.assign(n, std::numeric_limits<float>::quiet_NaN());
        std::uint64_t missing = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (!values[i] || !std::isfinite(*values[i])) {
                view.colours[i] = with_alpha(kMissingColour, alpha / 2);
                ++missing;
                continue;
            }
            view.colour_value[i] = (float)*values[i];
            view.colours[i] =
                with_alpha(ramp_colour(span > 0 ? (float)((*values[i] - view.ramp_min) / span) : 0.5f), alpha);
        }
        if (missing) view.legend.push_back({"missing", kMissingColour, missing});
    }
    ++view.data_revision;
}

void summarise(InsightSource& source, InsightView& view) {
    view.summarised_revision = source.revision();
    view.summarised_selection = view.selected_units;
    view.summarised_key = view.summary_key;
    view.summaries.clear();
    const std::vector<std::uint32_t> units =
        view.selected_units.empty() ? source.filtered_units() : view.selected_units;
    view.summarised_units = units.size();
    for (const auto& key : view.keys) {
        if (!view.summary_key.empty() && key.name != view.summary_key) continue;
        KeySummary s{key.name, schema::describe(key.type), insight_kind(key.type), {}, {}};
        if (s.kind == InsightKind::number || s.kind == InsightKind::datetime) {
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
        view.summaries.push_back(std::move(s));
    }
}

// ---- drawing ---------------------------------------------------------------------------------

// A combo over key names with a first entry that means "none"/"all"; returns true when it changed.
bool key_combo(const char* label, const char* none, const std::vector<const InsightKey*>& options,
               std::string& chosen) {
    std::vector<const char*> items;
    if (none) items.push_back(none);
    int current = 0;
    for (const auto* k : options) {
        if (k->name == chosen) current = (int)items.size();
        items.push_back(k->name.c_str());
    }
    if (items.empty()) return false;
    if (!combo(label, &current, items.data(), (int)items.size())) return false;
    chosen = none && current == 0 ? std::string() : std::string(items[current]);
    return true;
}

void draw_legend(const InsightView& view) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float sw = ImGui::GetTextLineHeight() * 0.7f;
    if (view.colour_kind == InsightKind::number || view.colour_kind == InsightKind::datetime) {
        const double span = view.ramp_max - view.ramp_min;
        ImGui::TextUnformatted(value_text(view.ramp_min, view.colour_kind, span).c_str());
        ImGui::SameLine();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float w = 160.f, h = ImGui::GetTextLineHeight();
        for (int i = 0; i < 32; ++i)
            dl->AddRectFilled(ImVec2(p.x + w * i / 32.f, p.y + 2), ImVec2(p.x + w * (i + 1) / 32.f + 0.5f, p.y + h - 2),
                              ramp_colour((float)i / 31.f));
        ImGui::Dummy(ImVec2(w, h));
        ImGui::SameLine();
        ImGui::TextUnformatted(value_text(view.ramp_max, view.colour_kind, span).c_str());
    }
    bool first = !(view.colour_kind == InsightKind::number || view.colour_kind == InsightKind::datetime);
    for (const auto& e : view.legend) {
        const std::string text = e.label + " (" + count_text(e.count) + ")";
        const float w = sw + 4 + ImGui::CalcTextSize(text.c_str()).x;
        if (!first) {
            ImGui::SameLine();
            if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
        }
        first = false;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float y = p.y + (ImGui::GetTextLineHeight() - sw) * 0.5f;
        dl->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + sw, y + sw), e.colour, 2.f);
        ImGui::Dummy(ImVec2(sw, ImGui::GetTextLineHeight()));
        ImGui::SameLine(0, 4);
        ImGui::TextUnformatted(text.c_str());
    }
}

void draw_tooltip(InsightSource& source, InsightView& view, std::uint32_t point) {
    const std::uint32_t unit = view.units[point];
    if (view.hovered_unit != unit) {
        view.hovered_unit = unit;
        view.tooltip = source.describe(unit);
        if (!view.coloured_key.empty()) {
            std::string value = "—";
            if (point < view.colour_category.size())
                value = view.legend[view.colour_category[point]].label;
            else if (point < view.colour_value.size())
                value = value_text(view.colour_value[point], view.colour_kind, view.ramp_max - view.ramp_min);
            view.tooltip += "\n" + view.coloured_key + ": " + value;
        }
    }
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.f);
    ImGui::TextUnformatted(view.tooltip.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void set_selection(InsightSource& source, InsightView& view) {
    view.selected_units.clear();
    for (std::uint32_t i : view.map.selected)
        if (i < view.units.size()) view.selected_units.push_back(view.units[i]);
    std::sort(view.selected_units.begin(), view.selected_units.end());
    source.select_units(view.selected_units);
}

void draw_map(InsightSource& source, InsightView& view) {
    std::vector<const InsightKey*> embedding_keys, colour_keys;
    for (const auto& k : view.keys) {
        const InsightKind kind = insight_kind(k.type);
        if (kind == InsightKind::embedding) embedding_keys.push_back(&k);
        if (can_colour(kind)) colour_keys.push_back(&k);
    }
    if (embedding_keys.empty()) {
        ImGui::TextWrapped(
            "The schema has no embedding key. Add one (type embedding, with its size) to see the "
            "units on a map.");
        return;
    }
    if (view.embedding_key.empty() || !find_key(view.keys, view.embedding_key))
        view.embedding_key = embedding_keys[0]->name;
    if (!view.colour_defaulted) {  // colour by the first enum or boolean until the user chooses
        view.colour_defaulted = true;
        for (const auto* k : colour_keys)
            if (insight_kind(k->type) == InsightKind::category) {
                view.colour_key = k->name;
                break;
            }
    }
    if (!view.colour_key.empty() && !find_key(view.keys, view.colour_key)) view.colour_key.clear();

    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
    key_combo("Embedding key", nullptr, embedding_keys, view.embedding_key);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
    key_combo("Colour by", "(none)", colour_keys, view.colour_key);

    const InsightKey* embedding = find_key(view.keys, view.embedding_key);
    const std::uint64_t revision = source.revision();
    if (view.projected_revision != revision || view.projected_key != view.embedding_key) {
        // Say so for one frame, then do the work: the user sees why the next frame is slow.
        if (!view.projecting) {
            view.projecting = true;
            ImGui::TextDisabled("Projecting %s units…", count_text(source.unit_count()).c_str());
            return;
        }
        project(source, view, embedding);
        view.projecting = false;
    }
    const InsightKey* colour = view.colour_key.empty() ? nullptr : find_key(view.keys, view.colour_key);
    if (view.coloured_revision != revision || view.coloured_key != view.colour_key) recolour(source, view, colour);

    if (!view.projection.ok && !view.projection.error.empty()) {
        ImGui::TextColored(severity_colour(Severity::error), "The map could not be made: %s",
                           view.projection.error.c_str());
        return;
    }
    ImGui::Text("%s points", count_text(view.units.size()).c_str());
    if (view.missing_embeddings) {
        ImGui::SameLine();
        ImGui::TextDisabled("(%s without a valid %s)", count_text(view.missing_embeddings).c_str(),
                            view.embedding_key.c_str());
    }
    ImGui::SameLine();
    ImGui::TextDisabled("· PCA: %.1f%% + %.1f%% of the variance · %.0f ms", 100.f * view.projection.explained[0],
                        100.f * view.projection.explained[1], view.project_ms);
    if (!view.selected_units.empty()) {
        ImGui::SameLine();
        ImGui::Text("· %s selected", count_text(view.selected_units.size()).c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Clear selection")) {
            view.map.selected.clear();
            ++view.map.selection_revision;
            set_selection(source, view);
        }
    }
    if (!view.legend.empty() || view.colour_kind == InsightKind::number || view.colour_kind == InsightKind::datetime)
        draw_legend(view);

    PointMapData data;
    data.xy = view.projection.xy.data();
    data.colours = view.colours.data();
    data.count = std::min(view.units.size(), view.colours.size());
    data.revision = view.data_revision;
    const PointMapEvents ev = draw_point_map("Embedding map", data, view.map, ImVec2(0, 0));
    if (ev.selection_changed) set_selection(source, view);
    if (ev.hovered && *ev.hovered < view.units.size())
        draw_tooltip(source, view, *ev.hovered);
    else
        view.hovered_unit.reset();
}

void draw_histogram(const KeySummary& s, float width) {
    const auto& h = s.histogram;
    const float height = ImGui::GetTextLineHeight() * 3.5f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + height), ImGui::GetColorU32(ImGuiCol_FrameBg));
    std::uint64_t top = 0;
    for (auto c : h.counts) top = std::max(top, c);
    const std::size_t bins = h.counts.size();
    const float bw = bins ? width / (float)bins : width;
    const ImU32 bar = ImGui::GetColorU32(ImGuiCol_PlotHistogram),
                bar_hot = ImGui::GetColorU32(ImGuiCol_PlotHistogramHovered);
    const float mx = ImGui::GetIO().MousePos.x;
    for (std::size_t b = 0; b < bins && top > 0; ++b) {
        const float x0 = p.x + bw * (float)b, x1 = x0 + std::max(1.f, bw - 1.f);
        const float bh = (height - 2) * (float)h.counts[b] / (float)top;
        const bool hot = hovered && mx >= x0 && mx < x0 + bw;
        if (h.counts[b])
            dl->AddRectFilled(ImVec2(x0, p.y + height - bh), ImVec2(x1, p.y + height), hot ? bar_hot : bar);
        if (hot) {
            const double w = (h.max - h.min) / (double)bins;
            const double span = h.max - h.min;
            ImGui::SetTooltip("%s to %s: %s", value_text(h.min + w * (double)b, s.kind, span).c_str(),
                              value_text(h.min + w * (double)(b + 1), s.kind, span).c_str(),
                              count_text(h.counts[b]).c_str());
        }
    }
    if (h.total > h.missing) {  // the axis: where the first bin starts and the last ends
        const double span = h.max - h.min;
        const std::string lo = value_text(h.min, s.kind, span), hi = value_text(h.max, s.kind, span);
        const ImVec2 q = ImGui::GetCursorScreenPos();
        const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
        dl->AddText(q, dim, lo.c_str());
        dl->AddText(ImVec2(q.x + width - ImGui::CalcTextSize(hi.c_str()).x, q.y), dim, hi.c_str());
        ImGui::Dummy(ImVec2(width, ImGui::GetTextLineHeight()));
    }
}

void draw_bars(const KeySummary& s, float width) {
    const auto& b = s.bars;
    std::uint64_t top = b.other;
    for (const auto& [label, count] : b.bars) top = std::max(top, count);
    const float label_w = width * 0.38f, count_w = ImGui::CalcTextSize("000,000").x,
                bar_w = width - label_w - count_w - 8;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    auto row = [&](const std::string& label, std::uint64_t count, bool dim) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        ImGui::Dummy(ImVec2(width, h));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s: %s", label.c_str(), count_text(count).c_str());
        const ImU32 text = ImGui::GetColorU32(dim ? ImGuiCol_TextDisabled : ImGuiCol_Text);
        dl->PushClipRect(p, ImVec2(p.x + label_w - 4, p.y + h), true);
        dl->AddText(p, text, label.c_str());
        dl->PopClipRect();
        const float w = top ? std::max(1.f, bar_w * (float)count / (float)top) : 0.f;
        dl->AddRectFilled(ImVec2(p.x + label_w, p.y + 2), ImVec2(p.x + label_w + w, p.y + h - 2),
                          ImGui::GetColorU32(dim ? ImGuiCol_FrameBgActive : ImGuiCol_PlotHistogram));
        const std::string c = count_text(count);
        dl->AddText(ImVec2(p.x + width - ImGui::CalcTextSize(c.c_str()).x, p.y), text, c.c_str());
    };
    for (const auto& [label, count] : b.bars) row(label.empty() ? "(empty)" : label, count, false);
    if (b.other) row("other values", b.other, true);
}

void draw_summaries(InsightSource& source, InsightView& view) {
    std::vector<const InsightKey*> keys;
    for (const auto& k : view.keys) {
        const InsightKind kind = insight_kind(k.type);
        if (kind != InsightKind::embedding && kind != InsightKind::other) keys.push_back(&k);
    }
    if (!view.summary_key.empty() && !find_key(view.keys, view.summary_key)) view.summary_key.clear();
    ImGui::SetNextItemWidth(-ImGui::CalcTextSize("Summary of").x - ImGui::GetStyle().ItemInnerSpacing.x);
    key_combo("Summary of", "(every key)", keys, view.summary_key);
    if (view.summarised_revision != source.revision() || view.summarised_selection != view.selected_units ||
        view.summarised_key != view.summary_key)
        summarise(source, view);
    ImGui::TextDisabled("%s %s", count_text(view.summarised_units).c_str(),
                        view.selected_units.empty() ? "units in the table's filter" : "selected on the map");
    if (view.summaries.empty()) ImGui::TextDisabled("No key to summarise.");
    const float width = ImGui::GetContentRegionAvail().x;
    for (const auto& s : view.summaries) {
        ImGui::Separator();
        ImGui::TextUnformatted(s.key.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("%s", s.type.c_str());
        const std::uint64_t missing =
            s.kind == InsightKind::number || s.kind == InsightKind::datetime ? s.histogram.missing : s.bars.missing;
        const std::uint64_t total =
            s.kind == InsightKind::number || s.kind == InsightKind::datetime ? s.histogram.total : s.bars.total;
        // The missing share as a thin bar and a figure: the first thing to check before trusting a chart.
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = 4.f;
        ImGui::Dummy(ImVec2(width, h));
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), ImGui::GetColorU32(ImGuiCol_FrameBg));
        if (total) dl->AddRectFilled(p, ImVec2(p.x + width * (float)missing / (float)total, p.y + h), kMissingColour);
        ImGui::TextDisabled("%s missing (%s of %s)", percent_text(missing, total).c_str(), count_text(missing).c_str(),
                            count_text(total).c_str());
        if (total == missing) continue;
        if (s.kind == InsightKind::number || s.kind == InsightKind::datetime)
            draw_histogram(s, width);
        else
            draw_bars(s, width);
    }
}

}  // namespace

InsightKind insight_kind(const schema::KeyType& type) {
    using schema::ScalarHint;
    using schema::TypeKind;
    switch (type.kind) {
        case TypeKind::embedding:
            return type.size > 0 && type.size <= 4096 ? InsightKind::embedding : InsightKind::other;
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

void draw_insight(InsightSource& source, InsightView& view) {
    if (view.keys_revision != source.revision()) {
        view.keys = source.keys();
        view.keys_revision = source.revision();
    }
    // The map beside the summaries when there is room for both, else one above the other.
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const bool side_by_side = avail.x > 760;
    const ImVec2 map_size =
        side_by_side ? ImVec2(avail.x * 0.64f, avail.y) : ImVec2(avail.x, std::max(320.f, avail.y * 0.6f));
    if (ImGui::BeginChild("insight-map", map_size, false,
                          ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoScrollbar))
        draw_map(source, view);
    ImGui::EndChild();
    if (side_by_side) ImGui::SameLine();
    if (ImGui::BeginChild("insight-summaries", ImVec2(0, side_by_side ? avail.y : 0), true))
        draw_summaries(source, view);
    ImGui::EndChild();
}

}  // namespace eic::ui

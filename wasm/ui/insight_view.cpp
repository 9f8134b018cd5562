#include "ui/insight_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <string>
#include <vector>

#include "app/insight_colours.hpp"
#include "app/insight_text.hpp"
#include "ui/widgets.hpp"

namespace eic::ui {

// The model packs colours itself (core may not include ImGui); they go to ImGui unchanged.
static_assert(app::rgba(0x12, 0x34, 0x56, 0x78) == IM_COL32(0x12, 0x34, 0x56, 0x78),
              "app::rgba must pack colours as IM_COL32 does");

namespace {

using app::count_text;
using app::InsightKey;
using app::InsightKind;
using app::InsightModel;
using app::InsightSource;
using app::KeySummary;
using app::percent_text;
using app::value_text;

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

void draw_legend(const InsightModel& m) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float sw = ImGui::GetTextLineHeight() * 0.7f;
    if (m.ramp()) {
        const double span = m.ramp_max() - m.ramp_min();
        ImGui::TextUnformatted(value_text(m.ramp_min(), m.colour_kind(), span).c_str());
        ImGui::SameLine();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float w = 160.f, h = ImGui::GetTextLineHeight();
        for (int i = 0; i < 32; ++i)
            dl->AddRectFilled(ImVec2(p.x + w * i / 32.f, p.y + 2), ImVec2(p.x + w * (i + 1) / 32.f + 0.5f, p.y + h - 2),
                              app::ramp_colour((float)i / 31.f));
        ImGui::Dummy(ImVec2(w, h));
        ImGui::SameLine();
        ImGui::TextUnformatted(value_text(m.ramp_max(), m.colour_kind(), span).c_str());
    }
    bool first = !m.ramp();
    for (const auto& e : m.legend()) {
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

void draw_tooltip(const InsightModel& m) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.f);
    ImGui::TextUnformatted(m.tooltip().c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// The map's selection (point indices) goes to the model, which tells the table.
void set_selection(InsightSource& source, InsightView& view) { view.model.select_points(source, view.map.selected); }

void draw_map(InsightSource& source, InsightView& view) {
    InsightModel& m = view.model;
    const std::vector<const InsightKey*> embedding_keys = m.embedding_keys(), colour_keys = m.colour_keys();
    if (embedding_keys.empty()) {
        ImGui::TextWrapped(
            "The schema has no embedding key. Add one (type embedding, with its size) to see the "
            "units on a map.");
        return;
    }
    std::string embedding_key = m.embedding_key(), colour_key = m.colour_key();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
    if (key_combo("Embedding key", nullptr, embedding_keys, embedding_key)) m.choose_embedding(embedding_key);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
    if (key_combo("Colour by", "(none)", colour_keys, colour_key)) m.choose_colour(colour_key);

    // Say so for one frame, then do the work: the user sees why the next frame is slow.
    if (m.projection_due(source) && !view.projecting) {
        view.projecting = true;
        ImGui::TextDisabled("Projecting %s units…", count_text(source.unit_count()).c_str());
        return;
    }
    view.projecting = false;
    if (m.update_map(source).projected) {
        view.map.selected = m.selected_points();
        ++view.map.selection_revision;
        view.map.fit_pending = true;
    }

    if (!m.projection().ok && !m.projection().error.empty()) {
        ImGui::TextColored(severity_colour(Severity::error), "The map could not be made: %s",
                           m.projection().error.c_str());
        return;
    }
    // Pieces that wrap as wholes, so a narrow panel keeps Clear selection on screen.
    ImGui::Text("%s point%s", count_text(m.units().size()).c_str(), m.units().size() == 1 ? "" : "s");
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    if (m.missing_embeddings())
        flow_text(("(" + count_text(m.missing_embeddings()) + " without a valid " + m.projected_key() + ")").c_str());
    char pca[128];
    std::snprintf(pca, sizeof pca, "· PCA: %.1f%% + %.1f%% of the variance · %.0f ms",
                  100.f * m.projection().explained[0], 100.f * m.projection().explained[1], m.project_ms());
    flow_text(pca);
    ImGui::PopStyleColor();
    if (!m.selected_units().empty()) {
        flow_text(("· " + count_text(m.selected_units().size()) + " selected").c_str());
        if (flow_small_button("Clear selection")) {
            view.map.selected.clear();
            ++view.map.selection_revision;
            set_selection(source, view);
        }
    }
    if (!m.legend().empty() || m.ramp()) draw_legend(m);

    PointMapData data;
    data.xy = m.projection().xy.data();
    data.colours = m.colours().data();
    data.count = std::min(m.units().size(), m.colours().size());
    data.revision = m.data_revision();
    const PointMapEvents ev = draw_point_map("Embedding map", data, view.map, ImVec2(0, 0));
    if (ev.selection_changed) set_selection(source, view);
    m.hover(source, ev.hovered);
    if (m.hovered_unit()) draw_tooltip(m);
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
    InsightModel& m = view.model;
    std::string summary_key = m.summary_key();
    ImGui::SetNextItemWidth(-FLT_MIN);  // the rest of the line after the label
    if (key_combo("Summary of", "(every key)", m.summary_keys(), summary_key)) m.choose_summary(summary_key);
    m.update_summaries(source);
    const bool one = m.summarised_units() == 1;
    ImGui::TextDisabled("%s %s", count_text(m.summarised_units()).c_str(),
                        m.summarises_selection()
                            ? (one ? "unit selected on the map" : "units selected on the map")
                            : (one ? "unit in the table's filter" : "units in the table's filter"));
    if (m.summaries().empty()) ImGui::TextDisabled("No key to summarise.");
    const float width = ImGui::GetContentRegionAvail().x;
    for (const auto& s : m.summaries()) {
        ImGui::Separator();
        ImGui::TextUnformatted(s.key.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("%s", s.type.c_str());
        const std::uint64_t missing = s.missing(), total = s.total();
        // The missing share as a thin bar and a figure: the first thing to check before trusting a chart.
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = 4.f;
        ImGui::Dummy(ImVec2(width, h));
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), ImGui::GetColorU32(ImGuiCol_FrameBg));
        if (total)
            dl->AddRectFilled(p, ImVec2(p.x + width * (float)missing / (float)total, p.y + h), app::kMissingColour);
        ImGui::TextDisabled("%s missing (%s of %s)", percent_text(missing, total).c_str(), count_text(missing).c_str(),
                            count_text(total).c_str());
        if (total == missing) continue;
        if (app::is_numeric(s.kind))
            draw_histogram(s, width);
        else
            draw_bars(s, width);
    }
}

}  // namespace

void draw_insight(InsightSource& source, InsightView& view) {
    view.model.refresh_keys(source);
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

#include <imgui.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "app/palette.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace eic::ui {
namespace {

// The theme's text colours (app/palette.hpp), where a test checks their contrast on the log's rows.
ImVec4 level_colour(app::LogLevel level, bool dark) {
    const app::Palette& p = app::palette(dark);
    switch (level) {
        case app::LogLevel::debug:
            return ImGui::ColorConvertU32ToFloat4(p.text_muted);
        case app::LogLevel::info:
            return ImGui::ColorConvertU32ToFloat4(p.text);
        case app::LogLevel::warning:
            return ImGui::ColorConvertU32ToFloat4(p.warning);
        case app::LogLevel::error:
            return ImGui::ColorConvertU32ToFloat4(p.error);
    }
    return ImGui::ColorConvertU32ToFloat4(p.text);
}

bool contains_case_insensitive(const std::string& hay, const char* needle) {
    if (!*needle) return true;
    auto lower = [](unsigned char c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; };
    const size_t n = std::strlen(needle);
    for (size_t i = 0; i + n <= hay.size(); ++i) {
        size_t j = 0;
        while (j < n && lower(hay[i + j]) == lower(needle[j])) ++j;
        if (j == n) return true;
    }
    return false;
}

}  // namespace

void draw_log_panel(ShellContext& ctx) {
    LogView& v = ctx.ui.log_view;
    const char* names[4] = {"Debug", "Info", "Warnings", "Errors"};
    for (int l = 0; l < 4; ++l) {
        const std::string label =
            std::string(names[l]) + " (" + std::to_string(ctx.log.count((app::LogLevel)l)) + ")##lvl";
        ImGui::Checkbox(label.c_str(), &v.show[l]);
        ImGui::SameLine();
    }
    ImGui::SetNextItemWidth(std::max(120.f, ImGui::GetContentRegionAvail().x - 300.f));
    input_text("Filter", "text in the message", v.filter, sizeof v.filter);
    ImGui::SameLine();
    if (ImGui::Button("Copy")) ImGui::SetClipboardText(ctx.log.to_text().c_str());
    ImGui::SameLine();
    if (ImGui::Button("Clear")) ctx.log.clear();
    ImGui::SameLine();
    ImGui::Checkbox("Follow", &v.follow);

    std::vector<const app::LogEntry*> rows;
    rows.reserve(ctx.log.entries().size());
    for (const auto& e : ctx.log.entries())
        if (v.show[(int)e.level] && contains_case_insensitive(e.message, v.filter)) rows.push_back(&e);

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
    if (ImGui::BeginTable("log", 3, flags)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Time (s)", ImGuiTableColumnFlags_WidthFixed, 70.f);
        ImGui::TableSetupColumn("Level", ImGuiTableColumnFlags_WidthFixed, 70.f);
        ImGui::TableSetupColumn("Message", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        const bool dark = ctx.ui.dark();
        ImGuiListClipper clipper;
        clipper.Begin((int)rows.size());
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const app::LogEntry& e = *rows[i];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::Text("%8.3f", e.time_s);
                ImGui::TableNextColumn();
                ImGui::TextColored(level_colour(e.level, dark), "%s", app::log_level_name(e.level));
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", e.message.c_str());
            }
        }
        if (v.follow && ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1.f) ImGui::SetScrollHereY(1.f);
        ImGui::EndTable();
    }
}

}  // namespace eic::ui

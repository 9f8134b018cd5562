// The Help windows: the keyboard shortcuts that exist (each handled in the panel named), and every
// finding code explained from the registry docs/diagnostics.md is generated from (core/diag/codes.hpp),
// reachable from a finding's "What is this?".
#include "ui/help.hpp"

#include <imgui.h>

#include <string>

#include "diag/codes.hpp"
#include "ui/widgets.hpp"

namespace eic::ui {
namespace {

struct Shortcut {
    const char* keys;
    const char* where;
    const char* what;
};

// Handled in schema_panel.cpp shortcuts(), manifest_panel.cpp shortcuts(), manifest_findings_view.cpp
// (Ctrl+C), widgets.hpp begin_modal (Escape), and by Dear ImGui itself (text fields, Tab, Ctrl+Tab).
constexpr Shortcut kShortcuts[] = {
    {"Ctrl+Z", "Schema, Manifest", "Undo the last edit of the panel's document"},
    {"Ctrl+Y, Ctrl+Shift+Z", "Schema, Manifest", "Redo"},
    {"Ctrl+S", "Schema", "Save the draft (named after its title until you Save as)"},
    {"Ctrl+O", "Schema, Manifest", "Open a file: a draft or Encord schema map; a manifest in a new tab"},
    {"Ctrl+F", "Schema, Manifest", "Find: the Filter keys field; the table's Search field"},
    {"F8, Shift+F8", "Manifest", "Select the next or previous finding and jump to its cell"},
    {"Ctrl+V", "Schema", "Open a pasted draft or Encord schema map"},
    {"Ctrl+V", "Manifest", "Open a pasted manifest (JSON or CSV text) in a new tab"},
    {"Ctrl+C", "Manifest > Findings", "Copy the selected finding: code, place, message"},
    {"Enter", "text fields", "Apply: add the key, save the file name, set the cell's value"},
    {"Escape", "dialogs", "Close the dialog without doing anything"},
    {"Escape", "text fields", "Undo the typing in the field and leave it"},
    {"Tab, Shift+Tab", "anywhere", "Move to the next or previous control"},
    {"Ctrl+Tab", "anywhere", "Bring the next panel to the front"},
    {"Ctrl+A, Ctrl+C, Ctrl+X", "text fields", "Select all, copy, cut"},
    {"Arrow keys, Space", "anywhere", "Move between controls and press the one in focus"},
};

void draw_shortcuts(HelpView& h) {
    if (!h.shortcuts_open) return;
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 40, 0), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::Begin("Keyboard shortcuts###shortcuts", &h.shortcuts_open,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        if (ImGui::BeginTable("shortcuts", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
            ImGui::TableSetupColumn("Keys", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 10);
            ImGui::TableSetupColumn("Where", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 9);
            ImGui::TableSetupColumn("What", ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableHeadersRow();
            for (const Shortcut& s : kShortcuts) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(s.keys);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(s.where);
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", s.what);
            }
            ImGui::EndTable();
        }
        ImGui::TextDisabled("On a Mac, Cmd works wherever Ctrl is named.");
    }
    ImGui::End();
}

bool matches(const diag::CodeInfo& c, const char* filter) {
    if (!*filter) return true;
    const std::string f = filter;
    return std::string(c.code).find(f) != std::string::npos || std::string(c.explanation).find(f) != std::string::npos;
}

void draw_codes(HelpView& h) {
    if (!h.codes_open) return;
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(em * 52, em * 34), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::Begin("Finding codes###codes", &h.codes_open,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::SetNextItemWidth(em * 16);
        input_text("Find", "code or words", h.filter, sizeof h.filter);
        ImGui::SameLine();
        ImGui::TextDisabled("The same texts as docs/diagnostics.md.");
        const float list_w = em * 18;
        if (ImGui::BeginChild("code-list", ImVec2(list_w, 0), true)) {
            const char* section = "";
            for (const diag::CodeInfo& c : diag::all_codes()) {
                if (!matches(c, h.filter)) continue;
                if (std::string(section) != c.section) {
                    section = c.section;
                    ImGui::SeparatorText(section);
                }
                const bool selected = h.code == c.code;
                ImGui::PushStyleColor(ImGuiCol_Text, severity_colour(c.severity));
                if (ImGui::Selectable(c.code, selected)) h.code = c.code;
                ImGui::PopStyleColor();
                if (selected && h.scroll) {
                    ImGui::SetScrollHereY(0.3f);
                    h.scroll = false;
                }
            }
        }
        ImGui::EndChild();
        ImGui::SameLine();
        if (ImGui::BeginChild("code-text", ImVec2(0, 0), true)) {
            const diag::CodeInfo* c = h.code.empty() ? nullptr : diag::find_code(h.code);
            if (!c) {
                ImGui::TextWrapped(h.code.empty() ? "Select a code to read what it means and where its rule comes from."
                                                  : "This code is not in the registry.");
            } else {
                ImGui::TextColored(severity_colour(c->severity), "%s", c->code);
                ImGui::Text("%s%s", severity_name(c->severity),
                            c->severity_varies ? " (or another severity, as the meaning says)" : "");
                ImGui::TextDisabled("%s%s%s", c->section, *c->subsection ? " > " : "", c->subsection);
                ImGui::Separator();
                ImGui::TextWrapped("%s", diag::plain_text(c->explanation).c_str());
                ImGui::Spacing();
                ImGui::TextUnformatted("Source");
                ImGui::TextWrapped("%s", *c->source ? diag::plain_text(c->source).c_str()
                                                    : "None: no public source states this rule, so it is never an "
                                                      "error, only a warning or info.");
            }
        }
        ImGui::EndChild();
    }
    ImGui::End();
}

}  // namespace

void show_code_help(UiState& ui, const std::string& code) {
    ui.help.codes_open = true;
    ui.help.code = code;
    ui.help.filter[0] = 0;
    ui.help.scroll = true;
    ImGui::SetWindowFocus("Finding codes###codes");
}

void draw_help_windows(UiState& ui) {
    draw_shortcuts(ui.help);
    draw_codes(ui.help);
}

}  // namespace eic::ui

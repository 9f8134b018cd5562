// The selected row's editor: which row it is, a cell chosen from the columns and edited with the
// editor its type needs (app::cell_editor decides which), and the row's findings with their quick
// fixes.
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ui/help.hpp"
#include "ui/manifest_views.hpp"
#include "ui/widgets.hpp"

namespace eic::ui {
namespace {

constexpr std::uint32_t kNoUnit = app::ManifestDocument::kNoUnit;

// "Row 12: images" and its Delete button; false when the row is gone (deleted now).
bool row_header(ShellContext& ctx, ManifestTab& tab, std::uint32_t unit, manifest::Collection coll) {
    // The item's own number, as the table's "#" shows it.
    const bool shown = std::find(tab.rows.begin(), tab.rows.end(), unit) != tab.rows.end();
    ImGui::Text("Item %u: %s%s", unit + 1, manifest::collection_key(coll), shown ? "" : " (filtered out of the table)");
    if (flow_small_button("Delete row")) {
        tab.doc->delete_units({unit});
        edited(ctx, tab, "Delete a row");
        tab.selected = kNoUnit;
        return false;
    }
    return true;
}

int resize_string(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* str = static_cast<std::string*>(data->UserData);
        str->resize(std::size_t(data->BufTextLen));
        data->Buf = str->data();
    }
    return 0;
}

// The value editor of one cell; calls commit with the new text.
template <typename Commit>
void value_editor(ManifestTab& tab, const app::Column& col, manifest::Collection coll, Commit commit) {
    const app::CellEditor editor = app::cell_editor(col, coll);
    switch (editor.kind) {
        case app::CellEditor::Kind::options: {
            const auto& values = col.type->values;
            std::vector<const char*> options{"(none)"};
            int current = 0;
            for (std::size_t i = 0; i < values.size(); ++i) {
                options.push_back(values[i].c_str());
                if (values[i] == tab.edit_buffer) current = int(i + 1);
            }
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
            if (combo("Value", &current, options.data(), int(options.size())))
                commit(current == 0 ? "" : values[std::size_t(current - 1)]);
            if (current == 0 && !tab.edit_buffer.empty()) {
                ImGui::SameLine();
                ImGui::TextColored(severity_colour(Severity::error), "\"%s\" is not an option",
                                   tab.edit_buffer.c_str());
            }
            return;
        }
        case app::CellEditor::Kind::checkbox: {
            bool b = tab.edit_buffer == "true";
            if (ImGui::Checkbox("Value", &b)) commit(b ? "true" : "false");
            ImGui::SameLine();
            if (ImGui::SmallButton("Clear")) commit("");
            return;
        }
        case app::CellEditor::Kind::lines:
        case app::CellEditor::Kind::line:
            break;
    }
    std::string& s = tab.edit_buffer;
    s.reserve(s.size() + 1024);
    const bool lines = editor.kind == app::CellEditor::Kind::lines;
    bool enter = false;
    label_before("Value");
    // As wide as the panel leaves beside the label and Apply, up to 30 em.
    const float w =
        std::max(ImGui::GetFontSize() * 8,
                 std::min(ImGui::GetFontSize() * 30,
                          ImGui::GetContentRegionAvail().x - button_width("Apply") - ImGui::GetStyle().ItemSpacing.x));
    if (lines) {
        ImGui::InputTextMultiline("##Value", s.data(), s.capacity() + 1, ImVec2(w, ImGui::GetFontSize() * 4),
                                  ImGuiInputTextFlags_CallbackResize, resize_string, &s);
    } else {
        ImGui::SetNextItemWidth(w);
        enter = ImGui::InputTextWithHint("##Value", editor.placeholder, s.data(), s.capacity() + 1,
                                         ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_EnterReturnsTrue,
                                         resize_string, &s);
    }
    web::debug_items_name_last("Value");
    ImGui::SameLine();
    if (ImGui::Button("Apply") || enter) commit(tab.edit_buffer);
}

// The row's findings, each with its quick fix where one is safe.
void row_findings(ShellContext& ctx, ManifestTab& tab, std::uint32_t unit) {
    app::ManifestDocument& doc = *tab.doc;
    const auto findings = doc.findings_of(unit);  // copied: a fix changes the list
    for (std::uint32_t i : findings) {
        const Diagnostic& d = doc.result()->diagnostics[i];
        ImGui::PushID(int(i));
        // The code and its fix on one line, the message wrapped under them: a fix after a wrapped
        // message ran off the panel's edge.
        ImGui::TextColored(severity_colour(d.severity), "%s", d.code.c_str());
        const std::string fix = doc.fix_label(i);
        bool applied = false;
        if (!fix.empty()) applied = flow_small_button(("Fix: " + fix).c_str());
        if (flow_small_button("What is this?")) show_code_help(ctx.ui, d.code);
        ImGui::Indent();
        ImGui::TextWrapped("%s", d.message.c_str());
        ImGui::Unindent();
        if (applied) {
            doc.apply_fix(i);
            edited(ctx, tab, fix);
        }
        ImGui::PopID();
        if (applied) break;
    }
}

}  // namespace

void draw_row_editor(ShellContext& ctx, ManifestTab& tab) {
    app::ManifestDocument& doc = *tab.doc;
    const std::uint32_t unit = tab.selected;
    if (unit == kNoUnit || unit >= doc.units().size() || doc.units().unit(unit).deleted) {
        ImGui::TextDisabled("Select a row to edit it; a finding's Jump brings you to its cell.");
        return;
    }
    const manifest::Item* item = doc.item(unit);
    const manifest::Collection coll = doc.units().unit(unit).collection;
    if (!row_header(ctx, tab, unit, coll)) return;
    if (!item) {
        ImGui::TextDisabled("This row's item cannot be read.");
        return;
    }
    const int col_index = int(app::editable_column(tab.columns, tab.selected_column));
    const app::Column& col = tab.columns[std::size_t(col_index)];
    if (tab.edit_unit != unit || tab.edit_column != col_index) {
        tab.edit_unit = unit;
        tab.edit_column = col_index;
        tab.edit_buffer = app::cell_edit_text(*item, coll, col);
        tab.edit_error.clear();
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    std::vector<const char*> labels;
    for (const auto& c : tab.columns) labels.push_back(c.label.c_str());
    int pick = col_index;
    if (combo("Cell", &pick, labels.data(), int(labels.size())) && pick != col_index) {
        tab.selected_column = pick;
        return;
    }
    ImGui::SameLine();
    value_editor(tab, col, coll, [&](const std::string& text) {
        tab.edit_error = doc.set_cell(unit, col, text);
        if (tab.edit_error.empty()) edited(ctx, tab, "Edit " + col.label);
    });
    if (!tab.edit_error.empty()) ImGui::TextColored(severity_colour(Severity::error), "%s", tab.edit_error.c_str());
    row_findings(ctx, tab, unit);
}

}  // namespace eic::ui

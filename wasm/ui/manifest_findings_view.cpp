// The findings of a tab, grouped by code with counts: each entry jumps to its row and cell, offers
// its quick fix, and shows the source line with the place marked.
#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <utility>

#include "app/cloud_checks.hpp"
#include "app/finding_excerpt.hpp"
#include "ui/help.hpp"
#include "ui/manifest_views.hpp"
#include "ui/widgets.hpp"

namespace eic::ui {
namespace {

constexpr std::size_t kListedPerCode = 2000;

// The excerpt is computed in core (app/finding_excerpt.hpp); the tab caches it per finding and revision.
void build_excerpt(ManifestTab& tab, const Diagnostic& d) {
    const auto& text = tab.doc->validated_text();
    app::FindingExcerpt e = text ? app::finding_excerpt(*text, d) : app::FindingExcerpt{};
    tab.excerpt = std::move(e.lines);
    tab.excerpt_mark = e.mark;
}

// The item a finding is on, numbered as the table's "#" (the unit + 1); none for findings outside items.
std::optional<std::uint64_t> item_number(const app::ManifestDocument& doc, std::size_t i) {
    const std::uint32_t unit = doc.unit_of(i);
    if (unit == app::ManifestDocument::kNoUnit) return std::nullopt;
    return std::uint64_t(unit) + 1;
}

std::string copy_text(const app::ManifestDocument& doc, std::size_t i) {
    return app::finding_copy_text(doc.result()->diagnostics[i], item_number(doc, i));
}

std::string copy_group(const app::ManifestDocument& doc, const std::vector<std::uint32_t>& idx) {
    std::string out;
    for (std::uint32_t i : idx) out += copy_text(doc, i) + "\n";
    return out;
}

// Findings from outside validation, placed on rows (app::UnitFinding), grouped by code like the
// validation's; `source` says where they came from ("bucket check"). An entry jumps to its row.
void draw_unit_findings(ShellContext& ctx, ManifestTab& tab, std::vector<app::UnitFinding> findings,
                        const char* source) {
    std::map<std::string, std::vector<app::UnitFinding>> by_code;
    for (app::UnitFinding& f : findings) by_code[f.diagnostic.code].push_back(std::move(f));
    for (const auto& [code, list] : by_code) {
        const std::string id = std::string(source) + ":" + code;
        ImGui::PushStyleColor(ImGuiCol_Text, severity_colour(list.front().diagnostic.severity));
        const bool open =
            ImGui::TreeNodeEx(id.c_str(), ImGuiTreeNodeFlags_AllowOverlap | ImGuiTreeNodeFlags_DefaultOpen,
                              "%s (%zu), %s", code.c_str(), list.size(), source);
        ImGui::PopStyleColor();
        ImGui::PushID(id.c_str());
        same_line_if_fits(small_button_width("What is this?"));
        if (ImGui::SmallButton("What is this?")) show_code_help(ctx.ui, code);
        ImGui::PopID();
        if (!open) continue;
        ImGuiListClipper clipper;
        clipper.Begin(int(std::min(list.size(), kListedPerCode)));
        while (clipper.Step())
            for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
                const app::UnitFinding& f = list[std::size_t(k)];
                ImGui::PushID(k);
                const std::string label =
                    f.whole_check ? f.diagnostic.message
                                  : fmt::format("item {}  {}", std::uint64_t(f.unit) + 1, f.diagnostic.message);
                if (ImGui::Selectable(label.c_str(), false) && !f.whole_check) {
                    tab.selected = f.unit;
                    tab.selected_column = -1;
                    tab.scroll_to_selected = true;
                    tab.pane = ManifestPane::table;
                    tab.pane_requested = true;
                }
                if (!f.whole_check) explain("Show this row in the table.");
                ImGui::PopID();
            }
        if (list.size() > kListedPerCode) ImGui::TextDisabled("… %zu more", list.size() - kListedPerCode);
        ImGui::TreePop();
    }
}

// The tab's bucket check (app/bucket_check.hpp), and the media headers its bucket listing or its last fill
// could not read (app/bucket_import.hpp, app/media_fill.hpp).
void draw_cloud_findings(ShellContext& ctx, ManifestTab& tab) {
    if (const app::BucketCheck* check = web::cloud_checks().of(tab.id))
        draw_unit_findings(ctx, tab, check->findings(), "bucket check");
    if (const auto* placed = web::cloud_checks().import_findings(ctx.workspace, tab.id))
        draw_unit_findings(ctx, tab, *placed, "media headers");
}

}  // namespace

std::string finding_where(const app::ManifestDocument& doc, std::size_t i) {
    return app::finding_where(doc.result()->diagnostics[i], item_number(doc, i));
}

void jump_to_finding(ManifestTab& tab, std::size_t i) {
    const app::ManifestDocument& doc = *tab.doc;
    tab.selected_finding = int(i);
    const std::uint32_t unit = doc.unit_of(i);
    if (unit == app::ManifestDocument::kNoUnit) return;
    tab.selected = unit;
    auto c = app::column_of(doc.result()->diagnostics[i], tab.columns);
    tab.selected_column = c ? int(*c) : -1;
    tab.scroll_to_selected = true;
    tab.pane = ManifestPane::table;
    tab.pane_requested = true;
    // The row must be in the table: clear filters that hide it.
    if (std::find(tab.rows.begin(), tab.rows.end(), unit) == tab.rows.end()) {
        tab.filter = {};
        tab.text_filter[0] = 0;
        tab.type_filter = tab.status_filter = 0;
        tab.rows_dirty = true;
    }
}

void draw_source_excerpt(ManifestTab& tab, std::size_t i) {
    const auto& result = tab.doc->result();
    if (!result || i >= result->diagnostics.size()) return;
    const Diagnostic& d = result->diagnostics[i];
    if (tab.excerpt_finding != int(i) || tab.excerpt_revision != tab.doc->revision()) {
        build_excerpt(tab, d);
        tab.excerpt_finding = int(i);
        tab.excerpt_revision = tab.doc->revision();
    }
    if (tab.excerpt.empty()) {
        ImGui::TextDisabled(
            d.line ? "The source line is not available."
                   : "Found in an edited row: its text is not written yet; the next full pass places it in the file.");
        return;
    }
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    for (const auto& [n, s] : tab.excerpt) {
        const bool here = n == d.line;
        ImGui::TextDisabled("%6u ", n);
        ImGui::SameLine();
        if (!here) {
            ImGui::TextUnformatted(s.c_str());
            continue;
        }
        // The line with the place marked: a caret under the character, and the text after it tinted.
        ImVec2 at = ImGui::GetCursorScreenPos();
        std::string_view line = s;
        std::size_t mark = std::min(tab.excerpt_mark, line.size());
        ImGui::TextUnformatted(line.data(), line.data() + mark);
        ImGui::SameLine();
        ImGui::TextColored(severity_colour(d.severity), "%.*s", int(line.size() - mark), line.data() + mark);
        float x = at.x + ImGui::CalcTextSize(line.data(), line.data() + mark).x;
        float y = at.y + ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddTriangleFilled(ImVec2(x, y - 2), ImVec2(x - 4, y + 5), ImVec2(x + 4, y + 5),
                                                      ImGui::GetColorU32(severity_colour(d.severity)));
        ImGui::Dummy(ImVec2(0, 6));
    }
    ImGui::PopStyleVar();
}

void draw_manifest_findings(ShellContext& ctx, ManifestTab& tab) {
    app::ManifestDocument& doc = *tab.doc;
    const auto& result = doc.result();
    if (!result) {
        ImGui::TextDisabled("Validating…");
        return;
    }
    refresh_rows(ctx, tab);
    const auto& ds = result->diagnostics;
    // Group kept findings by code (file order within a code); counts include those beyond the cap.
    if (tab.groups_revision != doc.revision()) {
        std::map<std::string, std::vector<std::uint32_t>> by_code;
        for (std::uint32_t i = 0; i < ds.size(); ++i) by_code[ds[i].code].push_back(i);
        tab.groups.assign(std::make_move_iterator(by_code.begin()), std::make_move_iterator(by_code.end()));
        tab.group_counts = doc.counts_by_code();
        tab.groups_revision = doc.revision();
    }
    const auto& groups = tab.groups;
    const auto& counts = tab.group_counts;
    const float excerpt_h = ImGui::GetFontSize() * 9;
    if (ImGui::BeginChild("finding-groups",
                          ImVec2(0, std::max(ImGui::GetFontSize() * 6, ImGui::GetContentRegionAvail().y - excerpt_h)),
                          true)) {
        draw_cloud_findings(ctx, tab);
        if (groups.empty()) ImGui::TextDisabled("No findings from validation.");
        for (const auto& [code, idx] : groups) {
            const Severity sev = ds[idx.front()].severity;
            auto total_it = counts.find(code);
            const std::uint64_t total = total_it == counts.end() ? idx.size() : total_it->second;
            ImGui::PushStyleColor(ImGuiCol_Text, severity_colour(sev));
            // Groups start open while there are few of them: the findings are what the user came for.
            // AllowOverlap: the header's click area must leave the buttons after it their clicks.
            // Not spanning the width, so the buttons follow the header's text on its line.
            const ImGuiTreeNodeFlags tf =
                ImGuiTreeNodeFlags_AllowOverlap | (groups.size() <= 6 ? ImGuiTreeNodeFlags_DefaultOpen : 0);
            const bool open = ImGui::TreeNodeEx(code.c_str(), tf, "%s (%llu)", code.c_str(), (unsigned long long)total);
            ImGui::PopStyleColor();
            ImGui::PushID(code.c_str());
            same_line_if_fits(small_button_width("Show rows"));
            if (ImGui::SmallButton("Show rows")) {
                tab.filter.code = code;
                tab.rows_dirty = true;
                tab.pane = ManifestPane::table;
                tab.pane_requested = true;
            }
            explain("Filter the table to the rows with this finding.");
            same_line_if_fits(small_button_width("What is this?"));
            if (ImGui::SmallButton("What is this?")) show_code_help(ctx.ui, code);
            ImGui::PopID();
            if (!open) continue;
            ImGuiListClipper clipper;
            clipper.Begin(int(std::min(idx.size(), kListedPerCode)));
            while (clipper.Step())
                for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
                    const std::uint32_t i = idx[std::size_t(k)];
                    const Diagnostic& d = ds[i];
                    ImGui::PushID(int(i));
                    std::string label = fmt::format("{}  {}", finding_where(doc, i), d.message);
                    if (ImGui::Selectable(label.c_str(), tab.selected_finding == int(i))) tab.selected_finding = int(i);
                    if (ImGui::IsItemHovered() && d.pointer) ImGui::SetTooltip("%s", d.pointer->c_str());
                    if (ImGui::BeginPopupContextItem("finding-menu")) {
                        tab.selected_finding = int(i);
                        if (ImGui::MenuItem("Copy", "Ctrl+C")) ImGui::SetClipboardText(copy_text(doc, i).c_str());
                        if (ImGui::MenuItem("Copy every finding of this code"))
                            ImGui::SetClipboardText(copy_group(doc, idx).c_str());
                        if (ImGui::MenuItem("What is this?")) show_code_help(ctx.ui, d.code);
                        ImGui::EndPopup();
                    }
                    ImGui::PopID();
                }
            if (idx.size() > kListedPerCode)
                ImGui::TextDisabled("… %zu more: use Show rows", idx.size() - kListedPerCode);
            if (total > idx.size())
                ImGui::TextDisabled("%llu more beyond the list's cap were counted",
                                    (unsigned long long)(total - idx.size()));
            ImGui::TreePop();
        }
    }
    ImGui::EndChild();
    // The selected finding: jump, fix, and its place in the source.
    if (tab.selected_finding < 0 || tab.selected_finding >= int(ds.size())) {
        ImGui::TextDisabled("Select a finding to see its place in the source, jump to its cell or fix it.");
        return;
    }
    const std::size_t i = std::size_t(tab.selected_finding);
    const Diagnostic d = ds[i];
    // Ctrl+C copies the selected finding while the list or this pane has focus (a text field's own
    // copy comes first).
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.WantTextInput && (io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed(ImGuiKey_C, false) &&
        ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows))
        ImGui::SetClipboardText(copy_text(doc, i).c_str());
    ImGui::TextColored(severity_colour(d.severity), "%s", d.code.c_str());
    const std::string where = finding_where(doc, i);
    flow_text(where.c_str());
    if (flow_small_button("What is this?")) show_code_help(ctx.ui, d.code);
    const bool has_row = doc.unit_of(i) != app::ManifestDocument::kNoUnit;
    same_line_if_fits(small_button_width("Jump to cell"));
    ImGui::BeginDisabled(!has_row);
    if (ImGui::SmallButton("Jump to cell")) jump_to_finding(tab, i);
    ImGui::EndDisabled();
    const std::string fix = doc.fix_label(i);
    if (!fix.empty()) {
        const std::string label = "Fix: " + fix;
        if (flow_small_button(label.c_str())) {
            doc.apply_fix(i);
            edited(ctx, tab, fix);
            tab.selected_finding = -1;
            return;
        }
    }
    if (flow_small_button("Copy")) ImGui::SetClipboardText(copy_text(doc, i).c_str());
    ImGui::TextWrapped("%s", d.message.c_str());
    draw_source_excerpt(tab, i);
}

}  // namespace eic::ui

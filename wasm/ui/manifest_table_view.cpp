// The table of units: filter bar, a virtualised table (only the rows on screen are read and drawn),
// the selected row's editor with its findings and quick fixes, and bulk edits on the filtered rows.
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <array>

#include "app/cloud_checks.hpp"
#include "app/counted.hpp"
#include "ui/manifest_views.hpp"
#include "ui/widgets.hpp"

namespace eic::ui {
namespace {

using app::ColumnKind;
constexpr std::uint32_t kNoUnit = app::ManifestDocument::kNoUnit;

// "all types", then the collections in kAllCollections order (type_filter - 1 is the collection).
const auto kTypes = [] {
    std::array<const char*, 1 + std::size(manifest::kAllCollections)> t{"all types"};
    for (std::size_t i = 0; i < std::size(manifest::kAllCollections); ++i)
        t[i + 1] = manifest::collection_key(manifest::kAllCollections[i]);
    return t;
}();
const char* const kStatuses[] = {"any status", "with errors", "with warnings", "with errors or warnings",
                                 "without findings"};

void filter_bar(ShellContext& ctx, ManifestTab& tab) {
    bool changed = false;
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(em * 8);
    changed |= combo("Type", &tab.type_filter, kTypes.data(), int(kTypes.size()));
    same_line_if_fits(labelled_width("Status", em * 11));
    ImGui::SetNextItemWidth(em * 11);
    changed |= combo("Status", &tab.status_filter, kStatuses, 5);
    same_line_if_fits(labelled_width("Search", em * 12));
    ImGui::SetNextItemWidth(em * 12);
    if (tab.focus_search) {
        ImGui::SetKeyboardFocusHere();
        tab.focus_search = false;
    }
    changed |= input_text("Search", tab.text_column ? "text in the column" : "text anywhere in the item",
                          tab.text_filter, sizeof tab.text_filter);
    std::vector<const char*> where = {"anywhere"};
    for (std::size_t i = 1; i < tab.columns.size(); ++i) where.push_back(tab.columns[i].label.c_str());  // not Status
    if (tab.text_column >= int(where.size())) tab.text_column = 0;
    same_line_if_fits(labelled_width("in", em * 8));
    ImGui::SetNextItemWidth(em * 8);
    changed |= combo("in", &tab.text_column, where.data(), int(where.size()));
    if (!tab.filter.code.empty()) {
        const std::string label = "code: " + tab.filter.code + " ×";
        if (flow_small_button(label.c_str())) {
            tab.filter.code.clear();
            changed = true;
        }
        explain("Showing the rows with this finding; click to show every row again.");
    }
    if (tab.filter.use_selection) {
        const std::string label = fmt::format("map selection: {} ×", tab.filter.selection.size());
        if (flow_small_button(label.c_str())) {
            tab.filter.use_selection = false;
            tab.filter.selection.clear();
            changed = true;
        }
    }
    if (changed) tab.rows_dirty = true;
    (void)ctx;
}

ImVec4 status_colour(std::uint8_t s) {
    if (s & app::status_error) return severity_colour(Severity::error);
    if (s & app::status_warning) return severity_colour(Severity::warning);
    if (s & app::status_info) return severity_colour(Severity::info);
    return ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
}

const char* status_text(std::uint8_t s) {
    if (s & app::status_error) return "error";
    if (s & app::status_warning) return "warning";
    if (s & app::status_info) return "info";
    return "ok";
}

// The columns a finding of the unit points at, for the cell highlight.
bool cell_has_finding(const app::ManifestDocument& doc, const ManifestTab& tab, std::uint32_t unit, int column) {
    for (std::uint32_t i : doc.findings_of(unit)) {
        auto c = app::column_of(doc.result()->diagnostics[i], tab.columns);
        if (c && int(*c) == column) return true;
    }
    return false;
}

void draw_table(ShellContext& ctx, ManifestTab& tab, float height) {
    app::ManifestDocument& doc = *tab.doc;
    // Dear ImGui's tables hold fewer than IMGUI_TABLE_MAX_COLUMNS columns (imgui_internal.h): a schema with
    // more keys than that shows the first ones here, says so, and still validates and edits every key
    // (the row editor's Cell list has them all).
    const int lead_max = 2;
    const int ncols = std::min(int(tab.columns.size()), IMGUI_TABLE_MAX_COLUMNS - 1 - lead_max);
    if (ncols < int(tab.columns.size()))
        ImGui::TextColored(severity_colour(Severity::warning),
                           "The table shows %d of %zu columns (its most); the row editor's Cell list has every one.",
                           ncols, tab.columns.size());
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Sortable |
                                  ImGuiTableFlags_SortTristate | ImGuiTableFlags_SizingFixedFit |
                                  ImGuiTableFlags_Hideable | ImGuiTableFlags_Reorderable;
    // A bucket check of the tab adds its "Bucket" column after "#": `lead` columns come before the
    // document's own.
    const app::BucketCheck* bucket = web::cloud_checks().of(tab.id);
    const int lead = bucket ? 2 : 1;
    if (!ImGui::BeginTable(bucket ? "units+bucket" : "units", ncols + lead, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(lead + 1, 1);
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupColumn(
        "#", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_NoHide, em * 4);
    if (bucket)
        ImGui::TableSetupColumn("Bucket", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort, em * 7);
    for (int c = 0; c < ncols; ++c) {
        const app::Column& col = tab.columns[std::size_t(c)];
        float w = col.kind == ColumnKind::url      ? em * 16
                  : col.kind == ColumnKind::title  ? em * 10
                  : col.kind == ColumnKind::status ? em * 4.5f
                                                   : em * 8;
        ImGui::TableSetupColumn(col.label.c_str(), ImGuiTableColumnFlags_WidthFixed, w, ImGuiID(c + 1));
    }
    // The headers one by one, to name each for debug.items() (TableHeadersRow reports none).
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < ncols + lead; ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        const char* name = ImGui::TableGetColumnName(c);
        ImGui::PushID(c);
        ImGui::TableHeader(name);
        web::debug_items_name_last(name);
        ImGui::PopID();
    }
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        if (specs->SpecsCount > 0) {
            tab.sort.column = int(specs->Specs[0].ColumnUserID) - 1;
            tab.sort.descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
        } else {
            tab.sort = {};
        }
        specs->SpecsDirty = false;
        tab.rows_dirty = true;
    }
    tab.selected_cell_visible = -1;
    ImGuiListClipper clipper;
    clipper.Begin(int(tab.rows.size()));
    int target = -1;
    if (tab.scroll_to_selected) {
        auto it = std::find(tab.rows.begin(), tab.rows.end(), tab.selected);
        if (it != tab.rows.end()) {
            target = int(it - tab.rows.begin());
            clipper.IncludeItemByIndex(target);
        }
    }
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const std::uint32_t unit = tab.rows[std::size_t(r)];
            const manifest::Item* item = doc.item(unit);
            const manifest::Collection coll = doc.units().unit(unit).collection;
            const std::uint8_t st = doc.status(unit);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(int(unit));
            const bool row_selected = unit == tab.selected;
            // "#" is the item's own number (its unit, in file order), the same under any filter or
            // sort and the number findings name.
            if (ImGui::Selectable(fmt::format("{}", std::uint64_t(unit) + 1).c_str(), row_selected,
                                  ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap)) {
                tab.selected = unit;
                // The row editor opens on the cell clicked ("#" is column 0 of the table).
                const int hovered = ImGui::TableGetHoveredColumn() - lead;
                tab.selected_column = hovered >= 0 && hovered < ncols ? hovered : -1;
            }
            if (r == target) {
                ImGui::SetScrollHereY(0.3f);
                // The cell jumped to comes into view sideways too. Its column may be scrolled out, and
                // then draws nothing to scroll to: scroll to the column's place in the table instead.
                if (tab.selected_column >= 0 && tab.selected_column < ncols) {
                    ImGuiTable* table = ImGui::GetCurrentTable();
                    const ImGuiTableColumn& column = table->Columns[tab.selected_column + lead];
                    ImGui::SetScrollFromPosX(table->InnerWindow,
                                             (column.MinX + column.MaxX) * 0.5f - table->InnerWindow->Pos.x, 0.5f);
                }
                tab.scroll_to_selected = false;
            }
            if (bucket && ImGui::TableNextColumn()) {
                const gcs::ObjectState state = bucket->unit_state(unit);
                if (state == gcs::ObjectState::exists)
                    ImGui::TextUnformatted(app::state_word(state));
                else if (state != gcs::ObjectState::pending)
                    ImGui::TextColored(
                        severity_colour(state == gcs::ObjectState::not_checkable ? Severity::warning : Severity::error),
                        "%s", app::state_word(state));
                else if (bucket->running())
                    ImGui::TextDisabled("…");
            }
            for (int c = 0; c < ncols; ++c) {
                if (!ImGui::TableNextColumn()) continue;
                const app::Column& col = tab.columns[std::size_t(c)];
                if (row_selected && c == tab.selected_column)
                    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImGuiCol_TextSelectedBg));
                else if (st && col.kind != ColumnKind::status && cell_has_finding(doc, tab, unit, c)) {
                    ImVec4 tint = status_colour(st);
                    tint.w = float(current_palette().cell_tint_alpha) / 255.f;
                    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(tint));
                }
                if (col.kind == ColumnKind::status) {
                    ImGui::TextColored(status_colour(st), "%s", status_text(st));
                    continue;
                }
                if (!item) {
                    ImGui::TextDisabled("unreadable");
                    continue;
                }
                if (row_selected && c == tab.selected_column) {
                    // Recorded for tests: where the cell is and how much of it the table shows.
                    const ImGuiTable* table = ImGui::GetCurrentTable();
                    const ImGuiTableColumn& column = table->Columns[c + lead];
                    const ImVec2 at = ImGui::GetCursorScreenPos();
                    const ImRect cell(column.MinX, at.y, column.MaxX, at.y + ImGui::GetTextLineHeight());
                    ImRect shown = cell;
                    shown.ClipWithFull(column.ClipRect);
                    shown.ClipWithFull(table->InnerWindow->ClipRect);
                    tab.selected_cell[0] = cell.Min.x;
                    tab.selected_cell[1] = cell.Min.y;
                    tab.selected_cell[2] = cell.GetWidth();
                    tab.selected_cell[3] = cell.GetHeight();
                    tab.selected_cell_visible =
                        cell.GetArea() > 0
                            ? std::max(0.f, shown.GetWidth()) * std::max(0.f, shown.GetHeight()) / cell.GetArea()
                            : 0.f;
                }
                std::string text = app::cell_text(*item, coll, col);
                if (col.kind == ColumnKind::url) {
                    // URLs share their prefix (scheme, host, bucket): the file name at the end tells
                    // them apart, so a narrow cell keeps the end.
                    text_keeping_end(text, ImGui::GetContentRegionAvail().x);
                } else {
                    if (text.size() > 200) text = text.substr(0, 200) + "…";
                    ImGui::TextUnformatted(text.c_str());
                }
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
    (void)ctx;
}

void bulk_edits(ShellContext& ctx, ManifestTab& tab) {
    app::ManifestDocument& doc = *tab.doc;
    ImGui::Text("Bulk edits on the %s shown", app::counted(tab.rows.size(), "row").c_str());
    std::vector<const char*> names;
    std::vector<int> editable;
    for (std::size_t i = 0; i < tab.columns.size(); ++i) {
        ColumnKind k = tab.columns[i].kind;
        if (k == ColumnKind::metadata || k == ColumnKind::title) {
            names.push_back(tab.columns[i].label.c_str());
            editable.push_back(int(i));
        }
    }
    if (tab.bulk_column >= int(names.size())) tab.bulk_column = 0;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    combo("Set key", &tab.bulk_column, names.data(), int(names.size()));
    same_line_if_fits(labelled_width("to value", ImGui::GetFontSize() * 12));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    input_text("to value", "empty removes it", tab.bulk_value, sizeof tab.bulk_value);
    if (flow_button("Set on shown rows") && !names.empty()) {
        const app::Column& col = tab.columns[std::size_t(editable[std::size_t(tab.bulk_column)])];
        std::string err = doc.bulk_set_cell(tab.rows, col, tab.bulk_value);
        tab.bulk_message = err.empty() ? "Set " + col.label + " on " + app::counted(tab.rows.size(), "row") : err;
        if (err.empty()) edited(ctx, tab, tab.bulk_message);
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    input_text("Find", "in URLs", tab.find, sizeof tab.find);
    same_line_if_fits(labelled_width("Replace with", ImGui::GetFontSize() * 12));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    input_text("Replace with", "", tab.replace, sizeof tab.replace);
    if (flow_button("Replace in URLs") && *tab.find) {
        std::size_t n = doc.bulk_replace_in_urls(tab.rows, tab.find, tab.replace);
        tab.bulk_message = "Replaced in " + app::counted(n, "URL");
        if (n) edited(ctx, tab, tab.bulk_message);
    }
    if (flow_button("Encode whitespace in URLs")) {
        std::size_t n = doc.bulk_encode_url_whitespace(tab.rows);
        tab.bulk_message = "Encoded whitespace in " + app::counted(n, "URL");
        if (n) edited(ctx, tab, tab.bulk_message);
    }
    if (!tab.bulk_message.empty()) ImGui::TextDisabled("%s", tab.bulk_message.c_str());
}

void add_row(ShellContext& ctx, ManifestTab& tab) {
    static const manifest::Collection kinds[] = {manifest::Collection::images, manifest::Collection::videos,
                                                 manifest::Collection::image_groups, manifest::Collection::dicom_series,
                                                 manifest::Collection::audio};
    if (!ImGui::BeginPopup("Add a row")) return;
    for (manifest::Collection c : kinds)
        if (ImGui::MenuItem(manifest::collection_key(c))) {
            std::uint32_t u = tab.doc->add_unit(c);
            if (u != kNoUnit) {
                edited(ctx, tab, std::string("Add a row to ") + manifest::collection_key(c));
                tab.selected = u;
                tab.selected_column = 3;
                tab.scroll_to_selected = true;
                tab.filter = {};
                tab.text_filter[0] = 0;
                tab.type_filter = tab.status_filter = 0;
            }
        }
    ImGui::EndPopup();
}

}  // namespace

void refresh_rows(ShellContext& ctx, ManifestTab& tab) {
    app::ManifestDocument& doc = *tab.doc;
    if (tab.columns_schema_revision != ctx.schema.revision() || tab.columns.empty()) {
        // The columns follow the Schema panel as it is now (the validation may lag behind it).
        tab.columns = app::table_columns(ctx.schema.draft().schema);
        tab.columns_schema_revision = ctx.schema.revision();
        tab.rows_dirty = true;
        if (tab.sort.column >= int(tab.columns.size())) tab.sort = {};
    }
    if (!tab.rows_dirty && tab.rows_revision == doc.revision()) return;
    tab.filter.collection = tab.type_filter - 1;
    tab.filter.status = app::StatusFilter(tab.status_filter);
    tab.filter.text = tab.text_filter;
    tab.filter.text_column =
        tab.text_column == 0 ? -1 : tab.text_column;  // entry k is column k (Status is not offered)
    tab.rows = app::table_rows(doc, tab.columns, tab.filter, tab.sort);
    tab.rows_revision = doc.revision();
    tab.rows_dirty = false;
}

void draw_manifest_table(ShellContext& ctx, ManifestTab& tab) {
    app::ManifestDocument& doc = *tab.doc;
    if (doc.validating() && doc.units().live_count() == 0) {
        ImGui::TextDisabled("Reading the rows while validating…");
        return;
    }
    filter_bar(ctx, tab);
    refresh_rows(ctx, tab);
    const std::string shown = fmt::format("{} of {}", tab.rows.size(), app::counted(doc.units().live_count(), "row"));
    same_line_if_fits(ImGui::CalcTextSize(shown.c_str()).x);
    ImGui::TextDisabled("%s", shown.c_str());
    same_line_if_fits(small_button_width("Add row…"));
    ImGui::BeginDisabled(!doc.editable());
    if (ImGui::SmallButton("Add row…")) ImGui::OpenPopup("Add a row");
    ImGui::EndDisabled();
    add_row(ctx, tab);
    const float editor_h = ImGui::GetFontSize() * 13;  // the bulk edits take five lines at 1280 px
    const float avail = ImGui::GetContentRegionAvail().y;
    draw_table(ctx, tab, std::max(ImGui::GetFontSize() * 6, avail - editor_h));
    if (ImGui::BeginChild("row-editor", ImVec2(0, 0), false)) {
        if (ImGui::BeginTabBar("row-tools")) {
            if (ImGui::BeginTabItem("Row")) {
                ImGui::BeginDisabled(!doc.editable());
                draw_row_editor(ctx, tab);
                ImGui::EndDisabled();
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Bulk edit")) {
                ImGui::BeginDisabled(!doc.editable());
                bulk_edits(ctx, tab);
                ImGui::EndDisabled();
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
    }
    ImGui::EndChild();
}

}  // namespace eic::ui

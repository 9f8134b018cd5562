// What the Manifest panel's views remember of each tab the workspace holds (core/app/manifest_workspace.hpp):
// the filter and sort of its table, the selected row and cell, the cell editor's buffer, the insight
// views' choices; keyed by the workspace's tab id.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/manifest_document.hpp"
#include "app/manifest_export.hpp"
#include "app/manifest_rows.hpp"
#include "app/manifest_workspace.hpp"
#include "ui/insight_view.hpp"

namespace eic::ui {

enum class ManifestPane { table = 0, findings = 1, insight = 2 };

struct ManifestTab {
    app::ManifestDocument* doc = nullptr;  // the workspace tab's document
    app::TabId id = 0;                     // the workspace tab's; names the tab's widgets apart

    // The table: columns follow the schema; rows follow the document, the filter and the sort.
    std::vector<app::Column> columns;
    std::uint64_t columns_schema_revision = ~0ull;
    app::RowFilter filter;
    app::RowSort sort;
    std::vector<std::uint32_t> rows;
    std::uint64_t rows_revision = ~0ull;
    bool rows_dirty = true;
    char text_filter[256] = "";
    int type_filter = 0;    // 0 all, else 1 + manifest::Collection
    int status_filter = 0;  // app::StatusFilter
    int text_column = 0;    // where the search looks: 0 anywhere in the item, else 1 + a column index

    // Selection: a row (unit) and a cell; a jump scrolls to it once.
    std::uint32_t selected = app::ManifestDocument::kNoUnit;
    int selected_column = -1;
    bool scroll_to_selected = false;
    // The selected cell as last drawn (x, y, w, h in CSS pixels) and the share of it the table showed;
    // -1 when it was not drawn (for tests: a jump must bring the cell into view).
    float selected_cell[4] = {0, 0, 0, 0};
    float selected_cell_visible = -1;
    int selected_finding = -1;  // index into the result's diagnostics
    // The findings grouped by code (indexes into the result's diagnostics) with every code's count,
    // for the document revision they were grouped at: a list of 10,000 is not regrouped per frame.
    std::uint64_t groups_revision = ~0ull;
    std::vector<std::pair<std::string, std::vector<std::uint32_t>>> groups;
    std::map<std::string, std::uint64_t> group_counts;

    // The source excerpt of the selected finding (app::finding_excerpt: (line number, text) around its
    // place, and where in the finding's line the place is, in bytes), for the finding and revision it
    // was made for.
    int excerpt_finding = -1;
    std::uint64_t excerpt_revision = ~0ull;
    std::vector<std::pair<std::uint32_t, std::string>> excerpt;
    std::size_t excerpt_mark = 0;
    ManifestPane pane = ManifestPane::table;
    bool pane_requested = false;  // select `pane` in the tab bar on the next frame
    bool focus_search = false;    // Ctrl+F: the table's Search field takes the keys on the next frame

    // The cell editor (the selected cell's text while it is being edited).
    std::string edit_buffer;
    std::uint32_t edit_unit = app::ManifestDocument::kNoUnit;
    int edit_column = -1;
    std::string edit_error;

    // Bulk edits on the filtered rows.
    int bulk_column = 0;
    char bulk_value[1024] = "";
    char find[256] = "";
    char replace[256] = "";
    std::string bulk_message;

    // Export and split. A planned export waits here while the user confirms it (manifest_export.cpp).
    std::optional<app::ExportPlan> export_plan;
    bool export_confirm_request = false;
    int split_profile = 0;  // recommended, enterprise, team, free, max items
    int split_max_items = 1000;
    int split_format = 0;  // 0 JSON, 1 CSV
    bool split_zip = true;

    InsightView insight;
    // The units the insight views see (the filter without the map's selection) and for which state.
    std::uint64_t insight_units_revision = ~0ull;
    std::vector<std::uint32_t> insight_units;
};

struct ManifestTabs {
    std::map<app::TabId, std::unique_ptr<ManifestTab>> views;
    app::TabId shown = 0;          // the tab the tab bar showed in front last
    app::TabId focus_request = 0;  // select this tab in the tab bar (opened, or brought in front by a command)
    app::TabId confirm_close = 0;  // a tab with unsaved edits the user asked to close
    char url[1024] = "";

    // The views of a workspace tab, made on first use.
    ManifestTab& view(app::WorkspaceTab& t) {
        std::unique_ptr<ManifestTab>& v = views[t.id];
        if (!v) {
            v = std::make_unique<ManifestTab>();
            v->id = t.id;
        }
        v->doc = &t.doc;
        return *v;
    }
    const ManifestTab* find(app::TabId id) const {
        auto it = views.find(id);
        return it == views.end() ? nullptr : it->second.get();
    }
};

}  // namespace eic::ui

// The manifests open in the Manifest panel, one tab each, with what each tab's views remember: the
// filter and sort of its table, the selected row and cell, the cell editor's buffer, the insight
// views' choices.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/manifest_document.hpp"
#include "app/manifest_rows.hpp"
#include "ui/insight_view.hpp"

namespace eic::ui {

enum class ManifestPane { table = 0, findings = 1, insight = 2 };

struct ManifestTab {
    std::unique_ptr<app::ManifestDocument> doc = std::make_unique<app::ManifestDocument>();
    std::uint64_t id = 0;  // names the tab's widgets apart from other tabs'

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
    int selected_finding = -1;  // index into the result's diagnostics
    // The findings grouped by code (indexes into the result's diagnostics) with every code's count,
    // for the document revision they were grouped at: a list of 10,000 is not regrouped per frame.
    std::uint64_t groups_revision = ~0ull;
    std::vector<std::pair<std::string, std::vector<std::uint32_t>>> groups;
    std::map<std::string, std::uint64_t> group_counts;

    // The source excerpt of the selected finding: (line number, text) around its place, and where
    // in the middle line the place is (bytes).
    int excerpt_finding = -1;
    std::uint64_t excerpt_revision = ~0ull;
    std::vector<std::pair<std::uint32_t, std::string>> excerpt;
    std::size_t excerpt_mark = 0;
    ManifestPane pane = ManifestPane::table;
    bool pane_requested = false;  // select `pane` in the tab bar on the next frame

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

    // Export and split.
    int split_profile = 0;  // recommended, enterprise, team, free, max items
    int split_max_items = 1000;
    int split_format = 0;  // 0 JSON, 1 CSV
    bool split_zip = true;

    double last_edit_s = -1;  // when the last edit was made: the full pass waits for a pause
    std::uint64_t validated_schema_revision = ~0ull;

    InsightView insight;
    // The units the insight views see (the filter without the map's selection) and for which state.
    std::uint64_t insight_units_revision = ~0ull;
    std::vector<std::uint32_t> insight_units;
};

struct ManifestTabs {
    std::vector<std::unique_ptr<ManifestTab>> tabs;
    int active = -1;
    int focus_request = -1;  // select this tab on the next frame
    int confirm_close = -1;  // a tab with unsaved edits the user asked to close
    std::uint64_t next_id = 1;
    char url[1024] = "";

    ManifestTab* current() {
        return active >= 0 && active < int(tabs.size()) ? tabs[std::size_t(active)].get() : nullptr;
    }
    const ManifestTab* current() const {
        return active >= 0 && active < int(tabs.size()) ? tabs[std::size_t(active)].get() : nullptr;
    }
    ManifestTab& add() {
        tabs.push_back(std::make_unique<ManifestTab>());
        tabs.back()->id = next_id++;
        active = focus_request = int(tabs.size() - 1);
        return *tabs.back();
    }
};

}  // namespace eic::ui

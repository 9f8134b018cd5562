// The Manifest panel's views of one tab, each in its own file: the table (manifest_table_view.cpp),
// the findings grouped by code with the source excerpt (manifest_findings_view.cpp), and the insight
// views over the table (manifest_insight.cpp).
#pragma once

#include <string>

#include "ui/manifest_tabs.hpp"
#include "ui/shell.hpp"

namespace eic::ui {

void draw_manifest_table(ShellContext& ctx, ManifestTab& tab);
void draw_manifest_findings(ShellContext& ctx, ManifestTab& tab);
void draw_manifest_insight(ShellContext& ctx, ManifestTab& tab);
// The selected row (manifest_row_editor.cpp): its cells as editors fitting their types, its findings
// with quick fixes.
void draw_row_editor(ShellContext& ctx, ManifestTab& tab);

// Export of the tab (manifest_export.cpp): the menu's items, and the confirmation asked before a
// download when errors remain or the export changes data; call both from the same ID scope.
void export_menu(ShellContext& ctx, ManifestTab& tab);
void export_dialogs(ShellContext& ctx, ManifestTab& tab);
// Brings the table to a finding's row and cell, selects both and scrolls to them.
void jump_to_finding(ManifestTab& tab, std::size_t diagnostic);
// Notes an edit: the full pass waits for a pause, the rows are recomputed.
void edited(ShellContext& ctx, ManifestTab& tab, const std::string& what);
// Logs what the workspace reported since the last call, and follows it in the views (a closed tab's
// views are dropped, a validated tab's rows recomputed).
void log_workspace_events(ShellContext& ctx);
// "item 12, clientMetadata.fps, 3:17": a finding's item (its number in the table), key and place.
std::string finding_where(const app::ManifestDocument& doc, std::size_t diagnostic);
// The source excerpt around a finding's line, with the place marked.
void draw_source_excerpt(ManifestTab& tab, std::size_t diagnostic);
// Recomputes the rows when the document, the filter or the sort changed.
void refresh_rows(ShellContext& ctx, ManifestTab& tab);

}  // namespace eic::ui

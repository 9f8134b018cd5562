// One function per panel; each draws inside an already-begun window.
#pragma once

#include <string>
#include <string_view>

#include "ui/shell.hpp"

namespace eic::ui {
void draw_schema_panel(ShellContext& ctx);
void draw_manifest_panel(ShellContext& ctx);
void draw_log_panel(ShellContext& ctx);

// The schema file picker, after asking when the draft has unsaved changes (Open…, Ctrl+O, File menu).
void open_schema_file(ShellContext& ctx);
// Schema files arriving from the picker, a drop, a paste or the JS API.
Diagnostics open_schema_text(ShellContext& ctx, const std::string& name, std::string_view text);
void compare_schema_text(ShellContext& ctx, const std::string& name, std::string text);
// A draft from a shared link (app/share_link.hpp) or from File > Open recent: opened, or, over unsaved
// changes, held until the user says whether it replaces them.
enum class DraftOrigin { shared_link, recent };
void offer_schema_draft(ShellContext& ctx, const std::string& name, std::string text, DraftOrigin origin);
// A shared link's draft; `error`: why the page could not read the link (then nothing opens).
void open_shared_schema(ShellContext& ctx, const std::string& name, std::string text, const std::string& error);
// The page's answer to web::share_link: the link, or why it could not be made.
void share_link_made(ShellContext& ctx, const std::string& name, const std::string& link, const std::string& error);
std::string schema_window_title(const ShellContext& ctx);

// The manifests' work outside any panel, so it goes on while the Manifest panel is closed: once a
// frame, steps the validations for the frame budget and starts those the workspace's policy asks for;
// between frames, steps them for `budget_s` and says whether any is still running. Both follow what
// the workspace reports in the Log and the views.
void update_manifests(ShellContext& ctx);
bool work_on_manifests(ShellContext& ctx, double budget_s);
// The manifest at `name` with `bytes` as a new tab in front, validation started.
app::TabId open_manifest_bytes(ShellContext& ctx, const std::string& name, std::string bytes);
}  // namespace eic::ui

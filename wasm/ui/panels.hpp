// One function per panel; each draws inside an already-begun window.
#pragma once

#include <string>
#include <string_view>

#include "ui/shell.hpp"

namespace eic::ui {
void draw_schema_panel(ShellContext& ctx);
void draw_manifest_panel(ShellContext& ctx);
void draw_log_panel(ShellContext& ctx);

// Schema files arriving from the picker, a drop, a paste or the JS API.
Diagnostics open_schema_text(ShellContext& ctx, const std::string& name, std::string_view text);
void compare_schema_text(ShellContext& ctx, const std::string& name, std::string text);
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

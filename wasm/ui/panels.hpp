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
}  // namespace eic::ui

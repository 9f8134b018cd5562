// One function per panel; each draws inside an already-begun window.
#pragma once

#include "ui/shell.hpp"

namespace eic::ui {
void draw_schema_panel(ShellContext& ctx);
void draw_manifest_panel(ShellContext& ctx);
void draw_log_panel(ShellContext& ctx);
}

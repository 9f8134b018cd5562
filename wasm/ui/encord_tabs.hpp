// The tabs of the Encord window (encord_window.cpp), one file each: what the page does with Encord once
// the domain and key are set above them.
#pragma once

#include "ui/shell.hpp"

namespace eic::ui {

void draw_encord_schema_tab(ShellContext& ctx);   // encord_schema_tab.cpp: the live schema
void draw_encord_folders_tab(ShellContext& ctx);  // encord_folders_tab.cpp: integrations, folders, destination
void draw_encord_upload_tab(ShellContext& ctx);   // encord_upload_tab.cpp: upload jobs

}  // namespace eic::ui

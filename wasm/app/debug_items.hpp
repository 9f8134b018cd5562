// Records every widget ImGui submits in a frame (through its test-engine hooks), so browser tests and
// users at the console can find a widget by label and click the centre of its rectangle.
#pragma once
#include <string>

namespace eic::web {
void debug_items_begin_frame();  // call before ImGui::NewFrame
void debug_items_end_frame();    // call after ImGui::Render
std::string debug_items_json();  // the last finished frame's items
// Names the last submitted item, for widgets whose ImGui code reports no label (combos in 1.90).
void debug_items_name_last(const char* label);
}  // namespace eic::web

// Small wrappers over ImGui widgets that need something extra in this app.
#pragma once

#include <imgui.h>

#include "app/debug_items.hpp"
#include "app/palette.hpp"
#include "diag/diagnostic.hpp"

namespace eic::ui {

// ImGui 1.90's Combo reports no label to the test-engine hooks; name it so debug.items() lists it.
// Every option shows without scrolling (ImGui's default list is 8 high: a ninth key type was hidden
// below its edge), up to 20.
inline bool combo(const char* label, int* current, const char* const items[], int count) {
    const bool changed = ImGui::Combo(label, current, items, count, count < 20 ? count : 20);
    web::debug_items_name_last(label);
    return changed;
}

// The palette apply_theme last applied (theme.cpp); the dark one before the first.
const app::Palette& current_palette();

// One colour per severity, shared by every panel that lists findings: the current theme's.
inline ImVec4 severity_colour(Severity s) {
    return ImGui::ColorConvertU32ToFloat4(app::severity_colour(current_palette(), s));
}

}  // namespace eic::ui

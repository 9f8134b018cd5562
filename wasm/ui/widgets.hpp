// Small wrappers over ImGui widgets that need something extra in this app.
#pragma once

#include "app/debug_items.hpp"

#include <imgui.h>

namespace eic::ui {

// ImGui 1.90's Combo reports no label to the test-engine hooks; name it so debug.items() lists it.
inline bool combo(const char* label, int* current, const char* const items[], int count) {
    const bool changed = ImGui::Combo(label, current, items, count);
    web::debug_items_name_last(label);
    return changed;
}

}  // namespace eic::ui

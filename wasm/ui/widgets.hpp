// Small wrappers over ImGui widgets that need something extra in this app.
#pragma once

#include <imgui.h>

#include "app/debug_items.hpp"
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

// One colour per severity, shared by every panel that lists findings (readable on dark and light).
inline ImVec4 severity_colour(Severity s) {
    switch (s) {
        case Severity::error:
            return ImVec4(0.95f, 0.35f, 0.3f, 1);
        case Severity::warning:
            return ImVec4(0.95f, 0.7f, 0.2f, 1);
        case Severity::info:
            return ImVec4(0.45f, 0.65f, 0.95f, 1);
    }
    return ImVec4(1, 1, 1, 1);
}

}  // namespace eic::ui

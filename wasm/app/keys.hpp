// Maps KeyboardEvent.code (layout-independent physical keys) to ImGuiKey.
#pragma once
#include <imgui.h>

namespace eic::web {
ImGuiKey key_from_dom_code(const char* code);
}

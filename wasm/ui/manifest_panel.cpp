#include "ui/panels.hpp"

#include <imgui.h>

namespace eic::ui {

void draw_manifest_panel(ShellContext&) {
    ImGui::TextDisabled("No manifest is open.");
    ImGui::Spacing();
    ImGui::TextWrapped(
        "The units of an import manifest (Encord's JSON or CSV) with every finding "
        "of the validator at its line and column, appear here.");
}

}  // namespace eic::ui

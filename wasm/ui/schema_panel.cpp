#include "ui/panels.hpp"

#include <imgui.h>

namespace eic::ui {

void draw_schema_panel(ShellContext&) {
    ImGui::TextDisabled("No schema draft is open.");
    ImGui::Spacing();
    ImGui::TextWrapped(
        "The organisation's custom metadata schema appears here: keys typed boolean, datetime, number, "
        "uuid, varchar, text, enum, embedding and geospatial, grouped by namespace.");
}

}  // namespace eic::ui

// The default arrangement of the panels, as rectangles in CSS pixels. Pure arithmetic so it is
// tested natively; the canvas applies it until the user moves or resizes a panel.
#pragma once

#include <array>

namespace eic::app {

enum class Panel { schema = 0, manifest = 1, log = 2 };
constexpr int kPanelCount = 3;
const char* panel_title(Panel p);

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
};

// Schema on the left, Manifest on the right, Log across the bottom. Below a minimum width the
// two upper panels stack so neither becomes too narrow to read.
std::array<Rect, kPanelCount> default_layout(float width, float height, float top);

}  // namespace eic::app

// An ImGui widget that draws hundreds of thousands of 2-D points with our own WebGL2 program
// (shaders/points.*: instanced round sprites), and turns the mouse into pan, zoom, hover and box
// selection. The caller owns the data and maps point indices to whatever they stand for.
#pragma once

#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "insight/point_index.hpp"

namespace eic::ui {

struct PointMapData {
    const float* xy = nullptr;               // two floats per point, in data units (y grows upwards)
    const std::uint32_t* colours = nullptr;  // one ImU32 (IM_COL32) per point
    std::size_t count = 0;
    std::uint64_t revision = 0;  // change it whenever xy or colours change: only then are they uploaded
};

struct PointMapEvents {
    std::optional<std::uint32_t> hovered;  // the point under the cursor, if any
    bool selection_changed = false;        // a box, a click on a point or on empty space: see state.selected
};

struct PointMapGpu;  // the GL program and buffers, private to point_map.cpp

struct PointMapState {
    // The view: the data point at the centre of the widget, and CSS pixels per data unit.
    float centre_x = 0, centre_y = 0, scale = 1;
    bool fit_pending = true;  // fit the view to the data on the next draw (new data, or "Fit")
    float point_px = 4.f;     // point diameter in CSS pixels

    std::vector<std::uint32_t> selected;   // selected point indices, ascending
    std::uint64_t selection_revision = 0;  // bump after changing `selected` yourself
    std::optional<std::uint32_t> hovered;

    // Set by the widget: for the caller's overlays and for tests that need a point's screen position.
    ImVec2 rect_min{0, 0}, rect_max{0, 0};
    std::string error;  // why the points cannot be drawn (e.g. the shader failed to compile)

    // Internal: interaction and the index of the drawn data.
    insight::PointIndex index;
    std::uint64_t indexed_revision = ~0ull;
    float fit_scale = 1;
    bool boxing = false, panning = false;
    ImVec2 box_start{0, 0};
    std::shared_ptr<PointMapGpu> gpu;
};

// Draws the map (a "Fit" button, then the points) into `size` (<= 0: the available width or height).
// `id` is also the label of the map's item in debug.items().
PointMapEvents draw_point_map(const char* id, const PointMapData& data, PointMapState& state, ImVec2 size);

// For the canvas' frame comparison (wasm/app/frame_changes.hpp): when `cmd` is a map's draw callback,
// appends what it draws from (transform, point size, hover, dimming, the uploaded data and selection
// revisions) to `out` and returns true; false for any other command.
bool point_map_draw_state(const ImDrawCmd& cmd, std::string& out);

// Where a data point is on screen (CSS pixels, viewport) with the view last drawn.
ImVec2 point_map_to_screen(const PointMapState& state, float x, float y);

}  // namespace eic::ui

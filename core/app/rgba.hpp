// Colours as the canvas draws them, chosen in core: 32-bit RGBA packed with red in the low byte,
//   (a << 24) | (b << 16) | (g << 8) | r,
// which is Dear ImGui's IM_COL32 layout (imgui.h: IM_COL32_R_SHIFT is 0 unless
// IMGUI_USE_BGRA_PACKED_COLOR is defined, and this project does not define it). Core may not include
// ImGui, so it packs its own; the canvas passes these values to ImGui and to the point map unchanged
// (wasm/ui/insight_view.cpp checks the two layouts agree at compile time).
#pragma once

#include <cstdint>

namespace eic::app {

constexpr std::uint32_t rgba(std::uint32_t r, std::uint32_t g, std::uint32_t b, std::uint32_t a = 255) {
    return ((a & 0xFFu) << 24) | ((b & 0xFFu) << 16) | ((g & 0xFFu) << 8) | (r & 0xFFu);
}

constexpr std::uint32_t red_of(std::uint32_t c) { return c & 0xFFu; }
constexpr std::uint32_t green_of(std::uint32_t c) { return (c >> 8) & 0xFFu; }
constexpr std::uint32_t blue_of(std::uint32_t c) { return (c >> 16) & 0xFFu; }
constexpr std::uint32_t alpha_of(std::uint32_t c) { return c >> 24; }

// The same colour with another opacity (0 transparent .. 255 opaque).
constexpr std::uint32_t with_alpha(std::uint32_t c, std::uint32_t alpha) {
    return (c & 0x00FFFFFFu) | ((alpha & 0xFFu) << 24);
}

}  // namespace eic::app

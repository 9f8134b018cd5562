// The embedding map's colours (packed as in rgba.hpp): a palette for categories, "other" and "missing",
// a ramp for numbers and datetimes, and the opacity that keeps dense maps readable.
#pragma once

#include <cstddef>
#include <cstdint>

#include "app/rgba.hpp"

namespace eic::app {

constexpr std::size_t kColourCategories = 9;  // the palette's size; the rest share "other"

// Tableau 10's first nine: distinct hues of similar weight that read on dark and light backgrounds.
constexpr std::uint32_t kCategoryPalette[kColourCategories] = {
    rgba(0x4E, 0x79, 0xA7), rgba(0xF2, 0x8E, 0x2B), rgba(0xE1, 0x57, 0x59),
    rgba(0x76, 0xB7, 0xB2), rgba(0x59, 0xA1, 0x4F), rgba(0xED, 0xC9, 0x48),
    rgba(0xB0, 0x7A, 0xA1), rgba(0xFF, 0x9D, 0xA7), rgba(0x9C, 0x75, 0x5F)};
constexpr std::uint32_t kOtherColour = rgba(0xBA, 0xB0, 0xAC);
constexpr std::uint32_t kMissingColour = rgba(0x80, 0x80, 0x80);
constexpr std::uint32_t kUncolouredColour = rgba(0x4E, 0x79, 0xA7);

// Viridis (matplotlib's default colour map) at t in [0, 1], interpolated between five stops:
// perceptually even, and readable by people with the common colour deficiencies. Opaque; NaN gives t = 0.
std::uint32_t ramp_colour(float t);

// The opacity of n points: dense maps need transparency to show where points pile up (at 200,000 an
// opaque cluster is a blob).
std::uint32_t point_alpha(std::size_t n);

}  // namespace eic::app

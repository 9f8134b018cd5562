#include "app/insight_colours.hpp"

#include <algorithm>
#include <cmath>

namespace eic::app {
namespace {

// Viridis at 0, 0.25, 0.5, 0.75 and 1 (matplotlib's _viridis_data, rounded).
constexpr float kRamp[5][3] = {{0.267f, 0.005f, 0.329f},
                               {0.230f, 0.322f, 0.546f},
                               {0.128f, 0.567f, 0.551f},
                               {0.369f, 0.789f, 0.383f},
                               {0.993f, 0.906f, 0.144f}};

}  // namespace

std::uint32_t ramp_colour(float t) {
    t = std::clamp(std::isfinite(t) ? t : 0.f, 0.f, 1.f) * 4.f;
    const int i = std::min(3, (int)t);
    const float f = t - (float)i;
    auto mix = [&](int c) {
        return (std::uint32_t)std::lround(255.f * (kRamp[i][c] + (kRamp[i + 1][c] - kRamp[i][c]) * f));
    };
    return rgba(mix(0), mix(1), mix(2));
}

std::uint32_t point_alpha(std::size_t n) { return n > 150000 ? 80 : n > 50000 ? 120 : n > 5000 ? 180 : 230; }

}  // namespace eic::app

#include "app/layout.hpp"

#include <algorithm>
#include <cmath>

namespace eic::app {

const char* panel_title(Panel p) {
    switch (p) {
        case Panel::schema:
            return "Schema";
        case Panel::manifest:
            return "Manifest";
        case Panel::log:
            return "Log";
    }
    return "";
}

std::array<Rect, kPanelCount> default_layout(float width, float height, float top) {
    // Whole pixels throughout: ImGui floors window positions and sizes.
    constexpr float kStackBelow = 760.f;  // two side-by-side panels under ~380 px each read badly
    constexpr float kMinLog = 120.f;
    const float w = std::floor(std::max(width, 1.f));
    top = std::ceil(top);
    const float h = std::floor(std::max(height - top, 1.f));
    // The Log is the record, not the work: a fifth of the height leaves the manifest table room at 800 px.
    const float log_h = std::floor(std::min(std::max(h * 0.2f, kMinLog), h * 0.5f));
    const float upper_h = h - log_h;
    std::array<Rect, kPanelCount> r{};
    if (w >= kStackBelow) {
        // The Manifest panel holds the wide table, its filters and the row editor: it gets the larger share.
        const float left_w = std::floor(w * 0.44f);
        r[0] = {0, top, left_w, upper_h};
        r[1] = {left_w, top, w - left_w, upper_h};
    } else {
        const float half = std::floor(upper_h * 0.5f);
        r[0] = {0, top, w, half};
        r[1] = {0, top + half, w, upper_h - half};
    }
    r[2] = {0, top + upper_h, w, log_h};
    return r;
}

}  // namespace eic::app

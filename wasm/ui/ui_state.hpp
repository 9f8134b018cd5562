// What the canvas UI remembers between frames. Panels read core state and issue commands; this holds
// only presentation (which panels are open, where, which theme).
#pragma once

#include "app/layout.hpp"
#include "app/log.hpp"

#include <array>
#include <string>

namespace eic::ui {

enum class ThemePref { system = 0, dark = 1, light = 2 };

struct PanelState {
    bool open = true;
    bool user_placed = false;   // the user moved or resized it: stop tiling it
    app::Rect last_set{};       // what the layout asked for last frame
};

struct LogView {
    bool show[4] = {false, true, true, true};  // debug, info, warning, error
    char filter[128] = "";
    bool follow = true;
};

struct UiState {
    std::array<PanelState, app::kPanelCount> panels{};
    ThemePref theme = ThemePref::system;
    bool system_dark = true;
    bool about_open = false;
    LogView log_view;
    bool dark() const { return theme == ThemePref::dark || (theme == ThemePref::system && system_dark); }
};

}  // namespace eic::ui

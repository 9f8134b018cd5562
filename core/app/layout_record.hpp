// The canvas' layout kept between sessions (the plugin issue: "Everything the user is working on
// autosaves (... layout ...)"): which panels are open, which the user placed (then ImGui's own window
// settings, as its .ini text, hold where), and the theme chosen. Read strictly: a record that is not
// what this writes restores nothing and says why.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "app/layout.hpp"

namespace eic::app {

struct PanelRecord {
    bool open = true;
    bool user_placed = false;
};

struct LayoutRecord {
    std::array<PanelRecord, kPanelCount> panels{};
    std::string theme;      // "system", "dark" or "light" as the app names them; empty: not recorded
    std::string imgui_ini;  // ImGui::SaveIniSettingsToMemory's text: the placed windows' places
};

std::string write_layout(const LayoutRecord& r);

// `error` is empty when the record was read; else the record is ignored (a default LayoutRecord).
LayoutRecord read_layout(std::string_view record, std::string& error);

}  // namespace eic::app

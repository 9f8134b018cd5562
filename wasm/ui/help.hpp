// The Help menu's windows (help.cpp): keyboard shortcuts, and the finding codes explained.
#pragma once

#include <string>

#include "ui/ui_state.hpp"

namespace eic::ui {

void draw_help_windows(UiState& ui);
// Opens the finding codes window at `code` ("What is this?" on a finding).
void show_code_help(UiState& ui, const std::string& code);

}  // namespace eic::ui

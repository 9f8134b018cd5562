// The Encord window (encord_window.cpp): the API domain, the user's Ed25519 key, and the live schema.
#pragma once

#include "ui/shell.hpp"
#include "ui/ui_state.hpp"

namespace eic::ui {

void draw_encord_window(ShellContext& ctx);

}  // namespace eic::ui

// The Cloud window (cloud_window.cpp): a service-account key, the object check of the open manifest, the
// signed-URL tool and the inspector.
#pragma once

#include <string>

#include "ui/shell.hpp"
#include "ui/ui_state.hpp"

namespace eic::ui {

void draw_cloud_window(ShellContext& ctx);
// An answer from the page to a tagged request (app/cloud_bridge.hpp): {"url"} or {"error"} for a
// signature, {"result"} or {"error"} for an inspection. Stale tags are ignored.
void cloud_answer(CloudView& c, int tag, const std::string& json);

}  // namespace eic::ui

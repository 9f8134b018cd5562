// The application shell: main menu, panel windows in their default layout, About window.
#pragma once

#include "app/log.hpp"
#include "app/manifest_workspace.hpp"
#include "app/schema_document.hpp"
#include "ui/manifest_tabs.hpp"
#include "ui/ui_state.hpp"

namespace eic::ui {

struct ShellContext {
    UiState& ui;
    app::Log& log;
    app::SchemaDocument& schema;
    app::ManifestWorkspace& workspace;
    ManifestTabs& manifests;  // the views of the workspace's tabs
    double now_s;
};

// The style and every style colour from app::palette(dark) (theme.cpp).
void apply_theme(bool dark);
void draw_shell(ShellContext& ctx);

}  // namespace eic::ui

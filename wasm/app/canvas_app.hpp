// The canvas application: owns the ImGui context, the WebGL2 context, the fonts and the UI state.
// The ES module drives it: it sizes the canvas, forwards input and calls frame() from
// requestAnimationFrame, so the host page keeps control of the loop (and destroy() can stop it).
#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/clocks.hpp"
#include "app/cloud_settings.hpp"
#include "app/frame_changes.hpp"
#include "app/host_events.hpp"
#include "app/layout_record.hpp"
#include "app/log.hpp"
#include "app/manifest_document.hpp"
#include "app/manifest_workspace.hpp"
#include "app/manifests_autosave.hpp"
#include "app/schema_document.hpp"
#include "app/settled_text.hpp"
#include "diag/diagnostic.hpp"
#include "ui/manifest_tabs.hpp"
#include "ui/point_map.hpp"
#include "ui/shell.hpp"
#include "ui/ui_state.hpp"

struct ImFont;

namespace eic::web {

class CanvasApp {
public:
    // Returns an empty string on success, else what went wrong (e.g. no WebGL2).
    std::string init(std::vector<std::uint8_t> ui_font, std::vector<std::uint8_t> mono_font, bool system_dark);
    void frame(double css_w, double css_h, double dpr, double time_s);
    void shutdown();

    app::Log& log() { return log_; }
    app::SchemaDocument& schema() { return schema_; }
    // Opens schema text as if the user had picked the file; returns what loading found.
    Diagnostics open_schema(const std::string& name, std::string_view text);
    // Opens manifest bytes in the Manifest panel as if the user had picked the file and starts
    // validating them (in steps, between and within frames); returns the new tab.
    app::TabId open_manifest(const std::string& name, std::string bytes);
    bool validating(app::TabId id) const;
    // Work between frames: steps the validations for about budget_ms; returns whether any still runs.
    bool work(double budget_ms);
    bool busy() const { return running_ && workspace_.busy(); }
    void note_input() { input_since_present_ = true; }
    // Brings back the draft autosaved before a reload.
    void restore_schema(const std::string& name, std::string_view text, bool dirty);
    // The manifests of the last session's autosave (manifests_autosave.hpp), or why there are none.
    void restore_manifests(std::string_view record, const std::string& error);
    void autosave_failed(const std::string& reason) { manifests_autosave_.write_failed(reason, log_, now_s()); }
    // The page's storage refused the draft or the Cloud settings (slot "schema" or "cloud": a full quota,
    // storage turned off) or gave back one it could not read: said on screen, once per reason.
    void storage_failed(const std::string& slot, const std::string& reason, bool reading);
    // The Cloud window's settings of the last session (app/cloud_settings.hpp); never a secret.
    void restore_cloud_settings(std::string_view record);
    // The panels, theme and window places of the last session (app/layout_record.hpp).
    void restore_layout(std::string_view record);
    // A schema draft from a shared link, and the page's answer to a "Copy link" (ui/panels.hpp).
    void open_shared_schema(const std::string& name, std::string text, const std::string& error);
    void share_link_made(const std::string& name, const std::string& link, const std::string& error);
    ui::UiState& ui() { return ui_; }
    std::string state_json() const;
    // The state in one short text for the page's live region (app/state_summary.hpp).
    std::string state_summary_text() const;
    nlohmann::json manifest_state() const;
    nlohmann::json check_state() const;
    nlohmann::json import_state() const;
    nlohmann::json cors_state() const;
    nlohmann::json fill_state() const;
    nlohmann::json encord_state() const;
    nlohmann::json media_findings_state() const;
    double now_s() const;

private:
    void build_fonts(float dpr);
    void on_file(int purpose, const std::string& name, std::string bytes);
    ui::ShellContext shell_context();
    // Opens the manifest a bucket listing made, once, with the findings of its media headers on its rows.
    void open_imported_manifest();

    int gl_context_ = 0;
    bool running_ = false;
    std::vector<std::uint8_t> ui_font_, mono_font_;  // the atlas borrows these bytes
    float font_dpr_ = 0.f;
    bool applied_dark_ = false, theme_applied_ = false;
    double last_time_s_ = 0, start_time_s_ = -1;
    double frame_ms_ = 0;
    std::uint64_t frames_ = 0;
    std::uint64_t presented_ = 0;  // frames rendered to the canvas: only those that changed
    FrameChanges frame_changes_{ui::point_map_draw_state};
    double last_present_s_ = -1;
    int presented_w_ = 0, presented_h_ = 0;  // the framebuffer size of the last presented frame
    bool input_since_present_ = false;       // input came since the last frame was drawn
    std::uint64_t autosaved_revision_ = ~0ull;
    bool autosaved_dirty_ = false;
    std::string storage_failure_;
    // The Cloud settings as stored (at first: none), written again once changed and quiet.
    app::SettledText cloud_settled_{0.5, app::write_cloud_settings(app::CloudSettings{})};
    app::CloudSettings cloud_settings() const;
    app::SettledText layout_settled_;  // the layout as stored, written again once changed and quiet
    app::LayoutRecord layout_record() const;
    std::string imgui_settings_;  // ImGui's window and table settings, as of its last WantSaveIniSettings
    double css_w_ = 0, css_h_ = 0, dpr_ = 1;
    app::Log log_;
    app::SchemaDocument schema_;
    // The manifests open in the editor; the job runner's clock is steady (budgets are durations).
    app::ManifestWorkspace workspace_{steady_seconds};
    ui::ManifestTabs manifests_;  // what the panel's views remember of each tab
    ui::UiState ui_;
    ManifestsAutosave manifests_autosave_;
    HostEvents host_events_;  // validations and jobs that ended, told to the host page
};

CanvasApp& canvas_app();

// Text the page received in a paste event; ImGui reads it on the Ctrl+V that follows.
void set_clipboard_text(const char* text);

}  // namespace eic::web

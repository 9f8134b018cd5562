#include "app/canvas_app.hpp"

#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <utility>

#include "app/cloud_bridge.hpp"
#include "app/cloud_checks.hpp"
#include "app/debug_items.hpp"
#include "app/encord/encord_connection.hpp"
#include "app/encord/encord_folders.hpp"
#include "app/encord/encord_schema_push.hpp"
#include "app/encord/encord_transport.hpp"
#include "app/encord/encord_upload.hpp"
#include "app/file_kind.hpp"
#include "app/files.hpp"
#include "app/host_events.hpp"
#include "app/net/transport.hpp"
#include "app/recent_store.hpp"
#include "app/secrets.hpp"
#include "app/state_summary.hpp"
#include "schema/change_words.hpp"
#include "schema/wire.hpp"
#include "ui/panels.hpp"
#include "ui/shell.hpp"

extern "C" {
void eic_js_bind_canvas();
void eic_js_set_cursor(int cursor);
void eic_js_clipboard_write(const char* text);
void eic_js_autosave(const char* slot, const char* name, const char* text, int dirty);
double eic_js_now_ms();
}

namespace eic::web {
namespace {

constexpr float kUiFontSize = 15.f;  // CSS pixels
constexpr float kMonoFontSize = 14.f;
constexpr double kBusyPresentInterval_s = 0.25;

// Latin with extensions, Greek, Cyrillic and the punctuation and symbols a data tool shows.
const ImWchar kGlyphRanges[] = {
    0x0020, 0x024F, 0x0370, 0x03FF, 0x0400, 0x052F, 0x1E00, 0x1EFF, 0x2000, 0x206F, 0x20A0, 0x20CF, 0x2100, 0x214F,
    0x2190, 0x21FF, 0x2200, 0x22FF, 0x2500, 0x257F, 0x25A0, 0x25FF, 0x2600, 0x26FF, 0x2713, 0x2717, 0,
};

std::string g_clipboard;  // the last text the page pasted or ImGui copied

const char* get_clipboard(void*) { return g_clipboard.c_str(); }
void set_clipboard(void*, const char* text) {
    g_clipboard = text ? text : "";
    eic_js_clipboard_write(g_clipboard.c_str());
}

}  // namespace

CanvasApp& canvas_app() {
    static CanvasApp app;
    return app;
}

double CanvasApp::now_s() const { return start_time_s_ < 0 ? 0 : last_time_s_ - start_time_s_; }

std::string CanvasApp::init(std::vector<std::uint8_t> ui_font, std::vector<std::uint8_t> mono_font, bool system_dark) {
    if (running_) return "already running";
    eic_js_bind_canvas();
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = false;
    attrs.antialias = false;
    attrs.premultipliedAlpha = false;
    attrs.preserveDrawingBuffer = true;  // screenshots and page captures see the last frame
    gl_context_ = emscripten_webgl_create_context("!eic-canvas", &attrs);
    if (gl_context_ <= 0) return "This browser could not create a WebGL2 context for the canvas.";
    emscripten_webgl_make_context_current(gl_context_);

    ui_font_ = std::move(ui_font);
    mono_font_ = std::move(mono_font);
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout persistence comes with local storage, not a file
    // ImGui raises WantSaveIniSettings this long after a window moved: the layout autosave reads its
    // settings then, not every frame.
    io.IniSavingRate = 0.5f;
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.BackendPlatformName = "eic_web";
    io.GetClipboardTextFn = get_clipboard;
    io.SetClipboardTextFn = set_clipboard;
    ui_.system_dark = system_dark;
    ImGui_ImplOpenGL3_Init("#version 300 es");
    set_file_handler([this](FilePurpose purpose, const std::string& name, std::string bytes) {
        on_file((int)purpose, name, std::move(bytes));
    });
    set_file_problem_handler(
        [this](FilePurpose, const FileProblem& p) { log_.notify(app::LogLevel::error, p.message, now_s()); });
    running_ = true;
    log_.add(app::LogLevel::info, "eic started: WebGL2 canvas ready", 0);
    return {};
}

void CanvasApp::build_fonts(float dpr) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // Rasterise at device pixels and scale back, so text stays crisp at any devicePixelRatio.
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;
    cfg.OversampleH = 2;
    if (!ui_font_.empty())
        io.Fonts->AddFontFromMemoryTTF(ui_font_.data(), (int)ui_font_.size(), kUiFontSize * dpr, &cfg, kGlyphRanges);
    else
        io.Fonts->AddFontDefault();
    if (!mono_font_.empty())
        io.Fonts->AddFontFromMemoryTTF(mono_font_.data(), (int)mono_font_.size(), kMonoFontSize * dpr, &cfg,
                                       kGlyphRanges);
    io.FontGlobalScale = 1.f / dpr;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    font_dpr_ = dpr;
}

void CanvasApp::frame(double css_w, double css_h, double dpr, double time_s) {
    if (!running_) return;
    emscripten_webgl_make_context_current(gl_context_);
    if (start_time_s_ < 0) start_time_s_ = time_s;
    ImGuiIO& io = ImGui::GetIO();
    if (!(dpr > 0.25 && dpr < 8)) dpr = 1;
    css_w_ = css_w;
    css_h_ = css_h;
    dpr_ = dpr;
    io.DisplaySize = ImVec2((float)css_w, (float)css_h);
    io.DisplayFramebufferScale = ImVec2((float)dpr, (float)dpr);
    io.DeltaTime = (last_time_s_ > 0 && time_s > last_time_s_) ? (float)(time_s - last_time_s_) : 1.f / 60.f;
    last_time_s_ = time_s;
    if (std::fabs(font_dpr_ - (float)dpr) > 0.01f) {
        ImGui_ImplOpenGL3_NewFrame();  // creates device objects before the font texture is rebuilt
        build_fonts((float)dpr);
    }
    if (!theme_applied_ || applied_dark_ != ui_.dark()) {
        ui::apply_theme(ui_.dark());
        applied_dark_ = ui_.dark();
        theme_applied_ = true;
    }

    ImGui_ImplOpenGL3_NewFrame();
    // The validations' share of the frame comes first and is not part of frame_ms_ (the UI's cost).
    ui::ShellContext ctx = shell_context();
    ui::update_manifests(ctx);
    const double t0 = eic_js_now_ms();
    debug_items_begin_frame();
    ImGui::NewFrame();
    ui::draw_shell(ctx);
    // After drawing, so a check started by this frame's click that ended at once (every object known
    // from the last check) is reported now: an idle page builds no further frame to do it in.
    cloud_checks().update(workspace_, log_, now_s());
    cloud_checks().forget_closed(workspace_);
    encord_transport().step();
    encord_schema_push().update(schema_, log_, now_s());
    open_imported_manifest();
    ImGui::Render();
    debug_items_end_frame();
    frame_ms_ = eic_js_now_ms() - t0;
    ++frames_;
    host_events_.notice(workspace_);
    // Saving changes only the dirty flag, which the autosave must record too.
    if (autosaved_revision_ != schema_.revision() || autosaved_dirty_ != schema_.dirty()) {
        autosaved_revision_ = schema_.revision();
        autosaved_dirty_ = schema_.dirty();
        eic_js_autosave("schema", schema_.file_name().c_str(), schema_.draft_text().c_str(), schema_.dirty());
    }
    if (const auto record = cloud_settled_.due(app::write_cloud_settings(cloud_settings()), now_s()))
        eic_js_autosave("cloud", "", record->c_str(), 0);
    if (io.WantSaveIniSettings) {
        imgui_settings_ = ImGui::SaveIniSettingsToMemory();  // clears the flag
        io.WantSaveIniSettings = false;
    }
    if (const auto record = layout_settled_.due(app::write_layout(layout_record()), now_s()))
        eic_js_autosave("layout", "", record->c_str(), 0);
    manifests_autosave_.update(workspace_, log_, now_s());

    eic_js_set_cursor(io.MouseDrawCursor ? -1 : (int)ImGui::GetMouseCursor());
    const int fb_w = (int)std::lround(css_w * dpr), fb_h = (int)std::lround(css_h * dpr);
    const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    // While validations run, frames that only show their progress are presented a few times a second:
    // each present costs the GPU (a software renderer: the CPU the validation needs). Frames that
    // answer input are presented at once, and so is a resized canvas (resizing clears it).
    const bool answers_input = std::exchange(input_since_present_, false);
    const bool resized = fb_w != presented_w_ || fb_h != presented_h_;
    if (workspace_.busy() && !answers_input && !resized && time_s - last_present_s_ < kBusyPresentInterval_s) return;
    if (!frame_changes_.changed(*ImGui::GetDrawData(), fb_w, fb_h, ImGui::ColorConvertFloat4ToU32(bg))) return;
    last_present_s_ = time_s;
    presented_w_ = fb_w;
    presented_h_ = fb_h;
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(bg.x, bg.y, bg.z, 1.f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++presented_;
}

// The bucket check of the tab in front, for tests: counts by state and each object's result.
ui::ShellContext CanvasApp::shell_context() { return {ui_, log_, schema_, workspace_, manifests_, now_s()}; }

void CanvasApp::on_file(int purpose, const std::string& name, std::string bytes) {
    ui::ShellContext ctx = shell_context();
    const app::FileKind dropped =
        purpose == (int)FilePurpose::dropped ? app::sniff_file_kind(name, bytes) : app::FileKind::schema;
    // A dropped key goes where the window's "Open key file…" would have put it, and that window opens.
    if (dropped == app::FileKind::encord_key) {
        ui_.encord.open = true;
        log_.add(app::LogLevel::info, "Opening the Encord key " + name + " (dropped)", now_s());
        encord_connection().use_key_text(bytes);
        return;
    }
    if (dropped == app::FileKind::service_account) {
        ui_.cloud.open = true;
        log_.add(app::LogLevel::info, "Opening the service-account key " + name + " (dropped)", now_s());
        cloud_use_key_text(name, bytes);
        return;
    }
    const bool manifest = purpose == (int)FilePurpose::open_manifest || dropped == app::FileKind::manifest;
    if (purpose == (int)FilePurpose::compare_schema) {
        ui::compare_schema_text(ctx, name, std::move(bytes));
        return;
    }
    recent_store().opened(name, manifest ? app::RecentKind::manifest : app::RecentKind::schema, bytes);
    if (manifest)
        ui::open_manifest_bytes(ctx, name, std::move(bytes));
    else if (purpose == (int)FilePurpose::recent_schema)
        ui::offer_schema_draft(ctx, name, std::move(bytes), ui::DraftOrigin::recent);
    else
        ui::open_schema_text(ctx, name, bytes);
}

Diagnostics CanvasApp::open_schema(const std::string& name, std::string_view text) {
    ui::ShellContext ctx = shell_context();
    return ui::open_schema_text(ctx, name, text);
}

app::TabId CanvasApp::open_manifest(const std::string& name, std::string bytes) {
    ui::ShellContext ctx = shell_context();
    return ui::open_manifest_bytes(ctx, name, std::move(bytes));
}

void CanvasApp::open_imported_manifest() {
    auto listed = cloud_checks().take_import();
    if (!listed) return;
    const app::TabId tab = open_manifest(listed->name, std::move(listed->json));
    cloud_checks().set_import_findings(tab, std::move(listed->findings));
}

bool CanvasApp::validating(app::TabId id) const {
    const app::WorkspaceTab* t = workspace_.find(id);
    return t && t->doc.validating();
}

bool CanvasApp::work(double budget_ms) {
    if (!running_ || !workspace_.busy()) return false;
    ui::ShellContext ctx = shell_context();
    const bool more = ui::work_on_manifests(ctx, budget_ms / 1000);
    // A check that ended here is reported here, before anyone reads the state between frames.
    cloud_checks().update(workspace_, log_, now_s());
    open_imported_manifest();
    host_events_.notice(workspace_);
    return more;
}

void CanvasApp::restore_schema(const std::string& name, std::string_view text, bool dirty) {
    if (has_error(schema_.open(text, name))) {
        log_.notify(app::LogLevel::warning, "The autosaved draft " + name + " could not be read and was not restored",
                    now_s());
        return;
    }
    if (dirty) schema_.mark_unsaved();
    autosaved_revision_ = schema_.revision();
    autosaved_dirty_ = schema_.dirty();
    log_.add(app::LogLevel::info, "Restored the draft " + name + " from the last session", now_s());
}

void CanvasApp::storage_failed(const std::string& slot, const std::string& reason, bool reading) {
    if (slot + ": " + reason == storage_failure_) return;  // once per slot and reason
    storage_failure_ = slot + ": " + reason;
    const char* what = slot == "cloud" ? "The Cloud window's settings" : "The layout";
    if (reading && slot == "schema")
        log_.notify(app::LogLevel::warning, "The draft autosaved before could not be read back (" + reason + ")",
                    now_s());
    else if (reading)
        log_.notify(app::LogLevel::warning, std::string(what) + " saved before could not be read back (" + reason + ")",
                    now_s());
    else if (slot != "schema")
        log_.notify(app::LogLevel::warning,
                    std::string(what) + " could not be remembered in this browser (" + reason + ")", now_s());
    else
        log_.notify(app::LogLevel::error,
                    "The schema draft could not be autosaved in this browser (" + reason +
                        "): a reload would not bring it back. Save it to a file to keep your edits.",
                    now_s());
}

void CanvasApp::restore_cloud_settings(std::string_view record) {
    std::string error;
    const app::CloudSettings s = app::read_cloud_settings(record, error);
    if (!error.empty()) {
        storage_failed("cloud", error, true);
        return;
    }
    ui::CloudView& c = ui_.cloud;
    const auto put = [](auto& field, const std::string& value) {
        std::snprintf(field, sizeof field, "%s", value.c_str());
    };
    put(c.endpoint, s.endpoint);
    put(c.bucket, s.bucket);
    put(c.object, s.object);
    put(c.sign_as, s.sign_as);
    put(c.iam_endpoint, s.iam_endpoint);
    put(c.list_bucket, s.list_bucket);
    put(c.list_prefix, s.list_prefix);
    put(c.cors_bucket, s.cors_bucket);
    put(c.cors_object, s.cors_object);
    cloud_checks().set_endpoint(c.endpoint);
    cloud_settled_.stored(app::write_cloud_settings(cloud_settings()));
}

void CanvasApp::restore_layout(std::string_view record) {
    std::string error;
    const app::LayoutRecord r = app::read_layout(record, error);
    if (!error.empty()) {
        storage_failed("layout", error, true);
        return;
    }
    for (int i = 0; i < app::kPanelCount; ++i) {
        ui_.panels[i].open = r.panels[std::size_t(i)].open;
        ui_.panels[i].user_placed = r.panels[std::size_t(i)].user_placed;
    }
    for (int t = 0; t < 3; ++t)
        if (r.theme == ui::kThemePrefNames[t]) ui_.theme = ui::ThemePref(t);
    // Applied as each window is first drawn; the panels the layout tiles are placed by it regardless.
    if (!r.imgui_ini.empty()) ImGui::LoadIniSettingsFromMemory(r.imgui_ini.data(), r.imgui_ini.size());
    imgui_settings_ = r.imgui_ini;
    layout_settled_.stored(std::string(record));
}

app::LayoutRecord CanvasApp::layout_record() const {
    app::LayoutRecord r;
    for (int i = 0; i < app::kPanelCount; ++i)
        r.panels[std::size_t(i)] = {ui_.panels[i].open, ui_.panels[i].user_placed};
    r.theme = ui::kThemePrefNames[int(ui_.theme)];
    r.imgui_ini = imgui_settings_;
    return r;
}

app::CloudSettings CanvasApp::cloud_settings() const {
    const ui::CloudView& c = ui_.cloud;
    return {c.endpoint,    c.bucket,      c.object,      c.sign_as,    c.iam_endpoint,
            c.list_bucket, c.list_prefix, c.cors_bucket, c.cors_object};
}

void CanvasApp::open_shared_schema(const std::string& name, std::string text, const std::string& error) {
    ui::ShellContext ctx = shell_context();
    ui::open_shared_schema(ctx, name, std::move(text), error);
}

void CanvasApp::share_link_made(const std::string& name, const std::string& link, const std::string& error) {
    ui::ShellContext ctx = shell_context();
    ui::share_link_made(ctx, name, link, error);
}

void CanvasApp::restore_manifests(std::string_view record, const std::string& error) {
    manifests_autosave_.restore(
        record, error,
        [this](const std::string& name, std::string bytes) { return open_manifest(name, std::move(bytes)); },
        workspace_, log_, now_s());
}

void CanvasApp::shutdown() {
    if (!running_) return;
    emscripten_webgl_make_context_current(gl_context_);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext();
    emscripten_webgl_destroy_context(gl_context_);
    running_ = false;
}

void set_clipboard_text(const char* text) { g_clipboard = text ? text : ""; }

}  // namespace eic::web

// The C ABI the ES module calls for the canvas app (prefix eic_app_). Strings in are UTF-8 and
// NUL-terminated; strings out stay valid until the next call of the same function.
#include <emscripten/emscripten.h>
#include <imgui.h>

#include <cctype>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "app/canvas_app.hpp"
#include "app/cloud_checks.hpp"
#include "app/debug_items.hpp"
#include "app/encord/encord_connection.hpp"
#include "app/encord/encord_upload.hpp"
#include "app/files.hpp"
#include "app/keys.hpp"
#include "app/recent_store.hpp"
#include "app/secrets.hpp"
#include "app/share_link.hpp"
#include "diag/report.hpp"
#include "ui/cloud_window.hpp"

using eic::web::canvas_app;

namespace {
std::string g_out;
const char* out(std::string s) {
    g_out = std::move(s);
    return g_out.c_str();
}
bool has_imgui() { return ImGui::GetCurrentContext() != nullptr; }
// ImGui's input queue, and a note that input came: the frame that answers it is presented at once.
ImGuiIO& input_io() {
    canvas_app().note_input();
    return ImGui::GetIO();
}
}  // namespace

extern "C" {

// The page's answers to the Cloud window (app/cloud_bridge.hpp): the open key's account (or why the
// file was refused), and a tagged answer to a signing or an inspection.
EMSCRIPTEN_KEEPALIVE void eic_app_cloud_key(const char* email, const char* error) {
    auto& c = canvas_app().ui().cloud;
    c.key_email = email ? email : "";
    c.key_error = error ? error : "";
    eic::web::cloud_checks().set_key(c.key_email);
    canvas_app().note_input();
}
// The text of an Encord key file: read by core, then wiped here and in the caller's buffer.
EMSCRIPTEN_KEEPALIVE void eic_app_encord_key_text(char* text) {
    if (!text) return;
    std::string t(text);
    std::memset(text, 0, t.size());
    eic::web::encord_connection().use_key_text(t);
    canvas_app().note_input();
}
EMSCRIPTEN_KEEPALIVE void eic_app_encord_key_imported(int ok, const char* error) {
    eic::web::encord_connection().key_imported(ok != 0, error ? error : "");
    canvas_app().note_input();
}
// web/upload-store.js: a write of the upload's records completed or failed; the records found at load.
EMSCRIPTEN_KEEPALIVE void eic_app_upload_store_answer(int ticket, int ok, const char* error) {
    eic::web::encord_upload().store_answered(ticket, ok != 0, error ? error : "");
    canvas_app().note_input();
}
EMSCRIPTEN_KEEPALIVE void eic_app_upload_saved(const char* plan, const char* ledger, const char* error) {
    eic::web::encord_upload().saved_found(plan ? plan : "", ledger ? ledger : "", error ? error : "");
    canvas_app().note_input();
}
// The Encord domain set by the page: restored from storage at start (remember 0: it is stored already),
// or given to connect() (web/encord-console.js). Returns why it is refused, or "".
EMSCRIPTEN_KEEPALIVE const char* eic_app_encord_set_domain(const char* text, int remember) {
    const std::string error = eic::web::encord_connection().set_domain(text ? text : "", remember != 0);
    canvas_app().note_input();
    return out(error);
}
// The Cloud window's endpoint and bucket fields, set by connect() as a person would type them.
EMSCRIPTEN_KEEPALIVE void eic_app_cloud_fields(const char* endpoint, const char* bucket) {
    auto& c = canvas_app().ui().cloud;
    if (endpoint) std::snprintf(c.endpoint, sizeof c.endpoint, "%s", endpoint);
    if (bucket) {
        std::snprintf(c.bucket, sizeof c.bucket, "%s", bucket);
        std::snprintf(c.list_bucket, sizeof c.list_bucket, "%s", bucket);
    }
    eic::web::cloud_checks().set_endpoint(c.endpoint);
    canvas_app().note_input();
}
EMSCRIPTEN_KEEPALIVE void eic_app_cloud_answer(int tag, const char* json) {
    eic::ui::cloud_answer(canvas_app().ui().cloud, tag, json ? json : "");
    canvas_app().note_input();
}

// Takes ownership of the two font buffers (allocated by the caller with malloc).
EMSCRIPTEN_KEEPALIVE const char* eic_app_init(std::uint8_t* ui_font, int ui_len, std::uint8_t* mono_font, int mono_len,
                                              int system_dark) {
    std::vector<std::uint8_t> ui(ui_font, ui_font + (ui_len > 0 ? ui_len : 0));
    std::vector<std::uint8_t> mono(mono_font, mono_font + (mono_len > 0 ? mono_len : 0));
    free(ui_font);
    free(mono_font);
    return out(canvas_app().init(std::move(ui), std::move(mono), system_dark != 0));
}

EMSCRIPTEN_KEEPALIVE void eic_app_frame(double css_w, double css_h, double dpr, double time_s) {
    canvas_app().frame(css_w, css_h, dpr, time_s);
}

EMSCRIPTEN_KEEPALIVE void eic_app_shutdown() { canvas_app().shutdown(); }

EMSCRIPTEN_KEEPALIVE void eic_app_mouse_pos(float x, float y) {
    if (has_imgui()) input_io().AddMousePosEvent(x, y);
}

// DOM buttons: 0 left, 1 middle, 2 right. ImGui: 0 left, 1 right, 2 middle.
EMSCRIPTEN_KEEPALIVE void eic_app_mouse_button(int dom_button, int down) {
    if (!has_imgui()) return;
    const int map[5] = {0, 2, 1, 3, 4};
    if (dom_button >= 0 && dom_button < 5) input_io().AddMouseButtonEvent(map[dom_button], down != 0);
}

EMSCRIPTEN_KEEPALIVE void eic_app_mouse_wheel(float dx, float dy) {
    if (has_imgui()) input_io().AddMouseWheelEvent(dx, dy);
}

EMSCRIPTEN_KEEPALIVE void eic_app_key(const char* code, int down, int ctrl, int shift, int alt, int super) {
    if (!has_imgui()) return;
    ImGuiIO& io = input_io();
    io.AddKeyEvent(ImGuiMod_Ctrl, ctrl != 0);
    io.AddKeyEvent(ImGuiMod_Shift, shift != 0);
    io.AddKeyEvent(ImGuiMod_Alt, alt != 0);
    io.AddKeyEvent(ImGuiMod_Super, super != 0);
    const ImGuiKey key = eic::web::key_from_dom_code(code);
    if (key != ImGuiKey_None) io.AddKeyEvent(key, down != 0);
}

EMSCRIPTEN_KEEPALIVE void eic_app_char(unsigned int codepoint) {
    if (has_imgui()) input_io().AddInputCharacter(codepoint);
}

EMSCRIPTEN_KEEPALIVE void eic_app_focus(int focused) {
    if (has_imgui()) input_io().AddFocusEvent(focused != 0);
}

EMSCRIPTEN_KEEPALIVE void eic_app_set_clipboard(const char* text) { eic::web::set_clipboard_text(text); }

EMSCRIPTEN_KEEPALIVE void eic_app_set_system_theme(int dark) { canvas_app().ui().system_dark = dark != 0; }

// The host's choice of theme (<encord-import-console theme="...">): a name of ui::kThemePrefNames.
// Returns "" when set, else why not.
EMSCRIPTEN_KEEPALIVE const char* eic_app_set_theme(const char* name) {
    for (int t = 0; t < 3; ++t)
        if (std::strcmp(name, eic::ui::kThemePrefNames[t]) == 0) {
            canvas_app().ui().theme = (eic::ui::ThemePref)t;
            return "";
        }
    return "the theme is system, dark or light";
}

// Opens a panel or window (<encord-import-console panel="...">) and brings it to the front: schema,
// manifest, log, encord or cloud. Returns "" when shown, else why not.
EMSCRIPTEN_KEEPALIVE const char* eic_app_show_panel(const char* name) {
    eic::ui::UiState& ui = canvas_app().ui();
    const std::string n = name;
    if (n == "encord")
        ui.encord.open = true;
    else if (n == "cloud")
        ui.cloud.open = true;
    else {
        // The panels' window ids (###schema ...) are their titles in lower case (wasm/ui/shell.cpp).
        const auto id_of = [](int i) {
            std::string id = eic::app::panel_title((eic::app::Panel)i);
            for (char& c : id) c = (char)std::tolower((unsigned char)c);
            return id;
        };
        int i = 0;
        while (i < eic::app::kPanelCount && n != id_of(i)) ++i;
        if (i == eic::app::kPanelCount) return "the panel is schema, manifest, log, encord or cloud";
        ui.panels[i].open = true;
    }
    // A window drawn before comes to the front now; one opened now is in front when it first appears.
    if (has_imgui()) ImGui::SetWindowFocus(("###" + n).c_str());
    return "";
}

// Whether ImGui wants the keyboard or the mouse this frame, so the page leaves the rest to the browser.
EMSCRIPTEN_KEEPALIVE int eic_app_wants_keyboard() { return has_imgui() && ImGui::GetIO().WantCaptureKeyboard; }

// Files from the page (web/file-bridge.js): it asks whether a size fits before reading anything, reads
// the file into the buffer begin returns (null: no memory), then hands it over with opened.
EMSCRIPTEN_KEEPALIVE int eic_app_file_fits(int purpose, const char* name, double size) {
    return eic::web::file_fits((eic::web::FilePurpose)purpose, name ? name : "", size > 0 ? (std::uint64_t)size : 0);
}

EMSCRIPTEN_KEEPALIVE char* eic_app_file_begin(double size) {
    return size >= 0 && size < 4294967296.0 ? eic::web::begin_incoming_file((std::size_t)size) : nullptr;
}

EMSCRIPTEN_KEEPALIVE void eic_app_file_opened(int purpose, const char* name) {
    eic::web::deliver_file((eic::web::FilePurpose)purpose, name ? name : "", eic::web::take_incoming_file());
}

// A file that never arrived: a fetch that failed (http_status 0 when there was no answer), or memory.
EMSCRIPTEN_KEEPALIVE void eic_app_file_failed(int purpose, const char* source, const char* message, int http_status) {
    eic::web::take_incoming_file();  // drops a half-read buffer
    eic::web::deliver_file_problem((eic::web::FilePurpose)purpose,
                                   {source ? source : "", message ? message : "", http_status});
}

// Opens the file read with eic_app_file_begin in the Manifest panel and starts validating it; returns
// its tab (eic_app_validating says when the validation ended).
EMSCRIPTEN_KEEPALIVE double eic_app_open_manifest(const char* name) {
    return (double)canvas_app().open_manifest(name ? name : "manifest.json", eic::web::take_incoming_file());
}

EMSCRIPTEN_KEEPALIVE int eic_app_validating(double tab) { return canvas_app().validating((std::uint64_t)tab) ? 1 : 0; }

// Work between frames (the page calls it from a task of its own while it returns 1): steps the
// validations for about budget_ms.
EMSCRIPTEN_KEEPALIVE int eic_app_work(double budget_ms) { return canvas_app().work(budget_ms) ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE int eic_app_busy() { return canvas_app().busy() ? 1 : 0; }

// Opens schema text (a draft or a wire map) in the Schema panel; returns {"summary","diagnostics"}.
EMSCRIPTEN_KEEPALIVE const char* eic_app_open_schema(const char* name, const char* data, int length) {
    auto ds = canvas_app().open_schema(name ? name : "schema.json", std::string_view(data, length > 0 ? length : 0));
    return out(eic::report::dump(eic::report::diagnostics_json(ds), -1));
}

EMSCRIPTEN_KEEPALIVE void eic_app_restore_schema(const char* name, const char* data, int length, int dirty) {
    canvas_app().restore_schema(name ? name : "schema.json", std::string_view(data, length > 0 ? length : 0),
                                dirty != 0);
}

// The open manifests the last session autosaved (web/idb-records.js): the record, or why it could not be
// read; called once at start, with an empty record when there is none.
EMSCRIPTEN_KEEPALIVE void eic_app_restore_manifests(const char* data, int length, const char* error) {
    canvas_app().restore_manifests(std::string_view(data ? data : "", length > 0 ? length : 0), error ? error : "");
}

// File > Open recent's store (web/idb-records.js): the last session's list, a copy that could not be
// read back, a write that failed.
EMSCRIPTEN_KEEPALIVE void eic_app_restore_recent(const char* record, const char* error) {
    auto& app = canvas_app();
    eic::web::recent_store().restore(record ? record : "", error ? error : "", app.log(), app.now_s());
}
EMSCRIPTEN_KEEPALIVE void eic_app_recent_copy_missing(double id, const char* reason) {
    auto& app = canvas_app();
    eic::web::recent_store().copy_missing(std::uint64_t(id), reason ? reason : "", app.log(), app.now_s());
}
EMSCRIPTEN_KEEPALIVE void eic_app_recent_write_failed(const char* reason) {
    auto& app = canvas_app();
    eic::web::recent_store().write_failed(reason ? reason : "unknown reason", app.log(), app.now_s());
}

// "Remember this key in this browser" (web/encord-console.js, keys): the store's answer, a failure, and
// a remembered key back at start (its CryptoKey stays in the page; here only what the windows show).
EMSCRIPTEN_KEEPALIVE void eic_app_key_remembered(const char* which, int on) {
    eic::web::key_remembered(canvas_app().ui().cloud, which ? which : "", on != 0);
    canvas_app().note_input();
}
EMSCRIPTEN_KEEPALIVE void eic_app_key_store_failed(const char* which, const char* message) {
    auto& app = canvas_app();
    eic::web::key_store_failed(which ? which : "", message ? message : "", app.log(), app.now_s());
}
EMSCRIPTEN_KEEPALIVE void eic_app_encord_key_restored(const char* keyid, const char* comment) {
    eic::web::encord_connection().restore_remembered(keyid ? keyid : "", comment ? comment : "");
    canvas_app().note_input();
}
EMSCRIPTEN_KEEPALIVE void eic_app_cloud_key_restored(const char* email) {
    auto& c = canvas_app().ui().cloud;
    if (!c.key_email.empty() || !email || !*email) return;  // a key opened meanwhile wins
    c.key_email = email;
    c.key_error.clear();
    c.key_remembered = true;
    eic::web::cloud_checks().set_key(c.key_email);
    canvas_app().note_input();
}

// app.forgetKeys(): as File > Forget keys and tokens.
EMSCRIPTEN_KEEPALIVE void eic_app_forget_secrets() {
    auto& app = canvas_app();
    eic::web::forget_secrets(app.ui().cloud, app.log(), app.now_s());
}

EMSCRIPTEN_KEEPALIVE void eic_app_autosave_failed(const char* reason) {
    canvas_app().autosave_failed(reason ? reason : "unknown reason");
}

// A schema draft from a shared link (web/share-link.js read it), or why the link could not be read.
EMSCRIPTEN_KEEPALIVE void eic_app_open_shared_schema(const char* name, const char* data, int length,
                                                     const char* error) {
    canvas_app().open_shared_schema(name ? name : "shared.eic-schema.json",
                                    std::string(data ? data : "", length > 0 ? std::size_t(length) : 0),
                                    error ? error : "");
}

// The page's answer to web::share_link: the link made, or why none was.
EMSCRIPTEN_KEEPALIVE void eic_app_share_link_made(const char* name, const char* link, const char* error) {
    canvas_app().share_link_made(name ? name : "", link ? link : "", error ? error : "");
}

// The longest shared link the app makes, and so the longest it reads (app/share_link.hpp).
EMSCRIPTEN_KEEPALIVE int eic_app_share_link_max_chars() { return int(eic::app::kShareLinkMaxChars); }

// The page's storage refused to keep a slot's record ("schema", "cloud"; reading 0) or to give it back (1).
EMSCRIPTEN_KEEPALIVE void eic_app_storage_failed(const char* slot, const char* reason, int reading) {
    canvas_app().storage_failed(slot ? slot : "", reason ? reason : "unknown reason", reading != 0);
}
// The layout saved by the last session (the page's storage, slot "layout"), before the first frame.
EMSCRIPTEN_KEEPALIVE void eic_app_restore_layout(const char* record) {
    canvas_app().restore_layout(record ? record : "");
}
// The Cloud window's settings saved by the last session (the page's storage, slot "cloud").
EMSCRIPTEN_KEEPALIVE void eic_app_restore_cloud_settings(const char* record) {
    canvas_app().restore_cloud_settings(record ? record : "");
}

EMSCRIPTEN_KEEPALIVE const char* eic_app_state() { return out(canvas_app().state_json()); }

// The state in one short text, for the page's live region (web/live-region.js).
EMSCRIPTEN_KEEPALIVE const char* eic_app_state_summary() { return out(canvas_app().state_summary_text()); }

EMSCRIPTEN_KEEPALIVE const char* eic_app_debug_items() { return out(eic::web::debug_items_json()); }

// level: 0 debug, 1 info, 2 warning, 3 error. For messages from the page (never secrets).
EMSCRIPTEN_KEEPALIVE void eic_app_log(int level, const char* message) {
    if (level < 0 || level > 3) level = 1;
    auto& app = canvas_app();
    app.log().add((eic::app::LogLevel)level, message ? message : "", app.now_s());
}

}  // extern "C"

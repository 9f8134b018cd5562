// What the canvas UI remembers between frames. Panels read core state and issue commands; this holds
// only presentation (which panels are open, where, which theme).
#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "app/layout.hpp"
#include "app/log.hpp"
#include "app/manifest_document.hpp"
#include "app/schema_comparison.hpp"
#include "diag/diagnostic.hpp"
#include "schema/plan.hpp"
#include "ui/encord_folders_view.hpp"

namespace eic::ui {

enum class ThemePref { system = 0, dark = 1, light = 2 };
// By ThemePref: the names state() reports and the <encord-import-console> theme attribute takes.
inline constexpr const char* kThemePrefNames[] = {"system", "dark", "light"};

struct PanelState {
    bool open = true;
    bool user_placed = false;  // the user moved or resized it: stop tiling it
    app::Rect last_set{};      // what the layout asked for last frame
};

struct LogView {
    bool show[4] = {false, true, true, true};  // debug, info, warning, error
    char filter[128] = "";
    bool follow = true;
};

// A modal the Schema panel opens at the end of its frame (ImGui opens popups by name, from the ID stack
// they are drawn in).
enum class SchemaPopup { none, new_doc, open_doc, hard_delete, add_options, edit_note, save_as, open_shared };

// The Schema panel's form buffers and transient choices.
struct SchemaView {
    SchemaPopup pending_popup = SchemaPopup::none;
    bool open_key_menu = false;  // a row asked for its action menu this frame
    char filter[128] = "";
    bool focus_filter = false;  // Ctrl+F: the Filter keys field takes the keys on the next frame
    int type_filter = 0;        // 0 = all types, else 1 + index into the panel's type list
    char new_key[256] = "";
    bool focus_key_name = false;  // Enter added a key: the name field takes the next one
    int new_type = 0;
    char new_options[4096] = "";  // one option per line
    int new_size = 512;
    std::string menu_key;      // the key whose action menu is open
    std::string confirm_hard;  // the key awaiting confirmation of a hard delete
    char option_buf[4096] = "";
    char note_buf[2048] = "";
    char save_as[256] = "";
    // A draft from a shared link, held while the user decides whether it replaces unsaved changes.
    std::string shared_name, shared_text;
    bool shared_from_recent = false;  // shared_text came from File > Open recent, not a link
    std::string last_error;           // the last refused action, shown until the next one succeeds
    // A schema opened for comparison (treated as what Encord has).
    bool comparing = false;
    std::string compare_name;
    std::string compare_text;
    // Derived from the draft and rebuilt when its revision (or the compared text) changes. Kept here
    // rather than in function statics so that a reset or a second panel never shows stale results.
    char title[256] = "";
    std::uint64_t title_revision = ~0ull;
    Diagnostics checks;
    std::uint64_t checks_revision = ~0ull;
    app::SchemaComparison comparison;  // of the draft with compare_text (core/app/schema_comparison.hpp)
    std::string compared_text;
    std::uint64_t compare_revision = ~0ull;
};

// The Manifest panel's choices: which checks to run and which findings to list.
struct ManifestView {
    bool strict_client_only = false;
    int plan = 0;  // 0 none, 1 enterprise, 2 team, 3 free

    app::ManifestChecks checks() const {
        app::ManifestChecks c;
        c.strict_client_only = strict_client_only;
        if (plan > 0) c.plan = (manifest::Plan)(plan - 1);
        return c;
    }
};

// The Help windows: keyboard shortcuts, and the finding codes explained from the registry
// (core/diag/codes.hpp) with the one asked about selected.
struct HelpView {
    bool shortcuts_open = false;
    bool codes_open = false;
    std::string code;     // the selected code
    bool scroll = false;  // bring the selected code into view once
    char filter[128] = "";
};

// The Cloud window: a service-account key held by the page, the signed-URL tool and the inspector.
// Requests go out tagged (app/cloud_bridge.hpp); an answer whose tag is not the pending one is stale.
struct CloudView {
    bool open = false;
    std::string key_email;        // the open key's client_email; empty: none
    bool key_remembered = false;  // kept in this browser (Remember this key)
    std::string key_error;        // why the last key file was refused
    char bucket[256] = "";
    char object[1024] = "";
    int method = 0;  // kCloudMethods
    int expires = 900;
    char headers[2048] = "";  // "Name: value" lines
    int sign_pending = 0;
    std::string url;
    std::string sign_error;
    char inspect_url[8192] = "";
    int inspect_method = 0;
    int inspect_pending = 0;
    nlohmann::json inspection;  // the answer of inspectSignedUrl; null: none yet
    std::string inspect_error;
    int next_tag = 1;
    char endpoint[512] = "";      // where checks go; empty: https://storage.googleapis.com
    bool show_inspector = false;  // bring the inspector's tab in front (Inspect it)
    char token[4096] = "";        // an access token being pasted; cleared once taken
    std::string token_error;
    // With a token and no key: the service account IAM Credentials' signBlob signs V4 URLs as, and where
    // IAM Credentials is (empty: https://iamcredentials.googleapis.com).
    char sign_as[256] = "";
    char iam_endpoint[512] = "";
    // List a bucket into a manifest.
    char list_bucket[256] = "";
    char list_prefix[1024] = "";
    int list_grouping = 0;  // manifest::ListingGrouping
    int list_url_form = 0;  // manifest::ListingUrlForm
    bool list_metadata = true;
    bool fill_again = false;  // media fill: read items that have metadata too
    // The CORS doctor.
    char cors_bucket[256] = "";
    char cors_object[1024] = "";
    bool cors_encord = true;
    bool cors_uploads = false;
};

// The Encord window (encord_window.cpp).
struct EncordView {
    bool open = false;
    int domain_choice = 0;  // 0 api.encord.com, 1 api.us.encord.com, 2 another (custom_domain)
    char custom_domain[512] = "";
    std::string domain_error;
    char key_paste[8192] = "";          // a pasted key file's text; wiped once used
    bool push_confirm_request = false;  // open the schema push's confirmation (encord_schema_tab.cpp)
    EncordFoldersView folders;          // the Folders tab
    // The Upload tab's options (app/upload_session.hpp UploadChoice).
    bool upload_ignore_errors = false;
    bool upload_skip_duplicates = true;
    int upload_profile = 0;  // enterprise, team, free, recommended
    int upload_max_items = 0;
    std::string upload_refusal;  // why the upload button is off, as last drawn
};

struct UiState {
    std::array<PanelState, app::kPanelCount> panels{};
    ThemePref theme = ThemePref::system;
    bool system_dark = true;
    bool about_open = false;
    HelpView help;
    CloudView cloud;
    EncordView encord;
    LogView log_view;
    SchemaView schema_view;
    ManifestView manifest_view;
    bool dark() const { return theme == ThemePref::dark || (theme == ThemePref::system && system_dark); }
};

}  // namespace eic::ui

#include "ui/shell.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "app/clocks.hpp"
#include "app/files.hpp"
#include "app/recent_store.hpp"
#include "app/secrets.hpp"
#include "ui/cloud_window.hpp"
#include "ui/encord_window.hpp"
#include "ui/help.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace eic::ui {
namespace {

// More than rounding apart: ImGui floors positions and sizes.
bool differs(ImVec2 a, float x, float y) { return std::fabs(a.x - x) > 1.f || std::fabs(a.y - y) > 1.f; }

// File > Open recent (app/recent_files.hpp): each entry reopens from the copy kept when it was opened,
// or asks for the file again when none was kept.
void draw_recent_menu(ShellContext& ctx) {
    web::RecentStore& store = web::recent_store();
    const auto& entries = store.files().entries();
    if (!ImGui::BeginMenu("Open recent", !entries.empty())) return;
    const double now = web::wall_seconds();
    std::uint64_t chosen = 0;
    for (const app::RecentFile& f : entries) {
        ImGui::PushID(int(f.id));
        if (ImGui::MenuItem(app::recent_label(f, now).c_str())) chosen = f.id;
        if (!f.kept) ImGui::SetItemTooltip("No copy was kept (too large): choosing it asks for the file again");
        ImGui::PopID();
    }
    ImGui::Separator();
    const bool clear = ImGui::MenuItem("Clear the list");
    ImGui::EndMenu();
    if (chosen) store.choose(chosen, ctx.log, ctx.now_s);  // after the loop: choosing may change the list
    if (clear) store.clear(ctx.log, ctx.now_s);
}

// At the right of the menu bar while the page holds a key, a token or a signed URL: what, and one click
// to forget them all (app/held_secrets.hpp).
void draw_keys_menu(ShellContext& ctx) {
    const app::HeldSecrets held = web::held_secrets(ctx.ui.cloud);
    if (!held.any()) return;
    const std::string title = "Keys held (" + std::to_string(held.count()) + ")###keys-held";
    const float w = ImGui::CalcTextSize(title.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SetCursorPosX(
        std::max(ImGui::GetCursorPosX(), ImGui::GetWindowWidth() - w - ImGui::GetStyle().ItemSpacing.x));
    ImGui::PushStyleColor(ImGuiCol_Text, severity_colour(Severity::warning));
    const bool open = ImGui::BeginMenu(title.c_str());
    ImGui::PopStyleColor();
    if (!open) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    ImGui::TextUnformatted(("This page holds " + app::held_secrets_text(held) +
                            " in memory: nothing is saved unless you chose to remember a key, and closing the page "
                            "forgets the rest.")
                               .c_str());
    if (const std::string kept = web::remembered_keys_text(ctx.ui.cloud); !kept.empty())
        ImGui::TextUnformatted(("Also remembered in this browser (you chose it): " + kept + ".").c_str());
    ImGui::PopTextWrapPos();
    ImGui::Separator();
    if (ImGui::MenuItem("Forget keys and tokens")) web::forget_secrets(ctx.ui.cloud, ctx.log, ctx.now_s);
    ImGui::EndMenu();
}

void draw_main_menu(ShellContext& ctx) {
    UiState& ui = ctx.ui;
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Open schema draft…")) open_schema_file(ctx);
        if (ImGui::MenuItem("Open manifest…"))
            web::request_open_file(web::FilePurpose::open_manifest, web::kManifestAccept);
        draw_recent_menu(ctx);
        ImGui::Separator();
        if (ImGui::MenuItem("Forget keys and tokens", nullptr, false, web::held_secrets(ui.cloud).any()))
            web::forget_secrets(ui.cloud, ctx.log, ctx.now_s);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        for (int i = 0; i < app::kPanelCount; ++i)
            ImGui::MenuItem(app::panel_title((app::Panel)i), nullptr, &ui.panels[i].open);
        ImGui::MenuItem("Cloud: buckets and signed URLs", nullptr, &ui.cloud.open);
        ImGui::MenuItem("Encord: connection and schema", nullptr, &ui.encord.open);
        ImGui::Separator();
        if (ImGui::MenuItem("Reset layout")) {
            for (auto& p : ui.panels) p = PanelState{};
            ctx.log.add(app::LogLevel::info, "Layout reset to the default arrangement", ctx.now_s);
        }
        if (ImGui::BeginMenu("Theme")) {
            const char* names[] = {"Follow system", "Dark", "Light"};
            for (int t = 0; t < 3; ++t)
                if (ImGui::MenuItem(names[t], nullptr, (int)ui.theme == t)) ui.theme = (ThemePref)t;
            ImGui::EndMenu();
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        ImGui::MenuItem("Keyboard shortcuts", nullptr, &ui.help.shortcuts_open);
        ImGui::MenuItem("Finding codes", nullptr, &ui.help.codes_open);
        ImGui::Separator();
        ImGui::MenuItem("About eic", nullptr, &ui.about_open);
        ImGui::EndMenu();
    }
    draw_keys_menu(ctx);
    ImGui::EndMainMenuBar();
}

// Failures and warnings the user must see, over the canvas at the bottom right, until dismissed: a
// failure shown only in the Log is silent. The Log keeps each as the record (app::Log::notify).
void draw_notices(ShellContext& ctx) {
    const auto& notices = ctx.log.notices();
    if (notices.empty()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - em, vp->WorkPos.y + vp->WorkSize.y - em),
                            ImGuiCond_Always, ImVec2(1, 1));
    ImGui::SetNextWindowSizeConstraints(ImVec2(em * 20, 0), ImVec2(em * 34, vp->WorkSize.y * 0.6f));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav;
    if (ImGui::Begin("Notices###notices", nullptr, flags)) {
        std::uint64_t dismiss = ~0ull;
        for (const app::Notice& n : notices) {
            ImGui::PushID(int(n.seq));
            const Severity sev = n.level == app::LogLevel::error     ? Severity::error
                                 : n.level == app::LogLevel::warning ? Severity::warning
                                                                     : Severity::info;
            ImGui::TextColored(severity_colour(sev), "%s", app::log_level_name(n.level));
            if (n.repeats > 1) {
                ImGui::SameLine();
                ImGui::TextDisabled("×%zu", n.repeats);
            }
            ImGui::SameLine(ImGui::GetContentRegionMax().x - button_width("Dismiss"));
            if (ImGui::SmallButton("Dismiss")) dismiss = n.seq;
            ImGui::PushTextWrapPos(em * 32);
            ImGui::TextUnformatted(n.message.c_str());
            ImGui::PopTextWrapPos();
            ImGui::Separator();
            ImGui::PopID();
        }
        if (notices.size() > 1 && ImGui::SmallButton("Dismiss all")) ctx.log.dismiss_all();
        if (dismiss != ~0ull) ctx.log.dismiss(dismiss);
    }
    ImGui::End();
}

void draw_about(ShellContext& ctx) {
    if (!ctx.ui.about_open) return;
    ImGui::SetNextWindowSize(ImVec2(460, 0), ImGuiCond_Appearing);
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::Begin("About eic###about", &ctx.ui.about_open, ImGuiWindowFlags_NoCollapse)) {
        ImGui::TextUnformatted("eic — Encord Import Console");
        ImGui::TextWrapped(
            "Design Encord's custom metadata schema and write, convert and validate import manifests "
            "(JSON and CSV) offline, all in this page. With a service-account key or an access token (kept in "
            "this page's memory only): sign and read GCS V4 URLs (with IAM signBlob when there is no key), check "
            "every object a manifest names in its bucket, list a bucket prefix into a manifest, fill images' and "
            "videos' metadata from their headers, and diagnose a bucket's CORS. With an Encord key (also in "
            "memory only): push the schema after a confirmation and verify it, list and create folders, and "
            "upload a manifest as jobs followed to the end, resumed after a reload. The schema draft and the "
            "open manifests are autosaved in this browser and come back after a reload; the standalone page "
            "opens and validates offline after one visit.");
        ImGui::Separator();
        ImGui::TextUnformatted("Built with Dear ImGui " IMGUI_VERSION " (MIT), nlohmann/json (MIT),");
        ImGui::TextUnformatted("{fmt} (MIT), pugixml (MIT), fflate (MIT) and the DejaVu fonts");
        ImGui::TextUnformatted("(Bitstream Vera licence).");
    }
    ImGui::End();
}

}  // namespace

void draw_shell(ShellContext& ctx) {
    draw_main_menu(ctx);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float top = ImGui::GetFrameHeight();  // the main menu bar
    const auto layout = app::default_layout(vp->Size.x, vp->Size.y, top);
    using Draw = void (*)(ShellContext&);
    const Draw draws[app::kPanelCount] = {draw_schema_panel, draw_manifest_panel, draw_log_panel};
    const std::string ids[app::kPanelCount] = {schema_window_title(ctx), "Manifest###manifest", "Log###log"};

    for (int i = 0; i < app::kPanelCount; ++i) {
        PanelState& ps = ctx.ui.panels[i];
        if (!ps.open) continue;
        const app::Rect& want = layout[i];
        if (!ps.user_placed) {
            // A drag moves the window during NewFrame, before this Begin: that is the user taking over.
            // (Only once we have placed it: after a reset last_set is empty.)
            if (ImGuiWindow* w = ImGui::FindWindowByName(ids[i].c_str());
                w && w->WasActive && ps.last_set.w > 0 && differs(w->Pos, ps.last_set.x, ps.last_set.y))
                ps.user_placed = true;
        }
        if (!ps.user_placed) {
            ImGui::SetNextWindowPos(ImVec2(want.x, want.y), ImGuiCond_Always);
            ImGui::SetNextWindowSize(ImVec2(want.w, want.h), ImGuiCond_Always);
            ps.last_set = want;
        }
        // Saved settings on: a panel the user placed comes back where it was (app/layout_record.hpp).
        const bool visible = ImGui::Begin(ids[i].c_str(), &ps.open, ImGuiWindowFlags_NoCollapse);
        // A resize is applied inside Begin, after the size we set.
        if (!ps.user_placed && differs(ImGui::GetWindowSize(), want.w, want.h)) ps.user_placed = true;
        if (visible) draws[i](ctx);
        ImGui::End();
    }
    draw_about(ctx);
    draw_help_windows(ctx.ui);
    draw_cloud_window(ctx);
    draw_encord_window(ctx);
    draw_notices(ctx);
}

}  // namespace eic::ui

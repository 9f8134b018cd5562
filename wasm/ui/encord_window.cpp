// The Encord window: where the API is (Encord's EU or US host, or a private deployment) and the key requests
// are signed with. The key file's text is read by core and its seed handed to the page's WebCrypto at once
// (app/encord/encord_connection.hpp); the window shows the key's id and comment, never the key. Below them,
// a tab for each part of Encord (encord_tabs.hpp).
#include "ui/encord_window.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <string>

#include "app/encord/encord_connection.hpp"
#include "app/encord/encord_transport.hpp"
#include "encord/endpoint.hpp"
#include "ui/encord_tabs.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

extern "C" void eic_js_encord_open_key();

namespace eic::ui {
namespace {

const char* const kDomains[] = {"https://api.encord.com (EU)", "https://api.us.encord.com (US)",
                                "another (private deployment)"};

// The connection's domain the choice shows. Another one was set elsewhere (restored at start, or given to
// connect()): the window adopts it. One window, one connection (web::encord_connection()).
std::string& shown_domain() {
    static std::string shown;
    return shown;
}

// Shows a domain set elsewhere in the choice and the address field.
void adopt_domain(EncordView& e, const std::string& domain) {
    shown_domain() = domain;
    e.domain_error.clear();
    if (domain == encord::kDefaultDomain)
        e.domain_choice = 0;
    else if (domain == encord::kUsDomain)
        e.domain_choice = 1;
    else {
        e.domain_choice = 2;
        std::snprintf(e.custom_domain, sizeof e.custom_domain, "%s", domain.c_str());
    }
}

void domain_section(EncordView& e) {
    web::EncordConnection& conn = web::encord_connection();
    if (conn.domain() != shown_domain()) adopt_domain(e, conn.domain());
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(em * 18);
    const int before = e.domain_choice;
    combo("Domain", &e.domain_choice, kDomains, 3);
    explain(
        "Encord's API host: api.encord.com, or api.us.encord.com for the US platform (Encord's SDK authentication "
        "page). A private deployment has its own.");
    if (e.domain_choice == 2) {
        same_line_if_fits(labelled_width("Address", em * 16));
        ImGui::SetNextItemWidth(em * 16);
        input_text("Address", "https://encord.example.com", e.custom_domain, sizeof e.custom_domain);
    }
    const std::string text = e.domain_choice == 0   ? encord::kDefaultDomain
                             : e.domain_choice == 1 ? encord::kUsDomain
                                                    : std::string(e.custom_domain);
    if (before != e.domain_choice || text != conn.domain()) e.domain_error = text.empty() ? "" : conn.set_domain(text);
    shown_domain() = conn.domain();
    if (!e.domain_error.empty()) ImGui::TextColored(severity_colour(Severity::error), "%s", e.domain_error.c_str());
}

void key_section(EncordView& e) {
    web::EncordConnection& conn = web::encord_connection();
    using KS = web::EncordConnection::KeyState;
    switch (conn.key_state()) {
        case KS::ready:
            ImGui::Text("Signing with key %.16s… %s", conn.keyid().c_str(), conn.comment().c_str());
            if (flow_button("Forget key")) conn.forget_key();
            remember_checkbox(conn.is_remembered(), [&](bool on) { conn.set_remember(on); });
            return;
        case KS::importing:
            ImGui::TextDisabled("Importing the key…");
            return;
        case KS::refused:
            ImGui::PushTextWrapPos(0);
            ImGui::TextColored(severity_colour(Severity::error), "%s", conn.key_error().c_str());
            ImGui::PopTextWrapPos();
            break;
        case KS::none:
            break;
    }
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(
        "Open your Encord private key (the Ed25519 key file Encord's web app downloads, OpenSSH format). It stays in "
        "this page's memory: it is not saved, logged or sent anywhere.");
    ImGui::PopTextWrapPos();
    if (ImGui::Button("Open key file…")) eic_js_encord_open_key();
    ImGui::InputTextMultiline("##Paste key", e.key_paste, sizeof e.key_paste,
                              ImVec2(-FLT_MIN, ImGui::GetFontSize() * 3), ImGuiInputTextFlags_Password);
    web::debug_items_name_last("Paste key");
    explain("Or paste the key file's text here (-----BEGIN OPENSSH PRIVATE KEY----- …).");
    ImGui::BeginDisabled(e.key_paste[0] == 0);
    if (ImGui::Button("Use pasted key")) {
        std::string text(e.key_paste);
        std::fill(std::begin(e.key_paste), std::end(e.key_paste), '\0');
        conn.use_key_text(text);
    }
    ImGui::EndDisabled();
}

// How the domain is reached (encord/transport_probe.hpp): said once the first job has probed it.
void transport_section() {
    web::EncordConnection& conn = web::encord_connection();
    const encord::ProbeVerdict v = conn.transport();
    if (v.message.empty()) return;
    using PS = encord::ProbeState;
    ImGui::PushTextWrapPos(0);
    if (v.state == PS::refused || v.state == PS::none)
        ImGui::TextColored(severity_colour(v.state == PS::refused ? Severity::error : Severity::warning), "%s",
                           v.message.c_str());
    else if (v.state == PS::running)
        ImGui::TextDisabled("%s", v.message.c_str());
    else
        ImGui::TextUnformatted(v.message.c_str());
    ImGui::PopTextWrapPos();
    // A policy refusal needs the page served again (the message says how), not another try.
    if (v.state == PS::refused && v.cause != net::Failure::policy) {
        if (ImGui::Button("Try again")) web::encord_transport().forget(conn.domain());
        explain("Forgets this verdict: the next request to Encord finds out again how it can be reached.");
    }
}

}  // namespace

void draw_encord_window(ShellContext& ctx) {
    EncordView& e = ctx.ui.encord;
    if (!e.open) return;
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(em * 46, std::min(em * 46, ImGui::GetMainViewport()->WorkSize.y * 0.92f)),
                             ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::Begin("Encord###encord", &e.open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        domain_section(e);
        transport_section();
        ImGui::Separator();
        key_section(e);
        // One part of Encord at a time, so each has the window's height (encord_tabs.hpp).
        if (ImGui::BeginTabBar("encord-tabs")) {
            if (ImGui::BeginTabItem("Schema")) {
                draw_encord_schema_tab(ctx);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Folders")) {
                draw_encord_folders_tab(ctx);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Upload")) {
                draw_encord_upload_tab(ctx);
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
    }
    ImGui::End();
}

}  // namespace eic::ui

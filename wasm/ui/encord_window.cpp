// The Encord window: where the API is (Encord's EU or US host, or a private deployment) and the key requests
// are signed with. The key file's text is read by core and its seed handed to the page's WebCrypto at once
// (app/encord/encord_connection.hpp); the window shows the key's id and comment, never the key.
#include "ui/encord_window.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <string>

#include "app/encord/encord_connection.hpp"
#include "encord/endpoint.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

extern "C" void eic_js_encord_open_key();

namespace eic::ui {
namespace {

const char* const kDomains[] = {"https://api.encord.com (EU)", "https://api.us.encord.com (US)",
                                "another (private deployment)"};

void domain_section(EncordView& e) {
    web::EncordConnection& conn = web::encord_connection();
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
    if (!e.domain_error.empty()) ImGui::TextColored(severity_colour(Severity::error), "%s", e.domain_error.c_str());
}

void key_section(EncordView& e) {
    web::EncordConnection& conn = web::encord_connection();
    using KS = web::EncordConnection::KeyState;
    switch (conn.key_state()) {
        case KS::ready:
            ImGui::Text("Signing with key %.16s… %s", conn.keyid().c_str(), conn.comment().c_str());
            if (flow_button("Forget key")) conn.forget_key();
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

// The schema that is live in Encord, fetched with the key and compared with the Schema panel's draft
// (the comparison the Schema panel shows for a file: three-way when the draft has a base).
void schema_section(ShellContext& ctx) {
    web::EncordConnection& conn = web::encord_connection();
    const std::string why = conn.cannot_fetch_schema();
    ImGui::BeginDisabled(!why.empty());
    if (ImGui::Button("Fetch the live schema")) conn.fetch_schema(ctx.workspace);
    ImGui::EndDisabled();
    explain("GET organisation/client-metadata-schema-v2, signed with your key as Encord's SDK signs it.");
    if (!why.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", why.c_str());
    }
    const encord::FetchSchemaJob* job = conn.schema_job();
    if (!job || !job->finished()) return;
    ImGui::PushTextWrapPos(0);
    if (!job->ok()) {
        ImGui::TextColored(severity_colour(Severity::error), "%s",
                           job->failure() ? web::failure_text(*job->failure()).c_str() : "The schema was not fetched.");
    } else {
        const auto& schema = *job->schema();
        ImGui::Text("The live schema of %s has %zu keys.", conn.domain().c_str(), schema.size());
        if (ImGui::Button("Compare with the draft"))
            compare_schema_text(ctx, "live schema (" + conn.domain() + ")", schema.dump());
        explain("Opens the comparison in the Schema panel: your draft against what is live in Encord.");
    }
    ImGui::PopTextWrapPos();
}

}  // namespace

void draw_encord_window(ShellContext& ctx) {
    EncordView& e = ctx.ui.encord;
    if (!e.open) return;
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(em * 42, em * 30), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::Begin("Encord###encord", &e.open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        domain_section(e);
        ImGui::Separator();
        key_section(e);
        ImGui::Separator();
        schema_section(ctx);
    }
    ImGui::End();
}

}  // namespace eic::ui

// The Encord window's Schema tab: the schema live in Encord, fetched with the key and compared with the
// Schema panel's draft.
#include <imgui.h>

#include <string>

#include "app/encord/encord_connection.hpp"
#include "ui/encord_tabs.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace eic::ui {

// The schema that is live in Encord, fetched with the key and compared with the Schema panel's draft
// (the comparison the Schema panel shows for a file: three-way when the draft has a base).
void draw_encord_schema_tab(ShellContext& ctx) {
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

}  // namespace eic::ui

// The Encord window's Schema tab: the schema live in Encord, fetched with the key and compared with the
// Schema panel's draft; the plan a push would carry out, and the push itself behind one confirmation that
// lists every change, the destructive ones set apart (web::EncordSchemaPush, app::SchemaPushJob).
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <string>

#include "app/counted.hpp"
#include "app/encord/encord_connection.hpp"
#include "app/encord/encord_schema_push.hpp"
#include "schema/change_words.hpp"
#include "ui/encord_tabs.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace eic::ui {
namespace {

constexpr const char* kConfirm = "Push to Encord?###push-schema";

std::size_t destructive_count(const schema::Plan& plan) {
    return std::size_t(
        std::count_if(plan.changes.begin(), plan.changes.end(), [](const schema::Change& c) { return c.destructive; }));
}

// One line per change; a destructive one in the warning colour, with what it does to indexed data.
void change_lines(const std::vector<schema::Change>& changes) {
    for (const auto& c : changes) {
        if (c.destructive) {
            ImGui::PushStyleColor(ImGuiCol_Text, severity_colour(Severity::warning));
            ImGui::Bullet();
            ImGui::TextWrapped("destructive: %s — %s", schema::change_words(c).c_str(),
                               schema::destructive_consequence(c).c_str());
            ImGui::PopStyleColor();
        } else {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", schema::change_words(c).c_str());
        }
    }
}

// The plan against what Encord has, and the button that asks to push it.
void plan_section(ShellContext& ctx, web::EncordSchemaPush& push) {
    const app::SchemaComparison* c = push.comparison(ctx.schema);
    if (!c) return;
    if (!c->plan) {
        ImGui::TextColored(severity_colour(Severity::error), "Encord's schema could not be read: %s",
                           c->load_errors.empty() ? "" : c->load_errors.front().message.c_str());
        return;
    }
    const schema::Plan& plan = *c->plan;
    ImGui::Text("Plan: %s to push (%zu destructive); %s in Encord since the draft's base; %s.",
                app::counted(plan.changes.size(), "change").c_str(), destructive_count(plan),
                app::counted(plan.remote_changes.size(), "change").c_str(),
                app::counted(plan.conflicts.size(), "conflict").c_str());
    const std::string why = push.cannot_push(ctx.schema);
    ImGui::BeginDisabled(!why.empty());
    if (ImGui::Button("Push to Encord…")) ctx.ui.encord.push_confirm_request = true;
    ImGui::EndDisabled();
    explain(
        "POST organisation/client-metadata-schema-v2 replaces Encord's whole schema. Encord's schema is read again "
        "just before: if it changed since it was fetched, nothing is pushed. Then it is read back to verify.");
    if (!why.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", why.c_str());
    }
}

void outcome_section(web::EncordSchemaPush& push) {
    const app::SchemaPushJob* job = push.job();
    if (!job) return;
    using O = app::PushOutcome;
    switch (job->outcome()) {
        case O::running:
            ImGui::ProgressBar(float(job->progress()), ImVec2(-FLT_MIN, 0),
                               job->posting() ? "Pushing the schema, then reading it back…"
                                              : "Reading Encord's schema before pushing…");
            return;
        case O::verified:
            ImGui::Text("Encord has the schema you pushed: %s, verified by reading it back.",
                        app::counted(job->body().size(), "key").c_str());
            return;
        case O::differs: {
            const auto keys = job->differences();
            ImGui::TextColored(severity_colour(Severity::error),
                               "Pushed, but the schema read back from Encord differs from what was pushed in %s:",
                               app::counted(keys.size(), "key").c_str());
            for (const auto& k : keys) ImGui::BulletText("%s", schema::quote(k).c_str());
            return;
        }
        case O::refused:
            ImGui::TextColored(severity_colour(Severity::warning),
                               "Encord's schema changed since you fetched it, so nothing was pushed. What changed "
                               "there (%s):",
                               app::counted(job->changed_since().size(), "change").c_str());
            change_lines(job->changed_since());
            ImGui::TextUnformatted(
                "The plan above is made again against Encord's schema now: review it and push again.");
            return;
        case O::failed:
            ImGui::TextColored(severity_colour(Severity::error), "The schema was not pushed: %s",
                               job->failure() ? web::failure_text(*job->failure()).c_str() : "cancelled.");
            if (job->failure() && job->failure()->api &&
                job->failure()->api->kind == encord::ApiErrorKind::unknown_outcome)
                ImGui::TextUnformatted("Fetch the live schema to see whether Encord took it.");
            return;
        case O::not_pushable:
            ImGui::TextColored(severity_colour(Severity::warning), "%s", job->not_pushable_reason().c_str());
            return;
    }
}

// The one confirmation: every change, the destructive ones set apart, then Push or Cancel.
void confirm_modal(ShellContext& ctx, web::EncordSchemaPush& push) {
    EncordView& e = ctx.ui.encord;
    if (e.push_confirm_request) {
        ImGui::OpenPopup(kConfirm);
        e.push_confirm_request = false;
    }
    if (!begin_modal(kConfirm)) return;
    const app::SchemaComparison* c = push.comparison(ctx.schema);
    if (!c || !c->plan) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const schema::Plan& plan = *c->plan;
    const float em = ImGui::GetFontSize();
    ImGui::PushTextWrapPos(em * 34);
    ImGui::TextWrapped(
        "This replaces the whole metadata schema of %s; Encord keeps no earlier version. Its schema is read again "
        "just before: if it changed since you fetched it, nothing is pushed.",
        web::encord_connection().domain().c_str());
    const std::size_t destructive = destructive_count(plan);
    if (destructive)
        ImGui::TextColored(severity_colour(Severity::warning), "%s destructive: data already indexed may be affected.",
                           app::counted(destructive, "change is", "changes are").c_str());
    ImGui::Text("%s:", app::counted(plan.changes.size(), "change").c_str());
    const bool scroll = plan.changes.size() > 12;
    if (scroll) ImGui::BeginChild("push-changes", ImVec2(em * 34, em * 18));
    change_lines(plan.changes);
    if (scroll) ImGui::EndChild();
    if (!plan.remote_changes.empty())
        ImGui::TextDisabled("Kept as Encord has them: %s made there since the draft's base.",
                            app::counted(plan.remote_changes.size(), "change").c_str());
    ImGui::PopTextWrapPos();
    ImGui::Separator();
    const std::string why = push.cannot_push(ctx.schema);
    ImGui::BeginDisabled(!why.empty());
    if (ImGui::Button("Push")) {
        push.push(ctx.workspace, ctx.schema);
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    if (!why.empty()) ImGui::TextDisabled("%s", why.c_str());
    ImGui::EndPopup();
}

}  // namespace

// The schema that is live in Encord, fetched with the key and compared with the Schema panel's draft
// (the comparison the Schema panel shows for a file: three-way when the draft has a base).
void draw_encord_schema_tab(ShellContext& ctx) {
    web::EncordConnection& conn = web::encord_connection();
    web::EncordSchemaPush& push = web::encord_schema_push();
    const std::string why = conn.cannot_fetch_schema();
    ImGui::BeginDisabled(!why.empty());
    if (ImGui::Button("Fetch the live schema")) conn.fetch_schema(ctx.workspace);
    ImGui::EndDisabled();
    explain("GET organisation/client-metadata-schema-v2, signed with your key as Encord's SDK signs it.");
    if (!why.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", why.c_str());
    }
    ImGui::PushTextWrapPos(0);
    const encord::FetchSchemaJob* job = conn.schema_job();
    if (job && job->finished() && !job->ok())
        ImGui::TextColored(severity_colour(Severity::error), "%s",
                           job->failure() ? web::failure_text(*job->failure()).c_str() : "The schema was not fetched.");
    if (const auto& live = push.live()) {
        ImGui::Text("The live schema of %s has %s.", conn.domain().c_str(), app::counted(live->size(), "key").c_str());
        if (ImGui::Button("Compare with the draft"))
            compare_schema_text(ctx, "live schema (" + conn.domain() + ")", live->dump());
        explain("Opens the comparison in the Schema panel: your draft against what is live in Encord.");
        plan_section(ctx, push);
    }
    outcome_section(push);
    ImGui::PopTextWrapPos();
    confirm_modal(ctx, push);
}

}  // namespace eic::ui

// The Encord window's Upload tab: the manifest in front sent to the folder and integration chosen in the
// Folders tab as data-upload jobs, followed to the end (app/upload_session.hpp, encord/upload_run.hpp);
// an upload saved before a reload, resumed or discarded; unit errors with the rows they came from; the
// failed units exported, or opened as a tab to send again.
#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/counted.hpp"
#include "app/encord/encord_upload.hpp"
#include "app/files.hpp"
#include "ui/encord_tabs.hpp"
#include "ui/manifest_tabs.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace eic::ui {
namespace {

const char* const kProfiles[] = {"enterprise", "team", "free", "recommended"};

app::UploadChoice choice_of(const EncordView& e) {
    const auto& d = web::encord_connection().destination();
    app::UploadChoice c;
    c.folder_uuid = d.folder_uuid;
    c.folder_name = d.folder_name;
    c.integration_uuid = d.integration_uuid;
    c.integration_title = d.integration_title;
    c.ignore_errors = e.upload_ignore_errors;
    c.skip_duplicate_urls = e.upload_skip_duplicates;
    c.profile = kProfiles[std::clamp(e.upload_profile, 0, 3)];
    c.max_items = std::uint64_t(std::max(0, e.upload_max_items));
    return c;
}

std::uint64_t final_batches(const encord::UploadLedger& l) {
    std::uint64_t n = 0;
    for (const auto& e : l.entries) n += e.state == encord::BatchState::final;
    return n;
}

void saved_section(ShellContext& ctx) {
    web::EncordUpload& up = web::encord_upload();
    if (!up.saved_error().empty() && !up.saved()) {
        wrapped_text(up.saved_error(), Severity::error, true);
        if (flow_button("Discard the saved upload")) up.discard_saved();
        ImGui::Separator();
        return;
    }
    if (!up.has_saved()) return;
    const app::UploadSession& s = *up.saved();
    const encord::UploadLedger& l = s.ledger();
    wrapped_text(
        fmt::format("An upload was under way when this page last closed: {} to folder \"{}\" on {}, {} of {} "
                    "final. Resume to follow its jobs again; a batch whose start was out when the page closed is "
                    "not sent again.",
                    s.saved_plan().manifest_name, s.saved_plan().folder_name, l.domain, final_batches(l),
                    app::counted(l.entries.size(), "batch")),
        Severity::warning, true);
    const std::string why = up.cannot_resume();
    ImGui::BeginDisabled(!why.empty());
    if (ImGui::Button("Resume the saved upload"))
        up.resume(ctx.workspace, [&](const std::string& name, std::string bytes) {
            return open_manifest_bytes(ctx, name, std::move(bytes));
        });
    ImGui::EndDisabled();
    if (flow_button("Discard the saved upload")) up.discard_saved();
    if (!why.empty()) wrapped_text(why);
    ImGui::Separator();
}

void options_section(ShellContext& ctx) {
    EncordView& e = ctx.ui.encord;
    web::EncordUpload& up = web::encord_upload();
    const auto& d = web::encord_connection().destination();
    if (d.folder_uuid.empty() || d.integration_uuid.empty())
        wrapped_text(
            "Choose the folder to upload to and the cloud integration Encord reads the bucket with, in the "
            "Folders tab.");
    else
        wrapped_text(
            fmt::format("Uploads go to folder \"{}\" through integration \"{}\".", d.folder_name, d.integration_title));
    const float em = ImGui::GetFontSize();
    ImGui::Checkbox("Ignore individual file errors", &e.upload_ignore_errors);
    explain(
        "The job's ignoreErrors: Encord registers the files that work and lists the ones that fail, instead of "
        "failing the job at the first error (Encord's SDK, StorageFolder.add_private_data_to_folder_start).");
    same_line_if_fits(checkbox_width("Skip duplicate URLs"));
    ImGui::Checkbox("Skip duplicate URLs", &e.upload_skip_duplicates);
    explain(
        "Writes skip_duplicate_urls: true in every batch, so a batch sent again (after a closed tab, or the "
        "failed units retried) never registers a file twice.");
    if (!e.upload_skip_duplicates)
        wrapped_text(
            "Without it, a batch sent twice registers its files twice: by you after an unknown outcome, or by "
            "the browser, which may re-send a POST whose connection closed before Encord answered.",
            Severity::warning, true);
    ImGui::SetNextItemWidth(em * 8);
    combo("Plan limits", &e.upload_profile, kProfiles, 4);
    explain("Items and bytes per upload job, from Encord's plan limits; media bytes per job from the object check.");
    same_line_if_fits(labelled_width("Items per job", em * 6));
    ImGui::SetNextItemWidth(em * 6);
    label_before("Items per job");
    ImGui::InputInt("##Items per job", &e.upload_max_items, 0);
    web::debug_items_name_last("Items per job");
    explain("Fewer items per job than the plan allows (0: the plan's limit).");
    if (e.upload_max_items < 0) e.upload_max_items = 0;

    const app::UploadChoice c = choice_of(e);
    const std::string why = up.cannot_start(ctx.workspace, c);
    e.upload_refusal = why;
    ImGui::BeginDisabled(!why.empty());
    if (ImGui::Button("Upload the manifest in front")) up.start(ctx.workspace, c);
    ImGui::EndDisabled();
    if (!why.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", why.c_str());
        ImGui::PopTextWrapPos();
    }
    if (!up.message().empty()) wrapped_text(up.message(), Severity::error, true);
}

const char* state_text(const encord::LedgerEntry& e) {
    if (e.state == encord::BatchState::final && e.status) {
        switch (*e.status) {
            case encord::JobStatus::done:
                return "done";
            case encord::JobStatus::error:
                return "error";
            case encord::JobStatus::cancelled:
                return "cancelled";
            default:
                break;
        }
    }
    return encord::batch_state_name(e.state);
}

// The failed units (Encord's unit errors, traced to items): exported, or opened as a tab to send again.
void failed_units_actions(ShellContext& ctx, const app::UploadSession& s) {
    const std::size_t failed = s.failed_unit_count();
    if (failed == 0) return;
    wrapped_text(fmt::format("Encord could not register {} (the Unit errors tab lists why, with their rows).",
                             app::counted(failed, "item")),
                 Severity::warning, true);
    if (ImGui::Button("Export the failed units…"))
        web::download("failed-units.json", "application/json", s.failed_units_manifest());
    explain("A manifest of the items whose units failed, with skip_duplicate_urls: fix the objects, then upload it.");
    if (flow_button("Open the failed units as a tab"))
        open_manifest_bytes(ctx, "failed-units.json", s.failed_units_manifest());
}

// What the run has done so far, and what to do about what failed.
void summary_section(ShellContext& ctx) {
    web::EncordUpload& up = web::encord_upload();
    const app::UploadSession* s = up.session();
    if (!s || !s->run()) return;
    const encord::UploadRun& run = *s->run();
    const encord::UploadLedger& l = run.ledger();
    const encord::UnitCounts t = run.totals();
    ImGui::Separator();
    wrapped_text(fmt::format("{} to folder \"{}\": {}, {} final. Units: {} done, {} failed, {} cancelled, {} pending.",
                             s->saved_plan().manifest_name, s->saved_plan().folder_name,
                             app::counted(l.entries.size(), "job"), final_batches(l), t.done, t.error, t.cancelled,
                             t.pending));
    const float em = ImGui::GetFontSize();
    ImGui::ProgressBar(float(run.progress()), ImVec2(std::min(em * 24, ImGui::GetContentRegionAvail().x), 0));
    if (!run.finished()) {
        ImGui::BeginDisabled(run.cancelling());
        if (flow_button(run.cancelling() ? "Cancelling…" : "Cancel the upload")) up.cancel();
        ImGui::EndDisabled();
    }
    if (!run.error().empty()) wrapped_text(run.error(), Severity::error, true);
    if (run.finished() && s->unsent_batch_count() > 0) {
        wrapped_text(
            fmt::format("{} did not get through (listed below). Look in Encord first for a job whose start had no "
                        "answer; the items left, sent again with skip_duplicate_urls, are not registered twice.",
                        app::counted(s->unsent_batch_count(), "job")),
            Severity::warning, true);
        if (ImGui::Button("Open what was not sent as a tab"))
            open_manifest_bytes(ctx, "not-sent.json", s->unsent_manifest());
    }
    if (!up.store_error().empty()) wrapped_text(up.store_error(), Severity::error, true);
    failed_units_actions(ctx, *s);
}

// The jobs, one row each, in the space left below.
void jobs_table(const encord::UploadRun& run) {
    const encord::UploadLedger& l = run.ledger();
    if (ImGui::BeginTable(
            "upload-jobs", 5,
            ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                ImGuiTableFlags_SizingStretchProp,
            ImVec2(0, std::max(ImGui::GetContentRegionAvail().y, ImGui::GetFrameHeightWithSpacing() * 4)))) {
        // Fixed widths for the short columns, so a long note cannot squeeze the job's name.
        const float em = ImGui::GetFontSize();
        ImGui::TableSetupScrollFreeze(0, 1);
        // The job column as wide as its longest name (by characters: one measure a frame), up to 45%.
        std::size_t longest = 0;
        for (std::size_t i = 1; i < l.entries.size(); ++i)
            if (l.entries[i].file_name.size() > l.entries[longest].file_name.size()) longest = i;
        const float name_w = l.entries.empty() ? em * 8 : ImGui::CalcTextSize(l.entries[longest].file_name.c_str()).x;
        ImGui::TableSetupColumn("Job", ImGuiTableColumnFlags_WidthFixed,
                                std::min(name_w, ImGui::GetContentRegionAvail().x * 0.45f));
        ImGui::TableSetupColumn("State", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("unknown_outcome").x);
        ImGui::TableSetupColumn("Done / failed / pending", ImGuiTableColumnFlags_WidthFixed,
                                ImGui::CalcTextSize("Done / failed / pending").x);
        ImGui::TableSetupColumn("Progress", ImGuiTableColumnFlags_WidthFixed, em * 5);
        ImGui::TableSetupColumn("Note", ImGuiTableColumnFlags_WidthStretch, 1.f);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < l.entries.size(); ++i) {
            const encord::LedgerEntry& e = l.entries[i];
            const encord::BatchReport& r = run.report(i);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            // The end tells the batches apart ("…part-003-of-012.json"); the whole name and the job's id
            // are the tooltip.
            text_keeping_end(e.file_name, ImGui::GetContentRegionAvail().x);
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort))
                ImGui::SetTooltip("%s%s%s", e.file_name.c_str(), e.job_uuid.empty() ? "" : "\nUpload job ",
                                  e.job_uuid.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(state_text(e));
            ImGui::TableNextColumn();
            if (e.counts)
                ImGui::Text("%llu / %llu / %llu", (unsigned long long)e.counts->done,
                            (unsigned long long)e.counts->error, (unsigned long long)e.counts->pending);
            ImGui::TableNextColumn();
            const double total = e.counts ? double(e.counts->total()) : 0;
            const double settled = total > 0 ? double(total - e.counts->pending) / total : 0;
            ImGui::ProgressBar(e.state == encord::BatchState::final ? 1.0f : float(settled), ImVec2(-FLT_MIN, 0), "");
            ImGui::TableNextColumn();
            const std::string& note = !e.message.empty() ? e.message : r.message;
            if (!note.empty()) {
                ImGui::TextColored(severity_colour(r.needs_rerun ? Severity::warning : Severity::info), "%s",
                                   note.c_str());
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", note.c_str());
            }
        }
        ImGui::EndTable();
    }
}

void select_row(ShellContext& ctx, app::TabId tab_id, std::uint32_t unit) {
    app::WorkspaceTab* t = ctx.workspace.find(tab_id);
    if (!t) return;
    ManifestTab& v = ctx.manifests.view(*t);
    v.selected = unit;
    v.selected_column = -1;
    v.scroll_to_selected = true;
    ctx.manifests.focus_request = tab_id;
    ctx.ui.panels[std::size_t(app::Panel::manifest)].open = true;
}

void unit_errors_table(ShellContext& ctx, const app::UploadSession* s) {
    const auto& rows = s->unit_error_rows();
    if (rows.empty()) {
        ImGui::TextDisabled("Encord reported no unit errors.");
        return;
    }
    const app::WorkspaceTab* tab = s->tab() ? ctx.workspace.find(*s->tab()) : nullptr;
    const float height = std::max(ImGui::GetContentRegionAvail().y, ImGui::GetFrameHeightWithSpacing() * 4);
    if (!ImGui::BeginTable("unit-errors", 6,
                           ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                               ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp,
                           ImVec2(0, height)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Row");
    ImGui::TableSetupColumn("Where");
    ImGui::TableSetupColumn("Objects");
    ImGui::TableSetupColumn("Error");
    ImGui::TableSetupColumn("Action");
    ImGui::TableSetupColumn("Subtask");
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(int(rows.size()));
    while (clipper.Step())
        for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
            const app::UnitErrorRow& r = rows[std::size_t(k)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(k);
            const std::optional<std::uint32_t> unit = r.item && tab ? s->row_of(*r.item, tab->doc) : std::nullopt;
            const std::string row = unit ? fmt::format("{}", std::uint64_t(*unit) + 1) : "-";
            if (ImGui::Selectable(row.c_str(), false, ImGuiSelectableFlags_SpanAllColumns) && unit)
                select_row(ctx, *s->tab(), *unit);
            ImGui::PopID();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.item ? r.where.c_str() : "no item of its job names these objects");
            ImGui::TableNextColumn();
            std::string urls;
            for (const auto& u : r.error.object_urls) urls += (urls.empty() ? "" : " ") + u;
            ImGui::TextUnformatted(urls.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.error.error.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.error.action_description.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.error.subtask_uuid.c_str());
        }
    ImGui::EndTable();
}

}  // namespace

void draw_encord_upload_tab(ShellContext& ctx) {
    web::EncordUpload& up = web::encord_upload();
    up.follow_rows(ctx.workspace);
    saved_section(ctx);
    // A new upload's options; folded when the tab first shows a resumed run (open it to start another).
    ImGui::SetNextItemOpen(!(up.session() && up.session()->run()), ImGuiCond_Once);
    if (ImGui::CollapsingHeader("New upload")) options_section(ctx);
    // Read after the options: their button (and Resume above) replace the session, freeing the one before.
    const app::UploadSession* s = up.session();
    if (!s || !s->run()) return;
    summary_section(ctx);
    if (ImGui::BeginTabBar("upload-views")) {
        if (ImGui::BeginTabItem("Jobs")) {
            jobs_table(*s->run());
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Unit errors")) {
            unit_errors_table(ctx, s);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
}

}  // namespace eic::ui

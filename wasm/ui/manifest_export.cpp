// Export of the tab in front: the menu, and the question asked before a file is downloaded that Encord
// would refuse (errors remain) or that differs from the table (app::plan_export decides both). A refused
// CSV export is said where the user acted, naming the items, and kept in the Log.
#include <fmt/format.h>
#include <imgui.h>

#include "app/counted.hpp"
#include "app/files.hpp"
#include "ui/manifest_views.hpp"
#include "ui/widgets.hpp"

namespace eic::ui {
namespace {

constexpr const char* kConfirm = "Export anyway?###export-confirm";

void download(ShellContext& ctx, ManifestTab& tab, app::ExportPlan& plan) {
    web::download(plan.file_name, plan.mime, *plan.bytes);
    tab.doc->mark_saved();
    const char* how = plan.kind == app::ExportKind::json_pretty    ? " (pretty)"
                      : plan.kind == app::ExportKind::json_compact ? " (compact)"
                                                                   : "";
    std::string msg = "Saved " + plan.file_name + how;
    if (plan.open_errors) msg += " with " + app::counted(plan.open_errors, "error") + " open";
    for (const std::string& c : plan.changes) msg += "; " + c;
    ctx.log.add(plan.open_errors || !plan.changes.empty() ? app::LogLevel::warning : app::LogLevel::info, msg,
                ctx.now_s);
}

void start(ShellContext& ctx, ManifestTab& tab, app::ExportKind kind) {
    app::ExportPlan plan = app::plan_export(*tab.doc, kind);
    if (!plan.bytes) {
        std::string msg = "CSV export of " + tab.doc->file_name() + " refused (save as JSON instead):";
        for (const std::string& r : plan.refused) msg += "\n• " + r;
        ctx.log.notify(app::LogLevel::error, msg, ctx.now_s);
        return;
    }
    if (!plan.needs_confirmation()) {
        download(ctx, tab, plan);
        return;
    }
    tab.export_plan = std::move(plan);
    tab.export_confirm_request = true;
}

}  // namespace

void export_menu(ShellContext& ctx, ManifestTab& tab) {
    const app::ManifestDocument& doc = *tab.doc;
    const bool can = doc.is_open() && doc.editable();
    if (ImGui::MenuItem("Save as JSON (pretty)", nullptr, false, can)) start(ctx, tab, app::ExportKind::json_pretty);
    if (ImGui::MenuItem("Save as JSON (compact)", nullptr, false, can)) start(ctx, tab, app::ExportKind::json_compact);
    if (ImGui::MenuItem("Save as CSV", nullptr, false, can)) start(ctx, tab, app::ExportKind::csv);
    explain("CSV holds object URLs and titles only: a manifest with metadata or other fields stays JSON.");
}

void export_dialogs(ShellContext& ctx, ManifestTab& tab) {
    if (tab.export_confirm_request) {
        ImGui::OpenPopup(kConfirm);
        tab.export_confirm_request = false;
    }
    if (!begin_modal(kConfirm)) return;
    if (!tab.export_plan) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    app::ExportPlan& plan = *tab.export_plan;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36);
    if (plan.open_errors)
        ImGui::TextColored(severity_colour(Severity::error), "%s remain in %s: Encord would refuse those items.",
                           app::counted(plan.open_errors, "error").c_str(), tab.doc->file_name().c_str());
    if (!plan.changes.empty()) {
        ImGui::TextColored(severity_colour(Severity::warning), "%s differs from the table:", plan.file_name.c_str());
        for (const std::string& c : plan.changes) ImGui::BulletText("%s", c.c_str());
    }
    ImGui::PopTextWrapPos();
    if (ImGui::Button("Export anyway")) {
        download(ctx, tab, plan);
        tab.export_plan.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (plan.open_errors && ImGui::Button("Show the errors")) {
        tab.status_filter = 1;  // with errors
        tab.rows_dirty = true;
        tab.pane = ManifestPane::table;
        tab.pane_requested = true;
        tab.export_plan.reset();
        ImGui::CloseCurrentPopup();
    }
    if (plan.open_errors) ImGui::SameLine();
    if (ImGui::Button("Cancel")) {
        tab.export_plan.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace eic::ui

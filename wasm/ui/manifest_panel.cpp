// The Manifest panel draws the manifest workspace (core/app/manifest_workspace.hpp): its tabs (picked,
// dropped, pasted, fetched from a URL, or new), each with its table, its findings and its insight
// views; export, split and schema inference act on the tab in front. Opening, closing, validation and
// its policy are the workspace's; the panel issues the commands and logs what the workspace reports.
#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>

#include "app/browser_limits.hpp"
#include "app/counted.hpp"
#include "app/files.hpp"
#include "app/finding_step.hpp"
#include "ui/manifest_views.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace eic::ui {
namespace {

app::ValidationInputs inputs(const ShellContext& ctx) {
    return {ctx.schema.draft().schema, ctx.schema.revision(), ctx.ui.manifest_view.checks()};
}

std::string base_name(const std::string& name) {
    std::size_t dot = name.rfind('.');
    return dot == std::string::npos ? name : name.substr(0, dot);
}

void split_popup(ShellContext& ctx, ManifestTab& tab) {
    if (!ImGui::BeginPopup("Split into batches")) return;
    static const char* const profiles[] = {"recommended", "enterprise", "team", "free", "max items"};
    ImGui::SetNextItemWidth(160);
    combo("Profile", &tab.split_profile, profiles, 5);
    if (tab.split_profile == 4) {
        label_before("Items per batch");
        ImGui::SetNextItemWidth(160);
        ImGui::InputInt("##Items per batch", &tab.split_max_items);
        web::debug_items_name_last("Items per batch");
        tab.split_max_items = std::max(1, tab.split_max_items);
    }
    static const char* const formats[] = {"JSON", "CSV"};
    ImGui::SetNextItemWidth(160);
    combo("Batch format", &tab.split_format, formats, 2);
    ImGui::Checkbox("One zip file", &tab.split_zip);
    if (ImGui::Button("Split and download")) {
        manifest::SplitProfile profile = tab.split_profile == 4
                                             ? manifest::max_items_profile(std::uint64_t(tab.split_max_items))
                                             : *manifest::split_profile(profiles[tab.split_profile]);
        auto r = tab.doc->split(profile, tab.split_format ? manifest::Format::csv : manifest::Format::json);
        // Said where the user acted, naming the items; the Log keeps them.
        const auto number = tab.doc->item_numbers();
        for (Severity sev : {Severity::error, Severity::warning}) {
            const auto lines = app::export_reasons(r.diagnostics, number, 6, sev);
            if (lines.empty()) continue;
            std::string msg = "Split of " + tab.doc->file_name() + (sev == Severity::error ? " refused:" : ":");
            for (const std::string& l : lines) msg += "\n• " + l;
            ctx.log.notify(sev == Severity::error ? app::LogLevel::error : app::LogLevel::warning, msg, ctx.now_s);
        }
        if (!r.parts.empty()) {
            std::vector<std::pair<std::string, std::string>> files;
            for (auto& p : r.parts) files.emplace_back(p.name, std::move(p.bytes));
            if (tab.split_zip) {
                web::download_zip(base_name(tab.doc->file_name()) + ".batches.zip", files);
            } else {
                for (const auto& [name, bytes] : files)
                    web::download(name, tab.split_format ? "text/csv" : "application/json", bytes);
            }
            ctx.log.add(app::LogLevel::info,
                        fmt::format("Split {} into {} batches ({})", tab.doc->file_name(), files.size(),
                                    tab.split_zip ? "one zip" : "one file each"),
                        ctx.now_s);
        }
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void infer_into_schema_panel(ShellContext& ctx, ManifestTab& tab) {
    manifest::InferResult r = tab.doc->infer_schema();
    for (const auto& d : r.diagnostics)
        if (d.severity != Severity::info)
            ctx.log.add(d.severity == Severity::error ? app::LogLevel::warning : app::LogLevel::info,
                        "Infer: " + d.message, ctx.now_s);
    if (r.draft.schema.empty()) {
        ctx.log.notify(app::LogLevel::warning,
                       "No schema could be inferred from " + tab.doc->file_name() +
                           ": no item has clientMetadata with a value to take a type from",
                       ctx.now_s);
        return;
    }
    // The current schema becomes the comparison, so the Schema panel shows what the inferred draft
    // changes and where it conflicts; the replacement is one undo step in the Schema panel.
    const std::string previous = ctx.schema.draft_text();
    const std::string previous_name = "your previous draft (" + ctx.schema.file_name() + ")";
    schema::Draft inferred = r.draft;
    ctx.schema.edit("Infer from " + tab.doc->file_name(), [&](schema::Draft& d) {
        d = inferred;
        return Diagnostics{};
    });
    compare_schema_text(ctx, previous_name, previous);
    ctx.ui.panels[std::size_t(app::Panel::schema)].open = true;
    ctx.log.add(app::LogLevel::info,
                fmt::format("Inferred {} from {} of {}; the Schema panel compares them with {}",
                            app::counted(inferred.schema.size(), "key"), app::counted(r.items_with_metadata, "item"),
                            tab.doc->file_name(), previous_name),
                ctx.now_s);
}

void toolbar(ShellContext& ctx) {
    ManifestView& v = ctx.ui.manifest_view;
    ManifestTabs& tabs = ctx.manifests;
    app::ManifestWorkspace& ws = ctx.workspace;
    if (ImGui::Button("Open manifest…")) web::request_open_file(web::FilePurpose::open_manifest, web::kManifestAccept);
    if (flow_button("New manifest")) {
        ws.open_new(inputs(ctx), ctx.now_s);
        log_workspace_events(ctx);
    }
    if (flow_button("Open URL…")) ImGui::OpenPopup("Open a manifest from a URL");
    if (ImGui::BeginPopup("Open a manifest from a URL")) {
        ImGui::TextUnformatted("The server must allow this page (CORS); no cookies or credentials are sent.");
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 36);
        bool go = input_text("URL", "https://…/manifest.json", tabs.url, sizeof tabs.url,
                             ImGuiInputTextFlags_EnterReturnsTrue);
        if (ImGui::Button("Fetch") || go) {
            web::fetch_file(web::FilePurpose::open_manifest, tabs.url);
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    same_line_if_fits(checkbox_width("Strict client-only"));
    ImGui::Checkbox("Strict client-only", &v.strict_client_only);
    explain(
        "For a bucket registered for client-only access, where Encord never reads the files: every "
        "video and image must carry complete videoMetadata / imageMetadata (Encord's GCP import guide).");
    static const char* const plans[] = {"no plan", "enterprise", "team", "free"};
    same_line_if_fits(labelled_width("Plan", 110));
    ImGui::SetNextItemWidth(110);
    combo("Plan", &v.plan, plans, 4);
    explain(
        "Your Encord plan: its limits (file size, items per file, data units at one time) become errors, "
        "and the batch sizes Encord recommends are shown. \"no plan\" checks only what holds for every plan.");
    app::WorkspaceTab* front = ws.active();
    if (!front) return;
    ManifestTab* tab = &tabs.view(*front);
    app::ManifestDocument& doc = *tab->doc;
    // The second line acts on the tab in front.
    if (ImGui::Button("Validate")) ws.validate(tab->id, inputs(ctx));
    same_line_if_fits(button_width("Undo"));
    ImGui::BeginDisabled(!doc.can_undo());
    if (ImGui::Button("Undo")) {
        doc.undo();
        edited(ctx, *tab, "Undo");
    }
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && doc.can_undo())
        ImGui::SetTooltip("Undo %s (Ctrl+Z)", doc.undo_label().c_str());
    same_line_if_fits(button_width("Redo"));
    ImGui::BeginDisabled(!doc.can_redo());
    if (ImGui::Button("Redo")) {
        doc.redo();
        edited(ctx, *tab, "Redo");
    }
    ImGui::EndDisabled();
    if (flow_button("Export…")) ImGui::OpenPopup("Export the manifest");
    if (ImGui::BeginPopup("Export the manifest")) {
        export_menu(ctx, *tab);
        ImGui::EndPopup();
    }
    export_dialogs(ctx, *tab);
    same_line_if_fits(button_width("Split…"));
    ImGui::BeginDisabled(!doc.editable());
    if (ImGui::Button("Split…")) ImGui::OpenPopup("Split into batches");
    ImGui::EndDisabled();
    explain("Write the manifest as several files, each within a plan's limits or Encord's recommended batch size.");
    split_popup(ctx, *tab);
    same_line_if_fits(button_width("Infer schema"));
    ImGui::BeginDisabled(!doc.editable());
    if (ImGui::Button("Infer schema")) infer_into_schema_panel(ctx, *tab);
    ImGui::EndDisabled();
    explain(
        "Make a schema from this manifest's clientMetadata. It REPLACES the draft in the Schema panel "
        "(one undo step there), which then compares it with your previous draft.");
}

void status_line(ShellContext& ctx, const app::WorkspaceTab& wt) {
    const app::ManifestDocument& doc = wt.doc;
    if (doc.validating()) {
        ImGui::ProgressBar(float(doc.progress()), ImVec2(ImGui::GetFontSize() * 16, 0),
                           fmt::format("{:.0f}%", doc.progress() * 100).c_str());
        ImGui::SameLine();
        ImGui::Text("Validating %s: %.0f MB/s", app::byte_size_text(doc.size()).c_str(), doc.rate_mb_s());
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) {
            ctx.workspace.cancel(wt.id, ctx.now_s);
            log_workspace_events(ctx);
        }
        return;
    }
    const auto& result = doc.result();
    if (!result) return;
    const auto& s = result->summary;
    std::string collections;
    for (const auto& [name, n] : s.collections)
        collections += (collections.empty() ? "" : ", ") + std::to_string(n) + " " + name;
    // Pieces that wrap as wholes: at 1280 px the line does not fit.
    ImGui::TextColored(severity_colour(Severity::error), "%s", app::counted(s.errors, "error").c_str());
    const std::string warnings = app::counted(s.warnings, "warning"), infos = app::counted(s.infos, "info");
    same_line_if_fits(ImGui::CalcTextSize(warnings.c_str()).x);
    ImGui::TextColored(severity_colour(Severity::warning), "%s", warnings.c_str());
    same_line_if_fits(ImGui::CalcTextSize(infos.c_str()).x);
    ImGui::TextColored(severity_colour(Severity::info), "%s", infos.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    flow_text(fmt::format("{} ({})", app::counted(doc.units().live_count(), "row"),
                          collections.empty() ? "none" : collections)
                  .c_str());
    flow_text(fmt::format("{} at the recommended size", app::counted(s.batches, "batch", "batches")).c_str());
    flow_text(fmt::format("{} in {:.0f} ms{}", app::byte_size_text(s.bytes), s.ms, s.cancelled ? " (cancelled)" : "")
                  .c_str());
    ImGui::PopStyleColor();
    ImGui::PushTextWrapPos(0);
    if (!doc.editable())
        ImGui::TextColored(severity_colour(Severity::warning),
                           "This file could not be read to the end, so it is listed but not editable: fix the findings "
                           "in the file, or validate it again.");
    else if (doc.stale())
        ImGui::TextColored(severity_colour(Severity::info),
                           "Edited: findings across rows (duplicates, limits) are updated by the next full pass%s",
                           ctx.workspace.auto_revalidates(wt) ? "" : " (press Validate)");
    else if (ctx.workspace.schema_changed(wt, ctx.schema.revision()))
        ImGui::TextColored(severity_colour(Severity::warning),
                           "The schema changed since this validation: validate again.");
    ImGui::PopTextWrapPos();
}

// Keyboard, while the panel has focus and no text field takes the keys: undo and redo the tab in
// front, open (Ctrl+O), find (Ctrl+F: the table's Search field), the next or previous finding (F8,
// Shift+F8: selected and jumped to), and a pasted manifest (JSON or CSV text) opens in a new tab.
void shortcuts(ShellContext& ctx) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || !ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) return;
    app::WorkspaceTab* front = ctx.workspace.active();
    ManifestTab* tab = front ? &ctx.manifests.view(*front) : nullptr;
    if (tab && ImGui::IsKeyPressed(ImGuiKey_F8) && tab->doc->result()) {
        const int next = app::step_finding(tab->doc->result()->diagnostics.size(), tab->selected_finding, !io.KeyShift);
        if (next >= 0) jump_to_finding(*tab, std::size_t(next));
    }
    if (!(io.KeyCtrl || io.KeySuper)) return;
    if (ImGui::IsKeyPressed(ImGuiKey_O, false))
        web::request_open_file(web::FilePurpose::open_manifest, web::kManifestAccept);
    if (tab && ImGui::IsKeyPressed(ImGuiKey_F, false)) {
        tab->focus_search = true;
        tab->pane = ManifestPane::table;
        tab->pane_requested = true;
    }
    if (tab && ImGui::IsKeyPressed(ImGuiKey_Z, false)) {
        io.KeyShift ? tab->doc->redo() : tab->doc->undo();
        edited(ctx, *tab, io.KeyShift ? "Redo" : "Undo");
    }
    if (tab && ImGui::IsKeyPressed(ImGuiKey_Y, false)) {
        tab->doc->redo();
        edited(ctx, *tab, "Redo");
    }
    if (ImGui::IsKeyPressed(ImGuiKey_V, false)) {
        const char* text = ImGui::GetClipboardText();
        if (!text || !*text) return;
        ctx.workspace.paste(text, inputs(ctx), ctx.now_s);
        log_workspace_events(ctx);
    }
}

}  // namespace

void log_workspace_events(ShellContext& ctx) {
    for (app::WorkspaceEvent& e : ctx.workspace.take_events()) {
        ctx.log.add(e.level, std::move(e.message), e.time_s);
        if (e.kind == app::WorkspaceEvent::Kind::closed) {
            ctx.manifests.views.erase(e.tab);
        } else if (e.kind == app::WorkspaceEvent::Kind::validated) {
            // The table's rows follow a finished validation.
            if (auto it = ctx.manifests.views.find(e.tab); it != ctx.manifests.views.end())
                it->second->rows_dirty = true;
        }
    }
}

void edited(ShellContext& ctx, ManifestTab& tab, const std::string& what) {
    tab.rows_dirty = true;
    tab.edit_unit = app::ManifestDocument::kNoUnit;
    ctx.workspace.edited(tab.id, what, ctx.now_s);
    log_workspace_events(ctx);
}

void update_manifests(ShellContext& ctx) {
    ctx.workspace.update(inputs(ctx), ctx.now_s);
    log_workspace_events(ctx);
}

bool work_on_manifests(ShellContext& ctx, double budget_s) {
    const bool busy = ctx.workspace.step(budget_s, ctx.now_s);
    log_workspace_events(ctx);
    return busy;
}

app::TabId open_manifest_bytes(ShellContext& ctx, const std::string& name, std::string bytes) {
    const app::TabId id = ctx.workspace.open(name, std::move(bytes), inputs(ctx), ctx.now_s);
    ctx.ui.panels[std::size_t(app::Panel::manifest)].open = true;
    log_workspace_events(ctx);
    return id;
}

void draw_manifest_panel(ShellContext& ctx) {
    app::ManifestWorkspace& ws = ctx.workspace;
    ManifestTabs& tabs = ctx.manifests;
    shortcuts(ctx);
    toolbar(ctx);
    if (ws.empty()) {
        ImGui::TextDisabled("No manifest is open.");
        ImGui::TextWrapped(
            "Open, drop, paste or fetch an import manifest (Encord's JSON or CSV), or start a new one. It is "
            "validated against the schema in the Schema panel; every finding is placed on its row and cell, "
            "and quick fixes, edits, export and splitting into batches work on the table.");
        return;
    }
    // A tab the workspace brought in front (opened, or the one left after a close) is selected in the
    // tab bar, and stays the one in front until the tab bar shows it.
    if (ws.active_id() != tabs.shown) tabs.focus_request = ws.active_id();
    if (!ImGui::BeginTabBar("manifests", ImGuiTabBarFlags_FittingPolicyScroll)) return;
    app::TabId close = 0;
    for (std::size_t i = 0; i < ws.tabs().size(); ++i) {
        app::WorkspaceTab& wt = *ws.tabs()[i];
        ManifestTab& tab = tabs.view(wt);
        bool open = true;
        ImGuiTabItemFlags flags = wt.doc.dirty() ? ImGuiTabItemFlags_UnsavedDocument : 0;
        if (tabs.focus_request == wt.id) flags |= ImGuiTabItemFlags_SetSelected;
        std::string label = ws.display_name(wt.id) + "###manifest-tab-" + std::to_string(wt.id);
        if (ImGui::BeginTabItem(label.c_str(), &open, flags)) {
            if (tabs.focus_request == 0 || tabs.focus_request == wt.id) {
                ws.activate(wt.id);
                tabs.shown = wt.id;
                tabs.focus_request = 0;
            }
            status_line(ctx, wt);
            if (ImGui::BeginTabBar("views")) {
                // A jump asks for a pane; the request holds until its tab is submitted selected (a
                // jump from inside a later tab's content must wait for the next frame).
                bool requested = false;
                auto item = [&](const char* name, ManifestPane pane) {
                    ImGuiTabItemFlags f = 0;
                    if (tab.pane_requested && tab.pane == pane) {
                        f = ImGuiTabItemFlags_SetSelected;
                        requested = true;
                    }
                    if (!ImGui::BeginTabItem(name, nullptr, f)) return false;
                    if (!tab.pane_requested) tab.pane = pane;
                    return true;
                };
                if (item("Table", ManifestPane::table)) {
                    draw_manifest_table(ctx, tab);
                    ImGui::EndTabItem();
                }
                if (item("Findings", ManifestPane::findings)) {
                    draw_manifest_findings(ctx, tab);
                    ImGui::EndTabItem();
                }
                if (item("Insight", ManifestPane::insight)) {
                    draw_manifest_insight(ctx, tab);
                    ImGui::EndTabItem();
                }
                if (requested) tab.pane_requested = false;
                ImGui::EndTabBar();
            }
            ImGui::EndTabItem();
        }
        if (!open) close = wt.id;
    }
    ImGui::EndTabBar();
    // Edits are never dropped silently: a tab with unsaved edits asks first.
    if (close && ws.close(close, false, ctx.now_s) == app::ManifestWorkspace::CloseState::unsaved) {
        tabs.confirm_close = close;
        ImGui::OpenPopup("Close without saving?");
    }
    if (begin_modal("Close without saving?")) {
        const app::WorkspaceTab* t = ws.find(tabs.confirm_close);
        if (!t) {
            ImGui::CloseCurrentPopup();
        } else {
            ImGui::Text("%s has edits that were not exported.", t->doc.file_name().c_str());
            if (ImGui::Button("Close and discard edits")) {
                ws.close(tabs.confirm_close, true, ctx.now_s);
                ImGui::CloseCurrentPopup();
            }
            ImGui::SameLine();
            if (ImGui::Button("Keep it open")) ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    log_workspace_events(ctx);
}

}  // namespace eic::ui

// The Manifest panel: manifests open in tabs (picked, dropped, pasted, fetched from a URL, or new),
// each validated as a job stepped within the frame, with its table, its findings and its insight
// views; export, split and schema inference act on the tab in front.
#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>

#include "app/browser_limits.hpp"
#include "app/files.hpp"
#include "ui/manifest_views.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace eic::ui {
namespace {

constexpr double kFrameBudgetMs = 6.0;                   // validation's share of a 16.7 ms frame
constexpr std::size_t kAutoRevalidateBytes = 64u << 20;  // larger files re-validate on request only
constexpr double kEditPauseS = 0.6;

app::ManifestChecks checks_of(const ManifestView& v) {
    app::ManifestChecks c;
    c.strict_client_only = v.strict_client_only;
    if (v.plan > 0) c.plan = (manifest::Plan)(v.plan - 1);
    return c;
}

void start_validation(ShellContext& ctx, ManifestTab& tab) {
    tab.doc->validate(ctx.schema.draft().schema, checks_of(ctx.ui.manifest_view));
    tab.validated_schema_revision = ctx.schema.revision();
}

// A finished validation: logged once, and the table's rows follow it.
void log_result(ShellContext& ctx, ManifestTab& tab) {
    const app::ManifestDocument& doc = *tab.doc;
    tab.rows_dirty = true;
    const auto& r = doc.result();
    if (!r) return;
    ctx.log.add(
        r->summary.errors ? app::LogLevel::warning : app::LogLevel::info,
        fmt::format("Validated {}: {} items, {} errors, {} warnings{} in {:.0f} ms", doc.file_name(), r->summary.items,
                    r->summary.errors, r->summary.warnings, r->summary.cancelled ? ", cancelled" : "", r->summary.ms),
        ctx.now_s);
}

// Steps every tab's job for its share of the frame; logs a result once, when it arrives.
void step_jobs(ShellContext& ctx) {
    auto& tabs = ctx.manifests.tabs;
    for (auto& t : tabs) {
        app::ManifestDocument& doc = *t->doc;
        if (!doc.validating()) continue;
        auto t0 = std::chrono::steady_clock::now();
        const double budget = kFrameBudgetMs / double(tabs.size());
        std::size_t chunk = 1 << 20;
        while (true) {
            if (doc.step(chunk)) {
                log_result(ctx, *t);
                break;
            }
            double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
            if (ms >= budget) break;
            if (ms < budget / 4) chunk *= 2;
        }
    }
}

// After edits or a schema change, a full pass once the user pauses (small files only: a large one
// is validated again on request, so typing never waits for it).
void auto_revalidate(ShellContext& ctx, ManifestTab& tab) {
    app::ManifestDocument& doc = *tab.doc;
    if (!doc.is_open() || doc.validating() || doc.size() > kAutoRevalidateBytes) return;
    const bool schema_changed = tab.validated_schema_revision != ctx.schema.revision();
    if (!(doc.stale() || schema_changed)) return;
    if (tab.last_edit_s >= 0 && ctx.now_s - tab.last_edit_s < kEditPauseS) return;
    start_validation(ctx, tab);
}

std::string base_name(const std::string& name) {
    std::size_t dot = name.rfind('.');
    return dot == std::string::npos ? name : name.substr(0, dot);
}

void export_menu(ShellContext& ctx, ManifestTab& tab) {
    app::ManifestDocument& doc = *tab.doc;
    const bool can = doc.is_open() && doc.editable();
    if (ImGui::MenuItem("Save as JSON (pretty)", nullptr, false, can)) {
        web::download(base_name(doc.file_name()) + ".json", "application/json", doc.export_json(true));
        doc.mark_saved();
        ctx.log.add(app::LogLevel::info, "Saved " + base_name(doc.file_name()) + ".json (pretty)", ctx.now_s);
    }
    if (ImGui::MenuItem("Save as JSON (compact)", nullptr, false, can)) {
        web::download(base_name(doc.file_name()) + ".json", "application/json", doc.export_json(false));
        doc.mark_saved();
        ctx.log.add(app::LogLevel::info, "Saved " + base_name(doc.file_name()) + ".json (compact)", ctx.now_s);
    }
    if (ImGui::MenuItem("Save as CSV", nullptr, false, can)) {
        auto r = doc.export_csv();
        if (r.bytes) {
            web::download(base_name(doc.file_name()) + ".csv", "text/csv", *r.bytes);
            doc.mark_saved();
            ctx.log.add(app::LogLevel::info, "Saved " + base_name(doc.file_name()) + ".csv", ctx.now_s);
        } else {
            for (std::size_t i = 0; i < r.diagnostics.size() && i < 5; ++i)
                ctx.log.add(app::LogLevel::error, "CSV export refused: " + r.diagnostics[i].message, ctx.now_s);
            if (r.diagnostics.size() > 5)
                ctx.log.add(app::LogLevel::error,
                            fmt::format("... and {} more reasons; save as JSON instead", r.diagnostics.size() - 5),
                            ctx.now_s);
        }
    }
}

void split_popup(ShellContext& ctx, ManifestTab& tab) {
    if (!ImGui::BeginPopup("Split into batches")) return;
    static const char* const profiles[] = {"recommended", "enterprise", "team", "free", "max items"};
    ImGui::SetNextItemWidth(160);
    combo("Profile", &tab.split_profile, profiles, 5);
    if (tab.split_profile == 4) {
        ImGui::SetNextItemWidth(160);
        ImGui::InputInt("Items per batch", &tab.split_max_items);
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
        for (const auto& d : r.diagnostics)
            ctx.log.add(d.severity == Severity::error ? app::LogLevel::error : app::LogLevel::warning,
                        "Split: " + d.message, ctx.now_s);
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
        ctx.log.add(app::LogLevel::warning, "No schema could be inferred: no clientMetadata with a type", ctx.now_s);
        return;
    }
    // The current schema becomes the comparison, so the Schema panel shows what the inferred draft
    // changes and where it conflicts; the replacement is one undo step in the Schema panel.
    const std::string previous = ctx.schema.draft_text();
    const std::string previous_name = ctx.schema.file_name().empty() ? "current schema" : ctx.schema.file_name();
    schema::Draft inferred = r.draft;
    ctx.schema.edit("Infer from " + tab.doc->file_name(), [&](schema::Draft& d) {
        d = inferred;
        return Diagnostics{};
    });
    compare_schema_text(ctx, previous_name, previous);
    ctx.ui.panels[std::size_t(app::Panel::schema)].open = true;
    ctx.log.add(app::LogLevel::info,
                fmt::format("Inferred {} keys from {} items of {}; the Schema panel compares them with {}",
                            inferred.schema.size(), r.items_with_metadata, tab.doc->file_name(), previous_name),
                ctx.now_s);
}

void toolbar(ShellContext& ctx) {
    ManifestView& v = ctx.ui.manifest_view;
    ManifestTabs& tabs = ctx.manifests;
    if (ImGui::Button("Open manifest…"))
        web::request_open_file(web::FilePurpose::open_manifest, ".json,.csv,application/json,text/csv");
    ImGui::SameLine();
    if (ImGui::Button("New manifest")) {
        ManifestTab& t = tabs.add();
        t.doc->open_new(fmt::format("untitled-{}.json", t.id), ctx.schema.draft().schema, checks_of(v));
        t.validated_schema_revision = ctx.schema.revision();
    }
    ImGui::SameLine();
    if (ImGui::Button("Open URL…")) ImGui::OpenPopup("Open a manifest from a URL");
    if (ImGui::BeginPopup("Open a manifest from a URL")) {
        ImGui::TextUnformatted("The server must allow this page (CORS); no cookies or credentials are sent.");
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 36);
        bool go = ImGui::InputTextWithHint("URL", "https://…/manifest.json", tabs.url, sizeof tabs.url,
                                           ImGuiInputTextFlags_EnterReturnsTrue);
        if (ImGui::Button("Fetch") || go) {
            web::fetch_file(web::FilePurpose::open_manifest, tabs.url);
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    ImGui::SameLine();
    ImGui::Checkbox("Strict client-only", &v.strict_client_only);
    ImGui::SameLine();
    static const char* const plans[] = {"no plan", "enterprise", "team", "free"};
    ImGui::SetNextItemWidth(110);
    combo("Plan", &v.plan, plans, 4);
    ManifestTab* tab = tabs.current();
    if (!tab) return;
    app::ManifestDocument& doc = *tab->doc;
    // The second line acts on the tab in front.
    if (ImGui::Button("Validate")) start_validation(ctx, *tab);
    ImGui::SameLine();
    ImGui::BeginDisabled(!doc.can_undo());
    if (ImGui::Button("Undo")) {
        doc.undo();
        edited(ctx, *tab, "Undo");
    }
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && doc.can_undo())
        ImGui::SetTooltip("Undo %s", doc.undo_label().c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(!doc.can_redo());
    if (ImGui::Button("Redo")) {
        doc.redo();
        edited(ctx, *tab, "Redo");
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Export…")) ImGui::OpenPopup("Export the manifest");
    if (ImGui::BeginPopup("Export the manifest")) {
        export_menu(ctx, *tab);
        ImGui::EndPopup();
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(!doc.editable());
    if (ImGui::Button("Split…")) ImGui::OpenPopup("Split into batches");
    ImGui::EndDisabled();
    split_popup(ctx, *tab);
    ImGui::SameLine();
    ImGui::BeginDisabled(!doc.editable());
    if (ImGui::Button("Infer schema")) infer_into_schema_panel(ctx, *tab);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip(
            "Infer a schema draft from this manifest's clientMetadata and open it in the Schema panel,\n"
            "compared with the current schema");
}

void status_line(ShellContext& ctx, ManifestTab& tab) {
    app::ManifestDocument& doc = *tab.doc;
    if (doc.validating()) {
        ImGui::ProgressBar(float(doc.progress()), ImVec2(ImGui::GetFontSize() * 16, 0),
                           fmt::format("{:.0f}%", doc.progress() * 100).c_str());
        ImGui::SameLine();
        ImGui::Text("Validating %s: %.0f MB/s", app::byte_size_text(doc.size()).c_str(), doc.rate_mb_s());
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) {
            doc.cancel();
            ctx.log.add(app::LogLevel::warning, "Validation of " + doc.file_name() + " cancelled", ctx.now_s);
        }
        return;
    }
    const auto& result = doc.result();
    if (!result) return;
    const auto& s = result->summary;
    std::string collections;
    for (const auto& [name, n] : s.collections)
        collections += (collections.empty() ? "" : ", ") + std::to_string(n) + " " + name;
    ImGui::TextColored(severity_colour(Severity::error), "%llu errors", (unsigned long long)s.errors);
    ImGui::SameLine();
    ImGui::TextColored(severity_colour(Severity::warning), "%llu warnings", (unsigned long long)s.warnings);
    ImGui::SameLine();
    ImGui::TextColored(severity_colour(Severity::info), "%llu infos", (unsigned long long)s.infos);
    ImGui::SameLine();
    ImGui::TextDisabled("| %zu rows (%s); %llu batch%s at the recommended size; %s in %.0f ms%s",
                        doc.units().live_count(), collections.empty() ? "none" : collections.c_str(),
                        (unsigned long long)s.batches, s.batches == 1 ? "" : "es", app::byte_size_text(s.bytes).c_str(),
                        s.ms, s.cancelled ? " (cancelled)" : "");
    if (!doc.editable())
        ImGui::TextColored(severity_colour(Severity::warning),
                           "This file could not be read to the end, so it is listed but not editable: fix the findings "
                           "in the file, or validate it again.");
    else if (doc.stale())
        ImGui::TextColored(severity_colour(Severity::info),
                           "Edited: findings across rows (duplicates, limits) are updated by the next full pass%s",
                           doc.size() > kAutoRevalidateBytes ? " (press Validate)" : "");
    else if (tab.validated_schema_revision != ctx.schema.revision())
        ImGui::TextColored(severity_colour(Severity::warning),
                           "The schema changed since this validation: validate again.");
}

// Keyboard, while the panel has focus and no text field takes the keys: undo and redo the tab in
// front, and a pasted manifest (JSON or CSV text) opens in a new tab.
void shortcuts(ShellContext& ctx) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || !ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) return;
    if (!(io.KeyCtrl || io.KeySuper)) return;
    ManifestTab* tab = ctx.manifests.current();
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
        std::string_view t(text);
        std::size_t i = t.find_first_not_of(" \t\r\n");
        const bool json = i != std::string_view::npos && (t[i] == '{' || t[i] == '[');
        open_manifest_bytes(ctx, json ? "pasted.json" : "pasted.csv", std::string(t));
    }
}

}  // namespace

void open_manifest_bytes(ShellContext& ctx, const std::string& name, std::string bytes) {
    ManifestTab& tab = ctx.manifests.add();
    const std::size_t n = bytes.size();
    tab.doc->open(name, std::move(bytes), ctx.schema.draft().schema, checks_of(ctx.ui.manifest_view));
    tab.validated_schema_revision = ctx.schema.revision();
    ctx.ui.panels[std::size_t(app::Panel::manifest)].open = true;
    ctx.log.add(app::LogLevel::info, "Opened the manifest " + name + " (" + app::byte_size_text(n) + ")", ctx.now_s);
}

void validate_to_end(ShellContext& ctx) {
    ManifestTab* tab = ctx.manifests.current();
    if (!tab || !tab->doc->validating()) return;
    while (!tab->doc->step(std::size_t(64) << 20)) {
    }
    log_result(ctx, *tab);
}

void edited(ShellContext& ctx, ManifestTab& tab, const std::string& what) {
    tab.last_edit_s = ctx.now_s;
    tab.rows_dirty = true;
    tab.edit_unit = app::ManifestDocument::kNoUnit;
    ctx.log.add(app::LogLevel::debug, what + " in " + tab.doc->file_name(), ctx.now_s);
}

void draw_manifest_panel(ShellContext& ctx) {
    step_jobs(ctx);
    shortcuts(ctx);
    ManifestTabs& tabs = ctx.manifests;
    toolbar(ctx);
    if (tabs.tabs.empty()) {
        ImGui::TextDisabled("No manifest is open.");
        ImGui::TextWrapped(
            "Open, drop, paste or fetch an import manifest (Encord's JSON or CSV), or start a new one. It is "
            "validated against the schema in the Schema panel; every finding is placed on its row and cell, "
            "and quick fixes, edits, export and splitting into batches work on the table.");
        return;
    }
    if (!ImGui::BeginTabBar("manifests", ImGuiTabBarFlags_FittingPolicyScroll)) return;
    int close = -1;
    for (int i = 0; i < int(tabs.tabs.size()); ++i) {
        ManifestTab& tab = *tabs.tabs[std::size_t(i)];
        bool open = true;
        ImGuiTabItemFlags flags = tab.doc->dirty() ? ImGuiTabItemFlags_UnsavedDocument : 0;
        if (tabs.focus_request == i) flags |= ImGuiTabItemFlags_SetSelected;
        std::string label = tab.doc->file_name() + "###manifest-tab-" + std::to_string(tab.id);
        if (ImGui::BeginTabItem(label.c_str(), &open, flags)) {
            // A tab asked for (just opened) stays the active one until the tab bar shows it.
            if (tabs.focus_request < 0 || tabs.focus_request == i) {
                tabs.active = i;
                tabs.focus_request = -1;
            }
            auto_revalidate(ctx, tab);
            status_line(ctx, tab);
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
        if (!open) close = i;
    }
    ImGui::EndTabBar();
    // Edits are never dropped silently: a tab with unsaved edits asks first.
    if (close >= 0 && tabs.tabs[std::size_t(close)]->doc->dirty()) {
        tabs.confirm_close = close;
        close = -1;
        ImGui::OpenPopup("Close without saving?");
    }
    if (ImGui::BeginPopupModal("Close without saving?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        const int i = tabs.confirm_close;
        if (i < 0 || i >= int(tabs.tabs.size())) {
            ImGui::CloseCurrentPopup();
        } else {
            ImGui::Text("%s has edits that were not exported.", tabs.tabs[std::size_t(i)]->doc->file_name().c_str());
            if (ImGui::Button("Close and discard edits")) {
                close = i;
                ImGui::CloseCurrentPopup();
            }
            ImGui::SameLine();
            if (ImGui::Button("Keep it open")) ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    if (close >= 0) {
        ctx.log.add(app::LogLevel::info, "Closed " + tabs.tabs[std::size_t(close)]->doc->file_name(), ctx.now_s);
        tabs.tabs.erase(tabs.tabs.begin() + close);
        if (tabs.active > close || tabs.active >= int(tabs.tabs.size())) --tabs.active;
        if (tabs.focus_request == close)
            tabs.focus_request = -1;
        else if (tabs.focus_request > close)
            --tabs.focus_request;
    }
}

}  // namespace eic::ui

// What the canvas app reports of itself: state() for the JS API and the tests, and the one-line summary
// for the page's live region (app/state_summary.hpp). Read-only views of CanvasApp (canvas_app.hpp).
#include <emscripten/emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <utility>

#include "app/canvas_app.hpp"
#include "app/cloud_bridge.hpp"
#include "app/cloud_checks.hpp"
#include "app/debug_items.hpp"
#include "app/encord/encord_connection.hpp"
#include "app/encord/encord_folders.hpp"
#include "app/encord/encord_schema_push.hpp"
#include "app/encord/encord_transport.hpp"
#include "app/encord/encord_upload.hpp"
#include "app/file_kind.hpp"
#include "app/files.hpp"
#include "app/host_events.hpp"
#include "app/net/transport.hpp"
#include "app/recent_store.hpp"
#include "app/secrets.hpp"
#include "app/state_summary.hpp"
#include "schema/change_words.hpp"
#include "schema/wire.hpp"
#include "ui/panels.hpp"
#include "ui/shell.hpp"

namespace eic::web {

nlohmann::json CanvasApp::check_state() const {
    const app::BucketCheck* check = cloud_checks().of(workspace_.active_id());
    if (!check) return nullptr;
    nlohmann::json counts = nlohmann::json::object();
    for (const auto& [state, n] : check->counts()) counts[gcs::object_state_name(state)] = n;
    nlohmann::json objects = nlohmann::json::array();
    const auto& results = check->results();
    for (std::size_t i = 0; i < results.size() && i < 100; ++i) {  // the first 100: the state is read often
        const auto& r = results[i];
        objects.push_back({{"url", r.url},
                           {"unit", check->urls()[i].unit},
                           {"state", gcs::object_state_name(r.state)},
                           {"status", r.status},
                           {"attempts", r.attempts},
                           {"size", r.size ? nlohmann::json(*r.size) : nlohmann::json()},
                           {"contentType", r.content_type},
                           {"errorCode", r.error_code},
                           {"serverCanonicalRequest", r.server_canonical_request},
                           {"eicCanonicalRequest", r.eic_canonical_request},
                           {"detail", r.detail}});
    }
    const auto& job = check->job();
    return {{"running", check->running()},
            {"waitingForToken", cloud_checks().waiting_for_token(workspace_.active_id())},
            {"runs", cloud_checks().runs(workspace_.active_id())},
            {"total", check->urls().size()},
            {"done", job ? job->done() : 0},
            {"rate", job ? job->rate() : 0.0},
            {"endpoint", cloud_checks().endpoint()},
            {"transport", session_transport_name()},
            {"counts", counts},
            {"objects", objects}};
}

namespace {
// The last fetch of the live schema: {fetches, running, ok, keys, error}.
nlohmann::json schema_fetch_state(const EncordConnection& c) {
    const encord::FetchSchemaJob* job = c.schema_job();
    if (!job) return nullptr;
    return {{"fetches", c.schema_fetches()},
            {"running", !job->finished()},
            {"ok", job->ok()},
            {"keys", job->ok() && job->schema() ? job->schema()->size() : 0},
            {"error", job->failure() ? failure_text(*job->failure()) : ""}};
}
// What the workspace's job runner holds, for tests: each job's label and whether it waits on I/O.
nlohmann::json runner_jobs_state(const app::ManifestWorkspace& ws) {
    nlohmann::json out = nlohmann::json::array();
    for (const jobs::JobInfo& j : ws.runner().jobs()) out.push_back({{"label", j.label}, {"waiting", j.waiting}});
    return out;
}

// The Upload tab's upload, for tests: per job its ledger entry; the unit errors with their rows.
nlohmann::json upload_state(const app::ManifestWorkspace& ws, const ui::EncordView& view) {
    const web::EncordUpload& up = web::encord_upload();
    nlohmann::json saved = nullptr;
    if (up.saved() || !up.saved_error().empty())
        saved = {{"present", up.has_saved()},
                 {"error", up.saved_error()},
                 {"manifest", up.saved() ? up.saved()->saved_plan().manifest_name : ""},
                 {"batches", up.saved() ? up.saved()->ledger().entries.size() : 0},
                 {"cannotResume", up.cannot_resume()}};
    nlohmann::json out = {
        {"starts", up.starts()},
        {"message", up.message()},
        {"storeError", up.store_error()},
        {"saved", saved},
        {"running", up.running()},
        {"cannotStart", view.upload_refusal},
        {"store", {{"plan", up.plan_stored()}, {"written", up.ledger_written()}, {"stored", up.ledger_stored()}}}};
    const app::UploadSession* s = up.session();
    if (!s || !s->run()) return out;
    const encord::UploadRun& run = *s->run();
    nlohmann::json jobs = nlohmann::json::array();
    for (std::size_t i = 0; i < run.size(); ++i) {
        const encord::LedgerEntry& e = run.ledger().entries[i];
        nlohmann::json j = {{"file", e.file_name},
                            {"state", encord::batch_state_name(e.state)},
                            {"jobUuid", e.job_uuid},
                            {"needsRerun", run.report(i).needs_rerun},
                            {"message", e.message.empty() ? run.report(i).message : e.message}};
        if (e.counts)
            j["counts"] = {{"pending", e.counts->pending},
                           {"done", e.counts->done},
                           {"error", e.counts->error},
                           {"cancelled", e.counts->cancelled}};
        jobs.push_back(std::move(j));
    }
    const encord::UnitCounts t = run.totals();
    const app::WorkspaceTab* tab = s->tab() ? ws.find(*s->tab()) : nullptr;
    nlohmann::json errors = nlohmann::json::array();
    for (const app::UnitErrorRow& r : s->unit_error_rows()) {
        const auto row = r.item && tab ? s->row_of(*r.item, tab->doc) : std::nullopt;
        errors.push_back({{"batch", r.batch},
                          {"row", row ? nlohmann::json(*row + 1) : nlohmann::json(nullptr)},
                          {"where", r.where},
                          {"urls", r.error.object_urls},
                          {"error", r.error.error}});
    }
    out["run"] = {{"finished", run.finished()},
                  {"cancelling", run.cancelling()},
                  {"error", run.error()},
                  {"restored", s->restored()},
                  {"tab", s->tab() ? *s->tab() : 0},
                  {"totals", unit_counts_json(t)},
                  {"jobs", std::move(jobs)},
                  {"unitErrors", std::move(errors)},
                  {"failedUnits", s->failed_unit_count()},
                  {"unsentBatches", s->unsent_batch_count()}};
    return out;
}

// How the domain in use is reached (encord/transport_probe.hpp): {probe, message}.
nlohmann::json encord_transport_state(const EncordConnection& c) {
    const encord::ProbeVerdict v = c.transport();
    return {{"probe", encord::probe_state_name(v.state)}, {"message", v.message}};
}

// The schema push (the Schema tab): the plan against what Encord has, and the last push's outcome.
nlohmann::json schema_push_state(const app::SchemaDocument& doc) {
    EncordSchemaPush& p = encord_schema_push();
    nlohmann::json out = {{"pushes", p.pushes()}, {"running", p.running()}, {"cannotPush", p.cannot_push(doc)}};
    const app::SchemaComparison* c = p.comparison(doc);
    out["plan"] = nullptr;
    if (c && c->plan)
        out["plan"] = {{"changes", c->plan->changes.size()},
                       {"remoteChanges", c->plan->remote_changes.size()},
                       {"conflicts", c->plan->conflicts.size()},
                       {"applicable", c->plan->applicable()},
                       {"destructive", schema::destructive_changes(*c->plan)}};
    const app::SchemaPushJob* job = p.job();
    if (!job) return out;
    nlohmann::json changed = nlohmann::json::array();
    for (const auto& ch : job->changed_since()) changed.push_back(schema::change_words(ch));
    out["outcome"] = app::push_outcome_name(job->outcome());
    out["pushed"] = job->pushed();
    out["verified"] = job->verified();
    out["differences"] = job->differences();
    out["refused"] = job->outcome() == app::PushOutcome::refused;
    out["changedSince"] = changed;
    out["keys"] = job->body().is_object() ? job->body().size() : 0;
    out["requests"] = job->requests();  // eic's sends, the fetch before included
    out["error"] = job->failure() ? failure_text(*job->failure()) : job->not_pushable_reason();
    return out;
}
}  // namespace

// The Encord window's connection, for tests: never the key, only its public id.
nlohmann::json CanvasApp::encord_state() const {
    const EncordConnection& c = encord_connection();
    static const char* const states[] = {"none", "importing", "ready", "refused"};
    return {{"open", ui_.encord.open},
            {"domain", c.domain()},
            {"domainError", ui_.encord.domain_error},
            {"keyState", states[int(c.key_state())]},
            {"keyRemembered", c.is_remembered()},
            {"keyid", c.keyid()},
            {"keyComment", c.comment()},
            {"keyError", c.key_error()},
            {"transport", encord_transport_state(c)},
            {"schema", schema_fetch_state(c)},
            {"integrations", integrations_state(encord_folders())},
            {"folders", folders_state(encord_folders())},
            {"push", schema_push_state(schema_)},
            {"upload", upload_state(workspace_, ui_.encord)}};
}

// The media fill of the tab in front, for tests.
nlohmann::json CanvasApp::fill_state() const {
    const app::MediaFillJob* f = cloud_checks().fill_of(workspace_.active_id());
    if (!f) return nullptr;
    const app::MediaFillCounts& n = f->counts();
    return {{"running", !f->finished()},         {"targets", n.targets},     {"filled", n.filled},
            {"hadMetadata", n.had_metadata},     {"notInGcs", n.not_in_gcs}, {"changedSince", n.changed_since},
            {"unreadable", f->findings().size()}};
}

// The media headers of the tab in front that could not be read (a listing's or a fill's), where they are
// shown: the row's "#" (null: not on a row).
nlohmann::json CanvasApp::media_findings_state() const {
    nlohmann::json out = nlohmann::json::array();
    if (const auto* placed = cloud_checks().import_findings(workspace_, workspace_.active_id()))
        for (const app::UnitFinding& f : *placed)
            out.push_back(
                {{"item", f.whole_check ? nlohmann::json() : nlohmann::json(f.unit + 1)}, {"code", f.diagnostic.code}});
    return out;
}

// The CORS doctor's last run, for tests.
nlohmann::json CanvasApp::cors_state() const {
    const app::CorsDoctorRun* run = cloud_checks().cors_run();
    if (!run) return nullptr;
    nlohmann::json out = {{"running", !run->finished()},
                          {"runs", cloud_checks().cors_runs()},
                          {"bucket", run->request().bucket},
                          {"asked", run->asked()}};
    if (const auto& d = run->diagnosis()) {
        out["verdict"] = gcs::cors_verdict_name(d->verdict);
        out["explanation"] = d->explanation;
        out["fixConfig"] = d->fix_config;
        out["fixCommand"] = d->fix_command;
        out["missingHeaders"] = d->missing_headers;
    }
    return out;
}

// The last bucket listing into a manifest, for tests.
nlohmann::json CanvasApp::import_state() const {
    const app::BucketImportJob* job = cloud_checks().import_job();
    if (!job) return nullptr;
    const app::BucketImportResult& r = job->result();
    nlohmann::json skipped = nlohmann::json::array(), findings = nlohmann::json::array();
    for (const auto& s : r.skipped) skipped.push_back(s.name);
    for (const auto& f : r.findings) findings.push_back({{"item", f.item}, {"code", f.diagnostic.code}});
    return {{"running", !job->finished()},
            {"waitingForToken", job->waiting_for_token()},
            {"error", r.error},
            {"listed", r.listed},
            {"items", r.items},
            {"withMetadata", r.with_metadata},
            {"skipped", skipped},
            {"findings", findings}};
}

nlohmann::json CanvasApp::manifest_state() const {
    const app::WorkspaceTab* front = workspace_.active();
    if (!front) return nullptr;
    const app::ManifestDocument& doc = front->doc;
    // What the views remember of the tab; a tab not drawn yet has the views' defaults.
    const ui::ManifestTab none;
    const ui::ManifestTab* tab = manifests_.find(front->id);
    if (!tab) tab = &none;
    nlohmann::json names = nlohmann::json::array();
    nlohmann::json labels = nlohmann::json::array();  // as the tab bar shows them
    for (const auto& t : workspace_.tabs()) {
        names.push_back(t->doc.file_name());
        labels.push_back(workspace_.display_name(t->id));
    }
    const char* panes[] = {"table", "findings", "insight"};
    nlohmann::json m = {{"tabs", names},
                        {"tabLabels", labels},
                        {"codeFilter", tab->filter.code},
                        {"active", workspace_.active_index()},
                        {"fileName", doc.file_name()},
                        {"bytes", doc.size()},
                        {"validating", doc.validating()},
                        {"progress", doc.progress()},
                        {"editable", doc.editable()},
                        {"stale", doc.stale()},
                        {"dirty", doc.dirty()},
                        {"units", doc.units().live_count()},
                        {"rows", tab->rows.size()},
                        {"pane", panes[int(tab->pane)]},
                        {"canUndo", doc.can_undo()},
                        {"canRedo", doc.can_redo()},
                        {"undoLabel", doc.undo_label()}};
    if (tab->selected != app::ManifestDocument::kNoUnit) {
        auto it = std::find(tab->rows.begin(), tab->rows.end(), tab->selected);
        m["selected"] = {{"unit", tab->selected},
                         {"row", it == tab->rows.end() ? -1 : int(it - tab->rows.begin())},
                         {"column", tab->selected_column >= 0 && tab->selected_column < int(tab->columns.size())
                                        ? nlohmann::json(tab->columns[std::size_t(tab->selected_column)].label)
                                        : nlohmann::json(nullptr)}};
        // Where the selected cell was drawn last frame, and how much of it its table showed (0..1).
        if (tab->selected_cell_visible >= 0)
            m["selected"]["cell"] = {{"x", tab->selected_cell[0]},
                                     {"y", tab->selected_cell[1]},
                                     {"w", tab->selected_cell[2]},
                                     {"h", tab->selected_cell[3]},
                                     {"visible", tab->selected_cell_visible}};
        if (const manifest::Item* item = doc.item(tab->selected)) {
            nlohmann::json cells = nlohmann::json::object();
            for (const auto& c : tab->columns)
                if (c.kind != app::ColumnKind::status)
                    cells[c.label] = app::cell_text(*item, doc.units().unit(tab->selected).collection, c);
            m["selected"]["cells"] = cells;
        }
    }
    if (const auto& r = doc.result()) {
        m["summary"] = validation_summary_json(r->summary);
        auto codes = nlohmann::json::object();
        for (const auto& [code, n] : doc.counts_by_code()) codes[code] = n;
        m["codes"] = codes;
        if (tab->selected_finding >= 0 && tab->selected_finding < int(r->diagnostics.size())) {
            const Diagnostic& d = r->diagnostics[std::size_t(tab->selected_finding)];
            m["selectedFinding"] = {{"code", d.code},
                                    {"line", d.line},
                                    {"fix", doc.fix_label(std::size_t(tab->selected_finding))},
                                    {"excerpt", tab->excerpt.size()}};
        }
    }
    const auto& in = tab->insight.model;
    m["insight"] = {{"embeddingKey", in.projected_key()},
                    {"points", in.units().size()},
                    {"selected", in.selected_units().size()},
                    {"colourKey", in.coloured_key()},
                    {"summaries", in.summaries().size()}};
    return m;
}

std::string CanvasApp::state_summary_text() const {
    app::StateFacts f;
    if (running_) {
        const ImGuiWindow* focused = ImGui::GetCurrentContext()->NavWindow;
        if (focused) {
            // A window's title may carry state after " — " and its id after "##": the panel's name only.
            std::string name = focused->RootWindow ? focused->RootWindow->Name : focused->Name;
            for (const char* cut : {"##", " \xE2\x80\x94 "})
                if (const auto at = name.find(cut); at != std::string::npos) name.resize(at);
            f.panel = name;
        }
    }
    if (const app::WorkspaceTab* tab = workspace_.active()) {
        f.manifest = tab->doc.file_name();
        f.validating = tab->doc.validating();
        if (const auto& r = tab->doc.result()) {
            f.validated = true;
            f.items = r->summary.items;
            f.errors = r->summary.errors;
            f.warnings = r->summary.warnings;
        }
    }
    f.schema = schema_.file_name();
    f.keys = schema_.draft().schema.size();
    f.schema_unsaved = schema_.dirty();
    if (!log_.notices().empty())
        f.message = log_.notices().back().message;
    else if (!log_.entries().empty())
        f.message = log_.entries().back().message;
    return app::state_summary(f);
}

std::string CanvasApp::state_json() const {
    nlohmann::json panels = nlohmann::json::object();
    for (int i = 0; i < app::kPanelCount; ++i)
        panels[app::panel_title((app::Panel)i)] = {{"open", ui_.panels[i].open},
                                                   {"userPlaced", ui_.panels[i].user_placed}};
    nlohmann::json notices = nlohmann::json::array();
    for (const app::Notice& n : log_.notices())
        notices.push_back({{"level", app::log_level_name(n.level)}, {"message", n.message}, {"repeats", n.repeats}});
    nlohmann::json popups = nlohmann::json::array();  // the open popups and modals, outermost first
    if (running_)
        for (const ImGuiPopupData& p : ImGui::GetCurrentContext()->OpenPopupStack)
            if (p.Window) popups.push_back(p.Window->Name);
    nlohmann::json recent = nlohmann::json::array();  // File > Open recent, newest first
    for (const app::RecentFile& f : recent_store().files().entries())
        recent.push_back(
            {{"name", f.name}, {"kind", app::recent_kind_name(f.kind)}, {"bytes", f.bytes}, {"kept", f.kept}});
    nlohmann::json s = {
        {"frameMs", frame_ms_},
        {"recent", {{"restored", recent_store().restored()}, {"files", recent}}},
        {"secretsHeld", app::held_secrets_text(held_secrets(ui_.cloud))},  // what is held, never the secrets
        {"frames", frames_},
        {"jobs", runner_jobs_state(workspace_)},
        {"presented", presented_},
        {"display", {{"width", css_w_}, {"height", css_h_}, {"dpr", dpr_}}},
        {"theme", ui_.dark() ? "dark" : "light"},
        {"themePreference", ui::kThemePrefNames[(int)ui_.theme]},
        {"panels", panels},
        {"aboutOpen", ui_.about_open},
        {"cloud",
         {{"open", ui_.cloud.open},
          {"keyEmail", ui_.cloud.key_email},
          {"keyRemembered", ui_.cloud.key_remembered},
          {"keyError", ui_.cloud.key_error},
          {"hasToken", cloud_checks().has_token()},  // whether one is held; never the token
          {"url", ui_.cloud.url},
          {"signError", ui_.cloud.sign_error},
          {"pending", ui_.cloud.sign_pending != 0 || ui_.cloud.inspect_pending != 0},
          {"inspection", ui_.cloud.inspection},
          {"check", check_state()},
          {"import", import_state()},
          // What the fields hold: typed text reaches ImGui a character or so a frame.
          {"fields",
           {{"endpoint", ui_.cloud.endpoint},
            {"listBucket", ui_.cloud.list_bucket},
            {"listPrefix", ui_.cloud.list_prefix},
            {"bucket", ui_.cloud.bucket},
            {"object", ui_.cloud.object},
            {"signAs", ui_.cloud.sign_as},
            {"iamEndpoint", ui_.cloud.iam_endpoint},
            {"corsBucket", ui_.cloud.cors_bucket},
            {"corsObject", ui_.cloud.cors_object}}},
          {"cors", cors_state()},
          {"fill", fill_state()},
          {"mediaFindings", media_findings_state()}}},
        {"encord", encord_state()},
        {"help", {{"shortcuts", ui_.help.shortcuts_open}, {"codes", ui_.help.codes_open}, {"code", ui_.help.code}}},
        {"notices", notices},
        {"popups", popups},
        {"manifest", manifest_state()},
        {"schema",
         {{"title", schema_.draft().title},
          {"fileName", schema_.file_name()},
          {"dirty", schema_.dirty()},
          {"target", schema::target_name(schema_.target())},
          {"keys", schema_.draft().schema.size()},
          {"wire", schema::write_wire(schema_.draft().schema)},
          {"notes", schema_.draft().notes},
          {"history", schema_.history_labels()},
          {"historyPosition", schema_.history_position()},
          {"comparing", ui_.schema_view.comparing},
          {"comparison", ui_.schema_view.comparing ? nlohmann::json(app::comparison_json(ui_.schema_view.comparison))
                                                   : nlohmann::json()},
          {"lastError", ui_.schema_view.last_error}}},
        {"log",
         {{"count", log_.entries().size()},
          {"errors", log_.count(app::LogLevel::error)},
          {"filter", ui_.log_view.filter},
          {"last", log_.entries().empty() ? "" : log_.entries().back().message}}},
    };
    if (running_) {
        const ImGuiIO& io = ImGui::GetIO();
        s["wantTextInput"] = io.WantTextInput;
        s["fontScale"] = io.FontGlobalScale;
    }
    return s.dump();
}

}  // namespace eic::web

#include "app/host_events.hpp"

#include <emscripten/emscripten.h>

#include "app/encord/encord_schema_push.hpp"
#include "app/encord/encord_upload.hpp"

extern "C" {
// wasm/app/eic_app_lib.js
void eic_js_host_event(const char* name, const char* detail_json);
}

namespace eic::web {

nlohmann::json validation_summary_json(const manifest::ValidationSummary& s) {
    return {{"items", s.items},     {"errors", s.errors}, {"warnings", s.warnings},  {"infos", s.infos},
            {"batches", s.batches}, {"format", s.format}, {"cancelled", s.cancelled}};
}

void emit_host_event(const char* name, const nlohmann::json& detail) { eic_js_host_event(name, detail.dump().c_str()); }

void HostEvents::notice(const app::ManifestWorkspace& ws) {
    notice_validations(ws);
    notice_jobs();
}

// A tab seen for the first time already validated (a small file validates within the step that opened
// it) counts as ended too; a tab validated again after edits reports again.
void HostEvents::notice_validations(const app::ManifestWorkspace& ws) {
    std::map<app::TabId, bool> now;
    for (const auto& t : ws.tabs()) {
        const bool validating = t->doc.validating();
        now[t->id] = validating;
        const auto before = validating_.find(t->id);
        const bool was_validating = before == validating_.end() || before->second;
        if (validating || !was_validating || !t->doc.result()) continue;
        const manifest::ValidationResult& r = *t->doc.result();
        emit_host_event(
            "manifest-validated",
            {{"tab", t->id}, {"fileName", t->doc.file_name()}, {"summary", validation_summary_json(r.summary)}});
    }
    validating_ = std::move(now);
}

void HostEvents::notice_jobs() {
    const EncordSchemaPush& push = encord_schema_push();
    if (push_running_ && !push.running() && push.job()) {
        const app::SchemaPushJob& job = *push.job();
        emit_host_event("job-finished", {{"kind", "schema-push"},
                                         {"outcome", app::push_outcome_name(job.outcome())},
                                         {"verified", job.verified()},
                                         {"error", job.not_pushable_reason()}});
    }
    push_running_ = push.running();

    const EncordUpload& upload = encord_upload();
    if (upload_running_ && !upload.running()) {
        const app::UploadSession* s = upload.session();
        const encord::UploadRun* run = s ? s->run().get() : nullptr;
        nlohmann::json detail = {{"kind", "upload"}, {"outcome", "ended"}, {"error", upload.message()}};
        if (run) {
            const encord::UnitCounts t = run->totals();
            detail["outcome"] = run->error().empty() ? "finished" : "failed";
            detail["error"] = run->error();
            detail["totals"] = {
                {"pending", t.pending}, {"done", t.done}, {"error", t.error}, {"cancelled", t.cancelled}};
        }
        emit_host_event("job-finished", detail);
    }
    upload_running_ = upload.running();
}

}  // namespace eic::web

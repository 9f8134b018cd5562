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

nlohmann::json unit_counts_json(const encord::UnitCounts& t) {
    return {{"pending", t.pending}, {"done", t.done}, {"error", t.error}, {"cancelled", t.cancelled}};
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

// Each push and each upload run (new or resumed) is counted when it starts; one that ended is reported once,
// even when it ended before this was called while it ran (a run resumed from a finished ledger).
void HostEvents::notice_jobs() {
    const EncordSchemaPush& push = encord_schema_push();
    if (push.pushes() != reported_pushes_ && !push.running() && push.job()) {
        reported_pushes_ = push.pushes();
        const app::SchemaPushJob& job = *push.job();
        emit_host_event("job-finished", {{"kind", "schema-push"},
                                         {"outcome", app::push_outcome_name(job.outcome())},
                                         {"verified", job.verified()},
                                         {"error", job.not_pushable_reason()}});
    }

    const EncordUpload& upload = encord_upload();
    const app::UploadSession* s = upload.session();
    const encord::UploadRun* run = s ? s->run().get() : nullptr;
    if (upload.starts() != reported_starts_ && run && run->finished()) {
        reported_starts_ = upload.starts();
        emit_host_event("job-finished", {{"kind", "upload"},
                                         {"outcome", run->error().empty() ? "finished" : "failed"},
                                         {"error", run->error()},
                                         {"totals", unit_counts_json(run->totals())}});
    }
}

}  // namespace eic::web

// Moments a host page hears: web/encord-console.js emits them on the instance (`on(name, cb)`) and
// <encord-import-console> (web/encord-import-console.js) dispatches them as DOM events of the same name.
//   manifest-validated  {tab, fileName, summary}       a manifest tab's validation ended
//   schema-saved        {fileName, keys}               the schema draft was saved (downloaded)
//   job-finished        {kind, outcome, error, ...}    an Encord schema push or upload ended
// The names are web/encord-console.d.ts's EicEvents keys.
#pragma once

#include <map>
#include <nlohmann/json.hpp>

#include "app/manifest_workspace.hpp"
#include "encord/upload_ledger.hpp"

namespace eic::web {

// A validation's counts as state() and the manifest-validated event give them.
nlohmann::json validation_summary_json(const manifest::ValidationSummary& s);

// An upload run's units by state, as state() and the job-finished event give them.
nlohmann::json unit_counts_json(const encord::UnitCounts& t);

// Hands one event to the page (eic_js_host_event); the page delivers it after the current call returns.
void emit_host_event(const char* name, const nlohmann::json& detail);

// Watches for validations and jobs that ended: called after each frame and each slice of work between
// frames, it emits each ending once.
class HostEvents {
public:
    void notice(const app::ManifestWorkspace& ws);

private:
    void notice_validations(const app::ManifestWorkspace& ws);
    void notice_jobs();

    std::map<app::TabId, bool> validating_;          // per open tab: validating when last seen
    int reported_pushes_ = 0, reported_starts_ = 0;  // the pushes and upload starts reported as ended
};

}  // namespace eic::web

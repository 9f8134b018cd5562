#include "app/manifests_autosave.hpp"

#include <fmt/format.h>

extern "C" {
// web/idb-records.js: stores the record under "manifests"; a failure comes back through
// eic_app_autosave_failed(reason).
void eic_js_autosave_manifests(const char* text, int length);
}

namespace eic::web {

namespace {
std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}
}  // namespace

void ManifestsAutosave::update(const app::ManifestWorkspace& ws, app::Log& log, double now_s) {
    if (!restored_) return;
    const std::optional<app::AutosaveRecord> r = autosave_.due(ws, now_s);
    if (!r) return;
    eic_js_autosave_manifests(r->text.data(), int(r->text.size()));
    if (r->left_out == left_out_) return;
    left_out_ = r->left_out;
    if (!left_out_.empty())
        log.notify(app::LogLevel::warning,
                   fmt::format("Not autosaved, being over {} MB a manifest or {} MB in all: {}. Export them to keep "
                               "your edits; a reload would not bring them back.",
                               autosave_.limits().max_tab_bytes >> 20, autosave_.limits().max_total_bytes >> 20,
                               joined(left_out_)),
                   now_s);
}

void ManifestsAutosave::restore(std::string_view record, const std::string& error,
                                const std::function<app::TabId(const std::string&, std::string)>& open_tab,
                                app::ManifestWorkspace& ws, app::Log& log, double now_s) {
    if (restored_) return;
    restored_ = true;
    if (!error.empty()) {
        log.notify(app::LogLevel::warning, "The manifests open before could not be read back: " + error, now_s);
        return;
    }
    if (record.empty()) return;
    const app::AutosaveRead read = app::read_autosave(record);
    if (!read.error.empty()) {
        log.notify(app::LogLevel::warning, "The manifests open before could not be read back: " + read.error, now_s);
        return;
    }
    app::TabId front = 0;
    for (const app::RestoredManifest& m : read.tabs) {
        const app::TabId id = open_tab(m.name, m.text);
        if (m.front) front = id;
        if (app::WorkspaceTab* t = m.dirty ? ws.find(id) : nullptr) t->doc.mark_unsaved();  // closing it asks
    }
    if (front) ws.activate(front);
    if (!read.tabs.empty())
        log.add(app::LogLevel::info,
                fmt::format("Restored {} manifest{} open in the last session", read.tabs.size(),
                            read.tabs.size() == 1 ? "" : "s"),
                now_s);
}

void ManifestsAutosave::write_failed(const std::string& reason, app::Log& log, double now_s) {
    if (reason == failure_) return;
    failure_ = reason;
    log.notify(app::LogLevel::error,
               "The open manifests could not be autosaved in this browser (" + reason +
                   "): a reload would not bring them back. Export them to keep your edits.",
               now_s);
}

}  // namespace eic::web

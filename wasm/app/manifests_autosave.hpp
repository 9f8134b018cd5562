// The page's side of the open manifests' autosave (app/manifest_autosave.hpp): each record core says is
// due goes to IndexedDB (web/idb-records.js), and the record of the last session is opened again as tabs
// at start. Nothing is written before that record has been read (or found absent): an empty workspace
// written first would erase it.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/log.hpp"
#include "app/manifest_autosave.hpp"

namespace eic::web {

class ManifestsAutosave {
public:
    // Once a frame, after the panels drew.
    void update(const app::ManifestWorkspace& ws, app::Log& log, double now_s);
    // The last session's record ("" when none, or `error` when it could not be read), opened with `open_tab`.
    void restore(std::string_view record, const std::string& error,
                 const std::function<app::TabId(const std::string&, std::string)>& open_tab, app::ManifestWorkspace& ws,
                 app::Log& log, double now_s);
    // The store's answer to a write that failed (quota, no IndexedDB): said on screen once per reason.
    void write_failed(const std::string& reason, app::Log& log, double now_s);
    bool restored() const { return restored_; }

private:
    app::ManifestAutosave autosave_;
    bool restored_ = false;
    std::vector<std::string> left_out_;  // as last said
    std::string failure_;                // as last said
};

}  // namespace eic::web

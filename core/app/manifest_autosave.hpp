// The open manifests, autosaved so a reload or a crashed tab gives them back (issue: "Everything the
// user is working on autosaves ... open manifests up to a size limit"). Once a frame the page asks
// whether a record is due: after the tabs changed (an edit, a tab opened or closed), once they have been
// quiet for a short pause, so typing does not write on every key. The record holds each tab's text as
// it stands (ManifestDocument::current_text) up to per-tab and total limits; the tabs left out are named,
// so the page can say which were not saved rather than drop them silently. The record is data: read back
// strictly by read_autosave.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/manifest_workspace.hpp"

namespace eic::app {

struct AutosaveLimits {
    std::size_t max_tab_bytes = std::size_t(16) << 20;
    std::size_t max_total_bytes = std::size_t(64) << 20;
    double pause_s = 0.5;
    // Edits that never pause (a run of fixes, undo held down) are written anyway once the oldest unsaved
    // one is this old, so a tab closed mid-edit loses at most about a second of work (issue 16).
    double max_wait_s = 0.8;
};

struct AutosaveRecord {
    std::string text;                   // the record to store (JSON)
    std::vector<std::string> left_out;  // tabs not in it: over a limit
};

class ManifestAutosave {
public:
    explicit ManifestAutosave(AutosaveLimits limits = {}) : limits_(limits) {}
    const AutosaveLimits& limits() const { return limits_; }
    // The record to write now, or nullopt: nothing changed since the last one, or the pause is not over
    // (and the oldest unsaved change is younger than max_wait_s).
    std::optional<AutosaveRecord> due(const ManifestWorkspace& ws, double now_s);

private:
    AutosaveLimits limits_;
    std::string saved_;    // what the last record was made of (tab ids, names, revisions, the front tab)
    std::string pending_;  // what changed since, and when it last changed
    double changed_at_ = -1;
    double unsaved_since_ = -1;  // when the first change not yet written happened
};

struct RestoredManifest {
    std::string name;
    std::string text;
    bool front = false;
    bool dirty = false;  // it had edits not exported
};

struct AutosaveRead {
    std::vector<RestoredManifest> tabs;
    std::string error;  // empty when read; else why not (the record is then ignored)
};

AutosaveRead read_autosave(std::string_view record);

}  // namespace eic::app

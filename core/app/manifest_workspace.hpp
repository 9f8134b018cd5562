// The manifests open in the editor, one tab each, and what the app decides about them: opening bytes
// (picked, dropped, fetched, pasted) or a new manifest as a tab, closing a tab (not silently when it
// has edits that were not exported), validating each tab as a job on a jobs::JobRunner within the
// frame's budget, validating again once the user pauses after edits or when the schema changed, and
// what the Log says about it all (events the caller logs). The Manifest panel draws this and issues
// these commands; what each tab's views remember (filters, selection, edit buffers) stays with the
// panel, keyed by the tab's id. Time is passed in, so the tests decide it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/log.hpp"
#include "app/manifest_document.hpp"
#include "jobs/job_runner.hpp"
#include "schema/model.hpp"

namespace eic::app {

using TabId = std::uint64_t;  // 0 is no tab

struct WorkspaceTab {
    TabId id = 0;
    ManifestDocument doc;
    std::uint64_t validated_schema_revision = ~0ull;  // the schema revision of the last validation started
    double last_edit_s = -1;                          // when the last edit was made: the full pass waits for a pause
    jobs::JobId job = 0;                              // its validation on the runner, 0 when none runs
};

// What validation checks against: the schema in the Schema panel (and its revision, so a change is
// noticed) and the panel's checks.
struct ValidationInputs {
    const schema::Schema& schema;
    std::uint64_t schema_revision = 0;
    ManifestChecks checks;
};

// Something the Log should say, and which tab it is about.
struct WorkspaceEvent {
    enum class Kind { opened, validated, cancelled, closed, edited };
    Kind kind = Kind::opened;
    TabId tab = 0;
    LogLevel level = LogLevel::info;
    std::string message;
    double time_s = 0;
};

class ManifestWorkspace {
public:
    struct Settings {
        double frame_budget_s = 0.006;                              // validation's share of a 16.7 ms frame
        double edit_pause_s = 0.6;                                  // edits wait this long for the full pass
        std::size_t auto_revalidate_bytes = std::size_t(64) << 20;  // larger files re-validate on request only
    };

    // clock: seconds, for the job runner's frame budget (a steady clock in the app, a fake in tests).
    explicit ManifestWorkspace(jobs::JobRunner::Clock clock, Settings settings);
    explicit ManifestWorkspace(jobs::JobRunner::Clock clock) : ManifestWorkspace(std::move(clock), Settings{}) {}
    ManifestWorkspace(const ManifestWorkspace&) = delete;
    ManifestWorkspace& operator=(const ManifestWorkspace&) = delete;

    const Settings& settings() const { return settings_; }

    // ---- tabs
    const std::vector<std::unique_ptr<WorkspaceTab>>& tabs() const { return tabs_; }
    bool empty() const { return tabs_.empty(); }
    WorkspaceTab* find(TabId id);
    const WorkspaceTab* find(TabId id) const;
    // The tab's name as its tab shows it: the file name, and " (2)", " (3)" on later tabs of the same
    // name, so two tabs of one file name are told apart.
    std::string display_name(TabId id) const;
    WorkspaceTab* active();
    const WorkspaceTab* active() const;
    TabId active_id() const;
    int active_index() const { return active_; }  // -1 when no tab is open
    void activate(TabId id);

    // ---- commands
    // Opens bytes (JSON or CSV, by name and content) as a new tab in front and starts validating them.
    TabId open(std::string name, std::string bytes, const ValidationInputs& in, double now_s);
    // A new, empty manifest ("manifest.json"; display_name tells several apart).
    TabId open_new(const ValidationInputs& in, double now_s);
    // Pasted text opens as a manifest named by its format (manifest::format::detect): pasted.json or
    // pasted.csv. Returns 0 (and opens nothing) for empty text.
    TabId paste(std::string_view text, const ValidationInputs& in, double now_s);
    static std::string pasted_name(std::string_view text);

    enum class CloseState {
        closed,
        unsaved,  // it has edits that were not exported: ask, then close(id, true)
        no_such_tab,
    };
    CloseState close(TabId id, bool discard_edits, double now_s);

    // An edit was made in the tab (`what`: "Undo", "Edit title", ...): the full pass waits for a pause.
    void edited(TabId id, const std::string& what, double now_s);
    // Starts a full validation of the tab now.
    void validate(TabId id, const ValidationInputs& in);
    void cancel(TabId id, double now_s);
    // Finishes the tab's validation at once (for callers that await the findings).
    void validate_to_end(TabId id, double now_s);

    // ---- between frames and once a frame
    // Steps the validations for about budget_s seconds and logs those that end. The page calls this in
    // the idle time between frames as well as in each frame, so a large file validates at close to
    // full speed while the canvas keeps drawing. Returns whether validations are still running.
    bool step(double budget_s, double now_s);
    // Whether a validation is running (step() has work to do).
    bool busy() const { return !runner_.empty(); }
    // Steps the validations for the frame budget (step()); then the tab in front is
    // validated again when it was edited (after a pause) or the schema changed since its validation.
    // Tabs behind it wait until they are in front, so a schema edit does not start a pass over every
    // open file. Large files (over auto_revalidate_bytes) are validated again on request only.
    void update(const ValidationInputs& in, double now_s);

    // The schema changed since the tab's last validation started.
    bool schema_changed(const WorkspaceTab& t, std::uint64_t schema_revision) const {
        return t.validated_schema_revision != schema_revision;
    }
    bool auto_revalidates(const WorkspaceTab& t) const { return t.doc.size() <= settings_.auto_revalidate_bytes; }
    // Whether update() would start a full validation of the tab now.
    bool wants_revalidation(const WorkspaceTab& t, std::uint64_t schema_revision, double now_s) const;

    // Another job on the same runner (an object check of a tab's objects, app/bucket_check.hpp), stepped
    // with the validations within the frame's budget. Ending it is the caller's business: the runner
    // drops it once finished.
    jobs::JobId run_job(std::unique_ptr<jobs::Job> job) { return runner_.add(std::move(job)); }
    bool job_running(jobs::JobId id) const { return runner_.has(id); }
    void cancel_job(jobs::JobId id) { runner_.cancel(id); }

    // What happened since the last call, oldest first; the caller logs the messages.
    std::vector<WorkspaceEvent> take_events();
    const jobs::JobRunner& runner() const { return runner_; }

private:
    WorkspaceTab& add_tab();
    void start_validation(WorkspaceTab& t, const ValidationInputs& in);
    void track(WorkspaceTab& t);  // puts a running validation on the runner
    void validated(WorkspaceTab& t, double now_s);
    void event(WorkspaceEvent::Kind kind, TabId tab, LogLevel level, std::string message, double now_s);

    Settings settings_;
    jobs::JobRunner runner_;
    std::vector<std::unique_ptr<WorkspaceTab>> tabs_;
    int active_ = -1;
    TabId next_id_ = 1;
    std::vector<WorkspaceEvent> events_;
};

}  // namespace eic::app

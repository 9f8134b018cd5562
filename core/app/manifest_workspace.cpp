#include "app/manifest_workspace.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "app/browser_limits.hpp"
#include "app/counted.hpp"
#include "manifest/format.hpp"

namespace eic::app {
namespace {

// A tab's validation as a job on the runner: the document does the work (ManifestDocument::step).
class ValidationJob : public jobs::Job {
public:
    explicit ValidationJob(ManifestDocument& doc) : doc_(doc) {}
    jobs::StepStatus step(std::size_t max_bytes) override {
        if (!doc_.validating() || doc_.step(max_bytes)) return jobs::StepStatus::finished;
        return jobs::StepStatus::running;
    }
    double progress() const override { return doc_.progress(); }
    double rate() const override { return doc_.rate_mb_s(); }
    void cancel() override { doc_.cancel(); }
    bool finished() const override { return !doc_.validating(); }
    std::string label() const override { return "Validate " + doc_.file_name(); }

private:
    ManifestDocument& doc_;
};

}  // namespace

ManifestWorkspace::ManifestWorkspace(jobs::JobRunner::Clock clock, Settings settings)
    : settings_(settings), runner_(std::move(clock), std::size_t(1) << 20) {}

WorkspaceTab* ManifestWorkspace::find(TabId id) {
    for (auto& t : tabs_)
        if (t->id == id) return t.get();
    return nullptr;
}

const WorkspaceTab* ManifestWorkspace::find(TabId id) const {
    for (const auto& t : tabs_)
        if (t->id == id) return t.get();
    return nullptr;
}

WorkspaceTab* ManifestWorkspace::active() {
    return active_ >= 0 && active_ < int(tabs_.size()) ? tabs_[std::size_t(active_)].get() : nullptr;
}

const WorkspaceTab* ManifestWorkspace::active() const {
    return active_ >= 0 && active_ < int(tabs_.size()) ? tabs_[std::size_t(active_)].get() : nullptr;
}

TabId ManifestWorkspace::active_id() const {
    const WorkspaceTab* t = active();
    return t ? t->id : 0;
}

void ManifestWorkspace::activate(TabId id) {
    for (std::size_t i = 0; i < tabs_.size(); ++i)
        if (tabs_[i]->id == id) active_ = int(i);
}

WorkspaceTab& ManifestWorkspace::add_tab() {
    tabs_.push_back(std::make_unique<WorkspaceTab>());
    tabs_.back()->id = next_id_++;
    active_ = int(tabs_.size() - 1);
    return *tabs_.back();
}

void ManifestWorkspace::event(WorkspaceEvent::Kind kind, TabId tab, LogLevel level, std::string message, double now_s) {
    events_.push_back({kind, tab, level, std::move(message), now_s});
}

std::vector<WorkspaceEvent> ManifestWorkspace::take_events() {
    std::vector<WorkspaceEvent> out;
    out.swap(events_);
    return out;
}

void ManifestWorkspace::track(WorkspaceTab& t) {
    if (!t.doc.validating() || (t.job && runner_.has(t.job))) return;
    t.job = runner_.add(std::make_unique<ValidationJob>(t.doc));
}

void ManifestWorkspace::start_validation(WorkspaceTab& t, const ValidationInputs& in) {
    t.doc.validate(in.schema, in.checks);
    t.validated_schema_revision = in.schema_revision;
    track(t);
}

// ---------------------------------------------------------------- commands

TabId ManifestWorkspace::open(std::string name, std::string bytes, const ValidationInputs& in, double now_s) {
    WorkspaceTab& t = add_tab();
    const std::size_t n = bytes.size();
    t.doc.open(name, std::move(bytes), in.schema, in.checks);
    t.validated_schema_revision = in.schema_revision;
    track(t);
    event(WorkspaceEvent::Kind::opened, t.id, LogLevel::info,
          "Opened the manifest " + name + " (" + byte_size_text(n) + ")", now_s);
    return t.id;
}

std::string ManifestWorkspace::display_name(TabId id) const {
    const WorkspaceTab* t = find(id);
    if (!t) return "";
    const std::string& name = t->doc.file_name();
    std::size_t same = 0, before = 0;
    for (const auto& other : tabs_) {
        if (other->doc.file_name() != name) continue;
        ++same;
        if (other->id < id) ++before;
    }
    return same > 1 && before > 0 ? name + " (" + std::to_string(before + 1) + ")" : name;
}

TabId ManifestWorkspace::open_new(const ValidationInputs& in, double now_s) {
    WorkspaceTab& t = add_tab();
    t.doc.open_new("manifest.json", in.schema, in.checks);
    t.validated_schema_revision = in.schema_revision;
    track(t);
    return t.id;
}

std::string ManifestWorkspace::pasted_name(std::string_view text) {
    return manifest::format::detect(text) == manifest::format::FileFormat::json ? "pasted.json" : "pasted.csv";
}

TabId ManifestWorkspace::paste(std::string_view text, const ValidationInputs& in, double now_s) {
    if (text.empty()) return 0;
    return open(pasted_name(text), std::string(text), in, now_s);
}

ManifestWorkspace::CloseState ManifestWorkspace::close(TabId id, bool discard_edits, double now_s) {
    auto it = std::find_if(tabs_.begin(), tabs_.end(), [&](const auto& t) { return t->id == id; });
    if (it == tabs_.end()) return CloseState::no_such_tab;
    WorkspaceTab& t = **it;
    if (t.doc.dirty() && !discard_edits) return CloseState::unsaved;
    if (t.job) runner_.cancel(t.job);  // the runner must not step a document that is gone
    event(WorkspaceEvent::Kind::closed, id, LogLevel::info, "Closed " + t.doc.file_name(), now_s);
    const int i = int(it - tabs_.begin());
    tabs_.erase(it);
    if (active_ > i || active_ >= int(tabs_.size())) --active_;
    return CloseState::closed;
}

void ManifestWorkspace::edited(TabId id, const std::string& what, double now_s) {
    WorkspaceTab* t = find(id);
    if (!t) return;
    t->last_edit_s = now_s;
    event(WorkspaceEvent::Kind::edited, id, LogLevel::debug, what + " in " + t->doc.file_name(), now_s);
}

void ManifestWorkspace::validate(TabId id, const ValidationInputs& in) {
    if (WorkspaceTab* t = find(id)) start_validation(*t, in);
}

void ManifestWorkspace::cancel(TabId id, double now_s) {
    WorkspaceTab* t = find(id);
    if (!t || !t->doc.validating()) return;
    if (t->job) runner_.cancel(t->job);
    t->doc.cancel();  // (when it was not on the runner)
    t->job = 0;
    event(WorkspaceEvent::Kind::cancelled, id, LogLevel::warning, "Validation of " + t->doc.file_name() + " cancelled",
          now_s);
}

void ManifestWorkspace::validate_to_end(TabId id, double now_s) {
    WorkspaceTab* t = find(id);
    if (!t || !t->doc.validating()) return;
    track(*t);
    runner_.run_to_end(t->job);
    validated(*t, now_s);
}

// A finished validation: logged once.
void ManifestWorkspace::validated(WorkspaceTab& t, double now_s) {
    t.job = 0;
    const auto& r = t.doc.result();
    if (!r) return;
    const auto& s = r->summary;
    // Logged at the level of what it found: a file with errors is an error in the Log.
    const LogLevel level = s.errors ? LogLevel::error : s.warnings ? LogLevel::warning : LogLevel::info;
    event(
        WorkspaceEvent::Kind::validated, t.id, level,
        fmt::format("Validated {}: {}, {}, {}{} in {:.0f} ms", t.doc.file_name(), counted(s.items, "item"),
                    counted(s.errors, "error"), counted(s.warnings, "warning"), s.cancelled ? ", cancelled" : "", s.ms),
        now_s);
}

// ---------------------------------------------------------------- once a frame

bool ManifestWorkspace::wants_revalidation(const WorkspaceTab& t, std::uint64_t schema_revision, double now_s) const {
    const ManifestDocument& doc = t.doc;
    if (!doc.is_open() || doc.validating() || !auto_revalidates(t)) return false;
    if (!(doc.stale() || schema_changed(t, schema_revision))) return false;
    return t.last_edit_s < 0 || now_s - t.last_edit_s >= settings_.edit_pause_s;
}

bool ManifestWorkspace::step(double budget_s, double now_s) {
    for (auto& t : tabs_) track(*t);  // a validation started on the document directly
    if (runner_.empty()) return false;
    for (const jobs::JobEnded& e : runner_.run_for(budget_s)) {
        for (auto& t : tabs_)
            if (t->job == e.id) validated(*t, now_s);
    }
    return busy();
}

void ManifestWorkspace::update(const ValidationInputs& in, double now_s) {
    step(settings_.frame_budget_s, now_s);
    if (WorkspaceTab* t = active(); t && wants_revalidation(*t, in.schema_revision, now_s)) start_validation(*t, in);
}

}  // namespace eic::app

#include "app/encord/encord_upload.hpp"

#include "app/bucket_check.hpp"
#include "app/cloud_checks.hpp"
#include "encord/upload_ledger.hpp"

extern "C" {
// web/upload-store.js: writes `text` under `key` in IndexedDB (an empty text deletes the record) and
// answers eic_app_upload_store_answer(ticket, ok, error) once the transaction completed.
void eic_js_upload_store_write(int ticket, const char* key, const char* text, int length);
}

namespace eic::web {

namespace {
constexpr const char* kPlanKey = "upload.plan";
constexpr const char* kLedgerKey = "upload.ledger";
}  // namespace

EncordUpload& encord_upload() {
    static EncordUpload u;
    return u;
}

int EncordUpload::write(const char* key, const std::string& text) {
    const int ticket = next_ticket_++;
    eic_js_upload_store_write(ticket, key, text.data(), int(text.size()));
    return ticket;
}

void EncordUpload::store_answered(int ticket, bool ok, const std::string& error) {
    if (!ok) {
        store_error_ =
            "The upload's progress could not be saved in this browser (" + error +
            "), so no more upload jobs are started: a reload could not know of them. Jobs already started are "
            "still followed.";
        return;
    }
    if (ticket == plan_ticket_) plan_saved_ = true;
    const auto it = ledger_tickets_.find(ticket);
    if (it != ledger_tickets_.end()) {
        if (it->second > ledger_saved_) ledger_saved_ = it->second;
        ledger_tickets_.erase(ledger_tickets_.begin(), std::next(it));
    }
}

bool EncordUpload::running() const { return session_ && session_->run() && !session_->run()->finished(); }

std::string EncordUpload::cannot_start(const app::ManifestWorkspace& ws, const app::UploadChoice& choice) const {
    if (running()) return "An upload is running: wait for it or cancel it.";
    if (has_saved()) return "An upload saved before the page was reloaded is waiting: resume or discard it first.";
    if (encord_connection().key_state() != EncordConnection::KeyState::ready) return "Open your Encord key first.";
    const app::WorkspaceTab* tab = ws.active();
    if (!tab) return "Open the manifest to upload first (Manifest panel).";
    return app::cannot_upload(tab->doc, choice);
}

bool EncordUpload::start(app::ManifestWorkspace& ws, const app::UploadChoice& choice) {
    message_ = cannot_start(ws, choice);
    if (!message_.empty()) return false;
    const app::WorkspaceTab* tab = ws.active();
    auto session =
        std::make_unique<app::UploadSession>(tab->doc, tab->id, app::object_sizes(cloud_checks().of(tab->id)), choice);
    if (!session->error().empty()) {
        message_ = session->error();
        return false;
    }
    return begin(ws, std::move(session), &choice);
}

bool EncordUpload::begin(app::ManifestWorkspace& ws, std::unique_ptr<app::UploadSession> session,
                         const app::UploadChoice* choice) {
    const bool write_plan = choice != nullptr;
    std::optional<EncordConnection::Calls> calls = encord_connection().calls();
    if (!calls) {
        message_ = "Open your Encord key first.";
        return false;
    }
    signer_ = calls->signer;
    plan_saved_ = !write_plan;
    ledger_tickets_.clear();
    ledger_saved_ = ledger_revision_ = 0;
    store_error_.clear();
    message_.clear();
    session_ = std::move(session);
    if (write_plan) plan_ticket_ = write(kPlanKey, app::to_json(session_->saved_plan()));

    encord::UploadRunOptions o;  // a resumed run takes these from its ledger
    if (choice) {
        o.folder_uuid = choice->folder_uuid;
        o.integration_uuid = choice->integration_uuid;
        o.ignore_errors = choice->ignore_errors;
    }
    o.on_ledger = [this](const encord::UploadLedger& ledger) {
        const std::uint64_t revision = ++ledger_revision_;
        ledger_tickets_[write(kLedgerKey, encord::to_json(ledger))] = revision;
    };
    o.ledger_saved = [this](std::uint64_t revision) {
        return store_error_.empty() && plan_saved_ && ledger_saved_ >= revision;
    };
    auto run = session_->start(calls->context, std::move(o));
    if (!run) {
        message_ = "The upload could not be started.";
        return false;
    }
    ws.run_job(std::make_unique<app::SharedJob>(run));
    ++starts_;
    return true;
}

void EncordUpload::follow_rows(const app::ManifestWorkspace& ws) {
    if (!session_ || !session_->tab() || session_->rows_traced()) return;
    const app::WorkspaceTab* t = ws.find(*session_->tab());
    if (t && t->doc.is_open() && !t->doc.validating() && t->doc.result()) session_->trace_rows_in(t->id, t->doc);
}

void EncordUpload::cancel() {
    if (running()) session_->run()->cancel();
}

void EncordUpload::saved_found(const std::string& plan, const std::string& ledger, const std::string& error) {
    saved_.reset();
    saved_error_ = error;
    if (!error.empty()) return;
    encord::Parsed<app::SavedPlan> p = app::parse_saved_plan(plan);
    encord::Parsed<encord::UploadLedger> l = encord::parse_ledger(ledger);
    if (!p.ok() || !l.ok()) {
        const encord::ParseError& e = p.ok() ? l.error : p.error;
        saved_error_ = "The upload saved in this browser could not be read (" + e.message +
                       (e.pointer.empty() ? "" : " at " + e.pointer) + "); its jobs are in Encord still.";
        return;
    }
    saved_ = std::make_unique<app::UploadSession>(std::move(*p.value), std::move(*l.value));
    if (!saved_->error().empty()) saved_error_ = saved_->error();
}

std::string EncordUpload::cannot_resume() const {
    if (!saved_) return "No upload is saved.";
    if (!saved_->error().empty()) return saved_->error();
    if (running()) return "An upload is running.";
    const EncordConnection& c = encord_connection();
    if (c.key_state() != EncordConnection::KeyState::ready) return "Open your Encord key first.";
    if (saved_->ledger().domain != c.domain())
        return "This upload ran on " + saved_->ledger().domain + ": choose that domain to follow its jobs.";
    return "";
}

bool EncordUpload::resume(app::ManifestWorkspace& ws,
                          const std::function<app::TabId(const std::string&, std::string)>& open_tab) {
    message_ = cannot_resume();
    if (!message_.empty()) return false;
    std::unique_ptr<app::UploadSession> s = std::move(saved_);
    // The resumed upload's folder and integration become the destination again when none is chosen (a
    // reload forgot it), so its failed units can be sent where it went.
    EncordConnection::Destination& d = encord_connection().destination();
    if (d.folder_uuid.empty() && d.integration_uuid.empty()) {
        d.folder_uuid = s->ledger().folder_uuid;
        d.folder_name = s->saved_plan().folder_name;
        d.integration_uuid = s->ledger().integration_uuid;
        d.integration_title = s->saved_plan().integration_title;
    }
    // Its rows are traced once the tab has read them (follow_rows).
    s->expect_rows_in(open_tab(s->saved_plan().manifest_name, s->saved_plan().manifest_json));
    return begin(ws, std::move(s), nullptr);
}

void EncordUpload::discard_saved() {
    saved_.reset();
    saved_error_.clear();
    write(kPlanKey, "");
    write(kLedgerKey, "");
}

}  // namespace eic::web

// The page's upload to Encord (the Encord window's Upload tab): one app::UploadSession at a time, its run on
// the workspace's runner, and its two records in the page's IndexedDB (web/upload-store.js) so a reload
// loses nothing: the plan record once, before anything is sent, and the ledger after every change. A start
// is held until the store confirmed the ledger that announces it (UploadRunOptions::ledger_saved).
//
// At load the page hands over the records it finds (saved_found); the tab then offers to resume: the saved
// manifest opens as a tab (its rows are the ones unit errors point at) and the run follows the jobs again.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "app/encord/encord_connection.hpp"
#include "app/manifest_workspace.hpp"
#include "app/upload_session.hpp"

namespace eic::web {

class EncordUpload {
public:
    // Why the tab in front cannot be uploaded now; empty when it can.
    std::string cannot_start(const app::ManifestWorkspace& ws, const app::UploadChoice& choice) const;
    // Plans the tab in front and starts the run. False (and message()) when it could not.
    bool start(app::ManifestWorkspace& ws, const app::UploadChoice& choice);
    // Traces unit errors to the rows of the session's tab once that tab has read its manifest (a resumed
    // upload's tab is opened, then validated); call once a frame.
    void follow_rows(const app::ManifestWorkspace& ws);
    void cancel();  // asks Encord to cancel the jobs that are not final (UploadRun::cancel)

    // The records found at load: both texts, or an error reading them.
    void saved_found(const std::string& plan, const std::string& ledger, const std::string& error);
    bool has_saved() const { return saved_ != nullptr && !session_; }
    const app::UploadSession* saved() const { return saved_.get(); }
    const std::string& saved_error() const { return saved_error_; }
    std::string cannot_resume() const;
    // Opens the saved manifest as a tab (through `open_tab`, which returns its id) and follows the jobs.
    bool resume(app::ManifestWorkspace& ws, const std::function<app::TabId(const std::string&, std::string)>& open_tab);
    void discard_saved();

    // The store's answer to a write.
    void store_answered(int ticket, bool ok, const std::string& error);
    const std::string& store_error() const { return store_error_; }
    // For tests: whether the plan record is stored, and the newest ledger revision written and stored.
    bool plan_stored() const { return plan_saved_; }
    std::uint64_t ledger_written() const { return ledger_revision_; }
    std::uint64_t ledger_stored() const { return ledger_saved_; }

    const app::UploadSession* session() const { return session_.get(); }
    app::UploadSession* session() { return session_.get(); }
    bool running() const;
    int starts() const { return starts_; }
    const std::string& message() const { return message_; }

private:
    // `choice`: a new upload (its plan record is written); null: a resumed one.
    bool begin(app::ManifestWorkspace& ws, std::unique_ptr<app::UploadSession> session,
               const app::UploadChoice* choice);
    int write(const char* key, const std::string& text);

    std::unique_ptr<app::UploadSession> session_;
    std::unique_ptr<app::UploadSession> saved_;  // found at load, not resumed yet
    std::string saved_error_;
    std::shared_ptr<encord::RequestSigner> signer_;  // the run's, kept while it may run
    // Saving: the plan's ticket, and each ledger write's ticket -> the revision it carried.
    int next_ticket_ = 1;
    int plan_ticket_ = 0;
    bool plan_saved_ = false;
    std::map<int, std::uint64_t> ledger_tickets_;
    std::uint64_t ledger_saved_ = 0;
    std::uint64_t ledger_revision_ = 0;  // of the last ledger written
    std::string store_error_;
    std::string message_;
    int starts_ = 0;
};

EncordUpload& encord_upload();

}  // namespace eic::web

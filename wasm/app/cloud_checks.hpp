// The object checks of the Manifest panel's tabs against their buckets (app/bucket_check.hpp): one check
// per tab, run as a job on the workspace's runner over the session's transport (app/net/transport.hpp),
// signed in the page with the Cloud window's key (app/gcs/webcrypto_probe_signer.hpp). The endpoint is
// https://storage.googleapis.com unless the user points it at another (a stand-in, a private endpoint).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "app/bucket_check.hpp"
#include "app/bucket_import.hpp"
#include "app/log.hpp"
#include "app/manifest_workspace.hpp"
#include "gcs/probe_signer.hpp"

namespace eic::web {

class CloudChecks {
public:
    // The open key's account; empty when none (checks cannot start).
    void set_key(const std::string& client_email);
    const std::string& key_email() const { return email_; }
    // An OAuth access token (e.g. `gcloud auth print-access-token`): with no key open, requests go to the
    // JSON API with it (gcs/json_api_prober.hpp). Held in memory only; never logged.
    std::string set_token(const std::string& token);  // why it was refused; empty when taken
    bool has_token() const { return !token_.empty(); }
    void forget_token();
    // A check paused because the token was refused: a new token resumes it where it stopped.
    bool waiting_for_token(app::TabId tab) const;
    std::string resume_with_token(app::TabId tab, const std::string& token);
    // "SCHEME://HOST[:PORT]", or empty for https://storage.googleapis.com.
    void set_endpoint(std::string endpoint);
    const std::string& endpoint() const { return endpoint_; }

    // Why a check of the tab cannot start now (no key, no objects, running); empty when it can.
    std::string cannot_start(const app::ManifestWorkspace& ws, app::TabId tab) const;
    // Starts checking every object of the tab (recheck: settled objects too).
    bool start(app::ManifestWorkspace& ws, app::TabId tab, bool recheck, app::Log& log, double now_s);
    void cancel(app::ManifestWorkspace& ws, app::TabId tab);
    const app::BucketCheck* of(app::TabId tab) const;
    int runs(app::TabId tab) const;
    // Logs the checks that ended since the last call (with a notice when objects are missing or blocked).
    void update(const app::ManifestWorkspace& ws, app::Log& log, double now_s);
    // Drops the checks of tabs that are closed.
    void forget_closed(const app::ManifestWorkspace& ws);

    // ---- a bucket prefix into a manifest (app/bucket_import.hpp), one at a time
    std::string cannot_import() const;
    bool start_import(app::ManifestWorkspace& ws, app::BucketImportOptions options, app::Log& log, double now_s);
    void cancel_import(app::ManifestWorkspace& ws);
    const app::BucketImportJob* import_job() const { return import_.get(); }
    // The finished import's manifest (file name, JSON), handed over once for the app to open as a tab.
    std::optional<std::pair<std::string, std::string>> take_import();

private:
    struct TabCheck {
        std::unique_ptr<app::BucketCheck> check;
        std::shared_ptr<gcs::ProbeSigner> signer;  // the job's, kept while it may run
        jobs::JobId job = 0;
        bool reported = true;
        int runs = 0;  // checks started for the tab
    };
    std::string email_;
    std::string token_;
    std::string endpoint_;
    std::shared_ptr<gcs::ProbeSigner> signer_;  // for the next check; a new key or endpoint makes a new one
    std::map<app::TabId, TabCheck> checks_;
    std::shared_ptr<gcs::ProbeSigner> signer();
    std::shared_ptr<app::BucketImportJob> import_;
    std::shared_ptr<gcs::ProbeSigner> import_signer_;
    jobs::JobId import_id_ = 0;
    bool import_reported_ = true, import_taken_ = true;
    std::string import_name_;
};

CloudChecks& cloud_checks();

// The end of a check in one line: "Checked 12 objects: 9 exist, 2 missing, 1 forbidden."
std::string check_summary(const app::BucketCheck& check);

}  // namespace eic::web

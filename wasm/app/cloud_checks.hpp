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
#include <vector>

#include "app/bucket_check.hpp"
#include "app/bucket_import.hpp"
#include "app/cors_doctor_run.hpp"
#include "app/log.hpp"
#include "app/manifest_workspace.hpp"
#include "app/media_fill.hpp"
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
    // With a token and no key, the service account whose signature IAM Credentials' signBlob makes: checks
    // and listings then go to the XML API with V4 signed URLs, as with a key (app/gcs/web_iam_signer.hpp);
    // empty: to the JSON API. `iam_endpoint`: empty for https://iamcredentials.googleapis.com.
    void set_sign_as(std::string account, std::string iam_endpoint);
    const std::string& sign_as() const { return sign_as_; }
    // Why the Cloud window cannot sign a URL now; empty when it can (with a key in JavaScript, or a token and
    // an account to sign as here).
    bool signs_with_token() const { return email_.empty() && !token_.empty() && !sign_as_.empty(); }
    // The signed-URL tool with a token: `request_json` as the JS API's signUrl takes it
    // (gcs/v4_request_json.hpp). Returns why it cannot start; the URL comes from take_signed_url().
    std::string sign_url_with_token(const std::string& request_json, std::int64_t now_posix);
    bool signing_url() const { return url_ticket_ != 0; }
    // The signed URL, or why there is none, handed over once.
    std::optional<std::pair<std::string, std::string>> take_signed_url();

    // Why a check of the tab cannot start now (no key, no objects, running); empty when it can.
    std::string cannot_start(const app::ManifestWorkspace& ws, app::TabId tab) const;
    // Starts checking every object of the tab (recheck: settled objects too).
    bool start(app::ManifestWorkspace& ws, app::TabId tab, bool recheck, app::Log& log, double now_s);
    void cancel(app::ManifestWorkspace& ws, app::TabId tab);
    const app::BucketCheck* of(app::TabId tab) const;
    int runs(app::TabId tab) const;
    // Logs the checks that ended since the last call (with a notice when objects are missing or blocked),
    // and writes the media metadata of fills that ended into their documents.
    void update(app::ManifestWorkspace& ws, app::Log& log, double now_s);

    // ---- media metadata for the tab's images and videos (app/media_fill.hpp), one fill per tab
    std::string cannot_fill(const app::ManifestWorkspace& ws, app::TabId tab) const;
    bool start_fill(app::ManifestWorkspace& ws, app::TabId tab, bool refill, app::Log& log, double now_s);
    void cancel_fill(app::ManifestWorkspace& ws, app::TabId tab);
    const app::MediaFillJob* fill_of(app::TabId tab) const;
    // Drops the checks of tabs that are closed.
    void forget_closed(const app::ManifestWorkspace& ws);

    // ---- a bucket prefix into a manifest (app/bucket_import.hpp), one at a time
    std::string cannot_import() const;
    bool import_waiting_for_token() const { return import_ && import_->waiting_for_token(); }
    std::string resume_import_with_token(const std::string& token);
    bool start_import(app::ManifestWorkspace& ws, app::BucketImportOptions options, app::Log& log, double now_s);
    void cancel_import(app::ManifestWorkspace& ws);
    const app::BucketImportJob* import_job() const { return import_.get(); }
    // The finished import's manifest, handed over once for the app to open as a tab.
    struct ImportedManifest {
        std::string name;
        std::string json;
        std::vector<app::ImportFinding> findings;  // items whose media metadata could not be read
    };
    std::optional<ImportedManifest> take_import();
    // The media headers that could not be read, of the listing the tab was opened from or of the tab's last
    // fill, placed on its rows (app/bucket_import.hpp); empty findings clear them.
    void set_import_findings(app::TabId tab, std::vector<app::ImportFinding> findings);
    const std::vector<app::UnitFinding>* import_findings(const app::ManifestWorkspace& ws, app::TabId tab);

    // ---- the CORS doctor (app/cors_doctor_run.hpp), one run at a time: a signed HEAD when a key (or a token
    // with an account to sign as) is at hand, the bucket's configuration when a token is.
    void start_cors_doctor(app::CorsDoctorRequest request);
    const app::CorsDoctorRun* cors_run() const { return cors_.get(); }
    int cors_runs() const { return cors_runs_; }  // runs started

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
    std::string sign_as_, iam_endpoint_;
    std::shared_ptr<gcs::ProbeSigner> url_signer_;  // the signed-URL tool's (an app/gcs/web_iam_signer.hpp)
    gcs::ProbeSigner::Ticket url_ticket_ = 0;
    std::shared_ptr<gcs::ProbeSigner> signer_;  // for the next check; a new key or endpoint makes a new one
    std::map<app::TabId, TabCheck> checks_;
    std::shared_ptr<gcs::ProbeSigner> signer();
    // Takes a new token for the session and gives it to `s`, a signer that works with one.
    std::string renew_token(gcs::ProbeSigner* s, const std::string& token);
    std::shared_ptr<app::BucketImportJob> import_;
    std::shared_ptr<gcs::ProbeSigner> import_signer_;
    jobs::JobId import_id_ = 0;
    bool import_reported_ = true, import_taken_ = true;
    std::string import_name_;
    struct PlacedFindings {
        std::vector<app::ImportFinding> findings;
        std::vector<app::UnitFinding> placed;
        std::uint64_t revision = ~std::uint64_t(0);  // the document's, when placed
    };
    std::map<app::TabId, PlacedFindings> import_findings_;
    struct TabFill {
        std::shared_ptr<app::MediaFillJob> job;
        std::shared_ptr<gcs::ProbeSigner> signer;
        jobs::JobId id = 0;
        bool applied = false;
    };
    std::map<app::TabId, TabFill> fills_;
    std::shared_ptr<gcs::ProbeSigner> cors_signer_;
    std::unique_ptr<app::CorsDoctorRun> cors_;
    int cors_runs_ = 0;
};

// This page's origin (self.origin).
std::string page_origin();

CloudChecks& cloud_checks();

// The end of a check in one line: "Checked 12 objects: 9 exist, 2 missing, 1 forbidden."
std::string check_summary(const app::BucketCheck& check);

}  // namespace eic::web

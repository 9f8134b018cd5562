#include "app/cloud_checks.hpp"

#include <fmt/format.h>

#include <cmath>

#include "app/clocks.hpp"
#include "app/counted.hpp"
#include "app/gcs/web_iam_signer.hpp"
#include "app/gcs/webcrypto_probe_signer.hpp"
#include "app/net/transport.hpp"
#include "gcs/json_api_prober.hpp"
#include "gcs/v4_request_json.hpp"

extern "C" void eic_js_page_origin(char* out, int cap);

namespace eic::web {

namespace {
constexpr auto wall_clock = wall_seconds;
constexpr auto steady_clock = steady_seconds;
}  // namespace

CloudChecks& cloud_checks() {
    static CloudChecks c;
    return c;
}

void CloudChecks::set_key(const std::string& client_email) {
    if (client_email == email_) return;
    email_ = client_email;
    signer_.reset();  // running checks keep theirs (TabCheck::signer)
}

std::string CloudChecks::set_token(const std::string& token) {
    if (!gcs::valid_bearer_token(token))
        return "That is not an access token: one is letters, digits and -._~+/ (as `gcloud auth print-access-token` "
               "prints it).";
    token_ = token;
    signer_.reset();  // running checks keep theirs
    return "";
}

void CloudChecks::forget_token() {
    token_.clear();
    signer_.reset();
}

bool CloudChecks::waiting_for_token(app::TabId tab) const {
    auto it = checks_.find(tab);
    return it != checks_.end() && it->second.check->job() && it->second.check->job()->waiting_for_token();
}

std::string CloudChecks::resume_with_token(app::TabId tab, const std::string& token) {
    auto it = checks_.find(tab);
    if (it == checks_.end() || !it->second.check->job()) return "No check is waiting.";
    if (const std::string why = renew_token(it->second.signer.get(), token); !why.empty()) return why;
    it->second.check->job()->resume();
    return "";
}

std::string CloudChecks::renew_token(gcs::ProbeSigner* s, const std::string& token) {
    auto* prober = dynamic_cast<gcs::BearerTokenProber*>(s);
    auto* iam = dynamic_cast<WebIamSigner*>(s);
    if (!prober && !iam) return "This work does not use a token.";
    if (const std::string why = set_token(token); !why.empty()) return why;
    if (prober) prober->set_token(token);
    if (iam) iam->set_token(token);
    return "";
}

std::string CloudChecks::resume_import_with_token(const std::string& token) {
    if (!import_waiting_for_token()) return "No listing is waiting.";
    if (const std::string why = renew_token(import_signer_.get(), token); !why.empty()) return why;
    import_->resume();
    return "";
}

void CloudChecks::set_endpoint(std::string endpoint) {
    while (!endpoint.empty() && endpoint.back() == '/') endpoint.pop_back();
    if (endpoint == endpoint_) return;
    endpoint_ = std::move(endpoint);
    signer_.reset();
}

void CloudChecks::set_sign_as(std::string account, std::string iam_endpoint) {
    while (!iam_endpoint.empty() && iam_endpoint.back() == '/') iam_endpoint.pop_back();
    if (account == sign_as_ && iam_endpoint == iam_endpoint_) return;
    sign_as_ = std::move(account);
    iam_endpoint_ = std::move(iam_endpoint);
    signer_.reset();
}

namespace {
gcs::IamSignBlobOptions iam_options(const std::string& account, const std::string& iam_endpoint,
                                    const std::string& storage_endpoint) {
    gcs::IamSignBlobOptions o;
    o.service_account = account;
    o.endpoint = iam_endpoint;
    o.v4.endpoint = storage_endpoint;
    o.steady = steady_clock;
    return o;
}
}  // namespace

std::string CloudChecks::sign_url_with_token(const std::string& request_json, std::int64_t now_posix) {
    if (token_.empty()) return "Give an access token first.";
    if (sign_as_.empty()) return "Name the service account to sign as.";
    if (url_ticket_) return "A URL is being signed.";
    gcs::V4RequestRead read = gcs::read_v4_request_json(request_json, now_posix);
    if (!read.request)
        return read.diagnostics.empty() ? "The request cannot be signed." : read.diagnostics.front().message;
    auto signer = std::make_shared<WebIamSigner>(token_, session_transport(),
                                                 iam_options(sign_as_, iam_endpoint_, read.request->endpoint));
    url_ticket_ = signer->sign(std::move(*read.request));
    url_signer_ = std::move(signer);
    return "";
}

std::optional<std::pair<std::string, std::string>> CloudChecks::take_signed_url() {
    if (!url_ticket_ || !url_signer_) return std::nullopt;
    auto done = url_signer_->poll(url_ticket_);
    if (!done) return std::nullopt;
    url_ticket_ = 0;
    url_signer_.reset();
    return std::make_pair(done->ok() ? done->http.url : std::string(), done->error);
}

std::string CloudChecks::cannot_start(const app::ManifestWorkspace& ws, app::TabId tab) const {
    const app::WorkspaceTab* t = ws.find(tab);
    if (!t) return "Open a manifest first.";
    if (email_.empty() && token_.empty())
        return "Open a service-account key file, or give an access token, in the Cloud window first.";
    if (!t->doc.editable()) return "Wait until the manifest is read.";
    auto it = checks_.find(tab);
    if (it != checks_.end() && it->second.check->running()) return "A check of this manifest is running.";
    return "";
}

bool CloudChecks::start(app::ManifestWorkspace& ws, app::TabId tab, bool recheck, app::Log& log, double now_s) {
    if (!cannot_start(ws, tab).empty()) return false;
    const app::WorkspaceTab* t = ws.find(tab);
    TabCheck& c = checks_[tab];
    std::vector<gcs::ObjectResult> previous;
    auto urls = app::object_urls_of(t->doc);
    // Results of the same URLs carry over; after edits the URLs differ and everything is checked again.
    if (c.check && c.check->urls().size() == urls.size() && c.check->job()) {
        bool same = true;
        for (std::size_t i = 0; same && i < urls.size(); ++i) same = urls[i].url == c.check->urls()[i].url;
        if (same) previous = c.check->results();
    }
    const std::size_t count = urls.size();
    c.check = std::make_unique<app::BucketCheck>(std::move(urls), t->doc.revision());
    gcs::ObjectCheckOptions options;
    options.steady = steady_clock;
    options.wall = wall_clock;
    // A browser opens at most 6 HTTP/1.1 connections per host, so at most 6 probes are on the wire; more
    // objects are worked on at once so that signing (two WebCrypto promises each) and the answers' turns
    // through the event loop overlap with the requests on the wire (scripts/bench-checks.mjs measured
    // 97 checks/s with 6, against a stand-in that answers 1,900/s at 6 connections).
    options.max_in_flight = 24;
    options.previous = std::move(previous);
    options.recheck = recheck;
    auto job = c.check->start(session_transport(), *signer(), std::move(options));
    c.signer = signer_;
    c.job = ws.run_job(std::make_unique<app::SharedJob>(job));
    c.reported = false;
    ++c.runs;
    log.add(
        app::LogLevel::info,
        fmt::format("Checking {} object{} of {} in {}{}", count, count == 1 ? "" : "s", ws.display_name(tab),
                    endpoint_.empty() ? "https://storage.googleapis.com" : endpoint_, recheck ? " (all again)" : ""),
        now_s);
    return true;
}

void CloudChecks::cancel(app::ManifestWorkspace& ws, app::TabId tab) {
    auto it = checks_.find(tab);
    if (it == checks_.end()) return;
    if (it->second.job) ws.cancel_job(it->second.job);
    if (it->second.check->job()) it->second.check->job()->cancel();
}

const app::BucketCheck* CloudChecks::of(app::TabId tab) const {
    auto it = checks_.find(tab);
    return it == checks_.end() ? nullptr : it->second.check.get();
}

std::shared_ptr<gcs::ProbeSigner> CloudChecks::signer() {
    // A key signs V4 URLs for the XML API; without one, a token reaches the JSON API.
    if (!signer_ && email_.empty() && !token_.empty() && !sign_as_.empty())
        signer_ = std::make_shared<WebIamSigner>(token_, session_transport(),
                                                 iam_options(sign_as_, iam_endpoint_, endpoint_));
    if (!signer_ && email_.empty() && !token_.empty()) {
        gcs::JsonApiProbeOptions options;
        options.endpoint = endpoint_;
        signer_ = std::make_shared<gcs::BearerTokenProber>(token_, options);
    }
    if (!signer_) {
        gcs::V4ProbeOptions options;
        options.endpoint = endpoint_;
        signer_ = std::make_shared<WebCryptoProbeSigner>(email_, options);
    }
    return signer_;
}

std::string CloudChecks::cannot_import() const {
    if (email_.empty() && token_.empty()) return "Open a service-account key file, or give an access token, first.";
    if (import_ && !import_->finished()) return "A listing is running.";
    return "";
}

bool CloudChecks::start_import(app::ManifestWorkspace& ws, app::BucketImportOptions options, app::Log& log,
                               double now_s) {
    if (!cannot_import().empty() || options.bucket.empty()) return false;
    options.steady = steady_clock;
    options.wall = wall_clock;
    import_signer_ = signer();
    import_name_ = options.bucket + (options.prefix.empty() ? "" : "-" + options.prefix);
    for (char& ch : import_name_)
        if (ch == '/' || ch == '\\' || ch == ' ') ch = '-';
    while (!import_name_.empty() && import_name_.back() == '-') import_name_.pop_back();
    import_name_ += ".json";
    log.add(app::LogLevel::info,
            fmt::format("Listing gs://{}/{} into a manifest{}", options.bucket, options.prefix,
                        options.fill_metadata ? ", with image and video metadata" : ""),
            now_s);
    import_ = std::make_shared<app::BucketImportJob>(session_transport(), *import_signer_, std::move(options));
    import_id_ = ws.run_job(std::make_unique<app::SharedJob>(import_));
    import_reported_ = import_taken_ = false;
    return true;
}

void CloudChecks::cancel_import(app::ManifestWorkspace& ws) {
    if (!import_ || import_->finished()) return;
    ws.cancel_job(import_id_);
    import_->cancel();
}

std::optional<CloudChecks::ImportedManifest> CloudChecks::take_import() {
    if (!import_ || !import_->finished() || !import_reported_ || import_taken_) return std::nullopt;
    import_taken_ = true;
    if (import_->result().json.empty()) return std::nullopt;
    return ImportedManifest{import_name_, import_->result().json, import_->result().findings};
}

void CloudChecks::set_import_findings(app::TabId tab, std::vector<app::ImportFinding> findings) {
    if (tab == 0) return;
    if (findings.empty())
        import_findings_.erase(tab);
    else
        import_findings_[tab] = PlacedFindings{std::move(findings), {}, ~std::uint64_t(0)};
}

const std::vector<app::UnitFinding>* CloudChecks::import_findings(const app::ManifestWorkspace& ws, app::TabId tab) {
    auto it = import_findings_.find(tab);
    const app::WorkspaceTab* t = ws.find(tab);
    if (it == import_findings_.end() || !t || !t->doc.editable()) return nullptr;
    // Rows move when items are added or deleted: place again after each edit.
    if (it->second.revision != t->doc.revision()) {
        it->second.placed = app::place_import_findings(t->doc, it->second.findings);
        it->second.revision = t->doc.revision();
    }
    return &it->second.placed;
}

void CloudChecks::start_cors_doctor(app::CorsDoctorRequest request) {
    cors_.reset();  // aborts a run still out
    cors_signer_ = email_.empty() && (token_.empty() || sign_as_.empty()) ? nullptr : signer();
    request.origin = page_origin();
    request.token = token_;
    // The JSON API is where the endpoint is when it is not Google's (a stand-in, a private endpoint).
    request.json_endpoint = endpoint_;
    request.steady = steady_clock;
    ++cors_runs_;
    cors_ = std::make_unique<app::CorsDoctorRun>(session_transport(), cors_signer_.get(), std::move(request),
                                                 std::int64_t(wall_clock()));
}

std::string page_origin() {
    char buf[512] = {};
    eic_js_page_origin(buf, sizeof buf);
    return buf;
}

int CloudChecks::runs(app::TabId tab) const {
    auto it = checks_.find(tab);
    return it == checks_.end() ? 0 : it->second.runs;
}

std::string check_summary(const app::BucketCheck& check) {
    const auto counts = check.counts();
    std::string parts;
    for (const auto& [state, n] : counts) {
        if (n == 0) continue;
        const char* word = state == gcs::ObjectState::pending            ? "not checked"
                           : state == gcs::ObjectState::exists && n != 1 ? "exist"
                                                                         : app::state_word(state);
        parts += fmt::format("{}{} {}", parts.empty() ? "" : ", ", n, word);
    }
    const std::size_t total = check.urls().size();
    return fmt::format("Checked {} object{}: {}.", total, total == 1 ? "" : "s", parts);
}

namespace {
void report_import(const app::BucketImportResult& r, const std::string& name, app::Log& log, double now_s) {
    if (!r.error.empty()) {
        log.notify(app::LogLevel::error, "The bucket could not be listed: " + r.error, now_s);
        return;
    }
    constexpr std::size_t kListed = 50;  // lines each; the rest are counted
    for (std::size_t i = 0; i < r.skipped.size() && i < kListed; ++i)
        log.add(app::LogLevel::info, fmt::format("{}: left out {}: {}", name, r.skipped[i].name, r.skipped[i].detail),
                now_s);
    for (std::size_t i = 0; i < r.findings.size() && i < kListed; ++i)
        log.add(r.findings[i].diagnostic.severity == Severity::error ? app::LogLevel::error : app::LogLevel::warning,
                fmt::format("{}: {}: {} ({})", name, r.findings[i].item, r.findings[i].diagnostic.message,
                            r.findings[i].diagnostic.code),
                now_s);
    for (const std::string& w : r.warnings) log.add(app::LogLevel::warning, name + ": " + w, now_s);
    const std::string line = fmt::format(
        "{}: listed {} object{}: {} item{}, {} with media metadata, {} left out, {} without readable metadata.", name,
        r.listed, r.listed == 1 ? "" : "s", r.items, r.items == 1 ? "" : "s", r.with_metadata, r.skipped.size(),
        r.findings.size());
    if (r.findings.empty() && r.skipped.empty())
        log.add(app::LogLevel::info, line, now_s);
    else
        log.notify(app::LogLevel::warning, line + " The Log lists each; unreadable headers are also in the findings.",
                   now_s);
}
}  // namespace

std::string CloudChecks::cannot_fill(const app::ManifestWorkspace& ws, app::TabId tab) const {
    const app::WorkspaceTab* t = ws.find(tab);
    if (!t) return "Open a manifest first.";
    if (email_.empty() && token_.empty())
        return "Open a service-account key file, or give an access token, in the Cloud window first.";
    if (!t->doc.editable()) return "Wait until the manifest is read.";
    auto it = fills_.find(tab);
    if (it != fills_.end() && !it->second.job->finished()) return "Media headers of this manifest are being read.";
    return "";
}

bool CloudChecks::start_fill(app::ManifestWorkspace& ws, app::TabId tab, bool refill, app::Log& log, double now_s) {
    if (!cannot_fill(ws, tab).empty()) return false;
    TabFill& f = fills_[tab];
    app::MediaFillOptions o;
    o.refill = refill;
    o.steady = steady_clock;
    o.wall = wall_clock;
    f.signer = signer();
    f.job = std::make_shared<app::MediaFillJob>(ws.find(tab)->doc, session_transport(), *f.signer, std::move(o));
    f.id = ws.run_job(std::make_unique<app::SharedJob>(f.job));
    f.applied = false;
    const app::MediaFillCounts& c = f.job->counts();
    log.add(app::LogLevel::info,
            fmt::format("{}: reading the media headers of {} ({} already with metadata, {} not in GCS)",
                        ws.display_name(tab), app::counted(c.targets, "item"), c.had_metadata, c.not_in_gcs),
            now_s);
    return true;
}

void CloudChecks::cancel_fill(app::ManifestWorkspace& ws, app::TabId tab) {
    auto it = fills_.find(tab);
    if (it == fills_.end() || it->second.job->finished()) return;
    ws.cancel_job(it->second.id);
    it->second.job->cancel();
}

const app::MediaFillJob* CloudChecks::fill_of(app::TabId tab) const {
    auto it = fills_.find(tab);
    return it == fills_.end() ? nullptr : it->second.job.get();
}

void CloudChecks::update(app::ManifestWorkspace& ws, app::Log& log, double now_s) {
    for (auto& [tab, f] : fills_) {
        if (f.applied || !f.job->finished()) continue;
        f.applied = true;
        app::WorkspaceTab* t = ws.find(tab);
        if (!t) continue;
        const std::size_t filled = f.job->apply(t->doc);
        const app::MediaFillCounts& c = f.job->counts();
        const auto& findings = f.job->findings();
        set_import_findings(tab, findings);  // the last read's: items filled now lose their old finding
        std::string line =
            fmt::format("{}: filled the media metadata of {}", ws.display_name(tab), app::counted(filled, "item"));
        if (!findings.empty()) line += fmt::format("; {} could not be read (see the findings)", findings.size());
        if (c.changed_since) line += fmt::format("; {} edited meanwhile, not written", c.changed_since);
        if (findings.empty() && !c.changed_since)
            log.add(app::LogLevel::info, line + ".", now_s);
        else
            log.notify(app::LogLevel::warning, line + ".", now_s);
    }
    if (cors_ && !cors_->finished() && cors_->step())
        log.add(app::LogLevel::info,
                fmt::format("CORS of gs://{}: {}", cors_->request().bucket,
                            gcs::cors_verdict_name(cors_->diagnosis()->verdict)),
                now_s);
    if (import_ && import_->finished() && !import_reported_) {
        import_reported_ = true;
        report_import(import_->result(), import_name_, log, now_s);
    }
    for (auto& [tab, c] : checks_) {
        if (c.reported || !c.check->job() || !c.check->job()->finished()) continue;
        c.reported = true;
        const auto counts = c.check->counts();
        std::size_t bad = 0;
        for (const auto& [state, n] : counts)
            if (state != gcs::ObjectState::exists && state != gcs::ObjectState::pending) bad += n;
        const std::string line = ws.display_name(tab) + ": " + check_summary(*c.check);
        if (bad > 0)
            log.notify(app::LogLevel::warning, line + " See the Bucket column and the findings.", now_s);
        else
            log.add(app::LogLevel::info, line, now_s);
    }
}

void CloudChecks::forget_closed(const app::ManifestWorkspace& ws) {
    for (auto it = import_findings_.begin(); it != import_findings_.end();)
        it = ws.find(it->first) ? std::next(it) : import_findings_.erase(it);
    for (auto it = fills_.begin(); it != fills_.end();)
        it = ws.find(it->first) || !it->second.job->finished() ? std::next(it) : fills_.erase(it);
    for (auto it = checks_.begin(); it != checks_.end();) {
        if (!ws.find(it->first) && !it->second.check->running())
            it = checks_.erase(it);
        else
            ++it;
    }
}

}  // namespace eic::web

// The Cloud window: open a Google service-account key file (held by the page in memory only), sign a V4
// URL for an object as `gcloud storage sign-url` does, and read any signed URL back (signer, scope,
// validity, signed headers, and whether the open key's signature matches). Signing runs in the page
// with WebCrypto (app/cloud_bridge.hpp); the answer arrives a few frames later.
#include "ui/cloud_window.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <ctime>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "app/cloud_bridge.hpp"
#include "app/cloud_checks.hpp"
#include "app/counted.hpp"
#include "app/secrets.hpp"
#include "gcs/cors_doctor.hpp"
#include "gcs/object_url.hpp"
#include "ui/widgets.hpp"

namespace eic::ui {
namespace {

const char* const kMethods[] = {"GET", "HEAD", "PUT", "DELETE"};

// "Name: value" lines as a JSON object (repeated names: the last wins, as one header line in a request).
nlohmann::json header_lines(const char* text) {
    nlohmann::json out = nlohmann::json::object();
    std::string_view rest = text;
    while (!rest.empty()) {
        const std::size_t nl = rest.find('\n');
        std::string_view line = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0) continue;
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
        out[std::string(line.substr(0, colon))] = std::string(value);
    }
    return out;
}

std::string duration_text(long long s) {
    const bool past = s < 0;
    if (past) s = -s;
    std::string t = s >= 86400  ? fmt::format("{}d {}h", s / 86400, s % 86400 / 3600)
                    : s >= 3600 ? fmt::format("{}h {}min", s / 3600, s % 3600 / 60)
                    : s >= 60   ? fmt::format("{}min {}s", s / 60, s % 60)
                                : fmt::format("{}s", s);
    return past ? "expired " + t + " ago" : t + " left";
}

void key_section(CloudView& c) {
    if (c.key_email.empty()) {
        ImGui::TextWrapped(
            "Open a service-account key file (JSON) to sign with. The key stays in this page's memory: it is not "
            "saved, logged or sent anywhere, and closing the page forgets it.");
        if (ImGui::Button("Open key file…")) web::cloud_open_key();
    } else {
        ImGui::Text("Signing as %s", c.key_email.c_str());
        if (flow_button("Forget key")) {
            web::cloud_forget_key();  // and its remembered copy
            web::cloud_checks().set_key("");
            c.key_email.clear();
            c.key_remembered = false;
        }
        remember_checkbox(c.key_remembered, web::remember_cloud_key);
    }
    if (!c.key_error.empty()) ImGui::TextColored(severity_colour(Severity::error), "%s", c.key_error.c_str());
    if (!c.key_email.empty()) return;
    // Without a key: an OAuth access token, for the JSON API (no signing in the page).
    web::CloudChecks& checks = web::cloud_checks();
    if (checks.has_token()) {
        ImGui::TextUnformatted(checks.sign_as().empty() ? "Using an access token (JSON API)."
                                                        : "Using an access token: IAM signs V4 URLs (XML API).");
        if (flow_button("Forget token")) checks.forget_token();
        const float em = ImGui::GetFontSize();
        ImGui::SetNextItemWidth(em * 18);
        input_text("Sign as", "name@project.iam.gserviceaccount.com", c.sign_as, sizeof c.sign_as);
        explain(
            "Optional: a service account whose signature IAM Credentials' signBlob makes with this token (you need "
            "the Service Account Token Creator role on it). Checks and listings then use V4 signed URLs, as Encord "
            "does, and Sign a URL works without a key file. Empty: checks go to the JSON API.");
        same_line_if_fits(labelled_width("IAM endpoint", em * 14));
        ImGui::SetNextItemWidth(em * 14);
        input_text("IAM endpoint", "https://iamcredentials.googleapis.com", c.iam_endpoint, sizeof c.iam_endpoint);
        checks.set_sign_as(c.sign_as, c.iam_endpoint);
        return;
    }
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(em * 18);
    const bool entered = ImGui::InputTextWithHint("##Access token", "or paste an access token", c.token, sizeof c.token,
                                                  ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    web::debug_items_name_last("Access token");
    explain(
        "From `gcloud auth print-access-token`: checks and listings then go to the JSON API with it. It stays "
        "in this page's memory only.");
    if (flow_button("Use token") || entered) {
        c.token_error = checks.set_token(c.token);
        if (c.token_error.empty()) std::fill(std::begin(c.token), std::end(c.token), '\0');
    }
    if (!c.token_error.empty()) ImGui::TextColored(severity_colour(Severity::error), "%s", c.token_error.c_str());
}

// GCS refused eic's signature (403 SignatureDoesNotMatch): its own canonical request beside eic's, for the
// first object it happened to, so the difference (host, path encoding, a header) can be seen.
void draw_signature_mismatch(const app::BucketCheck& check) {
    for (const gcs::ObjectResult& r : check.results()) {
        if (r.error_code != "SignatureDoesNotMatch" || r.server_canonical_request.empty()) continue;
        ImGui::TextColored(severity_colour(Severity::error), "GCS did not accept the signature for %s:", r.url.c_str());
        if (ImGui::BeginTable("canonical", 2, ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame)) {
            ImGui::TableSetupColumn("GCS's canonical request");
            ImGui::TableSetupColumn("eic's canonical request");
            ImGui::TableHeadersRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.server_canonical_request.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.eic_canonical_request.c_str());
            ImGui::EndTable();
        }
        if (flow_small_button("Copy both"))
            ImGui::SetClipboardText(
                ("GCS:\n" + r.server_canonical_request + "\n\neic:\n" + r.eic_canonical_request).c_str());
        return;
    }
}

// Reads the headers of the manifest's images and videos for their imageMetadata / videoMetadata
// (app/media_fill.hpp); the write is one undo step in the Manifest panel.
void fill_section(ShellContext& ctx, app::TabId tab) {
    CloudView& c = ctx.ui.cloud;
    const float em = ImGui::GetFontSize();
    web::CloudChecks& checks = web::cloud_checks();
    ImGui::Separator();
    const app::MediaFillJob* fill = checks.fill_of(tab);
    if (fill && !fill->finished()) {
        const std::string overlay = fmt::format("media headers · {:.1f} objects/s", fill->rate());
        ImGui::ProgressBar(float(fill->progress()), ImVec2(std::min(em * 22, ImGui::GetContentRegionAvail().x), 0),
                           overlay.c_str());
        if (flow_button("Cancel reading")) checks.cancel_fill(ctx.workspace, tab);
        return;
    }
    const std::string why = checks.cannot_fill(ctx.workspace, tab);
    ImGui::BeginDisabled(!why.empty());
    if (ImGui::Button("Fill media metadata")) {
        checks.set_endpoint(c.endpoint);
        checks.start_fill(ctx.workspace, tab, c.fill_again, ctx.log, ctx.now_s);
        fill = checks.fill_of(tab);
    }
    ImGui::EndDisabled();
    explain(
        "Reads the first 64 KiB of each image and video (a few more reads where a header needs them) and writes "
        "imageMetadata or videoMetadata, which strict client-only access needs. One undo step.");
    same_line_if_fits(ImGui::CalcTextSize("Read again where present").x + em * 2);
    ImGui::Checkbox("Read again where present", &c.fill_again);
    if (fill && fill->finished()) {
        const app::MediaFillCounts& n = fill->counts();
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(fmt::format("Filled {}; {} could not be read; {} already had metadata; {} not in GCS.",
                                           app::counted(n.filled, "item"), fill->findings().size(), n.had_metadata,
                                           n.not_in_gcs)
                                   .c_str());
        ImGui::PopTextWrapPos();
    }
}

// GCS or IAM refused the access token mid-job: a new one, and the job goes on where it stopped.
void new_token_prompt(CloudView& c, const char* what, const std::function<std::string(const std::string&)>& resume) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(severity_colour(Severity::warning),
                       "GCS refused the access token (it expires after an hour). Paste a new one: %s goes on where "
                       "it stopped.",
                       what);
    ImGui::PopTextWrapPos();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    const bool entered = ImGui::InputTextWithHint("##New token", "a new access token", c.token, sizeof c.token,
                                                  ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    web::debug_items_name_last("New token");
    if (flow_button("Resume") || entered) {
        c.token_error = resume(c.token);
        if (c.token_error.empty()) std::fill(std::begin(c.token), std::end(c.token), '\0');
    }
    if (!c.token_error.empty()) ImGui::TextColored(severity_colour(Severity::error), "%s", c.token_error.c_str());
}

// Checks every object the manifest in front names, as a job (app/cloud_checks.hpp); the results show in
// the Manifest panel (its Bucket column and findings).
void check_section(ShellContext& ctx) {
    CloudView& c = ctx.ui.cloud;
    const float em = ImGui::GetFontSize();
    web::CloudChecks& checks = web::cloud_checks();
    const app::TabId tab = ctx.workspace.active_id();
    const app::BucketCheck* check = checks.of(tab);  // read again after a start
    if (tab == 0) {
        ImGui::TextDisabled("Open a manifest in the Manifest panel to check its objects.");
        return;
    }
    ImGui::Text("Manifest: %s", ctx.workspace.display_name(tab).c_str());
    const std::string why = checks.cannot_start(ctx.workspace, tab);
    if (check && checks.waiting_for_token(tab))
        new_token_prompt(c, "the check", [&](const std::string& t) { return checks.resume_with_token(tab, t); });
    if (check && check->running()) {
        const auto& job = *check->job();
        const std::string overlay =
            fmt::format("{} of {} · {:.1f} objects/s", job.done(), check->urls().size(), job.rate());
        ImGui::ProgressBar(float(job.progress()), ImVec2(std::min(em * 22, ImGui::GetContentRegionAvail().x), 0),
                           overlay.c_str());
        if (flow_button("Cancel check")) checks.cancel(ctx.workspace, tab);
    } else {
        ImGui::BeginDisabled(!why.empty());
        if (ImGui::Button("Check objects")) {
            checks.set_endpoint(c.endpoint);
            checks.start(ctx.workspace, tab, false, ctx.log, ctx.now_s);
        }
        explain(
            "Sends a signed HEAD request for every object the manifest names. Objects an earlier check "
            "found (or found missing) are not asked again.");
        if (check) {
            same_line_if_fits(button_width("Check all again"));
            if (ImGui::Button("Check all again")) {
                checks.set_endpoint(c.endpoint);
                checks.start(ctx.workspace, tab, true, ctx.log, ctx.now_s);
            }
        }
        ImGui::EndDisabled();
        if (!why.empty()) ImGui::TextDisabled("%s", why.c_str());
    }
    check = checks.of(tab);  // a check started above replaced the one read before
    if (check) draw_signature_mismatch(*check);
    fill_section(ctx, tab);
    if (check && check->job()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(web::check_summary(*check).c_str());
        if (const auto& skew = check->job()->clock_skew())
            ImGui::TextColored(severity_colour(Severity::warning),
                               "This computer's clock is %.0f s %s the server's (Date: %s): signed URLs may be "
                               "refused until it is set right.",
                               std::abs(skew->seconds), skew->seconds > 0 ? "behind" : "ahead of", skew->date.c_str());
        ImGui::PopTextWrapPos();
    }
}

// Lists a bucket prefix into a new manifest tab, reading each image's and video's header for its metadata
// (app/bucket_import.hpp).
void list_section(ShellContext& ctx) {
    CloudView& c = ctx.ui.cloud;
    const float em = ImGui::GetFontSize();
    web::CloudChecks& checks = web::cloud_checks();
    ImGui::SetNextItemWidth(em * 14);
    input_text("List bucket", "my-bucket", c.list_bucket, sizeof c.list_bucket);
    same_line_if_fits(labelled_width("Prefix", em * 14));
    ImGui::SetNextItemWidth(em * 14);
    input_text("Prefix", "images/2024/", c.list_prefix, sizeof c.list_prefix);
    static const char* const kGroupings[] = {"One item per file", "Image groups by folder",
                                             "Image sequences by folder"};
    static const char* const kForms[] = {"https://storage.cloud.google.com/…", "gs://…"};
    ImGui::SetNextItemWidth(em * 14);
    combo("Images", &c.list_grouping, kGroupings, 3);
    same_line_if_fits(labelled_width("URLs", em * 14));
    ImGui::SetNextItemWidth(em * 14);
    combo("URLs", &c.list_url_form, kForms, 2);
    ImGui::Checkbox("Read image and video metadata", &c.list_metadata);
    explain(
        "Reads the first 64 KiB of each image and video (a few more reads where a header needs them) to fill "
        "imageMetadata and videoMetadata, which strict client-only access needs.");
    const app::BucketImportJob* job = checks.import_job();
    if (checks.import_waiting_for_token())
        new_token_prompt(c, "the listing", [&](const std::string& t) { return checks.resume_import_with_token(t); });
    if (job && !job->finished()) {
        const std::string overlay = fmt::format("{} · {:.1f} objects/s", job->label(), job->rate());
        ImGui::ProgressBar(float(job->progress()), ImVec2(std::min(em * 24, ImGui::GetContentRegionAvail().x), 0),
                           overlay.c_str());
        if (flow_button("Cancel listing")) checks.cancel_import(ctx.workspace);
        return;
    }
    const std::string why = c.list_bucket[0] == 0 ? "Name the bucket." : checks.cannot_import();
    ImGui::BeginDisabled(!why.empty());
    if (ImGui::Button("List into a manifest")) {
        checks.set_endpoint(c.endpoint);
        app::BucketImportOptions o;
        o.bucket = c.list_bucket;
        o.prefix = c.list_prefix;
        o.grouping = manifest::ListingGrouping(c.list_grouping);
        o.url_form = manifest::ListingUrlForm(c.list_url_form);
        o.fill_metadata = c.list_metadata;
        checks.start_import(ctx.workspace, std::move(o), ctx.log, ctx.now_s);
    }
    ImGui::EndDisabled();
    if (!why.empty()) ImGui::TextDisabled("%s", why.c_str());
    job = checks.import_job();
    if (job && job->finished()) {
        const app::BucketImportResult& r = job->result();
        ImGui::PushTextWrapPos(0);
        if (!r.error.empty())
            ImGui::TextColored(severity_colour(Severity::error), "Not listed: %s", r.error.c_str());
        else
            ImGui::Text(
                "Listed %zu objects: %zu items, %zu with media metadata, %zu left out, %zu without readable "
                "metadata (the Log lists each). The manifest opened in the Manifest panel.",
                r.listed, r.items, r.with_metadata, r.skipped.size(), r.findings.size());
        ImGui::PopTextWrapPos();
    }
}

void sign_section(CloudView& c) {
    const float em = ImGui::GetFontSize();
    web::CloudChecks& checks = web::cloud_checks();
    // A URL IAM signed (with the token) arrives here; one signed with the key through cloud_answer().
    if (auto done = checks.take_signed_url()) {
        c.sign_pending = 0;
        c.url = done->first;
        c.sign_error = done->second;
    }
    const bool with_token = c.key_email.empty() && checks.signs_with_token();
    ImGui::SetNextItemWidth(em * 14);
    input_text("Bucket", "my-bucket", c.bucket, sizeof c.bucket);
    same_line_if_fits(labelled_width("Object", em * 18));
    ImGui::SetNextItemWidth(em * 18);
    input_text("Object", "images/1.jpg", c.object, sizeof c.object);
    ImGui::SetNextItemWidth(em * 6);
    combo("Method", &c.method, kMethods, 4);
    same_line_if_fits(labelled_width("Expires (s)", em * 7));
    ImGui::SetNextItemWidth(em * 7);
    label_before("Expires (s)");
    ImGui::InputInt("##Expires (s)", &c.expires, 60, 3600);
    web::debug_items_name_last("Expires (s)");
    explain("How long the URL works, 1 s to 604,800 s (7 days), the longest GCS allows for a V4 signed URL.");
    ImGui::TextUnformatted("Headers the request will send, one \"Name: value\" a line (optional)");
    ImGui::InputTextMultiline("##Headers", c.headers, sizeof c.headers, ImVec2(-FLT_MIN, em * 3));
    web::debug_items_name_last("Headers");
    ImGui::BeginDisabled((c.key_email.empty() && !with_token) || !*c.bucket || c.sign_pending != 0);
    if (ImGui::Button("Sign")) {
        nlohmann::json r = {{"method", kMethods[c.method]}, {"bucket", c.bucket}, {"expires", c.expires}};
        if (*c.object) r["object"] = c.object;
        if (*c.endpoint) r["endpoint"] = c.endpoint;
        const nlohmann::json h = header_lines(c.headers);
        if (!h.empty()) r["headers"] = h;
        c.sign_pending = c.next_tag++;
        c.url.clear();
        c.sign_error.clear();
        if (with_token) {
            c.sign_error = checks.sign_url_with_token(r.dump(), std::int64_t(std::time(nullptr)));
            if (!c.sign_error.empty()) c.sign_pending = 0;
        } else {
            web::cloud_sign(c.sign_pending, r.dump());
        }
    }
    ImGui::EndDisabled();
    if (c.key_email.empty() && !with_token) {
        ImGui::SameLine();
        ImGui::TextDisabled(checks.has_token() ? "Name a service account to sign as (above), or open a key file."
                                               : "Open a key file, or give a token and an account to sign as.");
    }
    if (c.sign_pending) {
        ImGui::SameLine();
        ImGui::TextDisabled("Signing…");
    }
    if (!c.sign_error.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(severity_colour(Severity::error), "%s", c.sign_error.c_str());
        ImGui::PopTextWrapPos();
    }
    if (!c.url.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(c.url.c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::Button("Copy URL")) ImGui::SetClipboardText(c.url.c_str());
        if (flow_button("Inspect it")) {
            std::snprintf(c.inspect_url, sizeof c.inspect_url, "%s", c.url.c_str());
            c.inspect_method = c.method;
            c.show_inspector = true;
        }
    }
}

void inspect_section(CloudView& c) {
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(-FLT_MIN);
    input_text("URL", "https://storage.googleapis.com/…?X-Goog-Signature=…", c.inspect_url, sizeof c.inspect_url);
    ImGui::SetNextItemWidth(em * 6);
    combo("for", &c.inspect_method, kMethods, 4);
    explain("The method the URL was signed for: it is part of what the signature covers.");
    ImGui::SameLine();
    ImGui::BeginDisabled(!*c.inspect_url || c.inspect_pending != 0);
    if (ImGui::Button("Inspect")) {
        c.inspect_pending = c.next_tag++;
        c.inspection = nullptr;
        c.inspect_error.clear();
        web::cloud_inspect(c.inspect_pending, c.inspect_url, kMethods[c.inspect_method]);
    }
    ImGui::EndDisabled();
    if (!c.inspect_error.empty()) ImGui::TextColored(severity_colour(Severity::error), "%s", c.inspect_error.c_str());
    const nlohmann::json& r = c.inspection;
    if (!r.is_object()) return;
    if (r.contains("info")) {
        const auto& i = r["info"];
        if (ImGui::BeginTable("inspection", 2, ImGuiTableFlags_SizingFixedFit)) {
            const auto row = [](const char* name, const std::string& value) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%s", name);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(value.c_str());
            };
            row("Signer", i.value("signer", ""));
            row("Scope", i.value("scope", ""));
            row("Valid from", i.value("datetime", ""));
            row("Valid for",
                fmt::format("{} s ({})", i.value("expires", 0LL), duration_text(i.value("secondsLeft", 0LL))));
            std::string headers;
            for (const auto& h : i.value("signedHeaders", nlohmann::json::array()))
                headers += (headers.empty() ? "" : ", ") + h.get<std::string>();
            row("Signed headers", headers);
            row("Algorithm", i.value("algorithm", ""));
            ImGui::EndTable();
        }
        const auto& v = r["verified"];
        if (v.is_boolean())
            ImGui::TextColored(severity_colour(v.get<bool>() ? Severity::info : Severity::error), "%s",
                               v.get<bool>() ? "The open key signs this URL to the same signature: it verifies."
                                             : "The open key does not sign this URL to its signature: it was changed, "
                                               "signed for another method, or signed by another key.");
        else
            ImGui::TextDisabled(c.key_email.empty()
                                    ? "Open the signer's key file to check the signature."
                                    : "Not checked: the URL signs headers whose values it does not carry.");
    }
    for (const auto& d : r.value("diagnostics", nlohmann::json::array())) {
        const bool error = d.value("severity", "") == "error";
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(severity_colour(error ? Severity::error : Severity::warning), "%s: %s",
                           d.value("code", "").c_str(), d.value("message", "").c_str());
        ImGui::PopTextWrapPos();
    }
}

// The CORS doctor (app/cors_doctor_run.hpp): whether the bucket lets this page read it through signed URLs,
// and the configuration that would, for this page and Encord's web apps.
void cors_section(ShellContext& ctx) {
    CloudView& c = ctx.ui.cloud;
    const float em = ImGui::GetFontSize();
    web::CloudChecks& checks = web::cloud_checks();
    // The bucket and an object of the manifest in front, until the user names others.
    if (!*c.cors_bucket && ctx.workspace.active_id() != 0)
        if (const app::WorkspaceTab* t = ctx.workspace.find(ctx.workspace.active_id()); t && t->doc.editable())
            for (const app::CheckedUrl& u : app::object_urls_of(t->doc)) {
                const gcs::ObjectUrl o = gcs::parse_object_url(u.url);
                if (!o.checkable()) continue;
                std::snprintf(c.cors_bucket, sizeof c.cors_bucket, "%s", o.bucket.c_str());
                std::snprintf(c.cors_object, sizeof c.cors_object, "%s", o.object.c_str());
                break;
            }
    const std::string origin = web::page_origin();
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(
        ("Signed URLs go to GCS's XML API, which answers a page only when the bucket's CORS configuration lets its "
         "origin in. This page is " +
         origin + ".")
            .c_str());
    ImGui::PopTextWrapPos();
    ImGui::SetNextItemWidth(em * 14);
    input_text("CORS bucket", "my-bucket", c.cors_bucket, sizeof c.cors_bucket);
    same_line_if_fits(labelled_width("Object to try", em * 16));
    ImGui::SetNextItemWidth(em * 16);
    input_text("Object to try", "images/1.jpg", c.cors_object, sizeof c.cors_object);
    ImGui::Checkbox("Also let Encord's web apps read it", &c.cors_encord);
    explain(
        "Encord's guide (Step 2) has the bucket answer https://app.encord.com and https://app.us.encord.com, "
        "whose pages load the media from the bucket.");
    same_line_if_fits(ImGui::CalcTextSize("Uploads too").x + em * 2);
    ImGui::Checkbox("Uploads too", &c.cors_uploads);
    const app::CorsDoctorRun* run = checks.cors_run();
    const bool running = run && !run->finished();
    ImGui::BeginDisabled(!*c.cors_bucket || running);
    if (ImGui::Button("Diagnose")) {
        checks.set_endpoint(c.endpoint);
        app::CorsDoctorRequest r;
        r.bucket = c.cors_bucket;
        r.object = c.cors_object;
        r.also_encord = c.cors_encord;
        r.uploads = c.cors_uploads;
        checks.start_cors_doctor(std::move(r));
        run = checks.cors_run();
    }
    ImGui::EndDisabled();
    explain(
        "With a key file (or a token and an account to sign as) it sends a signed HEAD of the object; with a token "
        "it also reads the bucket's CORS configuration (JSON API, needs storage.buckets.get).");
    if (running) {
        ImGui::SameLine();
        ImGui::TextDisabled("Asking GCS…");
    }
    std::vector<std::string> origins = {origin};
    if (c.cors_encord)
        origins.insert(origins.end(), gcs::encord_app_origins().begin(), gcs::encord_app_origins().end());
    gcs::CorsConfigOptions options;
    options.uploads = c.cors_uploads;
    std::string config = gcs::cors_config_for(origins, options);
    std::string command = gcs::gcloud_cors_command(*c.cors_bucket ? c.cors_bucket : "BUCKET");
    ImGui::PushTextWrapPos(0);
    if (run && run->finished() && run->request().bucket == c.cors_bucket) {
        const gcs::CorsDiagnosis& d = *run->diagnosis();
        std::string asked;
        for (const std::string& a : run->asked()) asked += (asked.empty() ? "" : "; ") + a;
        ImGui::TextDisabled("Asked: %s", asked.empty() ? "nothing (open a key file or give a token)" : asked.c_str());
        const Severity sev = d.verdict == gcs::CorsVerdict::allowed   ? Severity::info
                             : d.verdict == gcs::CorsVerdict::unknown ? Severity::warning
                                                                      : Severity::error;
        ImGui::TextColored(severity_colour(sev), "Verdict: %s", gcs::cors_verdict_name(d.verdict));
        ImGui::TextUnformatted(d.explanation.c_str());
        for (const std::string& g : d.degraded) ImGui::BulletText("%s", g.c_str());
        if (!d.fix.empty()) ImGui::TextUnformatted(d.fix.c_str());
        if (!d.fix_config.empty()) config = d.fix_config;
        if (!d.fix_command.empty()) command = d.fix_command;
    } else {
        ImGui::TextDisabled("The configuration that lets this page%s in:",
                            c.cors_encord ? " and Encord's web apps" : "");
    }
    ImGui::PopTextWrapPos();
    ImGui::InputTextMultiline("##CORS configuration", config.data(), config.size() + 1, ImVec2(-FLT_MIN, em * 8),
                              ImGuiInputTextFlags_ReadOnly);
    web::debug_items_name_last("CORS configuration");
    if (ImGui::Button("Copy configuration")) ImGui::SetClipboardText(config.c_str());
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(command.c_str());
    ImGui::PopTextWrapPos();
    if (flow_button("Copy command")) ImGui::SetClipboardText(command.c_str());
}

}  // namespace

void cloud_answer(CloudView& c, int tag, const std::string& json) {
    nlohmann::json a = nlohmann::json::parse(json, nullptr, false);
    if (a.is_discarded()) return;
    if (tag == c.sign_pending) {
        c.sign_pending = 0;
        c.url = a.value("url", "");
        c.sign_error = a.value("error", "");
    } else if (tag == c.inspect_pending) {
        c.inspect_pending = 0;
        c.inspect_error = a.value("error", "");
        c.inspection = a.contains("result") ? a["result"] : nlohmann::json();
    }
}

void draw_cloud_window(ShellContext& ctx) {
    CloudView& c = ctx.ui.cloud;
    if (!c.open) return;
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(em * 42, em * 36), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::Begin("Cloud###cloud", &c.open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        key_section(c);
        ImGui::SetNextItemWidth(std::min(em * 22, ImGui::GetContentRegionAvail().x - labelled_width("Endpoint", 0)));
        input_text("Endpoint", "https://storage.googleapis.com", c.endpoint, sizeof c.endpoint);
        explain(
            "Where checks, listings and signed URLs go: Google's XML API host, or another endpoint (a private one, "
            "or a local stand-in).");
        // One tool at a time, so each has the window's height.
        if (ImGui::BeginTabBar("cloud-tools")) {
            if (ImGui::BeginTabItem("Objects")) {
                check_section(ctx);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("List a bucket")) {
                list_section(ctx);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Bucket CORS")) {
                cors_section(ctx);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Sign a URL")) {
                sign_section(c);
                ImGui::EndTabItem();
            }
            const ImGuiTabItemFlags select = c.show_inspector ? ImGuiTabItemFlags_SetSelected : 0;
            c.show_inspector = false;
            if (ImGui::BeginTabItem("Read a signed URL", nullptr, select)) {
                inspect_section(c);
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
    }
    ImGui::End();
}

}  // namespace eic::ui

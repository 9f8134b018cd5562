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
#include <nlohmann/json.hpp>
#include <string>

#include "app/cloud_bridge.hpp"
#include "app/cloud_checks.hpp"
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
            web::cloud_forget_key();
            web::cloud_checks().set_key("");
            c.key_email.clear();
        }
    }
    if (!c.key_error.empty()) ImGui::TextColored(severity_colour(Severity::error), "%s", c.key_error.c_str());
    if (!c.key_email.empty()) return;
    // Without a key: an OAuth access token, for the JSON API (no signing in the page).
    web::CloudChecks& checks = web::cloud_checks();
    if (checks.has_token()) {
        ImGui::TextUnformatted("Using an access token (JSON API).");
        if (flow_button("Forget token")) checks.forget_token();
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
    if (check && checks.waiting_for_token(tab)) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(severity_colour(Severity::warning),
                           "GCS refused the access token (it expires after an hour). Paste a new one: the check "
                           "goes on where it stopped.");
        ImGui::PopTextWrapPos();
        ImGui::SetNextItemWidth(em * 18);
        const bool entered =
            ImGui::InputTextWithHint("##New token", "a new access token", c.token, sizeof c.token,
                                     ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
        web::debug_items_name_last("New token");
        if (flow_button("Resume") || entered) {
            c.token_error = checks.resume_with_token(tab, c.token);
            if (c.token_error.empty()) std::fill(std::begin(c.token), std::end(c.token), '\0');
        }
        if (!c.token_error.empty()) ImGui::TextColored(severity_colour(Severity::error), "%s", c.token_error.c_str());
    }
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
    ImGui::BeginDisabled(c.key_email.empty() || !*c.bucket || c.sign_pending != 0);
    if (ImGui::Button("Sign")) {
        nlohmann::json r = {{"method", kMethods[c.method]}, {"bucket", c.bucket}, {"expires", c.expires}};
        if (*c.object) r["object"] = c.object;
        const nlohmann::json h = header_lines(c.headers);
        if (!h.empty()) r["headers"] = h;
        c.sign_pending = c.next_tag++;
        c.url.clear();
        c.sign_error.clear();
        web::cloud_sign(c.sign_pending, r.dump());
    }
    ImGui::EndDisabled();
    if (c.key_email.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("Open a key file first.");
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
            "Where checks and listings go: Google's XML API host, or another endpoint (a private one, or a local "
            "stand-in).");
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

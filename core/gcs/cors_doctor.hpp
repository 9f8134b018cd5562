// The CORS doctor: what a bucket's CORS configuration must hold for eic to probe and read objects from a
// browser page through the XML API (signed URLs), and why a request from the page failed. The JSON API
// needs none of it: it answers every origin (https://cloud.google.com/storage/docs/cross-origin).
//
//   cors_config_for(origins)   the JSON array to apply with
//                              `gcloud storage buckets update gs://BUCKET --cors-file=FILE`
//                              (https://cloud.google.com/storage/docs/using-cors)
//   cors_diagnosis(evidence)   a verdict from what the page observed: its own XML HEAD, a `no-cors` HEAD of
//                              the same URL, and the configuration itself when a token could read it
//                              (JSON API, GET /storage/v1/b/BUCKET?fields=cors), evaluated as GCS does
//                              (gcs/cors_rules.hpp)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "gcs/cors_rules.hpp"
#include "net/http.hpp"

namespace eic::gcs {

// Encord's web apps, which load media from the bucket in the browser: Encord's GCP import guide (Step 2)
// names https://app.encord.com/integrations and https://app.us.encord.com/integrations.
const std::vector<std::string>& encord_app_origins();

// A header eic needs in a rule's responseHeader, and what it is for.
struct CorsHeaderNeed {
    const char* name;
    bool sent;          // a request header eic sends (the preflight must allow it); else one eic reads
    bool uploads_only;  // needed only to upload
    const char* why;    // what it is for, and what degrades without it
};

// Everything eic needs beyond the CORS-safelisted response headers (Cache-Control, Content-Language,
// Content-Length, Content-Type, Expires, Last-Modified, Pragma: always readable,
// https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name), which is why Content-Length and
// Last-Modified are not listed. ETag is not listed: eic reads the MD5 from x-goog-hash.
const std::vector<CorsHeaderNeed>& cors_headers_eic_needs();

struct CorsConfigOptions {
    // Also PUT and POST (a resumable upload's start), and the headers they send and read.
    bool uploads = false;
    std::int64_t max_age_s = 3600;  // how long a browser may keep a preflight's answer
};

// The methods eic needs: GET and HEAD, and PUT and POST for uploads.
std::vector<std::string> cors_methods_eic_needs(bool uploads);

// One rule as the JSON object eic recommends: `origins` (duplicates dropped, order kept), eic's methods,
// its headers and maxAgeSeconds, on one line per field.
std::string cors_rule_json(const std::vector<std::string>& origins, const CorsConfigOptions& options = {});

// The whole configuration: a JSON array holding that one rule, ready for --cors-file. It replaces the
// bucket's configuration (cors_diagnosis' fix keeps the rules already there).
std::string cors_config_for(const std::vector<std::string>& origins, const CorsConfigOptions& options = {});

// `gcloud storage buckets update gs://BUCKET --cors-file=FILE`, one line.
std::string gcloud_cors_command(std::string_view bucket, std::string_view file = "cors.json");

enum class CorsVerdict {
    allowed,             // every method eic needs is allowed for this origin, with the headers it reads
    origin_not_listed,   // no rule names this origin (or "*")
    method_not_listed,   // a rule names the origin, but no rule for it allows a method eic needs
    header_not_exposed,  // allowed, but a header eic reads or sends is not in the matching rule's responseHeader
    no_configuration,    // the bucket has no rules: the XML API answers no cross-origin request
    refused,             // the browser withheld GCS's answer (CORS), the configuration unread
    unknown,             // not CORS, or nothing to tell by (see the explanation)
};

const char* cors_verdict_name(CorsVerdict v);

// What the page observed. Every part is optional; the more there is, the more precise the verdict.
struct CorsEvidence {
    std::string origin;  // this page's origin (self.origin)
    std::string bucket;
    bool uploads = false;  // whether eic is to upload too (PUT, POST and their headers)
    // The page's signed XML API HEAD of an object, a CORS request (net/http.hpp: status 0 and a failure kind
    // when there was no answer the page may read). Absent: not sent.
    std::optional<net::HttpResponse> xml_head;
    // The same HEAD sent with fetch's mode "no-cors": true when an (opaque) answer came back, so GCS was
    // reached (https://fetch.spec.whatwg.org/#concept-filtered-response-opaque); false when it failed too.
    std::optional<bool> no_cors_reached;
    // The JSON API's answer to GET /storage/v1/b/BUCKET?fields=cors with an access token (which the JSON
    // API answers from any origin). Absent: not read (no token).
    std::optional<net::HttpResponse> config;
    // Other origins the fix should allow as well (encord_app_origins(), for a bucket Encord reads too).
    std::vector<std::string> also_allow;
};

struct CorsDiagnosis {
    CorsVerdict verdict = CorsVerdict::unknown;
    std::string explanation;  // plain language: what was observed and what it means
    std::string fix;          // what to do; empty when nothing is to be done
    std::string fix_config;   // the JSON array to apply (existing rules kept, after eic's); empty when none
    std::string fix_command;  // the gcloud command that applies it; empty when none
    std::vector<std::string> missing_methods;  // methods no rule allows for this origin
    std::vector<std::string> missing_headers;  // headers the rule GCS applies does not list
    std::vector<std::string> degraded;         // what works less well without them
    std::optional<std::size_t> rule;           // 0-based index of the rule GCS applies to GET (or the first method)
    Diagnostics config_diagnostics;            // from reading the configuration (gcs/cors_rules.hpp)

    // The verdict as a finding (gcs.cors.*, gcs/cors_codes.hpp), then the configuration's own; none for
    // `allowed`.
    Diagnostics diagnostics() const;
};

CorsDiagnosis cors_diagnosis(const CorsEvidence& evidence);

}  // namespace eic::gcs

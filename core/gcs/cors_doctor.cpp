#include "gcs/cors_doctor.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "gcs/cors_codes.hpp"
#include "gcs/google_error.hpp"
#include "gcs/v4_encoding.hpp"

namespace eic::gcs {
namespace {

// The methods each header matters for, as a space-separated list.
struct Need {
    CorsHeaderNeed need;
    const char* methods;
};

const std::vector<Need>& needs() {
    static const std::vector<Need> list = {
        {{"Content-Range", false, false,
          "the object's full size in the answer to a ranged GET (\"bytes 0-0/SIZE\"); without it only the range's "
          "own length is readable"},
         "GET"},
        {{"Date", false, false,
          "the clock check: GCS refuses signed URLs when this computer's clock is off, and eic warns of it by "
          "comparing an answer's Date with the clock; without it there is no warning"},
         "GET HEAD"},
        {{"Range", true, false,
          "ranged GETs (one byte to read GCS's error document, the start of a media file); a single range is "
          "CORS-safelisted (https://fetch.spec.whatwg.org/#cors-safelisted-request-header), but a browser that "
          "does not implement that sends a preflight, which must allow it"},
         "GET"},
        {{"x-goog-generation", false, false, "the object's generation: which version of it was checked"}, "GET HEAD"},
        {{"x-goog-hash", false, false, "the object's MD5, to compare it with a local copy"}, "GET HEAD"},
        {{"x-goog-stored-content-length", false, false,
          "the stored size of an object served decompressed (gzip transcoding), whose Content-Length is another "
          "number or absent"},
         "GET HEAD"},
        {{"Content-Type", true, true, "uploads: a PUT or POST with a content type is preflighted"}, "PUT POST"},
        {{"x-goog-resumable", true, true, "uploads: starting a resumable upload sends it, so it is preflighted"},
         "POST"},
        {{"Location", false, true,
          "uploads: a resumable upload's session URL comes in the Location header of the start's answer, which is "
          "not CORS-safelisted"},
         "POST"},
    };
    return list;
}

bool applies_to(const Need& n, std::string_view method) {
    std::string_view list = n.methods;
    for (std::size_t at = 0; at <= list.size();) {
        std::size_t end = list.find(' ', at);
        if (end == std::string_view::npos) end = list.size();
        if (list.substr(at, end - at) == method) return true;
        at = end + 1;
    }
    return false;
}

// Header names compare case-insensitively (RFC 9110 section 5.1). "*" is the Fetch standard's wildcard in
// Access-Control-Allow-Headers and -Expose-Headers for requests without credentials, which eic's are
// (https://fetch.spec.whatwg.org/#http-access-control-expose-headers).
bool lists_header(const CorsRule& rule, std::string_view name) {
    for (const std::string& h : rule.response_headers)
        if (h == "*" || ascii_lower(h) == ascii_lower(name)) return true;
    return false;
}

std::string json_string(std::string_view s) { return nlohmann::json(std::string(s)).dump(); }

std::string json_strings(const std::vector<std::string>& values) {
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + json_string(values[i]);
    return out + "]";
}

void add_once(std::vector<std::string>& to, const std::string& v) {
    if (std::find(to.begin(), to.end(), v) == to.end()) to.push_back(v);
}

std::string join(const std::vector<std::string>& values) {
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i)
        out += (i == 0 ? "" : i + 1 == values.size() ? " and " : ", ") + values[i];
    return out;
}

std::vector<std::string> fix_origins(const CorsEvidence& e) {
    std::vector<std::string> out;
    if (!e.origin.empty()) out.push_back(e.origin);
    for (const std::string& o : e.also_allow) add_once(out, o);
    return out;
}

// eic's rule first, so that it is the one GCS applies, then the bucket's rules as they were.
std::string config_with(const std::vector<std::string>& origins, const CorsConfigOptions& options,
                        const std::vector<CorsRule>& existing) {
    std::string out = "[\n" + cors_rule_json(origins, options);
    for (const CorsRule& r : existing) out += ",\n  " + r.json;
    return out + "\n]\n";
}

std::string bucket_name(const CorsEvidence& e) { return e.bucket.empty() ? std::string("BUCKET") : e.bucket; }

void set_fix(CorsDiagnosis& d, const CorsEvidence& e, const std::vector<CorsRule>* existing, std::string what) {
    CorsConfigOptions options;
    options.uploads = e.uploads;
    d.fix_config =
        existing ? config_with(fix_origins(e), options, *existing) : cors_config_for(fix_origins(e), options);
    d.fix_command = gcloud_cors_command(bucket_name(e));
    d.fix = std::move(what) + " Save the configuration below as cors.json and run: " + d.fix_command + "." +
            (existing ? " It keeps the bucket's rules, after eic's."
                      : " It replaces the bucket's configuration: see the current one first with gcloud storage "
                        "buckets describe gs://" +
                            bucket_name(e) + " --format=\"default(cors_config)\".");
}

// The verdict from the bucket's rules, evaluated as GCS does.
void judge_rules(CorsDiagnosis& d, const CorsEvidence& e, const std::vector<CorsRule>& rules) {
    const std::string where = "gs://" + bucket_name(e);
    const std::vector<std::string> methods = cors_methods_eic_needs(e.uploads);
    if (rules.empty()) {
        d.verdict = CorsVerdict::no_configuration;
        d.explanation = where +
                        " has no CORS configuration, so GCS's XML API, where signed URLs go, answers no request "
                        "from another origin: the browser withholds every answer from this page (" +
                        e.origin + ").";
        set_fix(d, e, nullptr, "Give the bucket a CORS configuration for this page.");
        return;
    }
    for (const std::string& m : methods) {
        const CorsRule* r = matching_rule(rules, e.origin, m);
        if (!r) {
            d.missing_methods.push_back(m);
            continue;
        }
        if (!d.rule) d.rule = std::size_t(r - rules.data());
        for (const Need& n : needs()) {
            if ((n.need.uploads_only && !e.uploads) || !applies_to(n, m) || lists_header(*r, n.need.name)) continue;
            add_once(d.missing_headers, n.need.name);
            add_once(d.degraded, std::string(n.need.name) + ": " + n.need.why);
        }
    }
    if (!d.missing_methods.empty()) {
        const bool origin_listed = std::any_of(rules.begin(), rules.end(), [&](const CorsRule& r) {
            return std::any_of(r.origins.begin(), r.origins.end(),
                               [&](const std::string& o) { return o == "*" || o == e.origin; });
        });
        d.verdict = origin_listed ? CorsVerdict::method_not_listed : CorsVerdict::origin_not_listed;
        d.explanation =
            origin_listed ? "The CORS configuration of " + where + " names this page's origin (" + e.origin +
                                ") but no rule for it allows " + join(d.missing_methods) +
                                ": GCS adds no CORS headers to those requests and the browser withholds the answers."
                          : "No rule of the CORS configuration of " + where + " names this page's origin (" + e.origin +
                                ") or \"*\": GCS adds no CORS headers for it and the browser withholds "
                                "every answer.";
        d.missing_headers.clear();
        d.degraded.clear();
        set_fix(d, e, &rules, origin_listed ? "Allow the methods eic needs." : "Add this page's origin.");
        return;
    }
    if (!d.missing_headers.empty()) {
        d.verdict = CorsVerdict::header_not_exposed;
        d.explanation = "The CORS configuration of " + where +
                        " allows this page's requests, but the rule GCS "
                        "applies (the first that matches the origin and method) does not list " +
                        join(d.missing_headers) + " in responseHeader, so the browser hides them from eic.";
        set_fix(d, e, &rules, "List the headers eic needs.");
        return;
    }
    d.verdict = CorsVerdict::allowed;
    d.explanation = "The CORS configuration of " + where + " allows " + join(methods) + " from this page (" + e.origin +
                    ") and lists every header eic needs (rule " + std::to_string(*d.rule + 1) + ").";
}

// The verdict from what the page's requests met, when the configuration is not known.
void judge_probes(CorsDiagnosis& d, const CorsEvidence& e, const std::string& config_note) {
    const std::string where = "gs://" + bucket_name(e);
    const std::string prefix = config_note.empty() ? std::string() : config_note + " ";
    if (!e.xml_head) {
        d.verdict = CorsVerdict::unknown;
        d.explanation = prefix + "No request from this page was observed, so nothing can be said of CORS.";
        d.fix = "Probe an object from the page, or read the bucket's configuration with an access token.";
        return;
    }
    const net::HttpResponse& h = *e.xml_head;
    if (h.status != 0) {
        // The page could read GCS's answer: the configuration allows this origin and HEAD. What the answer
        // lacks of the headers GCS always sends (Date; x-goog-* for an object) was not exposed.
        std::vector<const char*> expected = {"Date"};
        if (h.status >= 200 && h.status <= 299)
            expected.insert(expected.end(), {"x-goog-generation", "x-goog-hash", "x-goog-stored-content-length"});
        for (const char* name : expected) {
            if (h.header(ascii_lower(name))) continue;
            d.missing_headers.push_back(name);
            for (const Need& n : needs())
                if (std::string_view(n.need.name) == name) d.degraded.push_back(std::string(name) + ": " + n.need.why);
        }
        d.verdict = d.missing_headers.empty() ? CorsVerdict::allowed : CorsVerdict::header_not_exposed;
        d.explanation = prefix + "The page read GCS's answer to its HEAD (HTTP " + std::to_string(h.status) +
                        "), so the CORS configuration of " + where + " allows this origin and HEAD" +
                        (d.missing_headers.empty() ? std::string()
                                                   : ", but the answer lacked " + join(d.missing_headers) +
                                                         ", which GCS sends and the rule does not expose") +
                        ". GET was not tried.";
        if (!d.missing_headers.empty()) set_fix(d, e, nullptr, "List the headers eic needs.");
        return;
    }
    d.verdict = CorsVerdict::unknown;
    if (h.failure == net::Failure::policy) {
        d.explanation = prefix +
                        "The page's Content-Security-Policy refused the request before it left (connect-src); CORS "
                        "was not involved.";
        d.fix = "Allow https://storage.googleapis.com in the page's connect-src.";
        return;
    }
    const bool reached = e.no_cors_reached.value_or(false);
    if (reached || h.failure == net::Failure::cors) {
        d.verdict = CorsVerdict::refused;
        d.explanation =
            prefix + "GCS answered (" +
            (reached ? "a no-cors request of the same URL got an answer" : "the browser reported a CORS refusal") +
            "), but the browser withheld the answer to the page's HEAD: the CORS configuration of " + where +
            " does not allow this origin (" + e.origin +
            ") with HEAD, or the bucket has none. An access token would let eic read the "
            "configuration and say which.";
        set_fix(d, e, nullptr, "Allow this page's origin.");
        return;
    }
    if (e.no_cors_reached) {
        d.explanation = prefix +
                        "Neither the page's HEAD nor a no-cors request of the same URL got an answer: the "
                        "network, a proxy or a browser extension stopped them. This is not CORS.";
        d.fix = "Check the connection to storage.googleapis.com, then probe again.";
        return;
    }
    d.explanation = prefix + "The page's HEAD got no answer (" +
                    (h.message.empty() ? std::string(net::failure_name(h.failure)) : h.message) +
                    "); without a no-cors request of the same URL, CORS cannot be told from the network.";
    d.fix = "Probe again with a no-cors request, or read the bucket's configuration with an access token.";
}

const char* code_of(CorsVerdict v) {
    switch (v) {
        case CorsVerdict::allowed:
            return nullptr;
        case CorsVerdict::origin_not_listed:
            return cors_code::origin;
        case CorsVerdict::method_not_listed:
            return cors_code::method;
        case CorsVerdict::header_not_exposed:
            return cors_code::header;
        case CorsVerdict::no_configuration:
            return cors_code::none;
        case CorsVerdict::refused:
            return cors_code::refused;
        case CorsVerdict::unknown:
            return cors_code::unknown;
    }
    return cors_code::unknown;
}

}  // namespace

const std::vector<std::string>& encord_app_origins() {
    static const std::vector<std::string> origins = {"https://app.encord.com", "https://app.us.encord.com"};
    return origins;
}

const std::vector<CorsHeaderNeed>& cors_headers_eic_needs() {
    static const std::vector<CorsHeaderNeed> list = [] {
        std::vector<CorsHeaderNeed> out;
        for (const Need& n : needs()) out.push_back(n.need);
        return out;
    }();
    return list;
}

std::vector<std::string> cors_methods_eic_needs(bool uploads) {
    std::vector<std::string> out = {"GET", "HEAD"};
    if (uploads) out.insert(out.end(), {"PUT", "POST"});
    return out;
}

std::string cors_rule_json(const std::vector<std::string>& origins, const CorsConfigOptions& options) {
    std::vector<std::string> unique, headers;
    for (const std::string& o : origins) add_once(unique, o);
    for (const CorsHeaderNeed& n : cors_headers_eic_needs())
        if (options.uploads || !n.uploads_only) headers.push_back(n.name);
    return "  {\n    \"origin\": " + json_strings(unique) +
           ",\n    \"method\": " + json_strings(cors_methods_eic_needs(options.uploads)) +
           ",\n    \"responseHeader\": " + json_strings(headers) +
           ",\n    \"maxAgeSeconds\": " + std::to_string(options.max_age_s) + "\n  }";
}

std::string cors_config_for(const std::vector<std::string>& origins, const CorsConfigOptions& options) {
    return "[\n" + cors_rule_json(origins, options) + "\n]\n";
}

std::string gcloud_cors_command(std::string_view bucket, std::string_view file) {
    return "gcloud storage buckets update gs://" + std::string(bucket) + " --cors-file=" + std::string(file);
}

const char* cors_verdict_name(CorsVerdict v) {
    switch (v) {
        case CorsVerdict::allowed:
            return "allowed";
        case CorsVerdict::origin_not_listed:
            return "origin not listed";
        case CorsVerdict::method_not_listed:
            return "method not listed";
        case CorsVerdict::header_not_exposed:
            return "header not exposed";
        case CorsVerdict::no_configuration:
            return "no configuration";
        case CorsVerdict::refused:
            return "refused by CORS";
        case CorsVerdict::unknown:
            return "unknown";
    }
    return "unknown";
}

CorsDiagnosis cors_diagnosis(const CorsEvidence& e) {
    CorsDiagnosis d;
    if (e.origin.empty()) {
        d.explanation = "This page's origin is not known, so no rule can be matched against it.";
        return d;
    }
    std::string config_note;
    if (e.config) {
        const net::HttpResponse& c = *e.config;
        if (c.status >= 200 && c.status <= 299) {
            CorsConfigRead read = read_cors_config(c.body);
            d.config_diagnostics = std::move(read.diagnostics);
            if (read.rules) {
                judge_rules(d, e, *read.rules);
                // The rules allow the page, yet its own HEAD met a refusal: say so rather than "allowed".
                if (d.verdict == CorsVerdict::allowed && e.xml_head && e.xml_head->status == 0 &&
                    e.xml_head->failure != net::Failure::policy && e.no_cors_reached.value_or(true)) {
                    d.verdict = CorsVerdict::unknown;
                    d.explanation +=
                        " Yet the browser withheld GCS's answer to the page's HEAD: the configuration "
                        "may have changed since, or the request carried a header the rule does not "
                        "list. Probe again.";
                }
                return d;
            }
            config_note = "The bucket's CORS configuration could not be read: " +
                          (d.config_diagnostics.empty() ? std::string("it is not a configuration")
                                                        : d.config_diagnostics.front().message);
        } else if (c.status == 0) {
            config_note = "The bucket's CORS configuration could not be read (no answer: " +
                          std::string(net::failure_name(c.failure)) + ").";
        } else {
            const std::optional<GoogleError> g = read_google_error(c.body);
            config_note = "GCS did not show the bucket's CORS configuration (HTTP " + std::to_string(c.status) +
                          (g && !g->message.empty() ? ": " + g->message : std::string()) + ")" +
                          (c.status == 401 || c.status == 403
                               ? ": reading it takes storage.buckets.get on the bucket, and a valid access token."
                               : ".");
        }
    }
    judge_probes(d, e, config_note);
    return d;
}

Diagnostics CorsDiagnosis::diagnostics() const {
    Diagnostics out;
    if (const char* code = code_of(verdict)) {
        std::string message = explanation;
        if (!fix.empty()) message += " " + fix;
        const bool warning = verdict == CorsVerdict::header_not_exposed || verdict == CorsVerdict::unknown;
        out.push_back(warning ? Diagnostic::warning(code, std::move(message))
                              : Diagnostic::error(code, std::move(message)));
    }
    out.insert(out.end(), config_diagnostics.begin(), config_diagnostics.end());
    return out;
}

}  // namespace eic::gcs

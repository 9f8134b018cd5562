#include "gcs/cors_rules.hpp"

#include <nlohmann/json.hpp>

#include "gcs/cors_codes.hpp"

namespace eic::gcs {
namespace {

using Json = nlohmann::ordered_json;

Diagnostic bad(std::string pointer, std::string message) {
    return Diagnostic::error(cors_code::config, std::move(message)).at_pointer(std::move(pointer));
}

Diagnostic never_matches(std::string pointer, std::string message) {
    return Diagnostic::warning(cors_code::rule, std::move(message)).at_pointer(std::move(pointer));
}

bool lower_ascii(std::string_view s) {
    for (char c : s)
        if (c >= 'A' && c <= 'Z') return false;
    return true;
}

// One array-of-strings field of rule `n`; false (with an error) when it has another type.
bool strings(const Json& rule, const char* field, std::size_t n, std::vector<std::string>& out, Diagnostics& ds) {
    const auto it = rule.find(field);
    if (it == rule.end()) return true;
    const std::string pointer = "/" + std::to_string(n) + "/" + field;
    if (!it->is_array()) {
        ds.push_back(
            bad(pointer, "Rule " + std::to_string(n + 1) + ": \"" + field + "\" must be an array of strings."));
        return false;
    }
    for (const Json& v : *it) {
        if (!v.is_string()) {
            ds.push_back(
                bad(pointer, "Rule " + std::to_string(n + 1) + ": every value of \"" + field + "\" must be a string."));
            return false;
        }
        out.push_back(v.get<std::string>());
    }
    return true;
}

}  // namespace

std::string origin_problem(std::string_view origin) {
    if (origin == "*") return {};
    const std::size_t scheme_end = origin.find("://");
    if (scheme_end == std::string_view::npos || scheme_end == 0)
        return "it is not SCHEME://HOST[:PORT] (\"https://app.example.com\")";
    const std::string_view rest = origin.substr(scheme_end + 3);
    if (rest.empty()) return "it has no host";
    if (rest.find('/') != std::string_view::npos)
        return "it has a path or a trailing '/', which a browser's Origin never has";
    if (rest.find('*') != std::string_view::npos)
        return "GCS documents \"*\" only as a whole value (any origin), not as part of a host; list each origin";
    if (!lower_ascii(origin)) return "browsers send the scheme and host in lower case";
    return {};
}

CorsConfigRead read_cors_config(std::string_view json) {
    CorsConfigRead out;
    Json doc = Json::parse(json, nullptr, false);
    if (doc.is_discarded()) {
        out.diagnostics.push_back(bad("", "The CORS configuration is not JSON."));
        return out;
    }
    if (doc.is_object()) {
        // The bucket resource: {"cors": [...]}, or {} for a bucket without a configuration. A rule on its
        // own is a common slip for a --cors-file.
        const auto it = doc.find("cors");
        if (it == doc.end()) {
            for (const char* field : {"origin", "method", "responseHeader", "maxAgeSeconds"})
                if (doc.contains(field)) {
                    out.diagnostics.push_back(
                        bad("", "A CORS configuration is an array of rules: put the rule in [ and ]."));
                    return out;
                }
            out.rules.emplace();
            return out;
        }
        Json cors = *it;
        doc = std::move(cors);
        if (!doc.is_array()) {
            out.diagnostics.push_back(bad("/cors", "The bucket's \"cors\" is not an array of rules."));
            return out;
        }
    }
    if (!doc.is_array()) {
        out.diagnostics.push_back(
            bad("",
                "A CORS configuration is a JSON array of rules: [{\"origin\": [...], \"method\": [...], "
                "\"responseHeader\": [...], \"maxAgeSeconds\": 3600}]."));
        return out;
    }
    std::vector<CorsRule> rules;
    bool ok = true;
    for (std::size_t n = 0; n < doc.size(); ++n) {
        const Json& r = doc[n];
        const std::string at = "/" + std::to_string(n);
        const std::string which = "Rule " + std::to_string(n + 1);
        if (!r.is_object()) {
            out.diagnostics.push_back(bad(at, which + " is not an object."));
            ok = false;
            continue;
        }
        CorsRule rule;
        rule.json = r.dump();
        bool rule_ok = strings(r, "origin", n, rule.origins, out.diagnostics);
        rule_ok = strings(r, "method", n, rule.methods, out.diagnostics) && rule_ok;
        rule_ok = strings(r, "responseHeader", n, rule.response_headers, out.diagnostics) && rule_ok;
        if (const auto age = r.find("maxAgeSeconds"); age != r.end()) {
            if (age->is_number_integer()) {
                rule.max_age_s = age->get<std::int64_t>();
            } else {
                out.diagnostics.push_back(bad(at + "/maxAgeSeconds", which + ": \"maxAgeSeconds\" must be a whole "
                                                                             "number of seconds."));
                rule_ok = false;
            }
        }
        if (!rule_ok) {
            ok = false;
            continue;
        }
        // Rules GCS keeps but no browser request can match.
        if (rule.origins.empty())
            out.diagnostics.push_back(never_matches(at, which + " has no \"origin\": it matches no request."));
        if (rule.methods.empty())
            out.diagnostics.push_back(never_matches(at, which + " has no \"method\": it matches no request."));
        for (std::size_t i = 0; i < rule.origins.size(); ++i) {
            const std::string problem = origin_problem(rule.origins[i]);
            if (!problem.empty())
                out.diagnostics.push_back(never_matches(
                    at + "/origin/" + std::to_string(i),
                    which + ": the origin \"" + rule.origins[i] + "\" matches no browser's request: " + problem + "."));
        }
        for (std::size_t i = 0; i < rule.methods.size(); ++i)
            if (rule.methods[i] == "OPTIONS")
                out.diagnostics.push_back(
                    never_matches(at + "/method/" + std::to_string(i),
                                  which + " lists OPTIONS: GCS answers preflight requests itself from the other "
                                          "methods; leave it out."));
        rules.push_back(std::move(rule));
    }
    if (ok) out.rules = std::move(rules);
    return out;
}

const CorsRule* matching_rule(const std::vector<CorsRule>& rules, std::string_view origin, std::string_view method) {
    const auto holds = [](const std::vector<std::string>& values, std::string_view v) {
        for (const std::string& x : values)
            if (x == "*" || x == v) return true;
        return false;
    };
    for (const CorsRule& r : rules)
        if (holds(r.origins, origin) && holds(r.methods, method)) return &r;
    return nullptr;
}

}  // namespace eic::gcs

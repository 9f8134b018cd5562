#include "gcs/v4_request_json.hpp"

#include <cmath>
#include <string>

#include "gcs/sign_codes.hpp"
#include "gcs/v4_time.hpp"

namespace eic::gcs {
namespace {

Diagnostic bad(std::string pointer, std::string message) {
    return Diagnostic::error(sign_code::request, std::move(message)).at_pointer(std::move(pointer));
}

// {name: value} with string values, in the object's order.
bool name_values(const nlohmann::ordered_json& j, const char* field, NameValues& out, Diagnostics& ds) {
    if (!j.contains(field)) return true;
    const auto& v = j.at(field);
    if (!v.is_object()) {
        ds.push_back(bad(std::string("/") + field, std::string("\"") + field + "\" must be an object of strings"));
        return false;
    }
    for (const auto& [name, value] : v.items()) {
        if (!value.is_string()) {
            ds.push_back(bad(std::string("/") + field + "/" + name,
                             std::string("each value of \"") + field + "\" must be a string"));
            return false;
        }
        out.emplace_back(name, value.get<std::string>());
    }
    return true;
}

}  // namespace

V4RequestRead read_v4_request_json(std::string_view json_text, std::int64_t now) {
    V4RequestRead out;
    const auto j = nlohmann::ordered_json::parse(json_text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        out.diagnostics.push_back(bad("", "the signUrl request must be a JSON object"));
        return out;
    }
    V4Request r;
    const auto text = [&](const char* field, std::string& to, bool required) {
        if (!j.contains(field)) {
            if (required)
                out.diagnostics.push_back(bad(std::string("/") + field, std::string("\"") + field + "\" is required"));
            return;
        }
        if (!j.at(field).is_string()) {
            out.diagnostics.push_back(bad(std::string("/") + field, std::string("\"") + field + "\" must be a string"));
            return;
        }
        to = j.at(field).get<std::string>();
    };
    text("method", r.method, true);
    text("bucket", r.bucket, true);
    text("object", r.object, false);
    text("scheme", r.scheme, false);
    text("endpoint", r.endpoint, false);
    text("bucketBoundHostname", r.bucket_bound_hostname, false);
    text("universeDomain", r.universe_domain, false);
    text("clientEmail", r.client_email, false);  // set by the JS API from the key file
    std::string style = "path";
    text("urlStyle", style, false);
    if (style == "virtual-hosted")
        r.style = UrlStyle::virtual_hosted;
    else if (style == "bucket-bound")
        r.style = UrlStyle::bucket_bound;
    else if (style != "path")
        out.diagnostics.push_back(bad("/urlStyle", "\"urlStyle\" is \"path\", \"virtual-hosted\" or \"bucket-bound\""));

    if (!j.contains("expires") || !j.at("expires").is_number_integer())
        out.diagnostics.push_back(bad("/expires", "\"expires\" (seconds the URL stays valid) must be a whole number"));
    else
        r.expires = j.at("expires").get<std::int64_t>();

    r.timestamp = now;
    if (j.contains("timestamp")) {
        const auto& t = j.at("timestamp");
        std::optional<std::int64_t> at;
        if (t.is_number_integer()) at = t.get<std::int64_t>();
        if (t.is_string()) at = parse_rfc3339(t.get<std::string>());
        if (at)
            r.timestamp = *at;
        else
            out.diagnostics.push_back(
                bad("/timestamp", "\"timestamp\" must be RFC 3339 text (2019-02-01T09:00:00Z) or POSIX seconds"));
    }
    name_values(j, "headers", r.headers, out.diagnostics);
    name_values(j, "query", r.query, out.diagnostics);
    if (out.diagnostics.empty()) out.request = std::move(r);
    return out;
}

nlohmann::ordered_json prepared_to_json(const V4Prepared& p) {
    return {{"canonicalRequest", p.canonical_request},
            {"activeDatetime", p.active_datetime},
            {"credentialScope", p.credential_scope},
            {"unsignedUrl", p.unsigned_url},
            {"canonicalRequestSha256", p.canonical_request_sha256},
            {"stringToSign", p.string_to_sign}};
}

std::optional<V4Prepared> prepared_from_json(const nlohmann::ordered_json& j) {
    if (!j.is_object()) return std::nullopt;
    V4Prepared p;
    const std::pair<const char*, std::string*> fields[] = {{"canonicalRequest", &p.canonical_request},
                                                           {"activeDatetime", &p.active_datetime},
                                                           {"credentialScope", &p.credential_scope},
                                                           {"unsignedUrl", &p.unsigned_url},
                                                           {"canonicalRequestSha256", &p.canonical_request_sha256},
                                                           {"stringToSign", &p.string_to_sign}};
    for (const auto& [name, to] : fields) {
        auto it = j.find(name);
        if (it == j.end() || !it->is_string()) return std::nullopt;
        *to = it->get<std::string>();
    }
    return p;
}

}  // namespace eic::gcs

#include "gcs/json_api_prober.hpp"

#include "gcs/json_api.hpp"

namespace eic::gcs {
namespace {

bool b64token_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~' || c == '+' || c == '/';
}

std::string with_query(std::string url, const NameValues& query) {
    const std::string q = json_api_query(query);
    if (!q.empty()) url += (url.find('?') == std::string::npos ? "?" : "&") + q;
    return url;
}

}  // namespace

bool valid_bearer_token(std::string_view token) {
    std::size_t i = 0;
    while (i < token.size() && b64token_char(token[i])) ++i;
    if (i == 0) return false;
    while (i < token.size() && token[i] == '=') ++i;
    return i == token.size();
}

ProbeRequest json_api_probe(const ProbeTarget& target, const JsonApiProbeOptions& options, std::string_view token) {
    ProbeRequest out;
    if (token.empty()) {
        out.error = "No OAuth access token was given for the Cloud Storage JSON API.";
        out.needs_token = true;
        return out;
    }
    if (!valid_bearer_token(token)) {
        out.error =
            "The access token has characters an OAuth access token cannot have (RFC 6750 section 2.1); paste it "
            "again without spaces or line breaks.";
        out.needs_token = true;
        return out;
    }
    const std::string& endpoint = options.endpoint;
    std::string url;
    if (target.method != "HEAD" && target.method != "GET") {
        out.error = "The JSON API probes read only (HEAD or GET), not " + target.method + ".";
        return out;
    }
    if (target.object.empty()) {
        url = with_query(json_api_objects_url(endpoint, target.bucket), target.query);
    } else if (target.method == "HEAD") {
        url = with_query(json_api_object_url(endpoint, target.bucket, target.object) + "?fields=" + kObjectFields,
                         target.query);
    } else {
        url = with_query(json_api_object_url(endpoint, target.bucket, target.object) + "?alt=media", target.query);
    }
    out.http.method = "GET";
    out.http.url = std::move(url);
    out.http.headers = target.headers;
    out.http.headers.emplace_back("Authorization", "Bearer " + std::string(token));
    return out;
}

BearerTokenProber::BearerTokenProber(std::string token, JsonApiProbeOptions options)
    : token_(std::move(token)), options_(std::move(options)) {}

}  // namespace eic::gcs

#include "encord/endpoint.hpp"

#include "gcs/v4_encoding.hpp"
#include "net/origin.hpp"

namespace eic::encord {
namespace {

constexpr std::string_view kBasePath = "v2/public/";

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

// RFC 3986 §3.3: pchar = unreserved / pct-encoded / sub-delims / ":" / "@"; '/' separates segments.
bool path_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("-._~!$&'()*+,;=:@/").find(c) != std::string_view::npos;
}

std::string encode_path(std::string_view path) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (char c : path) {
        if (path_char(c)) {
            out += c;
        } else {
            const auto b = static_cast<unsigned char>(c);
            out += '%';
            out += hex[b >> 4];
            out += hex[b & 15];
        }
    }
    return out;
}

// Python's quote_plus(value, safe=""): quote() keeps exactly RFC 3986's unreserved characters
// (https://docs.python.org/3/library/urllib.parse.html#urllib.parse.quote), which is GCS's
// percent_encode, and a space becomes '+'.
std::string quote_plus(std::string_view value) {
    std::string encoded = gcs::percent_encode(value);
    std::string out;
    out.reserve(encoded.size());
    for (std::size_t i = 0; i < encoded.size(); ++i) {
        if (encoded.compare(i, 3, "%20") == 0) {
            out += '+';
            i += 2;
        } else {
            out += encoded[i];
        }
    }
    return out;
}

}  // namespace

DomainRead read_domain(std::string_view text) {
    DomainRead r;
    const std::string_view given = trim(text);
    const auto fail = [&](const std::string& why) {
        r.error = "\"" + std::string(given) + "\" is not an Encord API domain: " + why +
                  ". Use https://api.encord.com, https://api.us.encord.com or your private deployment's "
                  "https://HOST[:PORT].";
        return r;
    };
    if (given.empty()) return fail("it is empty");
    const net::OriginRead o = net::read_origin(given);
    if (!o.ok()) return fail(o.problem);
    if (o.origin.scheme == "http" && !net::is_loopback_host(o.origin.host))
        return fail(
            "plain http is accepted only for a loopback host (localhost, 127.0.0.1, [::1]); requests "
            "carry signatures and data, so another host needs https");
    if (o.origin.scheme != "https" && o.origin.scheme != "http")
        return fail("its scheme is " + o.origin.scheme + ", not https");
    r.domain = o.origin.scheme + "://" + o.origin.authority;
    return r;
}

const char* python_bool(bool value) { return value ? "True" : "False"; }

std::string encode_query(const Query& query) {
    std::string out;
    for (const auto& [name, value] : query) {
        if (!out.empty()) out += '&';
        out += quote_plus(name);
        out += '=';
        out += quote_plus(value);
    }
    return out;
}

ApiUrl api_url(std::string_view domain, std::string_view path, const Query& query) {
    while (!domain.empty() && domain.back() == '/') domain.remove_suffix(1);
    if (!path.empty() && path.front() == '/') path.remove_prefix(1);
    // urljoin of a domain without a path and a relative path puts the path under "/".
    std::string target = "/" + std::string(kBasePath) + encode_path(path);
    if (target.back() == '/') target.pop_back();
    if (!query.empty()) target += "?" + encode_query(query);
    ApiUrl u;
    u.url = std::string(domain) + target;
    u.request_target = std::move(target);
    return u;
}

}  // namespace eic::encord

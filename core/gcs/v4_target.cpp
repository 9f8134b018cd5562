#include "gcs/v4_target.hpp"

#include <fmt/format.h>

#include "gcs/sign_codes.hpp"
#include "gcs/v4_encoding.hpp"
#include "net/origin.hpp"

namespace eic::gcs {
namespace {

struct Endpoint {
    std::string scheme, authority, host;
    bool scheme_given = false;  // the text named its scheme
};

bool host_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_';
}

// "SCHEME://HOST[:PORT][/]" read by net/origin.hpp, with an http or https scheme. `fallback_scheme` applies
// when the text has no "://" and `allow_bare` is set (a bucket-bound hostname may be given without a scheme).
std::optional<Endpoint> parse_endpoint(std::string_view text, const std::string& fallback_scheme, bool allow_bare) {
    const bool scheme_given = text.find("://") != std::string_view::npos;
    if (!scheme_given && !allow_bare) return std::nullopt;
    const net::OriginRead read =
        net::read_origin(scheme_given ? std::string(text) : fallback_scheme + "://" + std::string(text));
    if (!read.ok() || (read.origin.scheme != "https" && read.origin.scheme != "http")) return std::nullopt;
    return Endpoint{read.origin.scheme, read.origin.authority, read.origin.host, scheme_given};
}

bool valid_domain(std::string_view d) {
    if (d.empty() || d.front() == '.' || d.back() == '.') return false;
    for (char c : d)
        if (!host_char(c) || c == '_') return false;
    return true;
}

bool bucket_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

Diagnostic endpoint_error(std::string message) { return Diagnostic::error(sign_code::endpoint, std::move(message)); }

}  // namespace

V4TargetResult resolve_target(const V4Request& r) {
    V4TargetResult out;
    auto& ds = out.diagnostics;

    bool bucket_ok = !r.bucket.empty();
    for (char c : r.bucket) bucket_ok = bucket_ok && bucket_char(c);
    if (!bucket_ok)
        ds.push_back(Diagnostic::error(
            sign_code::bucket,
            r.bucket.empty() ? "A signed URL needs a bucket name."
                             : fmt::format("\"{}\" is not a bucket name: bucket names have only a-z, 0-9, '-', '_' "
                                           "and '.'.",
                                           r.bucket)));

    const std::string scheme = ascii_lower(r.scheme);
    if (!scheme.empty() && scheme != "https" && scheme != "http")
        ds.push_back(endpoint_error(fmt::format("The scheme is https or http, not \"{}\".", r.scheme)));
    const std::string fallback = scheme.empty() ? "https" : scheme;

    const bool bound = r.style == UrlStyle::bucket_bound;
    if (bound && r.bucket_bound_hostname.empty())
        ds.push_back(endpoint_error("The bucket-bound URL style needs the bucket-bound hostname."));
    if (!bound && !r.bucket_bound_hostname.empty())
        ds.push_back(endpoint_error("A bucket-bound hostname is used only with the bucket-bound URL style."));
    if (bound && (!r.endpoint.empty() || !r.universe_domain.empty()))
        ds.push_back(
            endpoint_error("A bucket-bound hostname takes the place of the endpoint and the universe domain: give only "
                           "the hostname."));
    if (!r.endpoint.empty() && !r.universe_domain.empty())
        ds.push_back(endpoint_error(
            "The endpoint names the host, so it cannot be combined with a universe domain: give one of them."));

    std::optional<Endpoint> e;
    if (bound && !r.bucket_bound_hostname.empty()) {
        e = parse_endpoint(r.bucket_bound_hostname, fallback, true);
        if (!e)
            ds.push_back(endpoint_error(fmt::format(
                "\"{}\" is not a bucket-bound hostname: HOST[:PORT] or SCHEME://HOST[:PORT], with an http or "
                "https scheme.",
                r.bucket_bound_hostname)));
    } else if (!r.endpoint.empty()) {
        e = parse_endpoint(r.endpoint, fallback, false);
        if (!e)
            ds.push_back(endpoint_error(fmt::format(
                "\"{}\" is not an endpoint: SCHEME://HOST[:PORT], with an http or https scheme and nothing after "
                "the port.",
                r.endpoint)));
    } else {
        const std::string domain = r.universe_domain.empty() ? "googleapis.com" : r.universe_domain;
        if (valid_domain(domain)) {
            const std::string host = "storage." + domain;
            e = Endpoint{fallback, host, host, false};
        } else {
            ds.push_back(endpoint_error(
                fmt::format("\"{}\" is not a universe domain: a DNS name such as googleapis.com.", r.universe_domain)));
        }
    }
    if (e && e->scheme_given && !scheme.empty() && scheme != e->scheme)
        ds.push_back(endpoint_error(fmt::format(
            "The scheme {} differs from the {} of the endpoint or hostname: give one scheme.", scheme, e->scheme)));
    if (e && r.style == UrlStyle::virtual_hosted && e->host.front() == '[')
        ds.push_back(endpoint_error("The virtual-hosted URL style puts the bucket in a host name, not an IP literal."));
    if (!ds.empty() || !e) return out;

    V4Target t;
    t.scheme = e->scheme;
    t.authority = e->authority;
    t.host = e->host;
    if (r.style == UrlStyle::virtual_hosted) {
        t.authority = r.bucket + "." + t.authority;
        t.host = r.bucket + "." + t.host;
    }
    if (r.style == UrlStyle::path) {
        t.path = "/" + r.bucket;
        if (!r.object.empty()) t.path += "/" + encode_object_path(r.object);
    } else {
        t.path = "/" + encode_object_path(r.object);
    }
    out.target = std::move(t);
    return out;
}

}  // namespace eic::gcs

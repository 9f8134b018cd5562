#include "gcs/signed_url_inspect.hpp"

#include <algorithm>
#include <map>

#include "gcs/sign_codes.hpp"
#include "gcs/v4_encoding.hpp"
#include "gcs/v4_signing.hpp"
#include "gcs/v4_time.hpp"

namespace eic::gcs {
namespace {

constexpr std::int64_t kClockAllowance_s = 15 * 60;  // a URL is accepted from 15 min before its date

Diagnostic finding(const char* code, std::string message) { return Diagnostic::error(code, std::move(message)); }

}  // namespace

SignedUrlInspection inspect_signed_url(std::string_view url, std::int64_t now) {
    SignedUrlInspection out;
    const auto refuse = [&](const char* code, std::string message) {
        out.diagnostics.push_back(finding(code, std::move(message)));
        return out;
    };
    SignedUrlInfo info;
    const std::size_t scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos) return refuse(sign_code::url_not_signed, "this is not an http(s) URL");
    info.scheme = std::string(url.substr(0, scheme_end));
    std::string_view rest = url.substr(scheme_end + 3);
    const std::size_t fragment = rest.find('#');
    if (fragment != std::string_view::npos) rest = rest.substr(0, fragment);
    const std::size_t q = rest.find('?');
    std::string_view query = q == std::string_view::npos ? std::string_view() : rest.substr(q + 1);
    std::string_view before_query = rest.substr(0, q);
    const std::size_t slash = before_query.find('/');
    info.authority = std::string(before_query.substr(0, slash));
    info.path = slash == std::string_view::npos ? "/" : std::string(before_query.substr(slash));

    std::map<std::string, std::string> params;
    std::vector<std::pair<std::string, std::string>> others;
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (pair.empty()) continue;
        const std::size_t eq = pair.find('=');
        const auto name = percent_decode(pair.substr(0, eq));
        const auto value = percent_decode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1));
        if (!name || !value) return refuse(sign_code::url_not_signed, "the query has a malformed percent-encoding");
        if (name->rfind("X-Goog-", 0) == 0) params[*name] = *value;
        if (*name != "X-Goog-Signature") others.emplace_back(*name, *value);
    }
    for (const char* p : {"X-Goog-Algorithm", "X-Goog-Credential", "X-Goog-Date", "X-Goog-Expires",
                          "X-Goog-SignedHeaders", "X-Goog-Signature"})
        if (!params.count(p))
            return refuse(sign_code::url_not_signed,
                          std::string("the URL has no ") + p + ": it is not a V4 signed URL");
    info.algorithm = params["X-Goog-Algorithm"];
    // SIGNER/DATE/LOCATION/storage/goog4_request: the scope is the last four segments, so a '/' in the signer
    // (an email's local part may hold one) stays in it. A credential with fewer splits at its first '/'.
    const std::string& credential = params["X-Goog-Credential"];
    std::size_t at = credential.find('/');
    for (std::size_t i = credential.size(), slashes = 0; i-- > 0;)
        if (credential[i] == '/' && ++slashes == 4) {
            at = i;
            break;
        }
    info.signer = credential.substr(0, at);
    info.scope = at == std::string::npos ? "" : credential.substr(at + 1);
    info.datetime = params["X-Goog-Date"];
    info.signature_hex = params["X-Goog-Signature"];
    const std::string& signed_headers = params["X-Goog-SignedHeaders"];
    for (std::size_t a = 0; a <= signed_headers.size();) {
        const std::size_t b = std::min(signed_headers.find(';', a), signed_headers.size());
        info.signed_headers.push_back(signed_headers.substr(a, b - a));
        a = b + 1;
    }
    const std::string& expires = params["X-Goog-Expires"];
    if (expires.empty() || !std::all_of(expires.begin(), expires.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
        expires.size() > 12)
        return refuse(sign_code::url_expires, "X-Goog-Expires is not a whole number of seconds");
    info.expires = std::stoll(expires);
    // X-Goog-Date is YYYYMMDD'T'HHMMSS'Z'; as RFC 3339 it reads with the same parser as --timestamp.
    const std::string& d = info.datetime;
    std::optional<std::int64_t> start;
    if (d.size() == 16 && d[8] == 'T' && d[15] == 'Z')
        start = parse_rfc3339(d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2) + "T" + d.substr(9, 2) +
                              ":" + d.substr(11, 2) + ":" + d.substr(13, 2) + "Z");
    if (!start) return refuse(sign_code::url_date, "X-Goog-Date is not YYYYMMDDTHHMMSSZ");
    info.start = *start;
    info.seconds_left = info.start + info.expires - now;

    std::sort(others.begin(), others.end(), [](const auto& a, const auto& b) {
        const std::string ea = percent_encode(a.first), eb = percent_encode(b.first);
        return ea != eb ? ea < eb : percent_encode(a.second) < percent_encode(b.second);
    });
    for (const auto& [name, value] : others)
        info.canonical_query +=
            (info.canonical_query.empty() ? "" : "&") + percent_encode(name) + "=" + percent_encode(value);

    if (info.algorithm != "GOOG4-RSA-SHA256" && info.algorithm != "GOOG4-HMAC-SHA256")
        out.diagnostics.push_back(
            finding(sign_code::url_algorithm,
                    "X-Goog-Algorithm is \"" + info.algorithm + "\", not GOOG4-RSA-SHA256 or GOOG4-HMAC-SHA256"));
    if (info.scope.substr(0, 8) != info.datetime.substr(0, 8))
        out.diagnostics.push_back(
            finding(sign_code::url_date, "the credential's scope date (" + info.scope.substr(0, 8) +
                                             ") is not X-Goog-Date's (" + info.datetime.substr(0, 8) + ")"));
    if (info.expires < 1 || info.expires > kMaxExpirySeconds)
        out.diagnostics.push_back(finding(
            sign_code::url_expires, "X-Goog-Expires is " + expires + " s; a V4 signed URL is valid 1 to 604,800 s"));
    if (info.seconds_left < 0)
        out.diagnostics.push_back(
            finding(sign_code::url_expired, "the URL expired " + std::to_string(-info.seconds_left) + " s ago"));
    else if (now < info.start - kClockAllowance_s)
        // No page states the allowance before X-Goog-Date: a warning, not an error.
        out.diagnostics.push_back(Diagnostic::warning(
            sign_code::url_not_yet_valid, "the URL is valid from X-Goog-Date, " + std::to_string(info.start - now) +
                                              " s from now (or this clock is behind)"));
    out.info = std::move(info);
    return out;
}

std::optional<std::string> canonical_request_of(const SignedUrlInfo& info, std::string_view method) {
    if (info.signed_headers != std::vector<std::string>{"host"}) return std::nullopt;
    // The host header is the URL's host without a port (as eic signs it: gcs/v4_target.hpp).
    std::string host = info.authority;
    if (const std::size_t colon = host.rfind(':'); colon != std::string::npos && host.find(']') == std::string::npos)
        host.resize(colon);
    return std::string(method) + "\n" + info.path + "\n" + info.canonical_query + "\nhost:" + ascii_lower(host) +
           "\n\nhost\nUNSIGNED-PAYLOAD";
}

std::string string_to_sign_of(const SignedUrlInfo& info, std::string_view canonical_request_sha256_hex) {
    return info.algorithm + "\n" + info.datetime + "\n" + info.scope + "\n" + std::string(canonical_request_sha256_hex);
}

}  // namespace eic::gcs

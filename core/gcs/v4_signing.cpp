#include "gcs/v4_signing.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "crypto/hex.hpp"
#include "gcs/sign_codes.hpp"
#include "gcs/v4_encoding.hpp"
#include "gcs/v4_target.hpp"
#include "gcs/v4_time.hpp"

namespace eic::gcs {
namespace {

constexpr const char* kAlgorithm = "GOOG4-RSA-SHA256";
// LOCATION/SERVICE/REQUEST_TYPE of the credential scope. Any location is accepted; "auto" is what
// Google's libraries and the published vectors use.
constexpr const char* kScopeTail = "/auto/storage/goog4_request";
constexpr const char* kUnsignedPayload = "UNSIGNED-PAYLOAD";

bool allowed_method(const std::string& m) {
    return m == "DELETE" || m == "GET" || m == "HEAD" || m == "POST" || m == "PUT";
}

// Visible ASCII except ':'. Looser than RFC 9110's token (section 5.1): published vector 5 signs the
// header name "header/name/with/slash".
bool valid_header_name(std::string_view name) {
    if (name.empty()) return false;
    for (unsigned char c : name)
        if (c <= 0x20 || c >= 0x7F || c == ':') return false;
    return true;
}

// The query parameters the signature itself sets (canonical-requests doc, "Required query string
// parameters"), and the signature.
bool signature_parameter(std::string_view name) {
    const std::string n = ascii_lower(name);
    return n == "x-goog-algorithm" || n == "x-goog-credential" || n == "x-goog-date" || n == "x-goog-expires" ||
           n == "x-goog-signedheaders" || n == "x-goog-signature";
}

struct EncodedParam {
    std::string name, value;
    bool operator<(const EncodedParam& o) const { return name != o.name ? name < o.name : value < o.value; }
};

}  // namespace

V4Preparation prepare_v4(const V4Request& r) {
    V4Preparation out;
    Diagnostics& ds = out.diagnostics;

    if (r.expires < 1 || r.expires > kMaxExpirySeconds)
        ds.push_back(Diagnostic::error(
            sign_code::expires,
            fmt::format("The expiry is {} seconds; a V4 signed URL is valid for 1 to 604,800 seconds (7 days).",
                        r.expires)));
    if (!allowed_method(r.method))
        ds.push_back(Diagnostic::error(
            sign_code::method,
            fmt::format("\"{}\" is not a method a V4 signed URL can carry: DELETE, GET, HEAD, POST (to start a "
                        "resumable upload) or PUT, in upper case.",
                        r.method)));
    const std::optional<std::string> datetime = x_goog_date(r.timestamp);
    if (!datetime)
        ds.push_back(Diagnostic::error(sign_code::timestamp,
                                       "The timestamp is outside the years 0001-9999, which X-Goog-Date can hold."));
    if (r.client_email.empty())
        ds.push_back(
            Diagnostic::error(sign_code::key_file, "No service-account email (client_email) to sign with was given."));

    // Canonical headers: lower-case names, sorted by code point (std::map orders bytes); repeated names
    // become one header with the values joined by ',' in request order.
    std::map<std::string, std::string> headers;
    for (const auto& [name, value] : r.headers) {
        if (!valid_header_name(name)) {
            ds.push_back(Diagnostic::error(
                sign_code::header,
                fmt::format("\"{}\" is not a header name: a name is printable ASCII, without spaces or ':'.", name)));
            continue;
        }
        std::string lower = ascii_lower(name);
        if (lower == "host") {
            ds.push_back(Diagnostic::error(
                sign_code::header,
                "The host header is signed from the URL (its endpoint, style and bucket): leave it out."));
            continue;
        }
        std::string canonical = canonical_header_value(value);
        auto [it, inserted] = headers.emplace(std::move(lower), canonical);
        if (!inserted) it->second += "," + canonical;
    }
    for (const auto& [name, value] : r.query)
        if (signature_parameter(name))
            ds.push_back(Diagnostic::error(
                sign_code::query,
                fmt::format("The query parameter {} is set by the signature itself: leave it out.", name)));

    V4TargetResult target = resolve_target(r);
    ds.insert(ds.end(), target.diagnostics.begin(), target.diagnostics.end());
    if (has_error(ds) || !target.target) return out;
    const V4Target& t = *target.target;

    headers["host"] = t.host;
    std::string signed_headers, canonical_headers;
    for (const auto& [name, value] : headers) {
        if (!signed_headers.empty()) signed_headers += ';';
        signed_headers += name;
        canonical_headers += name + ":" + value + "\n";
    }

    V4Prepared p;
    p.active_datetime = *datetime;
    p.credential_scope = datetime->substr(0, 8) + kScopeTail;

    // Canonical query string: every parameter but the signature, names and values percent-encoded, sorted
    // by encoded name (then value) in byte order, as nodejs-storage (`src/signer.ts`) does. Google's other
    // libraries differ only for unusual names: google-cloud-cpp sorts raw names, python-storage `k=v` pairs.
    std::vector<EncodedParam> params;
    auto add = [&params](std::string_view name, std::string_view value) {
        params.push_back({percent_encode(name), percent_encode(value)});
    };
    add("X-Goog-Algorithm", kAlgorithm);
    add("X-Goog-Credential", r.client_email + "/" + p.credential_scope);
    add("X-Goog-Date", p.active_datetime);
    add("X-Goog-Expires", std::to_string(r.expires));
    add("X-Goog-SignedHeaders", signed_headers);
    for (const auto& [name, value] : r.query) add(name, value);
    std::stable_sort(params.begin(), params.end());
    std::string query;
    for (const auto& q : params) {
        if (!query.empty()) query += '&';
        query += q.name + "=" + q.value;
    }

    // The payload line: UNSIGNED-PAYLOAD, or the value of x-goog-content-sha256 when the request sends
    // that header (published vector 16), except for a resumable upload's start, where GCS ignores it
    // (canonical-requests doc, "Payload").
    std::string payload = kUnsignedPayload;
    const bool resumable_start = r.method == "POST" && headers.count("x-goog-resumable") != 0;
    if (auto it = headers.find("x-goog-content-sha256"); it != headers.end() && !resumable_start) payload = it->second;

    p.canonical_request =
        r.method + "\n" + t.path + "\n" + query + "\n" + canonical_headers + "\n" + signed_headers + "\n" + payload;
    p.unsigned_url = t.scheme + "://" + t.authority + t.path + "?" + query;
    out.prepared = std::move(p);
    return out;
}

void add_canonical_request_hash(V4Prepared& p, const crypto::Sha256Digest& digest) {
    p.canonical_request_sha256 =
        crypto::hex_lower(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
    p.string_to_sign = std::string(kAlgorithm) + "\n" + p.active_datetime + "\n" + p.credential_scope + "\n" +
                       p.canonical_request_sha256;
}

V4Preparation prepare_v4(const V4Request& request, const Sha256Function& sha256) {
    V4Preparation out = prepare_v4(request);
    if (out.prepared) add_canonical_request_hash(*out.prepared, sha256(out.prepared->canonical_request));
    return out;
}

std::string finish_v4(const V4Prepared& p, std::string_view signature) {
    return p.unsigned_url + "&X-Goog-Signature=" + crypto::hex_lower(signature);
}

}  // namespace eic::gcs

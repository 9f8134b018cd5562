#include "encord/request_signing.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "crypto/hex.hpp"
#include "encord/signing_codes.hpp"

namespace eic::encord {
namespace {

namespace code = signing_code;

// The names and order request_signer.py gives them: the label, the covered components, the algorithm.
constexpr const char* kLabel = "encord-sig";
constexpr const char* kCovered = R"(("@method" "@request-target" "content-digest"))";
constexpr const char* kAlgorithm = "ed25519";

// RFC 9110 section 5.6.2: token = 1*tchar.
bool is_token(std::string_view s) {
    constexpr std::string_view kSymbols = "!#$%&'*+-.^_`|~";
    return !s.empty() && std::all_of(s.begin(), s.end(), [&](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || kSymbols.find(c) != std::string_view::npos;
    });
}

// RFC 3986 section 2: unreserved, reserved and "%" are the characters a URL may hold.
bool uri_character(char c) {
    constexpr std::string_view kOthers = "-._~:/?#[]@!$&'()*+,;=%";
    return std::isalnum(static_cast<unsigned char>(c)) || kOthers.find(c) != std::string_view::npos;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

// "." and ".." segments, also percent-encoded (https://url.spec.whatwg.org/#single-dot-path-segment).
bool dot_segment(std::string_view segment) {
    const std::string s = ascii_lower(segment);
    return s == "." || s == "%2e" || s == ".." || s == ".%2e" || s == "%2e." || s == "%2e%2e";
}

Diagnostic url_error(std::string message) { return Diagnostic::error(code::url, std::move(message)); }

// Why `target` ("/path?query", no fragment) would not be sent as it is; nullopt when it would.
std::optional<Diagnostic> target_problem(std::string_view target) {
    for (std::size_t i = 0; i < target.size(); ++i) {
        const char c = target[i];
        if (c == '%' &&
            !(i + 2 < target.size() && crypto::hex_digit(target[i + 1]) >= 0 && crypto::hex_digit(target[i + 2]) >= 0))
            return url_error(
                "The URL has a \"%\" that is not followed by two hex digits; write it as %25, as a client would "
                "before sending it, so the signed target is the one sent.");
        if (!uri_character(c)) {
            const unsigned char u = static_cast<unsigned char>(c);
            const std::string what =
                u <= 0x20 || u >= 0x7F ? fmt::format("the byte 0x{:02X}", u) : fmt::format("the character '{}'", c);
            return url_error(fmt::format(
                "The URL's path or query has {}, which a URL cannot hold as it is (RFC 3986 section 2): clients "
                "percent-encode it before sending, so the signed target would not be the one sent. Give the URL "
                "percent-encoded (a space as %20 or, in a query, +).",
                what));
        }
    }
    const std::string_view path = target.substr(0, target.find('?'));
    for (std::size_t at = 0; at < path.size();) {
        const std::size_t next = std::min(path.find('/', at + 1), path.size());
        if (dot_segment(path.substr(at + 1, next - at - 1)))
            return url_error(
                "The URL's path has a \".\" or \"..\" segment, which clients remove before sending (RFC 3986 "
                "section 5.2.4), so the signed target would not be the one sent. Give the path without it.");
        at = next;
    }
    return std::nullopt;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && ascii_lower(s.substr(0, prefix.size())) == prefix;
}

std::string base64_field(std::string_view name, std::string_view bytes, const Base64Encode& base64) {
    return fmt::format("{}=:{}:", name, base64(bytes));
}

std::string upper(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::toupper(c)); });
    return out;
}

}  // namespace

std::int64_t created_for(std::int64_t unix_now) { return unix_now - kCreatedSkewSeconds; }

RequestTarget request_target_of(std::string_view url) {
    RequestTarget out;
    std::string_view rest;
    if (!url.empty() && url[0] == '/') {
        rest = url;
    } else {
        std::size_t scheme_end = 0;
        if (starts_with_ci(url, "https://"))
            scheme_end = 8;
        else if (starts_with_ci(url, "http://"))
            scheme_end = 7;
        else {
            out.diagnostics.push_back(url_error(
                "The URL is not an http or https URL (https://api.encord.com/v2/public/...) or a path that starts "
                "with \"/\"."));
            return out;
        }
        const std::string_view after_scheme = url.substr(scheme_end);
        const std::size_t host_end = std::min(after_scheme.find_first_of("/?#"), after_scheme.size());
        if (host_end == 0) {
            out.diagnostics.push_back(url_error("The URL has no host after its scheme."));
            return out;
        }
        rest = after_scheme.substr(host_end);
    }
    rest = rest.substr(0, rest.find('#'));  // a fragment is never sent
    std::string target = rest.empty() || rest[0] != '/' ? "/" + std::string(rest) : std::string(rest);
    if (auto problem = target_problem(target)) {
        out.diagnostics.push_back(std::move(*problem));
        return out;
    }
    out.target = std::move(target);
    return out;
}

SignaturePreparation prepare_signature(const SignatureInput& input, const crypto::Sha256Digest& body_sha256,
                                       const Base64Encode& base64) {
    SignaturePreparation out;
    if (!is_token(input.method))
        out.diagnostics.push_back(
            Diagnostic::error(code::method,
                              "The method is empty or not an HTTP method name (RFC 9110 section 9: "
                              "letters, digits and a few symbols, such as GET or POST)."));
    const RequestTarget target = request_target_of(input.request_target);
    out.diagnostics.insert(out.diagnostics.end(), target.diagnostics.begin(), target.diagnostics.end());
    if (target.target && *target.target != input.request_target)
        out.diagnostics.push_back(url_error("The request target is not a path and query (\"/path?query\")."));
    if (input.keyid.empty() || !std::all_of(input.keyid.begin(), input.keyid.end(), [](char c) {
            return crypto::hex_digit(c) >= 0 && !std::isupper(static_cast<unsigned char>(c));
        }))
        out.diagnostics.push_back(Diagnostic::error(
            code::failed, "The keyid is not the lower-case hex of a public key (Ed25519Key::keyid)."));
    if (has_error(out.diagnostics)) return out;

    PreparedSignature p;
    p.content_digest = base64_field(
        "sha-256", std::string_view(reinterpret_cast<const char*>(body_sha256.data()), body_sha256.size()), base64);
    p.signature_params =
        fmt::format("{};created={};keyid=\"{}\";alg=\"{}\"", kCovered, input.created, input.keyid, kAlgorithm);
    p.signature_base =
        fmt::format("\"@method\": {}\n\"@request-target\": {}\n\"content-digest\": {}\n\"@signature-params\": {}",
                    upper(input.method), input.request_target, p.content_digest, p.signature_params);
    out.prepared = std::move(p);
    return out;
}

SignatureHeaders finish_signature(const PreparedSignature& prepared, std::string_view signature,
                                  const Base64Encode& base64) {
    return {prepared.content_digest, std::string(kLabel) + "=" + prepared.signature_params,
            base64_field(kLabel, signature, base64)};
}

SignedRequest sign_request(const crypto::Crypto& crypto, const Ed25519Key& key, std::string_view method,
                           std::string_view url_or_target, std::string_view body, std::int64_t created) {
    SignedRequest out;
    const RequestTarget target = request_target_of(url_or_target);
    if (!target.target) {
        out.diagnostics = target.diagnostics;
        return out;
    }
    const Base64Encode base64 = [&crypto](std::string_view bytes) { return crypto.base64_encode(bytes); };
    SignaturePreparation preparation =
        prepare_signature({std::string(method), *target.target, created, key.keyid}, crypto.sha256(body), base64);
    out.diagnostics = std::move(preparation.diagnostics);
    if (!preparation.prepared) return out;
    const crypto::Signature signature = crypto.ed25519_sign(key.seed_bytes(), preparation.prepared->signature_base);
    if (!signature.ok()) {
        out.diagnostics.push_back(
            Diagnostic::error(code::failed, "The Ed25519 signature could not be made: " + signature.error + "."));
        return out;
    }
    out.headers = finish_signature(*preparation.prepared, signature.bytes, base64);
    out.prepared = std::move(preparation.prepared);
    return out;
}

}  // namespace eic::encord

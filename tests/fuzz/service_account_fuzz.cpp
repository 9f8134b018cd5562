// Fuzzes the Google service-account key file reader (core/gcs/service_account.hpp), which reads the JSON
// key a user opens in the Cloud window or passes to `eic sign-url --key`, then signs a V4 URL with the
// account read (core/gcs/signed_url.hpp, with OpenSSL as natively) as `eic sign-url` does. Invariants: an
// account read has both fields; no message quotes the private key; signing gives a URL or an error, and a
// URL signed reads back (core/gcs/signed_url_inspect.hpp) with its signer and canonical request.
#include <cstddef>
#include <cstdint>
#include <string>

#include "crypto/openssl.hpp"
#include "fuzz_support.hpp"
#include "gcs/service_account.hpp"
#include "gcs/signed_url.hpp"
#include "gcs/signed_url_inspect.hpp"

using eic::fuzz::check;
namespace g = eic::gcs;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const g::ServiceAccountRead r = g::read_service_account(eic::fuzz::text(data, size));
    check(r.account.has_value() == r.diagnostics.empty());
    if (!r.account) return 0;
    check(!r.account->client_email.empty() && !r.account->private_key.empty());

    g::V4Request request;
    request.method = "GET";
    request.bucket = "eic-demo";
    request.object = "images/cat 1.jpg";
    request.expires = 900;
    request.timestamp = 1767225600;  // 2026-01-01T00:00:00Z
    const g::SignedUrl url = g::sign_url_v4(request, *r.account, eic::crypto::openssl());
    check(!url.url.empty() || eic::has_error(url.diagnostics));
    // Longer than a PEM header line, which the advice about PEM keys quotes ("-----BEGIN PRIVATE KEY-----").
    const std::string& key = r.account->private_key;
    if (key.size() > 40)
        for (const auto& d : url.diagnostics) check(d.message.find(key) == std::string::npos);
    if (url.url.empty()) return 0;

    const g::SignedUrlInspection back = g::inspect_signed_url(url.url, request.timestamp);
    check(back.info && back.diagnostics.empty());
    check(back.info->signer == r.account->client_email);
    check(g::canonical_request_of(*back.info, "GET") == url.prepared->canonical_request);
    return 0;
}

// V4 signed URLs for the JS API's signUrl (prefix eic_gcs_). The browser hashes and signs with WebCrypto,
// whose promises answer later, so the steps of core/gcs/v4_signing.hpp are three calls with the prepared
// request carried as JSON between them (core/gcs/v4_request_json.hpp). No key ever enters wasm memory:
// only the account's client_email, the bytes to sign and the signature. Results are JSON, valid until
// the next call of the same function.
#include <emscripten/emscripten.h>

#include <algorithm>
#include <string>

#include "crypto/hex.hpp"
#include "diag/report.hpp"
#include "gcs/sign_codes.hpp"
#include "gcs/signed_url_inspect.hpp"
#include "gcs/v4_request_json.hpp"

namespace {

std::string g_prepare, g_hashed, g_finish;

using Json = nlohmann::ordered_json;

Json failure(const eic::Diagnostics& ds) {
    Json list = Json::array();
    for (const auto& d : ds) list.push_back(eic::report::diagnostic_json(d));
    return {{"diagnostics", list}};
}

Json failure(const char* message) { return failure({eic::Diagnostic::error(eic::gcs::sign_code::request, message)}); }

}  // namespace

extern "C" {

// {request JSON} -> {"prepared": {...}, "diagnostics": []} (prepared absent when refused).
EMSCRIPTEN_KEEPALIVE const char* eic_gcs_sign_prepare(const char* request, double now_s) {
    const auto read = eic::gcs::read_v4_request_json(request, static_cast<std::int64_t>(now_s));
    Json out;
    if (!read.request) {
        out = failure(read.diagnostics);
    } else {
        const auto p = eic::gcs::prepare_v4(*read.request);
        out = failure(p.diagnostics);
        if (p.prepared) out["prepared"] = eic::gcs::prepared_to_json(*p.prepared);
    }
    g_prepare = eic::report::dump(out, -1);
    return g_prepare.c_str();
}

// The prepared request with the SHA-256 (hex) of its canonical request -> the same with "stringToSign".
EMSCRIPTEN_KEEPALIVE const char* eic_gcs_sign_hashed(const char* prepared, const char* sha256_hex) {
    const auto p = eic::gcs::prepared_from_json(Json::parse(prepared, nullptr, false));
    const auto digest = eic::crypto::from_hex(sha256_hex);
    Json out;
    if (!p || !digest || digest->size() != 32) {
        out = failure("the prepared request or its SHA-256 is malformed");
    } else {
        eic::gcs::V4Prepared q = *p;
        eic::crypto::Sha256Digest d{};
        std::copy(digest->begin(), digest->end(), d.begin());
        eic::gcs::add_canonical_request_hash(q, d);
        out = {{"prepared", eic::gcs::prepared_to_json(q)}, {"diagnostics", Json::array()}};
    }
    g_hashed = eic::report::dump(out, -1);
    return g_hashed.c_str();
}

// The prepared request and the RSA-SHA256 signature (hex) of its string to sign -> {"url"}.
EMSCRIPTEN_KEEPALIVE const char* eic_gcs_sign_finish(const char* prepared, const char* signature_hex) {
    const auto p = eic::gcs::prepared_from_json(Json::parse(prepared, nullptr, false));
    const auto signature = eic::crypto::from_hex(signature_hex);
    Json out;
    if (!p || !signature || signature->empty())
        out = failure("the prepared request or its signature is malformed");
    else
        out = {{"url", eic::gcs::finish_v4(*p, *signature)}, {"diagnostics", Json::array()}};
    g_finish = eic::report::dump(out, -1);
    return g_finish.c_str();
}

// A V4 signed URL read back (core/gcs/signed_url_inspect.hpp): {"info": {...}, "canonicalRequest"
// (for `method`, when only host is signed), "stringToSign" (when sha256_hex, the canonical request's
// hash, is given), "diagnostics"}. Verifying is signing stringToSign again with the key: JavaScript's.
EMSCRIPTEN_KEEPALIVE const char* eic_gcs_inspect(const char* url, const char* method, double now_s,
                                                 const char* sha256_hex) {
    static std::string result;
    const auto r = eic::gcs::inspect_signed_url(url, static_cast<std::int64_t>(now_s));
    Json out = failure(r.diagnostics);
    if (r.info) {
        const auto& i = *r.info;
        out["info"] = {{"algorithm", i.algorithm},
                       {"signer", i.signer},
                       {"scope", i.scope},
                       {"datetime", i.datetime},
                       {"start", i.start},
                       {"expires", i.expires},
                       {"secondsLeft", i.seconds_left},
                       {"signedHeaders", i.signed_headers},
                       {"signature", i.signature_hex}};
        if (const auto canonical = eic::gcs::canonical_request_of(i, method)) {
            out["canonicalRequest"] = *canonical;
            if (sha256_hex && *sha256_hex) out["stringToSign"] = eic::gcs::string_to_sign_of(i, sha256_hex);
        }
    }
    result = eic::report::dump(out, -1);
    return result.c_str();
}

}  // extern "C"

// V4 signing's pure steps (core/gcs/v4_signing.hpp) against Google's 29 published conformance vectors,
// and its refusals. No signature here: the full URLs, signed with OpenSSL, are checked in
// v4_signing_openssl_test.cpp. The string to sign needs a SHA-256 from the platform's crypto, which the
// test runner installs natively (tests/unit/helpers/catch_main.cpp); a run without one checks the rest.
#include "gcs/v4_signing.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "crypto/crypto.hpp"
#include "diag/codes.hpp"
#include "gcs/sign_codes.hpp"
#include "v4_vectors.hpp"

using namespace eic;
using gcs::V4Request;

namespace {

constexpr const char* kEmail = "test-iam-credentials@dummy-project-id.iam.gserviceaccount.com";

V4Request simple() {
    V4Request r;
    r.method = "GET";
    r.bucket = "test-bucket";
    r.object = "test-object";
    r.expires = 10;
    r.timestamp = 1549011600;  // 2019-02-01T09:00:00Z
    r.client_email = kEmail;
    return r;
}

std::vector<std::string> codes(const Diagnostics& ds) {
    std::vector<std::string> out;
    for (const auto& d : ds) out.push_back(d.code);
    return out;
}

std::string canonical(const V4Request& r) {
    auto p = gcs::prepare_v4(r);
    INFO(p.diagnostics.size() << " diagnostics; first: " << (p.diagnostics.empty() ? "" : p.diagnostics[0].message));
    REQUIRE(p.prepared);
    return p.prepared->canonical_request;
}

// The canonical request's lines: verb, path, query, the header lines, "", signed headers, payload.
std::vector<std::string> lines(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        auto nl = s.find('\n', start);
        out.push_back(s.substr(start, nl - start));
        if (nl == std::string::npos) return out;
        start = nl + 1;
    }
}

}  // namespace

TEST_CASE("v4: every published vector's canonical request and unsigned URL", "[gcs][v4]") {
    const auto vectors = test::load_v4_vectors();
    REQUIRE(vectors.size() == 29);
    for (const auto& v : vectors) {
        INFO("vector " << v.index << ": " << v.description);
        V4Request r = v.request;
        r.client_email = kEmail;
        auto p = gcs::prepare_v4(r);
        CHECK(p.diagnostics.empty());
        REQUIRE(p.prepared);
        CHECK(p.prepared->canonical_request == test::corrected_canonical_request(v));
        // The URL up to its signature, which comes last.
        const auto sig = v.expected_url.find("&X-Goog-Signature=");
        REQUIRE(sig != std::string::npos);
        CHECK(p.prepared->unsigned_url == v.expected_url.substr(0, sig));
        // The string to sign's first three lines need no hash.
        const auto last = v.expected_string_to_sign.rfind('\n');
        CHECK("GOOG4-RSA-SHA256\n" + p.prepared->active_datetime + "\n" + p.prepared->credential_scope ==
              v.expected_string_to_sign.substr(0, last));
        CHECK(p.prepared->string_to_sign.empty());  // until the hash is added
    }
}

TEST_CASE("v4: vector 28's published canonical request differs from the signed one only in its path", "[gcs][v4]") {
    const auto vectors = test::load_v4_vectors();
    REQUIRE(vectors.size() == 29);
    const auto& v = vectors[28];
    REQUIRE(v.description == "Universe domain with virtual hosted style");
    CHECK(v.expected_canonical_request != test::corrected_canonical_request(v));
    auto published = lines(v.expected_canonical_request), corrected = lines(test::corrected_canonical_request(v));
    REQUIRE(published.size() == corrected.size());
    for (std::size_t i = 0; i < published.size(); ++i) {
        INFO("line " << i);
        if (i == 1) {
            CHECK(published[i] == "/test-bucket/test-object");
            CHECK(corrected[i] == "/test-object");
        } else {
            CHECK(published[i] == corrected[i]);
        }
    }
    // Every other vector is used as published.
    for (const auto& w : vectors)
        if (w.index != 28) CHECK(test::corrected_canonical_request(w) == w.expected_canonical_request);
}

TEST_CASE("v4: every published vector's string to sign, hashed by the platform", "[gcs][v4]") {
    const crypto::Crypto* platform = crypto::platform();  // OpenSSL natively, node's crypto under node
    REQUIRE(platform);
    auto sha256 = [platform](std::string_view b) { return platform->sha256(b); };
    for (const auto& v : test::load_v4_vectors()) {
        INFO("vector " << v.index << ": " << v.description);
        V4Request r = v.request;
        r.client_email = kEmail;
        auto p = gcs::prepare_v4(r, sha256);
        REQUIRE(p.prepared);
        CHECK(p.prepared->string_to_sign == v.expected_string_to_sign);
        CHECK(p.prepared->canonical_request_sha256 ==
              v.expected_string_to_sign.substr(v.expected_string_to_sign.rfind('\n') + 1));
    }
}

TEST_CASE("v4: the hash step and the final step", "[gcs][v4]") {
    auto p = gcs::prepare_v4(simple());
    REQUIRE(p.prepared);
    crypto::Sha256Digest digest{};
    for (std::size_t i = 0; i < digest.size(); ++i) digest[i] = static_cast<unsigned char>(i * 8 + 1);
    gcs::add_canonical_request_hash(*p.prepared, digest);
    CHECK(p.prepared->canonical_request_sha256 == "0109111921293139414951596169717981899199a1a9b1b9c1c9d1d9e1e9f1f9");
    CHECK(p.prepared->string_to_sign == "GOOG4-RSA-SHA256\n20190201T090000Z\n20190201/auto/storage/goog4_request\n" +
                                            p.prepared->canonical_request_sha256);
    const std::string url = gcs::finish_v4(*p.prepared, std::string("\x00\xab\xff", 3));
    CHECK(url == p.prepared->unsigned_url + "&X-Goog-Signature=00abff");
    CHECK(url.rfind("https://storage.googleapis.com/test-bucket/test-object?X-Goog-Algorithm=GOOG4-RSA-SHA256&", 0) ==
          0);
}

TEST_CASE("v4: headers are lower-cased, trimmed, folded, sorted, and repeats joined with commas", "[gcs][v4]") {
    V4Request r = simple();
    r.headers = {{"X-Goog-Meta-Reviewer", "jane"},
                 {"Content-Type", " text/plain\r\n  ; charset=utf-8 "},
                 {"x-goog-meta-reviewer", "\tjohn "},
                 {"Cache-Control", ""}};
    const auto l = lines(canonical(r));
    REQUIRE(l.size() == 10);
    CHECK(l[3] == "cache-control:");
    CHECK(l[4] == "content-type:text/plain ; charset=utf-8");
    CHECK(l[5] == "host:storage.googleapis.com");
    CHECK(l[6] == "x-goog-meta-reviewer:jane,john");
    CHECK(l[7].empty());
    CHECK(l[8] == "cache-control;content-type;host;x-goog-meta-reviewer");
    CHECK(l[9] == "UNSIGNED-PAYLOAD");
    CHECK(l[2].find("X-Goog-SignedHeaders=cache-control%3Bcontent-type%3Bhost%3Bx-goog-meta-reviewer") !=
          std::string::npos);
}

TEST_CASE("v4: the payload line is x-goog-content-sha256 when sent, except when starting a resumable upload",
          "[gcs][v4]") {
    V4Request r = simple();
    r.method = "PUT";
    r.headers = {{"X-Goog-Content-SHA256", " abc123 "}};
    CHECK(lines(canonical(r)).back() == "abc123");
    r.method = "POST";
    r.headers.push_back({"x-goog-resumable", "start"});
    const auto l = lines(canonical(r));
    CHECK(l.back() == "UNSIGNED-PAYLOAD");
    CHECK(l[l.size() - 2] == "host;x-goog-content-sha256;x-goog-resumable");  // still signed
}

TEST_CASE("v4: query parameters are encoded and sorted by encoded name, then value", "[gcs][v4]") {
    V4Request r = simple();
    r.query = {{"prefix", "a b/c"}, {"b", "2"}, {"b", "1"}, {"a~", "x"}, {"a\xc3\xa9", "y"}, {"delimiter", "/"}};
    const std::string q = lines(canonical(r))[2];
    CHECK(q ==
          "X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=test-iam-credentials%40dummy-project-id.iam."
          "gserviceaccount.com%2F20190201%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20190201T090000Z&X-Goog-"
          "Expires=10&X-Goog-SignedHeaders=host&a%C3%A9=y&a~=x&b=1&b=2&delimiter=%2F&prefix=a%20b%2Fc");
}

TEST_CASE("v4: object names keep '/' and encode everything but RFC 3986's unreserved characters", "[gcs][v4]") {
    V4Request r = simple();
    r.object = "dir/a b+c?d#e%f\xc3\xa9~_.-!*'().jpg";
    CHECK(lines(canonical(r))[1] == "/test-bucket/dir/a%20b%2Bc%3Fd%23e%25f%C3%A9~_.-%21%2A%27%28%29.jpg");
    r.style = gcs::UrlStyle::virtual_hosted;
    r.object = "";
    CHECK(lines(canonical(r))[1] == "/");  // the bucket itself, virtual-hosted
}

TEST_CASE("v4: with an endpoint the URL keeps the port and the host header does not", "[gcs][v4]") {
    V4Request r = simple();
    r.endpoint = "http://127.0.0.1:4443/";
    auto p = gcs::prepare_v4(r);
    REQUIRE(p.prepared);
    CHECK(p.prepared->unsigned_url.rfind("http://127.0.0.1:4443/test-bucket/test-object?", 0) == 0);
    CHECK(lines(p.prepared->canonical_request)[3] == "host:127.0.0.1");
    r.endpoint = "HTTP://[::1]:8080";
    p = gcs::prepare_v4(r);
    REQUIRE(p.prepared);
    CHECK(p.prepared->unsigned_url.rfind("http://[::1]:8080/test-bucket/test-object?", 0) == 0);
    CHECK(lines(p.prepared->canonical_request)[3] == "host:[::1]");
    r.endpoint = "http://localhost:9000";
    r.style = gcs::UrlStyle::virtual_hosted;
    p = gcs::prepare_v4(r);
    REQUIRE(p.prepared);
    CHECK(p.prepared->unsigned_url.rfind("http://test-bucket.localhost:9000/test-object?", 0) == 0);
    CHECK(lines(p.prepared->canonical_request)[3] == "host:test-bucket.localhost");
}

TEST_CASE("v4: an expiry over 604,800 seconds (or under 1) is refused", "[gcs][v4]") {
    V4Request r = simple();
    r.expires = 604800;
    CHECK(gcs::prepare_v4(r).prepared);
    for (std::int64_t e : {std::int64_t(604801), std::int64_t(0), std::int64_t(-5)}) {
        r.expires = e;
        auto p = gcs::prepare_v4(r);
        CHECK_FALSE(p.prepared);
        REQUIRE(p.diagnostics.size() == 1);
        CHECK(p.diagnostics[0].code == "gcs.sign.expires");
        CHECK(p.diagnostics[0].severity == Severity::error);
        CHECK(p.diagnostics[0].message.find("604,800 seconds (7 days)") != std::string::npos);
    }
}

TEST_CASE("v4: each bad part of a request has its own diagnostic, all reported at once", "[gcs][v4]") {
    auto refused = [](const V4Request& r) {
        auto p = gcs::prepare_v4(r);
        CHECK_FALSE(p.prepared);
        return codes(p.diagnostics);
    };
    V4Request r = simple();
    r.method = "get";
    r.bucket = "";
    r.expires = 999999;
    r.client_email = "";
    r.headers = {{"Host", "evil.example"}, {"bad name", "x"}, {"", "x"}};
    r.query = {{"x-goog-signature", "00"}, {"X-Goog-Date", "1"}, {"ok", "1"}};
    CHECK(refused(r) == std::vector<std::string>{"gcs.sign.expires", "gcs.sign.method", "gcs.sign.key-file",
                                                 "gcs.sign.header", "gcs.sign.header", "gcs.sign.header",
                                                 "gcs.sign.query", "gcs.sign.query", "gcs.sign.bucket"});
    r = simple();
    r.bucket = "a/b";
    CHECK(refused(r) == std::vector<std::string>{"gcs.sign.bucket"});
    r = simple();
    r.timestamp = 253402300800;  // 10000-01-01
    CHECK(refused(r) == std::vector<std::string>{"gcs.sign.timestamp"});

    const std::vector<std::string> endpoint = {"gcs.sign.endpoint"};
    for (const char* bad : {"localhost:8080", "ftp://host", "https://", "https://host/path", "https://u@host",
                            "https://host:0", "https://host:99999", "https://ho st", "https://[::1"}) {
        INFO(bad);
        r = simple();
        r.endpoint = bad;
        CHECK(refused(r) == endpoint);
    }
    r = simple();
    r.scheme = "ftp";
    CHECK(refused(r) == endpoint);
    r = simple();
    r.scheme = "http";
    r.endpoint = "https://localhost";
    CHECK(refused(r) == endpoint);
    r = simple();
    r.style = gcs::UrlStyle::bucket_bound;
    CHECK(refused(r) == endpoint);  // no hostname
    r.bucket_bound_hostname = "cdn.example.com";
    r.universe_domain = "domain.com";
    CHECK(refused(r) == endpoint);
    r = simple();
    r.bucket_bound_hostname = "cdn.example.com";  // path style
    CHECK(refused(r) == endpoint);
    r = simple();
    r.endpoint = "https://localhost";
    r.universe_domain = "domain.com";
    CHECK(refused(r) == endpoint);
    r = simple();
    r.universe_domain = "bad domain";
    CHECK(refused(r) == endpoint);
    r = simple();
    r.endpoint = "http://[::1]:8080";
    r.style = gcs::UrlStyle::virtual_hosted;
    CHECK(refused(r) == endpoint);

    // Every code is registered as an error, as the diagnostics docs list it, but the one no page states
    // (a URL dated more than 15 minutes ahead), a warning.
    for (const char* code : gcs::sign_code::all()) {
        INFO(code);
        const auto* info = diag::find_code(code);
        REQUIRE(info);
        const bool sourced = std::string(code) != gcs::sign_code::url_not_yet_valid;
        CHECK(info->severity == (sourced ? Severity::error : Severity::warning));
        CHECK(std::string(info->section) == "Signed URLs");
    }
}

TEST_CASE("v4: a bucket-bound hostname may carry its own scheme and port", "[gcs][v4]") {
    V4Request r = simple();
    r.style = gcs::UrlStyle::bucket_bound;
    r.bucket_bound_hostname = "http://cdn.example.com:8080";
    auto p = gcs::prepare_v4(r);
    REQUIRE(p.prepared);
    CHECK(p.prepared->unsigned_url.rfind("http://cdn.example.com:8080/test-object?", 0) == 0);
    CHECK(lines(p.prepared->canonical_request)[3] == "host:cdn.example.com");
}

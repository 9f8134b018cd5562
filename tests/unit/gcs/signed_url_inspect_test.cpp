#include "gcs/signed_url_inspect.hpp"

#include <catch2/catch.hpp>

#include "crypto/crypto.hpp"
#include "crypto/hex.hpp"
#include "gcs/signed_url.hpp"
#include "v4_vectors.hpp"

using namespace eic;

TEST_CASE("a signed URL reads back: signer, scope, times, headers", "[gcs][v4][inspect]") {
    const auto v = test::load_v4_vectors().front();  // Simple GET, 2019-02-01T09:00:00Z, 10 s
    auto r = gcs::inspect_signed_url(v.expected_url, v.request.timestamp + 4);
    REQUIRE(r.info);
    CHECK(r.diagnostics.empty());
    CHECK(r.info->algorithm == "GOOG4-RSA-SHA256");
    CHECK(r.info->signer == "test-iam-credentials@dummy-project-id.iam.gserviceaccount.com");
    CHECK(r.info->scope == "20190201/auto/storage/goog4_request");
    CHECK(r.info->start == v.request.timestamp);
    CHECK(r.info->expires == 10);
    CHECK(r.info->seconds_left == 6);
    CHECK(r.info->signed_headers == std::vector<std::string>{"host"});
    CHECK(r.info->signature_hex.size() == 512);
    // Later it has expired; much earlier it is not valid yet (a warning: no page states the allowance).
    auto late = gcs::inspect_signed_url(v.expected_url, v.request.timestamp + 11);
    REQUIRE(late.diagnostics.size() == 1);
    CHECK(late.diagnostics[0].code == "gcs.url.expired");
    auto early = gcs::inspect_signed_url(v.expected_url, v.request.timestamp - 3600);
    REQUIRE(early.diagnostics.size() == 1);
    CHECK(early.diagnostics[0].code == "gcs.url.not-yet-valid");
    CHECK(early.diagnostics[0].severity == Severity::warning);
}

TEST_CASE("every published vector URL signing only host verifies by signing its canonical request again",
          "[gcs][v4][inspect]") {
    const crypto::Crypto* c = crypto::platform();  // OpenSSL natively, node's crypto under node
    REQUIRE(c);
    const auto account = test::v4_test_account();
    std::size_t verified = 0;
    for (const auto& v : test::load_v4_vectors()) {
        INFO("vector " << v.index << ": " << v.description);
        auto r = gcs::inspect_signed_url(v.expected_url, v.request.timestamp);
        REQUIRE(r.info);
        const auto canonical = gcs::canonical_request_of(*r.info, v.request.method);
        if (!canonical) {
            CHECK(r.info->signed_headers != std::vector<std::string>{"host"});
            continue;
        }
        const auto d = c->sha256(*canonical);
        const std::string sts =
            gcs::string_to_sign_of(*r.info, crypto::hex_lower(std::string_view((const char*)d.data(), d.size())));
        CHECK(sts == v.expected_string_to_sign);
        const auto sig = c->rsa_sha256_sign(account.private_key, sts);
        REQUIRE(sig.ok());
        CHECK(crypto::hex_lower(sig.bytes) == r.info->signature_hex);
        // A changed object name no longer verifies.
        std::string tampered = v.expected_url;
        tampered.insert(tampered.find('?'), "x");
        auto t = gcs::inspect_signed_url(tampered, v.request.timestamp);
        REQUIRE(t.info);
        const auto tc = gcs::canonical_request_of(*t.info, v.request.method);
        const auto td = c->sha256(*tc);
        const auto tsig = c->rsa_sha256_sign(
            account.private_key,
            gcs::string_to_sign_of(*t.info, crypto::hex_lower(std::string_view((const char*)td.data(), td.size()))));
        CHECK(crypto::hex_lower(tsig.bytes) != r.info->signature_hex);
        ++verified;
    }
    CHECK(verified >= 10);
}

TEST_CASE("a URL that is not a V4 signed URL says why", "[gcs][v4][inspect]") {
    const auto code = [](std::string_view url) {
        auto r = gcs::inspect_signed_url(url, 0);
        CHECK_FALSE(r.info);
        REQUIRE(r.diagnostics.size() == 1);
        return r.diagnostics[0].code;
    };
    CHECK(code("storage.googleapis.com/b/o") == "gcs.url.not-signed");
    CHECK(code("https://storage.googleapis.com/b/o") == "gcs.url.not-signed");
    CHECK(code("https://storage.googleapis.com/b/o?X-Goog-Algorithm=%zz") == "gcs.url.not-signed");
    CHECK(code("https://h/b/"
               "o?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=a%2F20190201%2Fauto%2Fstorage%2Fgoog4_request"
               "&X-Goog-Date=20190201T090000Z&X-Goog-Expires=ten&X-Goog-SignedHeaders=host&X-Goog-Signature=ab") ==
          "gcs.url.expires");
    CHECK(code("https://h/b/"
               "o?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=a%2F20190201%2Fauto%2Fstorage%2Fgoog4_request"
               "&X-Goog-Date=2019-02-01&X-Goog-Expires=10&X-Goog-SignedHeaders=host&X-Goog-Signature=ab") ==
          "gcs.url.date");
}

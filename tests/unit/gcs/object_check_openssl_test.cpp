// The object check with the real V4 signer and OpenSSL (native only): the probe is a signed HEAD on the
// XML API host, whatever form the manifest uses.
#include <catch2/catch.hpp>

#include "../helpers/fake_http.hpp"
#include "crypto/openssl.hpp"
#include "gcs/object_check.hpp"
#include "gcs/probe_signer.hpp"
#include "v4_vectors.hpp"

using namespace eic;

TEST_CASE("object check + V4: probes are signed HEADs on storage.googleapis.com", "[gcs][check]") {
    const gcs::ServiceAccount account = test::v4_test_account();
    REQUIRE_FALSE(account.private_key.empty());
    gcs::V4ProbeSigner signer(account, crypto::openssl());
    test::FakeHttp http;
    http.table["https://storage.googleapis.com/test-bucket/a%20b.jpg"] = {test::answer(200)};
    double now = 0;
    gcs::ObjectCheckOptions options;
    options.steady = [&] { return now; };
    options.wall = [&] { return 1549011600.0 + now; };  // 2019-02-01T09:00:00Z
    gcs::ObjectCheckJob job({{7, "https://storage.cloud.google.com/test-bucket/a%20b.jpg"}}, http, signer, options);
    while (!job.finished()) job.step(1 << 16), now += 0.1;
    REQUIRE(http.sent.size() == 1);
    const std::string& url = http.sent[0].url;
    CHECK(http.sent[0].method == "HEAD");
    CHECK(url.rfind("https://storage.googleapis.com/test-bucket/a%20b.jpg?X-Goog-Algorithm=GOOG4-RSA-SHA256", 0) == 0);
    CHECK(url.find("X-Goog-Date=20190201T090000Z") != std::string::npos);
    CHECK(url.find("X-Goog-Expires=900") != std::string::npos);
    CHECK(url.find("&X-Goog-Signature=") != std::string::npos);
    CHECK(job.results()[0].state == gcs::ObjectState::exists);

    // A key that cannot sign: an error with the signer's reason, no request.
    gcs::ServiceAccount broken = account;
    broken.private_key = "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n";
    gcs::V4ProbeSigner bad(broken, crypto::openssl());
    test::FakeHttp none;
    gcs::ObjectCheckJob failing({{8, "gs://test-bucket/x"}}, none, bad, options);
    while (!failing.finished()) failing.step(1 << 16);
    CHECK(none.sent.empty());
    CHECK(failing.results()[0].state == gcs::ObjectState::error);
    CHECK(failing.results()[0].detail.find("not a key") == std::string::npos);
    CHECK_FALSE(failing.results()[0].detail.empty());
}

TEST_CASE("V4 probe signer: listing parameters are signed, Range is sent unsigned, the endpoint is kept",
          "[gcs][check]") {
    const gcs::ServiceAccount account = test::v4_test_account();
    gcs::V4ProbeOptions options;
    options.endpoint = "http://127.0.0.1:9023";
    options.expires_s = 60;
    gcs::V4ProbeSigner signer(account, crypto::openssl(), options);
    gcs::ProbeTarget list;
    list.method = "GET";
    list.bucket = "test-bucket";
    list.query = {{"list-type", "2"}, {"prefix", "a b/"}};
    const auto listing = signer.poll(signer.start(list, 1549011600));
    REQUIRE(listing);
    REQUIRE(listing->ok());
    CHECK(listing->http.url.rfind("http://127.0.0.1:9023/test-bucket?", 0) == 0);
    CHECK(listing->http.url.find("prefix=a%20b%2F") != std::string::npos);
    CHECK(listing->canonical_request.find("list-type=2&prefix=a%20b%2F") != std::string::npos);
    // The signed host leaves the port out, as the published vectors (#21, #23, #25) do.
    CHECK(listing->canonical_request.find("host:127.0.0.1\n") != std::string::npos);
    CHECK(listing->http.url.find("X-Goog-Expires=60") != std::string::npos);
    CHECK(listing->http.headers.empty());

    gcs::ProbeTarget range;
    range.method = "GET";
    range.bucket = "test-bucket";
    range.object = "img/a.png";
    range.headers = {{"Range", "bytes=0-65535"}};
    const auto ranged = signer.poll(signer.start(range, 1549011600));
    REQUIRE(ranged);
    CHECK(ranged->http.headers == net::Headers{{"Range", "bytes=0-65535"}});
    CHECK(ranged->canonical_request.find("range") == std::string::npos);
    CHECK(ranged->canonical_request.find("\nhost\n") != std::string::npos);
    CHECK_FALSE(signer.poll(999));
}

// The signers the Encord API client starts and polls (core/encord/request_signer.hpp): a key signs as
// sign_request does, a token becomes a bearer header, each result is handed over once.
#include "encord/request_signer.hpp"

#include <catch2/catch.hpp>

#include "encord/request_signing.hpp"
#include "encord_test_data.hpp"

using namespace eic;

TEST_CASE("Encord request signers: a key signs with created 30 s back; a token is a bearer header", "[encord-sign]") {
    const crypto::Crypto& crypto = test::platform_crypto();
    const auto read = test::read_test_key("ed25519");
    REQUIRE(read.key);
    encord::KeyRequestSigner signer(crypto, *read.key);
    encord::RequestToSign r{"post", "/v2/public/storage/folders", R"({"name":"a"})", 1700000030};
    const auto t = signer.start(r);
    const auto h = signer.poll(t);
    REQUIRE(h);
    REQUIRE(h->ok());
    const auto expected =
        encord::sign_request(crypto, *read.key, "post", "/v2/public/storage/folders", R"({"name":"a"})", 1700000000);
    REQUIRE(expected.headers);
    CHECK(h->headers == net::Headers{{"Content-Digest", expected.headers->content_digest},
                                     {"Signature-Input", expected.headers->signature_input},
                                     {"Signature", expected.headers->signature}});
    CHECK(h->headers[1].second.find(";created=1700000000;") != std::string::npos);
    CHECK_FALSE(signer.poll(t));  // handed over once

    encord::RequestToSign bad{"GET", "/v2/public/a b", "", 1700000030};
    const auto refused = signer.poll(signer.start(bad));
    REQUIRE(refused);
    CHECK_FALSE(refused->ok());
    CHECK(refused->headers.empty());

    encord::BearerRequestSigner bearer("tok-1");
    CHECK(bearer.poll(bearer.start(r))->headers == net::Headers{{"Authorization", "Bearer tok-1"}});
    encord::BearerRequestSigner none("");
    CHECK_FALSE(none.poll(none.start(r))->ok());
}

// OpenSSL's own refusals in V4 signing: a private_key that is not a PEM RSA key. Native only (the
// published vectors run with every platform's crypto in v4_signing_platform_test.cpp).
#include <catch2/catch.hpp>

#include "../helpers/cli_run.hpp"
#include "cli/commands.hpp"
#include "crypto/openssl.hpp"
#include "gcs/signed_url.hpp"
#include "v4_vectors.hpp"

using namespace eic;

TEST_CASE("v4 + OpenSSL: a private_key that is not a PEM RSA key is a clear finding, not a crash", "[gcs][v4]") {
    const auto vectors = test::load_v4_vectors();
    gcs::ServiceAccount account = test::v4_test_account();
    account.private_key = "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n";
    const gcs::SignedUrl s = gcs::sign_url_v4(vectors[0].request, account, crypto::openssl());
    CHECK(s.url.empty());
    REQUIRE(s.diagnostics.size() == 1);
    CHECK(s.diagnostics[0].code == "gcs.sign.private-key");
    CHECK(s.diagnostics[0].pointer == "/private_key");
    CHECK(s.diagnostics[0].message.find("not a PEM private key") != std::string::npos);
    CHECK(s.diagnostics[0].message.find("not a key") == std::string::npos);

    const std::string path = std::string(EIC_TEST_DATA) + "/gcs-keys/bad-pem.json";
    const auto r = test::run_cli(cli::dispatch, {"sign-url", "--key", path, "--bucket", "b", "--method", "GET",
                                                 "--expires", "10", "--timestamp", "2019-02-01T09:00:00Z"});
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.rfind(path + ": error gcs.sign.private-key: The service account's private_key cannot sign: the "
                             "private key is not a PEM private key",
                      0) == 0);
    CHECK(r.err.find("not a key at all") == std::string::npos);
}

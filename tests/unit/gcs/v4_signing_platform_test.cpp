// Google's 29 published V4 conformance vectors end to end, signed by the platform's crypto (OpenSSL
// natively, node's crypto module in the wasm run): the core's steps (v4_signing.hpp) through
// gcs::sign_url_v4, and `eic sign-url` through the CLI's dispatch.
#include <catch2/catch.hpp>

#include "../helpers/cli_run.hpp"
#include "cli/commands.hpp"
#include "gcs/signed_url.hpp"
#include "v4_vectors.hpp"

using namespace eic;

TEST_CASE("v4 + platform crypto: every published vector's canonical request, string to sign and URL", "[gcs][v4]") {
    REQUIRE(crypto::platform());
    const auto account = test::v4_test_account();
    REQUIRE(!account.private_key.empty());
    const auto vectors = test::load_v4_vectors();
    REQUIRE(vectors.size() == 29);
    std::size_t passed = 0;
    for (const auto& v : vectors) {
        INFO("vector " << v.index << ": " << v.description);
        const gcs::SignedUrl s = gcs::sign_url_v4(v.request, account, *crypto::platform());
        CHECK(s.diagnostics.empty());
        REQUIRE(s.prepared);
        const bool ok = s.prepared->canonical_request == test::corrected_canonical_request(v) &&
                        s.prepared->string_to_sign == v.expected_string_to_sign && s.url == v.expected_url;
        CHECK(s.prepared->canonical_request == test::corrected_canonical_request(v));
        CHECK(s.prepared->string_to_sign == v.expected_string_to_sign);
        CHECK(s.url == v.expected_url);
        passed += ok;
    }
    CHECK(passed == 29);
}

TEST_CASE("v4 + platform crypto: eic sign-url prints every published vector's expectedUrl", "[gcs][v4][cli]") {
    for (const auto& v : test::load_v4_vectors()) {
        INFO("vector " << v.index << ": " << v.description);
        const auto r = test::run_cli(cli::dispatch, v.args);
        INFO(r.err);
        CHECK(r.code == 0);
        CHECK(r.err.empty());
        CHECK(r.out == v.expected_url + "\n");
    }
}

// The native crypto (core/crypto/crypto_openssl.cpp): SHA-256 known answers, RSA-SHA256 with the published
// GCS test key, and refusals of keys it cannot use. Native only (OpenSSL).
#include <catch2/catch.hpp>

#include "../gcs/v4_vectors.hpp"
#include "crypto/crypto.hpp"
#include "crypto/hex.hpp"
#include "crypto/openssl.hpp"

using eic::crypto::hex_lower;

namespace {

std::string hex(const eic::crypto::Sha256Digest& d) {
    return hex_lower(std::string_view(reinterpret_cast<const char*>(d.data()), d.size()));
}

}  // namespace

TEST_CASE("openssl: SHA-256 known answers (FIPS 180-2 appendix B)", "[crypto]") {
    const auto& c = eic::crypto::openssl();
    CHECK(hex(c.sha256("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(hex(c.sha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(hex(c.sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(hex_lower(std::string("\x00\x0f\xf0\xff", 4)) == "000ff0ff");
}

TEST_CASE("openssl: the platform crypto of the native test run is OpenSSL's", "[crypto]") {
    CHECK(eic::crypto::platform() == &eic::crypto::openssl());
}

TEST_CASE("openssl: RSA-SHA256 with the published test key is deterministic and 256 bytes", "[crypto]") {
    const auto account = eic::test::v4_test_account();
    REQUIRE(!account.private_key.empty());
    const auto& c = eic::crypto::openssl();
    auto a = c.rsa_sha256_sign(account.private_key, "message");
    auto b = c.rsa_sha256_sign(account.private_key, "message");
    REQUIRE(a.ok());
    CHECK(a.bytes.size() == 256);  // RSA-2048
    CHECK(a.bytes == b.bytes);     // PKCS#1 v1.5 has no randomness
    CHECK(c.rsa_sha256_sign(account.private_key, "other").bytes != a.bytes);
}

TEST_CASE("openssl: keys it cannot sign with are refused with a reason, never quoted", "[crypto]") {
    const auto& c = eic::crypto::openssl();
    auto refused = [&c](const std::string& pem) {
        auto s = c.rsa_sha256_sign(pem, "message");
        CHECK_FALSE(s.ok());
        CHECK(s.bytes.empty());
        CHECK(s.error.find("MC4CAQAw") == std::string::npos);
        CHECK(s.error.find("garbage") == std::string::npos);
        return s.error;
    };
    CHECK(refused("").find("not a PEM private key") != std::string::npos);
    CHECK(refused("garbage").find("not a PEM private key") != std::string::npos);
    CHECK(refused("-----BEGIN PRIVATE KEY-----\ngarbage\n-----END PRIVATE KEY-----\n").find("not a PEM private key") !=
          std::string::npos);
    // A throwaway Ed25519 key made for this test (openssl genpkey -algorithm ed25519): a key, but not RSA.
    CHECK(refused("-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIIySDThXZnMZbKnUx6P3nfBwtn+IJp7AXj29hp3Ms5HJ\n"
                  "-----END PRIVATE KEY-----\n") == "the private key is not an RSA key");
    // The published key, truncated: a PEM whose body is cut.
    const auto account = eic::test::v4_test_account();
    refused(account.private_key.substr(0, 200) + "\n-----END PRIVATE KEY-----\n");
}

// Ed25519 from the platform (core/crypto/crypto.hpp): OpenSSL natively, node's crypto module in the wasm run.
// RFC 8032 section 7.1's test vectors 1 to 3, and the refusal of a seed that is not 32 bytes.
#include <catch2/catch.hpp>
#include <string>

#include "crypto/crypto.hpp"
#include "crypto/hex.hpp"

using namespace eic;

TEST_CASE("ed25519: RFC 8032 section 7.1 test vectors 1-3", "[crypto][ed25519]") {
    const crypto::Crypto* c = crypto::platform();
    REQUIRE(c != nullptr);
    struct Vector {
        const char *seed, *message, *signature;
    };
    const Vector vectors[] = {
        {"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "",
         "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595b"
         "be24655141438e7a100b"},
        {"4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb", "72",
         "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb430"
         "2aeeb00d291612bb0c00"},
        {"c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7", "af82",
         "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716e"
         "d28dc027beceea1ec40a"},
    };
    for (const auto& v : vectors) {
        INFO(v.seed);
        const crypto::Signature s = c->ed25519_sign(*crypto::from_hex(v.seed), *crypto::from_hex(v.message));
        CHECK(s.ok());
        CHECK(crypto::hex_lower(s.bytes) == v.signature);
    }
}

TEST_CASE("ed25519: a seed that is not 32 bytes is refused, not used", "[crypto][ed25519]") {
    const crypto::Crypto* c = crypto::platform();
    REQUIRE(c != nullptr);
    for (std::size_t size : {0, 31, 33, 64}) {
        INFO(size);
        const crypto::Signature s = c->ed25519_sign(std::string(size, '\x01'), "message");
        CHECK_FALSE(s.ok());
        CHECK(s.bytes.empty());
        CHECK(s.error.find("32 bytes") != std::string::npos);
    }
}

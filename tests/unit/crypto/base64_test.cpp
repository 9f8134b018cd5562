// Base64 from the platform (core/crypto/crypto.hpp): OpenSSL natively, node's codec under node. The same
// answers on both, including the refusals, because IAM signBlob answers arrive as base64.
#include <catch2/catch.hpp>
#include <string>

#include "crypto/crypto.hpp"

using namespace eic;

TEST_CASE("base64: RFC 4648 section 10 test vectors, both ways", "[crypto][base64]") {
    const crypto::Crypto* c = crypto::platform();
    REQUIRE(c != nullptr);
    const std::pair<const char*, const char*> vectors[] = {{"", ""},
                                                           {"f", "Zg=="},
                                                           {"fo", "Zm8="},
                                                           {"foo", "Zm9v"},
                                                           {"foob", "Zm9vYg=="},
                                                           {"fooba", "Zm9vYmE="},
                                                           {"foobar", "Zm9vYmFy"}};
    for (const auto& [plain, encoded] : vectors) {
        INFO(plain);
        CHECK(c->base64_encode(plain) == encoded);
        CHECK(c->base64_decode(encoded) == std::optional<std::string>(plain));
    }
}

TEST_CASE("base64: every byte value survives the round trip", "[crypto][base64]") {
    const crypto::Crypto* c = crypto::platform();
    std::string all;
    for (int i = 0; i < 256; ++i) all += char(i);
    const std::string text = c->base64_encode(all);
    CHECK(text.size() == 344);
    CHECK(text.rfind("AAECAwQF", 0) == 0);
    CHECK(text.find_first_of("-_") == std::string::npos);  // the standard alphabet, not base64url
    CHECK(c->base64_decode(text) == std::optional<std::string>(all));
}

TEST_CASE("base64: text that is not base64 is refused", "[crypto][base64]") {
    const crypto::Crypto* c = crypto::platform();
    for (const char* bad : {"Zm9", "Zm9v!abc", "Zg=a", "=Zg=", "Z===", "Zm9v-_==", "Zm9vYg"}) {
        INFO(bad);
        CHECK_FALSE(c->base64_decode(bad));
    }
}

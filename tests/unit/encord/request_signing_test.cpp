// Encord v2 request signing (core/encord/request_signing.hpp) against the vectors node's crypto module
// computed from the SDK's algorithm (tests/data/encord-signing/), signed by the platform's crypto (OpenSSL
// natively, node's crypto module in the wasm run); the two steps the browser uses; the request target; and
// the refusals.
#include "encord/request_signing.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "encord/signing_codes.hpp"
#include "encord_test_data.hpp"

using namespace eic;
namespace code = encord::signing_code;

namespace {

using test::platform_crypto;

encord::Ed25519Key test_key(const std::string& name) {
    auto r = test::read_test_key(name);
    REQUIRE(r.key);
    return *r.key;
}

const encord::Base64Encode base64 = [](std::string_view bytes) { return platform_crypto().base64_encode(bytes); };

// The platform's crypto, except that Ed25519 signing fails, as a crypto that refuses the key would.
class RefusingCrypto final : public crypto::Crypto {
public:
    crypto::Sha256Digest sha256(std::string_view b) const override { return platform_crypto().sha256(b); }
    crypto::Signature rsa_sha256_sign(std::string_view k, std::string_view m) const override {
        return platform_crypto().rsa_sha256_sign(k, m);
    }
    crypto::Signature ed25519_sign(std::string_view, std::string_view) const override {
        return {{}, "the key was refused"};
    }
    std::string base64_encode(std::string_view b) const override { return platform_crypto().base64_encode(b); }
    std::optional<std::string> base64_decode(std::string_view t) const override {
        return platform_crypto().base64_decode(t);
    }
};

std::string only_code(const Diagnostics& ds) {
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == Severity::error);
    return ds[0].code;
}

}  // namespace

TEST_CASE("encord signing: every vector's headers, exactly", "[encord-sign]") {
    const auto vectors = test::load_signing_vectors();
    REQUIRE(vectors.size() == 9);
    std::size_t passed = 0;
    for (const auto& v : vectors) {
        INFO(v.name << ": " << v.description);
        const encord::Ed25519Key key = test_key(v.key);
        CHECK(key.keyid == v.keyid);
        const encord::SignedRequest s =
            encord::sign_request(platform_crypto(), key, v.method, v.url, v.body, v.created);
        CHECK(s.diagnostics.empty());
        REQUIRE(s.headers);
        REQUIRE(s.prepared);
        CHECK(s.prepared->signature_base == v.signature_base);
        CHECK(s.headers->content_digest == v.content_digest);
        CHECK(s.headers->signature_input == v.signature_input);
        CHECK(s.headers->signature == v.signature);
        passed += s.headers->content_digest == v.content_digest && s.headers->signature_input == v.signature_input &&
                  s.headers->signature == v.signature;
    }
    CHECK(passed == vectors.size());
}

TEST_CASE("encord signing: the two steps the browser takes give the same headers", "[encord-sign]") {
    for (const auto& v : test::load_signing_vectors()) {
        INFO(v.name);
        const encord::Ed25519Key key = test_key(v.key);
        const encord::SignatureInput input{v.method, v.request_target, v.created, key.keyid};
        const encord::SignaturePreparation p =
            encord::prepare_signature(input, platform_crypto().sha256(v.body), base64);
        CHECK(p.diagnostics.empty());
        REQUIRE(p.prepared);
        CHECK(p.prepared->content_digest == v.content_digest);
        CHECK(p.prepared->signature_base == v.signature_base);
        CHECK("encord-sig=" + p.prepared->signature_params == v.signature_input);
        const crypto::Signature signature =
            platform_crypto().ed25519_sign(key.seed_bytes(), p.prepared->signature_base);
        REQUIRE(signature.ok());
        REQUIRE(signature.bytes.size() == 64);
        const encord::SignatureHeaders h = encord::finish_signature(*p.prepared, signature.bytes, base64);
        CHECK(h.content_digest == v.content_digest);
        CHECK(h.signature_input == v.signature_input);
        CHECK(h.signature == v.signature);
    }
}

TEST_CASE("encord signing: the signature base's form", "[encord-sign]") {
    const encord::Ed25519Key key = test_key("ed25519");
    const auto s =
        encord::sign_request(platform_crypto(), key, "post", "https://api.encord.com/v2/public/x?a=1", "", 5);
    REQUIRE(s.prepared);
    const std::string& base = s.prepared->signature_base;
    CHECK(std::count(base.begin(), base.end(), '\n') == 3);  // four lines, no newline at the end
    CHECK(base.back() == '"');
    CHECK(base.rfind("\"@method\": POST\n\"@request-target\": /v2/public/x?a=1\n", 0) == 0);
    // The empty body's digest (encord/http/v2/request_signer.py hashes b"").
    CHECK(s.headers->content_digest == "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:");
    CHECK(s.headers->signature_input ==
          "encord-sig=(\"@method\" \"@request-target\" \"content-digest\");created=5;keyid=\"" + key.keyid +
              "\";alg=\"ed25519\"");
    CHECK(s.headers->signature.rfind("encord-sig=:", 0) == 0);
    CHECK(s.headers->signature.size() == 12 + 88 + 1);  // 64 bytes are 88 base64 characters
}

TEST_CASE("encord signing: created is 30 seconds before now, as the SDK sets it", "[encord-sign]") {
    CHECK(encord::kCreatedSkewSeconds == 30);
    CHECK(encord::created_for(1762080030) == 1762080000);
}

TEST_CASE("encord signing: the request target is the URL's path and query as given", "[encord-sign]") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"https://api.encord.com", "/"},
        {"https://api.encord.com?x=1", "/?x=1"},
        {"https://api.encord.com#top", "/"},
        {"HTTPS://API.ENCORD.COM/v2/public/a", "/v2/public/a"},
        {"http://localhost:8787/a/b?c=d#e", "/a/b?c=d"},
        {"https://h/p?", "/p?"},
        {"https://h/a%2Fb?q=%7B%22x%22%3A1%7D&q=2", "/a%2Fb?q=%7B%22x%22%3A1%7D&q=2"},
        {"https://h/a..b/.c/d.?x=../y&z=./w", "/a..b/.c/d.?x=../y&z=./w"},
        {"https://user@h:1/a[1]/~x!$&'()*+,;=:@", "/a[1]/~x!$&'()*+,;=:@"},
        {"/v2/public/storage/folders?search=a+b", "/v2/public/storage/folders?search=a+b"},
        {"/", "/"},
    };
    for (const auto& [url, target] : cases) {
        INFO(url);
        const encord::RequestTarget t = encord::request_target_of(url);
        CHECK(t.diagnostics.empty());
        CHECK(t.target == std::optional<std::string>(target));
    }
}

TEST_CASE("encord signing: URLs that would not be sent as signed are refused", "[encord-sign]") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"", "not an http or https URL"},
        {"ftp://h/a", "not an http or https URL"},
        {"api.encord.com/v2/public/a", "not an http or https URL"},
        {"https:///a", "no host"},
        {"https://h/a b", "the byte 0x20"},
        {"https://h/caf\xC3\xA9", "the byte 0xC3"},
        {"https://h/a?x=\t", "the byte 0x09"},
        {"https://h/a?x={1}", "the character '{'"},
        {"https://h/a\\b", "the character '\\'"},
        {"https://h/a?x=\"1\"", "the character '\"'"},
        {"https://h/a|b", "the character '|'"},
        {"https://h/a?x=%zz", "\"%\" that is not followed by two hex digits"},
        {"https://h/a%2", "\"%\" that is not followed by two hex digits"},
        {"https://h/a/../b", "\"..\" segment"},
        {"https://h/./a", "\"..\" segment"},
        {"https://h/a/%2e%2E/b", "\"..\" segment"},
        {"https://h/a/.%2e", "\"..\" segment"},
        {"/a/..", "\"..\" segment"},
    };
    for (const auto& [url, why] : cases) {
        INFO(url);
        const encord::RequestTarget t = encord::request_target_of(url);
        CHECK_FALSE(t.target);
        CHECK(only_code(t.diagnostics) == code::url);
        CHECK(t.diagnostics[0].message.find(why) != std::string::npos);
        // sign_request refuses it the same way, before signing.
        const auto s = encord::sign_request(platform_crypto(), test_key("ed25519"), "GET", url, "", 1);
        CHECK_FALSE(s.headers);
        CHECK(only_code(s.diagnostics) == code::url);
    }
}

TEST_CASE("encord signing: bad methods, targets and keyids are refused before signing", "[encord-sign]") {
    const encord::Ed25519Key key = test_key("ed25519");
    const crypto::Sha256Digest digest = platform_crypto().sha256("");
    auto refused = [&](encord::SignatureInput input) {
        const auto p = encord::prepare_signature(input, digest, base64);
        CHECK_FALSE(p.prepared);
        return only_code(p.diagnostics);
    };
    CHECK(refused({"", "/a", 1, key.keyid}) == code::method);
    CHECK(refused({"GE T", "/a", 1, key.keyid}) == code::method);
    CHECK(refused({"GET\n", "/a", 1, key.keyid}) == code::method);
    CHECK(refused({"GET", "a", 1, key.keyid}) == code::url);
    CHECK(refused({"GET", "/a#b", 1, key.keyid}) == code::url);
    CHECK(refused({"GET", "https://h/a", 1, key.keyid}) == code::url);
    CHECK(refused({"GET", "/a", 1, ""}) == code::failed);
    CHECK(refused({"GET", "/a", 1, "ABCDEF"}) == code::failed);
    CHECK(refused({"GET", "/a", 1, "ab\";alg=\"x"}) == code::failed);
    // Other methods than Encord's are still HTTP methods.
    CHECK(encord::prepare_signature({"custom-verb", "/a", 1, key.keyid}, digest, base64).prepared);
}

TEST_CASE("encord signing: a crypto that cannot sign gives encord.sign.failed", "[encord-sign]") {
    const RefusingCrypto refusing;
    const auto s = encord::sign_request(refusing, test_key("ed25519"), "GET", "https://h/a", "", 1);
    CHECK_FALSE(s.headers);
    CHECK(only_code(s.diagnostics) == code::failed);
    CHECK(s.diagnostics[0].message == "The Ed25519 signature could not be made: the key was refused.");
}

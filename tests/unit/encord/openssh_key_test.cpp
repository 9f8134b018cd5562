// Reading Encord's keys (core/encord/openssh_key.hpp) from the test keys ssh-keygen made
// (tests/data/encord-keys/README.md), and from damaged copies of them: every refusal has its own code, and
// no input crashes the reader or shows up in a message.
#include "encord/openssh_key.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "crypto/hex.hpp"
#include "encord/signing_codes.hpp"
#include "encord_test_data.hpp"

using namespace eic;
namespace code = encord::signing_code;

namespace {

using test::platform_crypto;
using test::read_test_key;

encord::OpenSshKeyRead read_key_text(std::string_view text) {
    return encord::read_openssh_private_key(text, platform_crypto());
}

// The one diagnostic of a refused key: its code, after checking that there is no key.
std::string refusal(const encord::OpenSshKeyRead& r) {
    CHECK_FALSE(r.key);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].severity == Severity::error);
    return r.diagnostics[0].code;
}

// The binary key inside the test key's armour, and the armour around other bytes (70 base64 characters
// a line, as ssh-keygen writes).
std::string key_bytes(const std::string& name) {
    const std::string text = test::read_text_file(test::encord_key_path(name));
    const auto begin = text.find('\n') + 1;
    std::string base64;
    for (char c : text.substr(begin, text.find("-----END") - begin))
        if (c != '\n') base64 += c;
    return platform_crypto().base64_decode(base64).value();
}

std::string armour(const std::string& bytes) {
    const std::string base64 = platform_crypto().base64_encode(bytes);
    std::string text = "-----BEGIN OPENSSH PRIVATE KEY-----\n";
    for (std::size_t at = 0; at < base64.size(); at += 70) text += base64.substr(at, 70) + "\n";
    return text + "-----END OPENSSH PRIVATE KEY-----\n";
}

void put_u32(std::string& bytes, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) bytes[at + std::size_t(i)] = char((v >> (24 - 8 * i)) & 0xFF);
}

// Where the fields of an unencrypted Ed25519 key file with an 8-byte comment ("eic-test") sit
// (PROTOCOL.key): the 15-byte magic, ciphername "none" and kdfname "none" (4 + 4 each), empty kdfoptions
// (4), the key count (4), the 51-byte public key blob (4 + 51), the private section's length (4), then the
// private section: two check numbers, "ssh-ed25519" (4 + 11), the public key (4 + 32), seed || public key
// (4 + 64), the comment (4 + 8) and 5 bytes of padding to 144 bytes.
constexpr std::size_t kKeyCount = 35;
constexpr std::size_t kSection = 98;  // the first check number
constexpr std::size_t kSectionPublicKey = 125;
constexpr std::size_t kSeed = 161;
constexpr std::size_t kPairPublicKey = 193;
constexpr std::size_t kPadding = 237;
constexpr std::size_t kFileSize = 242;

// The raw public key of a `.pub` line: base64 of string "ssh-ed25519", string key (RFC 8709 section 4).
std::string pub_line_key(const std::string& name) {
    const std::string line = test::read_text_file(test::encord_key_path(name + ".pub"));
    const auto start = line.find(' ') + 1;
    const std::string blob = platform_crypto().base64_decode(line.substr(start, line.find(' ', start) - start)).value();
    REQUIRE(blob.size() == 4 + 11 + 4 + 32);
    CHECK(blob.substr(4, 11) == "ssh-ed25519");
    return blob.substr(19);
}

}  // namespace

TEST_CASE("openssh key: the test keys are read, keyid is the hex of the .pub file's key", "[openssh-key]") {
    for (const auto& [name, comment] : {std::pair<std::string, std::string>{"ed25519", "eic-test"},
                                        std::pair<std::string, std::string>{"ed25519-second", "eic-test second key"}}) {
        INFO(name);
        const auto r = read_test_key(name);
        CHECK(r.diagnostics.empty());
        REQUIRE(r.key);
        const std::string pub = pub_line_key(name);
        CHECK(std::string(r.key->public_key.begin(), r.key->public_key.end()) == pub);
        CHECK(r.key->keyid == crypto::hex_lower(pub));
        CHECK(r.key->keyid.size() == 64);
        CHECK(r.key->comment == comment);
        CHECK(r.key->seed_bytes().size() == 32);
        CHECK(r.key->seed_bytes() == std::string_view(key_bytes(name)).substr(kSeed, 32));
    }
    // The seed is the one whose public key node derived (make-vectors.mjs), as the SDK derives keyid.
    for (const auto& v : test::load_signing_vectors()) CHECK(read_test_key(v.key).key->keyid == v.keyid);
}

TEST_CASE("openssh key: line endings, a byte order mark and surrounding text do not matter", "[openssh-key]") {
    // Text around the block, another key's block among it, is ignored, as the SDK's reader ignores it.
    const std::string text = test::read_text_file(test::encord_key_path("ed25519"));
    const std::string keyid = read_key_text(text).key.value().keyid;
    std::string crlf;
    for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    std::string one_line;
    for (char c : text.substr(36)) one_line += c == '\n' ? ' ' : c;
    const std::string second = test::read_text_file(test::encord_key_path("ed25519-second"));
    for (const std::string& variant : {crlf, "\xEF\xBB\xBF" + text, "  \n" + text + "\n\n", "key:\n" + text,
                                       "-----BEGIN OPENSSH PRIVATE KEY----- " + one_line, text + second}) {
        INFO(variant);
        const auto r = read_key_text(variant);
        REQUIRE(r.key);
        CHECK(r.key->keyid == keyid);
    }
}

TEST_CASE("openssh key: a public key pasted in place of the private key", "[openssh-key]") {
    for (const char* name : {"ed25519.pub", "ed25519-second.pub", "rsa.pub", "ecdsa.pub"}) {
        INFO(name);
        const auto r = read_test_key(name);
        CHECK(refusal(r) == code::key_public);
        CHECK(r.diagnostics[0].message.find("This is the public key") == 0);
        CHECK(r.diagnostics[0].message.find("open the private key file") != std::string::npos);
    }
    CHECK(refusal(read_key_text("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----")) ==
          code::key_public);
}

TEST_CASE("openssh key: keys of another type, as the SDK says", "[openssh-key]") {
    for (const auto& [name, type] : {std::pair<const char*, const char*>{"rsa", "\"ssh-rsa\""},
                                     std::pair<const char*, const char*>{"ecdsa", "\"ecdsa-sha2-nistp256\""}}) {
        INFO(name);
        const auto r = read_test_key(name);
        CHECK(refusal(r) == code::key_type);
        const std::string& m = r.diagnostics[0].message;
        CHECK(m.find("Provided key is not an Ed25519 private key") == 0);
        CHECK(m.find(type) != std::string::npos);
        CHECK(m.find("encord/configs.py") != std::string::npos);
    }
}

TEST_CASE("openssh key: a password-protected key", "[openssh-key]") {
    const auto r = read_test_key("ed25519-password");
    CHECK(refusal(r) == code::key_encrypted);
    const std::string& m = r.diagnostics[0].message;
    CHECK(m.find("password protected (encrypted with \"aes256-ctr\")") != std::string::npos);
    CHECK(m.find("https://docs.encord.com/sdk-documentation/general-sdk/authentication-sdk") != std::string::npos);
}

TEST_CASE("openssh key: text that is not an OpenSSH private key", "[openssh-key]") {
    auto r = read_test_key("rsa-pem");
    CHECK(refusal(r) == code::key_not_openssh);
    CHECK(r.diagnostics[0].message.find("This is a PEM key (\"RSA PRIVATE KEY\"), not an OpenSSH private key") == 0);
    for (const char* text : {"", "  \n\t", "hello", "{\"type\": \"service_account\"}", "-----BEGIN PRIVATE KEY-----"}) {
        INFO(text);
        CHECK(refusal(read_key_text(text)) == code::key_not_openssh);
    }
}

TEST_CASE("openssh key: damaged files are refused as damaged", "[openssh-key]") {
    const std::string good = key_bytes("ed25519");
    REQUIRE(good.size() == kFileSize);
    REQUIRE(read_key_text(armour(good)).key);

    auto damaged = [&](std::size_t at, char value) {
        std::string bytes = good;
        bytes[at] = value;
        return armour(bytes);
    };
    std::string with_trailing = good + std::string(8, '\0');
    std::string with_bad_magic = good;
    with_bad_magic[8] = 'X';
    std::string with_kdf = good;  // kdfname "none" -> "nonf", with cipher "none"
    with_kdf[30] = 'f';
    const std::string text = test::read_text_file(test::encord_key_path("ed25519"));
    std::string bad_base64 = text;
    bad_base64[40] = '*';

    const std::vector<std::pair<const char*, std::string>> cases = {
        {"check numbers differ", damaged(kSection + 3, char(good[kSection + 3] ^ 1))},
        {"public key differs in the private part", damaged(kSectionPublicKey, char(good[kSectionPublicKey] ^ 1))},
        {"public key differs after the seed", damaged(kPairPublicKey + 31, char(good[kPairPublicKey + 31] ^ 1))},
        {"padding is not 1, 2, 3", damaged(kPadding + 2, 9)},
        {"bytes after the private part", armour(with_trailing)},
        {"no openssh-key-v1 header", armour(with_bad_magic)},
        {"a key derivation without a cipher", armour(with_kdf)},
        {"the private part is not whole blocks",
         [&] {  // 143 bytes: the last padding byte cut off
             std::string b = good.substr(0, kFileSize - 1);
             put_u32(b, kSection - 4, std::uint32_t(kFileSize - 1 - kSection));
             return armour(b);
         }()},
        {"no key",
         [&] {
             std::string b = good;
             put_u32(b, kKeyCount, 0);
             return armour(b);
         }()},
        {"not base64", bad_base64},
        {"no END line", text.substr(0, text.find("-----END"))},
        {"nothing between the lines", "-----BEGIN OPENSSH PRIVATE KEY-----\n-----END OPENSSH PRIVATE KEY-----\n"},
    };
    for (const auto& [what, input] : cases) {
        INFO(what);
        const auto r = read_key_text(input);
        CHECK(refusal(r) == code::key_corrupt);
        CHECK(r.diagnostics[0].message.find("The OpenSSH private key is damaged: ") == 0);
    }
}

TEST_CASE("openssh key: more than one key", "[openssh-key]") {
    std::string two = key_bytes("ed25519");
    put_u32(two, kKeyCount, 2);
    const auto r = read_key_text(armour(two));
    CHECK(refusal(r) == code::key_several);
    CHECK(r.diagnostics[0].message.find("The file holds 2 keys") == 0);
}

TEST_CASE("openssh key: every truncation is refused without a crash", "[openssh-key]") {
    const std::string text = test::read_text_file(test::encord_key_path("ed25519"));
    const std::size_t end_line = text.find("-----END");
    for (std::size_t n = 0; n < text.size(); ++n) {
        const auto r = read_key_text(text.substr(0, n));
        INFO(n);
        CHECK(r.key.has_value() == (n >= end_line + 33));  // whole up to the END line's last dash
        CHECK(r.diagnostics.empty() == r.key.has_value());
    }
    // The binary key cut at every byte, in sound armour: always "damaged", never a key.
    const std::string bytes = key_bytes("ed25519");
    for (std::size_t n = 0; n < bytes.size(); ++n) {
        INFO(n);
        CHECK(refusal(read_key_text(armour(bytes.substr(0, n)))) == code::key_corrupt);
    }
}

TEST_CASE("openssh key: any changed byte gives a key or one refusal, and no message quotes the key", "[openssh-key]") {
    const std::string bytes = key_bytes("ed25519");
    const std::string seed_hex = crypto::hex_lower(bytes.substr(kSeed, 32));
    const std::string base64 = platform_crypto().base64_encode(bytes);
    for (std::size_t at = 0; at < bytes.size(); ++at)
        for (unsigned char value : {0x00, 0x01, 0x80, 0xFF}) {
            std::string changed = bytes;
            changed[at] = char(value);
            const auto r = read_key_text(armour(changed));
            INFO(at << " " << int(value));
            CHECK(r.key.has_value() != (r.diagnostics.size() == 1));
            for (const auto& d : r.diagnostics) {
                CHECK(d.message.find(seed_hex) == std::string::npos);
                CHECK(d.message.find(base64.substr(100, 16)) == std::string::npos);
            }
        }
}

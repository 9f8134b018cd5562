// node's crypto module through EM_JS (https://nodejs.org/api/crypto.html: createHash, createPrivateKey, sign),
// and base64 from node's Buffer and the global atob (https://nodejs.org/api/buffer.html,
// https://nodejs.org/api/globals.html).
// The wasm test runner is built with -sENVIRONMENT=node, so `require` is there.
#ifdef __EMSCRIPTEN__
#include "node_crypto.hpp"

#include <emscripten/emscripten.h>

#include <optional>
#include <string>

// clang-format off
EM_JS(void, eic_test_node_sha256, (const char* data, int len, unsigned char* out), {
    const digest = require('crypto').createHash('sha256').update(HEAPU8.subarray(data, data + len)).digest();
    HEAPU8.set(digest, out);
});

// Writes the signature into out (up to cap bytes) and returns its length; -1 when the key cannot sign.
EM_JS(int, eic_test_node_rsa_sign, (const char* pem, int pem_len, const char* msg, int msg_len, unsigned char* out,
                                    int cap), {
    try {
        const key = new TextDecoder().decode(HEAPU8.slice(pem, pem + pem_len));
        const sig = require('crypto').sign('sha256', HEAPU8.slice(msg, msg + msg_len),
                                           { key: key, padding: require('crypto').constants.RSA_PKCS1_PADDING });
        if (sig.length > cap) return -1;
        HEAPU8.set(sig, out);
        return sig.length;
    } catch (e) {
        return -1;
    }
});

// Writes the 64-byte Ed25519 signature (RFC 8032, pure: crypto.sign with a null algorithm) into out and returns
// 64; -1 when node cannot sign. node takes a raw seed only inside a PKCS#8 PrivateKeyInfo (RFC 8410 section 7):
// the DER of an Ed25519 key is this fixed 16-byte prefix and the 32-byte seed. The seed and the key object
// are dropped when the call returns; nothing is logged.
EM_JS(int, eic_test_node_ed25519_sign, (const char* seed, const char* msg, int msg_len, unsigned char* out), {
    try {
        const c = require('crypto');
        const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'),
                                   Buffer.from(HEAPU8.slice(seed, seed + 32))]);
        const key = c.createPrivateKey({key: der, format: 'der', type: 'pkcs8'});
        der.fill(0);
        const sig = c.sign(null, HEAPU8.slice(msg, msg + msg_len), key);
        if (sig.length !== 64) return -1;
        HEAPU8.set(sig, out);
        return 64;
    } catch (e) {
        return -1;
    }
});

// Writes the base64 text of the bytes into out (4 * ceil(len / 3) characters).
EM_JS(void, eic_test_node_base64_encode, (const char* data, int len, char* out), {
    const text = Buffer.from(HEAPU8.subarray(data, data + len)).toString('base64');
    for (let i = 0; i < text.length; ++i) HEAPU8[out + i] = text.charCodeAt(i);
});

// Writes the bytes of base64 text into out (room for 3 * len / 4) and returns their count; -1 when the text
// is not base64. atob, unlike Buffer.from(s, 'base64'), refuses characters outside the alphabet
// (https://html.spec.whatwg.org/multipage/webappapis.html#dom-atob); like OpenSSL's reader, eic's, the text
// must be padded to a multiple of 4.
EM_JS(int, eic_test_node_base64_decode, (const char* text, int len, unsigned char* out), {
    if (len % 4 !== 0) return -1;
    try {
        const bytes = atob(new TextDecoder().decode(HEAPU8.slice(text, text + len)));
        for (let i = 0; i < bytes.length; ++i) HEAPU8[out + i] = bytes.charCodeAt(i);
        return bytes.length;
    } catch (e) {
        return -1;
    }
});
// clang-format on

namespace eic::test {
namespace {

class NodeCrypto final : public crypto::Crypto {
public:
    crypto::Sha256Digest sha256(std::string_view bytes) const override {
        crypto::Sha256Digest d{};
        eic_test_node_sha256(bytes.data(), int(bytes.size()), d.data());
        return d;
    }
    crypto::Signature rsa_sha256_sign(std::string_view pem, std::string_view message) const override {
        std::string out(1024, '\0');  // up to an 8192-bit key
        const int n = eic_test_node_rsa_sign(pem.data(), int(pem.size()), message.data(), int(message.size()),
                                             reinterpret_cast<unsigned char*>(out.data()), int(out.size()));
        if (n < 0) return {{}, "node's crypto could not sign with this key"};
        out.resize(std::size_t(n));
        return {std::move(out), {}};
    }
    crypto::Signature ed25519_sign(std::string_view seed, std::string_view message) const override {
        if (seed.size() != 32) return {{}, "an Ed25519 private key is 32 bytes"};
        std::string out(64, '\0');
        const int n = eic_test_node_ed25519_sign(seed.data(), message.data(), int(message.size()),
                                                 reinterpret_cast<unsigned char*>(out.data()));
        if (n != 64) return {{}, "node's crypto could not sign with this Ed25519 key"};
        return {std::move(out), {}};
    }
    std::string base64_encode(std::string_view bytes) const override {
        std::string out((bytes.size() + 2) / 3 * 4, '\0');
        eic_test_node_base64_encode(bytes.data(), int(bytes.size()), out.data());
        return out;
    }
    std::optional<std::string> base64_decode(std::string_view text) const override {
        std::string out(text.size() / 4 * 3 + 3, '\0');
        const int n =
            eic_test_node_base64_decode(text.data(), int(text.size()), reinterpret_cast<unsigned char*>(out.data()));
        if (n < 0) return std::nullopt;
        out.resize(std::size_t(n));
        return out;
    }
};

}  // namespace

const crypto::Crypto& node_crypto() {
    static const NodeCrypto c;
    return c;
}

}  // namespace eic::test
#endif

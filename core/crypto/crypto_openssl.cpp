// crypto::Crypto on OpenSSL 3's EVP interface (https://www.openssl.org/docs/man3.0/man3/EVP_Digest.html,
// https://www.openssl.org/docs/man3.0/man3/EVP_DigestSignInit.html,
// https://www.openssl.org/docs/man3.0/man3/EVP_EncodeBlock.html,
// https://www.openssl.org/docs/man3.0/man7/EVP_SIGNATURE-ED25519.html). Native only.
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <stdexcept>
#include <string>

#include "crypto/openssl.hpp"

namespace eic::crypto {
namespace {

struct BioFree {
    void operator()(BIO* p) const { BIO_free(p); }
};
struct KeyFree {
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
};

// An encrypted PEM must not make OpenSSL prompt for a pass phrase on the terminal: no pass phrase.
int no_pass_phrase(char*, int, int, void*) { return 0; }

// OpenSSL's reason for the last failure ("no start line", "bad base64 decode"): it names what is wrong
// with the input and never quotes it. The queue is cleared so the next call starts clean.
std::string last_reason() {
    const unsigned long e = ERR_peek_last_error();
    const char* reason = e ? ERR_reason_error_string(e) : nullptr;
    ERR_clear_error();
    return reason ? std::string(" (OpenSSL: ") + reason + ")" : std::string();
}

Signature failure(std::string message) { return Signature{{}, std::move(message) + last_reason()}; }

class OpenSsl final : public Crypto {
public:
    Sha256Digest sha256(std::string_view bytes) const override {
        Sha256Digest digest{};
        unsigned int size = 0;
        if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1 ||
            size != digest.size()) {
            ERR_clear_error();
            throw std::runtime_error("OpenSSL could not compute a SHA-256 digest");
        }
        return digest;
    }

    Signature rsa_sha256_sign(std::string_view pem, std::string_view message) const override {
        ERR_clear_error();
        if (pem.size() > INT_MAX) return failure("the private key is too large to be a PEM key");
        std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
        if (!bio) return failure("out of memory reading the private key");
        std::unique_ptr<EVP_PKEY, KeyFree> key(PEM_read_bio_PrivateKey(bio.get(), nullptr, no_pass_phrase, nullptr));
        if (!key)
            return failure(
                "the private key is not a PEM private key (-----BEGIN PRIVATE KEY----- ...) that can be read "
                "without a pass phrase");
        if (!EVP_PKEY_is_a(key.get(), "RSA")) return failure("the private key is not an RSA key");

        std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
        EVP_PKEY_CTX* key_ctx = nullptr;  // owned by ctx
        if (!ctx || EVP_DigestSignInit(ctx.get(), &key_ctx, EVP_sha256(), nullptr, key.get()) != 1 ||
            EVP_PKEY_CTX_set_rsa_padding(key_ctx, RSA_PKCS1_PADDING) != 1)
            return failure("OpenSSL could not set up an RSA-SHA256 signature with this key");
        const auto* data = reinterpret_cast<const unsigned char*>(message.data());
        std::size_t size = 0;
        if (EVP_DigestSign(ctx.get(), nullptr, &size, data, message.size()) != 1)
            return failure("OpenSSL could not sign with this key");
        std::string out(size, '\0');
        if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &size, data, message.size()) != 1)
            return failure("OpenSSL could not sign with this key");
        out.resize(size);
        return Signature{std::move(out), {}};
    }

    Signature ed25519_sign(std::string_view seed, std::string_view message) const override {
        ERR_clear_error();
        if (seed.size() != 32) return failure("an Ed25519 private key is 32 bytes");
        // OpenSSL copies the seed into the key, and EVP_PKEY_free wipes it.
        std::unique_ptr<EVP_PKEY, KeyFree> key(EVP_PKEY_new_raw_private_key(
            EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char*>(seed.data()), seed.size()));
        if (!key) return failure("OpenSSL could not load the Ed25519 private key");
        // Pure Ed25519 takes no digest (EVP_SIGNATURE-ED25519: the digest must be NULL) and signs in one
        // EVP_DigestSign call over the whole message.
        std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
        if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1)
            return failure("OpenSSL could not set up an Ed25519 signature with this key");
        std::string out(64, '\0');
        std::size_t size = out.size();
        if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &size,
                           reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1 ||
            size != out.size())
            return failure("OpenSSL could not sign with this Ed25519 key");
        return Signature{std::move(out), {}};
    }

    std::string base64_encode(std::string_view bytes) const override {
        // EVP_EncodeBlock takes an int length: encode in pieces of whole 3-byte groups, whose encodings
        // concatenate to the encoding of the whole.
        constexpr std::size_t kPiece = 3 * (std::size_t(1) << 20);
        std::string out;
        out.reserve((bytes.size() + 2) / 3 * 4);
        for (std::size_t at = 0; at < bytes.size(); at += kPiece) {
            const std::size_t n = std::min(kPiece, bytes.size() - at);
            std::string piece((n + 2) / 3 * 4 + 1, '\0');  // and the NUL EVP_EncodeBlock writes
            const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(piece.data()),
                                                reinterpret_cast<const unsigned char*>(bytes.data() + at), int(n));
            out.append(piece.data(), std::size_t(std::max(written, 0)));
        }
        return out;
    }

    std::optional<std::string> base64_decode(std::string_view text) const override {
        // EVP_DecodeBlock skips surrounding white space and returns the padding as zero bytes, so the text's
        // form is checked first (a multiple of 4 characters of the alphabet, '=' only as the last one or two),
        // and the padding is taken off after.
        static constexpr std::string_view kAlphabet =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        if (text.size() % 4 != 0 || text.size() > std::size_t(INT_MAX)) return std::nullopt;
        std::size_t padding = 0;
        while (padding < 2 && padding < text.size() && text[text.size() - 1 - padding] == '=') ++padding;
        if (text.substr(0, text.size() - padding).find_first_not_of(kAlphabet) != std::string_view::npos)
            return std::nullopt;
        std::string out(text.size() / 4 * 3, '\0');
        const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                      reinterpret_cast<const unsigned char*>(text.data()), int(text.size()));
        if (n < 0 || std::size_t(n) != out.size()) return std::nullopt;
        out.resize(out.size() - padding);
        return out;
    }
};

}  // namespace

const Crypto& openssl() {
    static const OpenSsl instance;
    return instance;
}

}  // namespace eic::crypto

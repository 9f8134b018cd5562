// crypto::Crypto on OpenSSL 3's EVP interface (https://www.openssl.org/docs/man3.0/man3/EVP_Digest.html,
// https://www.openssl.org/docs/man3.0/man3/EVP_DigestSignInit.html). Native only.
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

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
};

}  // namespace

const Crypto& openssl() {
    static const OpenSsl instance;
    return instance;
}

}  // namespace eic::crypto

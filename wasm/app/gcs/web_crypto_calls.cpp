#include "app/gcs/web_crypto_calls.hpp"

#include <emscripten/emscripten.h>

#include <algorithm>
#include <unordered_map>

#include "crypto/hex.hpp"

extern "C" void eic_js_cloud_crypto(double id, int op, const char* text);

namespace eic::web {

namespace {
std::unordered_map<std::uint64_t, CryptoAnswer>& waiting() {
    static std::unordered_map<std::uint64_t, CryptoAnswer> w;
    return w;
}
}  // namespace

std::uint64_t web_crypto_call(CryptoOp op, const std::string& text, CryptoAnswer answer) {
    static std::uint64_t next = 1;
    const std::uint64_t id = next++;
    waiting()[id] = std::move(answer);
    eic_js_cloud_crypto(double(id), int(op), text.c_str());
    return id;
}

void web_crypto_forget(std::uint64_t id) { waiting().erase(id); }

std::uint64_t web_sha256(const std::string& text, DigestAnswer answer) {
    return web_crypto_call(CryptoOp::sha256, text, [answer](const std::string& hex, const std::string& error) {
        const auto bytes = crypto::from_hex(hex);
        if (!error.empty() || !bytes || bytes->size() != 32) {
            answer(std::nullopt, error.empty() ? "WebCrypto gave no SHA-256 of the canonical request." : error);
            return;
        }
        crypto::Sha256Digest digest{};
        std::copy(bytes->begin(), bytes->end(), digest.begin());
        answer(digest, "");
    });
}

}  // namespace eic::web

extern "C" EMSCRIPTEN_KEEPALIVE void eic_app_crypto_answer(double id, const char* hex, const char* error) {
    auto& w = eic::web::waiting();
    auto it = w.find(std::uint64_t(id));
    if (it == w.end()) return;
    eic::web::CryptoAnswer answer = std::move(it->second);
    w.erase(it);
    answer(hex ? hex : "", error ? error : "");
}

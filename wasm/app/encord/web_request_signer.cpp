#include "app/encord/web_request_signer.hpp"

#include "app/browser_base64.hpp"
#include "app/gcs/web_crypto_calls.hpp"
#include "crypto/hex.hpp"

namespace eic::web {
namespace {
std::string base64(std::string_view bytes) { return browser_base64().base64_encode(bytes); }
}  // namespace

WebRequestSigner::~WebRequestSigner() {
    *alive_ = false;
    for (auto& [t, w] : work_)
        if (w.call) web_crypto_forget(w.call);
}

void WebRequestSigner::fail(Work& w, std::string error) {
    w.done = encord::SignedHeaders{};
    w.done->error = std::move(error);
    w.call = 0;
}

encord::RequestSigner::Ticket WebRequestSigner::start(const encord::RequestToSign& request) {
    const Ticket t = next_++;
    Work& w = work_[t];
    w.input.method = request.method;
    w.input.request_target = request.request_target;
    w.input.created = encord::created_for(request.now_posix);
    w.input.keyid = keyid_;
    std::weak_ptr<bool> alive = alive_;
    w.call = web_sha256(request.body,
                        [this, t, alive](const std::optional<crypto::Sha256Digest>& digest, const std::string& error) {
                            if (auto a = alive.lock(); a && *a) hashed(t, digest, error);
                        });
    return t;
}

void WebRequestSigner::hashed(Ticket t, const std::optional<crypto::Sha256Digest>& digest, const std::string& error) {
    auto it = work_.find(t);
    if (it == work_.end()) return;
    Work& w = it->second;
    if (!digest) return fail(w, error);
    encord::SignaturePreparation p = encord::prepare_signature(w.input, *digest, base64);
    if (!p.prepared)
        return fail(w, p.diagnostics.empty() ? "The request could not be signed." : p.diagnostics.front().message);
    w.prepared = std::move(p.prepared);
    std::weak_ptr<bool> alive = alive_;
    w.call = web_crypto_call(CryptoOp::ed25519_sign, w.prepared->signature_base,
                             [this, t, alive](const std::string& hex, const std::string& err) {
                                 if (auto a = alive.lock(); a && *a) signed_(t, hex, err);
                             });
}

void WebRequestSigner::signed_(Ticket t, const std::string& hex, const std::string& error) {
    auto it = work_.find(t);
    if (it == work_.end()) return;
    Work& w = it->second;
    const auto signature = crypto::from_hex(hex);
    if (!error.empty() || !signature || signature->size() != 64)
        return fail(w, error.empty() ? "WebCrypto gave no Ed25519 signature." : error);
    const encord::SignatureHeaders h = encord::finish_signature(*w.prepared, *signature, base64);
    w.done = encord::SignedHeaders{{{encord::kContentDigestHeader, h.content_digest},
                                    {encord::kSignatureInputHeader, h.signature_input},
                                    {encord::kSignatureHeader, h.signature}},
                                   ""};
    w.call = 0;
}

std::optional<encord::SignedHeaders> WebRequestSigner::poll(Ticket ticket) {
    auto it = work_.find(ticket);
    if (it == work_.end() || !it->second.done) return std::nullopt;
    encord::SignedHeaders out = std::move(*it->second.done);
    work_.erase(it);
    return out;
}

void WebRequestSigner::forget(Ticket ticket) {
    auto it = work_.find(ticket);
    if (it == work_.end()) return;
    if (it->second.call) web_crypto_forget(it->second.call);
    work_.erase(it);
}

}  // namespace eic::web

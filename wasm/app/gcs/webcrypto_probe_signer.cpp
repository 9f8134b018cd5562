#include "app/gcs/webcrypto_probe_signer.hpp"

#include <algorithm>

#include "app/gcs/web_crypto_calls.hpp"
#include "crypto/hex.hpp"

namespace eic::web {

WebCryptoProbeSigner::WebCryptoProbeSigner(std::string client_email, gcs::V4ProbeOptions options)
    : email_(std::move(client_email)), options_(std::move(options)) {}

WebCryptoProbeSigner::~WebCryptoProbeSigner() {
    *alive_ = false;
    for (auto& [t, w] : work_)
        if (w.call) web_crypto_forget(w.call);
}

void WebCryptoProbeSigner::fail(Work& w, std::string error) {
    gcs::ProbeRequest r;
    r.canonical_request = w.prepared.canonical_request;
    r.string_to_sign = w.prepared.string_to_sign;
    r.error = std::move(error);
    w.done = std::move(r);
    w.call = 0;
}

gcs::ProbeSigner::Ticket WebCryptoProbeSigner::start(const gcs::ProbeTarget& target, std::int64_t now_posix) {
    const Ticket t = next_++;
    Work& w = work_[t];
    w.target = target;
    gcs::V4Request request = gcs::v4_request_for(target, options_, now_posix);
    request.client_email = email_;
    auto prep = gcs::prepare_v4(request);
    if (!prep.prepared) {
        fail(w, prep.diagnostics.empty() ? "The probe could not be signed." : prep.diagnostics.front().message);
        return t;
    }
    w.prepared = std::move(*prep.prepared);
    std::weak_ptr<bool> alive = alive_;
    w.call = web_sha256(w.prepared.canonical_request,
                        [this, t, alive](const std::optional<crypto::Sha256Digest>& digest, const std::string& error) {
                            if (auto a = alive.lock(); a && *a) hashed(t, digest, error);
                        });
    return t;
}

void WebCryptoProbeSigner::hashed(Ticket t, const std::optional<crypto::Sha256Digest>& digest,
                                  const std::string& error) {
    auto it = work_.find(t);
    if (it == work_.end()) return;
    Work& w = it->second;
    if (!digest) {
        fail(w, error);
        return;
    }
    gcs::add_canonical_request_hash(w.prepared, *digest);
    std::weak_ptr<bool> alive = alive_;
    w.call = web_crypto_call(CryptoOp::rsa_sha256_sign, w.prepared.string_to_sign,
                             [this, t, alive](const std::string& sig, const std::string& err) {
                                 if (auto a = alive.lock(); a && *a) signed_(t, sig, err);
                             });
}

void WebCryptoProbeSigner::signed_(Ticket t, const std::string& hex, const std::string& error) {
    auto it = work_.find(t);
    if (it == work_.end()) return;
    Work& w = it->second;
    const auto signature = crypto::from_hex(hex);
    if (!error.empty() || !signature || signature->empty()) {
        fail(w, error.empty() ? "WebCrypto gave no signature." : error);
        return;
    }
    gcs::ProbeRequest r;
    r.canonical_request = w.prepared.canonical_request;
    r.string_to_sign = w.prepared.string_to_sign;
    r.http.method = w.target.method;
    r.http.url = gcs::finish_v4(w.prepared, *signature);
    r.http.headers = w.target.headers;
    w.done = std::move(r);
    w.call = 0;
}

std::optional<gcs::ProbeRequest> WebCryptoProbeSigner::poll(Ticket ticket) {
    auto it = work_.find(ticket);
    if (it == work_.end() || !it->second.done) return std::nullopt;
    gcs::ProbeRequest out = std::move(*it->second.done);
    work_.erase(it);
    return out;
}

void WebCryptoProbeSigner::forget(Ticket ticket) {
    auto it = work_.find(ticket);
    if (it == work_.end()) return;
    if (it->second.call) web_crypto_forget(it->second.call);
    work_.erase(it);
}

}  // namespace eic::web

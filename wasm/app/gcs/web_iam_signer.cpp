#include "app/gcs/web_iam_signer.hpp"

#include "app/browser_base64.hpp"
#include "app/gcs/web_crypto_calls.hpp"

namespace eic::web {

WebIamSigner::WebIamSigner(std::string token, net::HttpClient& http, gcs::IamSignBlobOptions options)
    : account_(options.service_account),
      v4_(options.v4),
      inner_(std::move(token), browser_base64(), http, std::move(options)) {}

WebIamSigner::~WebIamSigner() {
    *alive_ = false;
    for (auto& [t, w] : work_)
        if (w.call) web_crypto_forget(w.call);
}

gcs::ProbeSigner::Ticket WebIamSigner::start(const gcs::ProbeTarget& target, std::int64_t now_posix) {
    return begin(target, gcs::v4_request_for(target, v4_, now_posix));
}

gcs::ProbeSigner::Ticket WebIamSigner::sign(gcs::V4Request request) {
    gcs::ProbeTarget target;
    target.method = request.method;
    target.bucket = request.bucket;
    target.object = request.object;
    return begin(std::move(target), std::move(request));
}

gcs::ProbeSigner::Ticket WebIamSigner::begin(gcs::ProbeTarget target, gcs::V4Request request) {
    const Ticket t = next_++;
    Work& w = work_[t];
    w.target = std::move(target);
    request.client_email = account_;
    auto prep = gcs::prepare_v4(request);
    if (!prep.prepared) {
        w.done = gcs::ProbeRequest{};
        w.done->error =
            prep.diagnostics.empty() ? "The request could not be signed." : prep.diagnostics.front().message;
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

void WebIamSigner::hashed(Ticket t, const std::optional<crypto::Sha256Digest>& digest, const std::string& error) {
    auto it = work_.find(t);
    if (it == work_.end()) return;
    Work& w = it->second;
    w.call = 0;
    if (!digest) {
        w.done = gcs::ProbeRequest{};
        w.done->error = error;
        return;
    }
    gcs::add_canonical_request_hash(w.prepared, *digest);
    w.inner = inner_.start_prepared(w.target, w.prepared);
}

std::optional<gcs::ProbeRequest> WebIamSigner::poll(Ticket ticket) {
    auto it = work_.find(ticket);
    if (it == work_.end()) return std::nullopt;
    Work& w = it->second;
    if (!w.done && w.inner) w.done = inner_.poll(w.inner);
    if (!w.done) return std::nullopt;
    gcs::ProbeRequest out = std::move(*w.done);
    work_.erase(it);
    return out;
}

void WebIamSigner::forget(Ticket ticket) {
    auto it = work_.find(ticket);
    if (it == work_.end()) return;
    if (it->second.call) web_crypto_forget(it->second.call);
    if (it->second.inner) inner_.forget(it->second.inner);
    work_.erase(it);
}

}  // namespace eic::web

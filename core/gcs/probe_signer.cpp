#include "gcs/probe_signer.hpp"

#include "gcs/signed_url.hpp"

namespace eic::gcs {

V4ProbeSigner::V4ProbeSigner(const ServiceAccount& account, const crypto::Crypto& crypto, std::int64_t expires_s)
    : account_(account), crypto_(crypto), expires_s_(expires_s) {}

ProbeSigner::Ticket V4ProbeSigner::start(const std::string& method, const std::string& bucket,
                                         const std::string& object, std::int64_t now_posix) {
    V4Request request;
    request.method = method;
    request.bucket = bucket;
    request.object = object;
    request.expires = expires_s_;
    request.timestamp = now_posix;
    const SignedUrl signed_url = sign_url_v4(std::move(request), account_, crypto_);
    ProbeRequest out;
    if (signed_url.prepared) {
        out.canonical_request = signed_url.prepared->canonical_request;
        out.string_to_sign = signed_url.prepared->string_to_sign;
    }
    if (signed_url.url.empty()) {
        out.error =
            signed_url.diagnostics.empty() ? "The probe could not be signed." : signed_url.diagnostics.front().message;
    } else {
        out.http.method = method;
        out.http.url = signed_url.url;
    }
    const Ticket t = next_++;
    done_.emplace(t, std::move(out));
    return t;
}

std::optional<ProbeRequest> V4ProbeSigner::poll(Ticket ticket) {
    auto it = done_.find(ticket);
    if (it == done_.end()) return std::nullopt;
    ProbeRequest out = std::move(it->second);
    done_.erase(it);
    return out;
}

}  // namespace eic::gcs

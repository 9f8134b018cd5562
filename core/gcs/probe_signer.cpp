#include "gcs/probe_signer.hpp"

#include "gcs/signed_url.hpp"

namespace eic::gcs {

V4Request v4_request_for(const ProbeTarget& target, const V4ProbeOptions& options, std::int64_t now_posix) {
    V4Request request;
    request.method = target.method;
    request.bucket = target.bucket;
    request.object = target.object;
    request.query = target.query;
    request.expires = options.expires_s;
    request.timestamp = now_posix;
    request.endpoint = options.endpoint;
    return request;
}

V4ProbeSigner::V4ProbeSigner(const ServiceAccount& account, const crypto::Crypto& crypto, V4ProbeOptions options)
    : account_(account), crypto_(crypto), options_(std::move(options)) {}

ProbeSigner::Ticket ImmediateProbeSigner::start(const ProbeTarget& target, std::int64_t now_posix) {
    const Ticket t = next_++;
    done_.emplace(t, make(target, now_posix));
    return t;
}

std::optional<ProbeRequest> ImmediateProbeSigner::poll(Ticket ticket) {
    auto it = done_.find(ticket);
    if (it == done_.end()) return std::nullopt;
    ProbeRequest out = std::move(it->second);
    done_.erase(it);
    return out;
}

ProbeRequest V4ProbeSigner::make(const ProbeTarget& target, std::int64_t now_posix) {
    const SignedUrl signed_url = sign_url_v4(v4_request_for(target, options_, now_posix), account_, crypto_);
    ProbeRequest out;
    if (signed_url.prepared) {
        out.canonical_request = signed_url.prepared->canonical_request;
        out.string_to_sign = signed_url.prepared->string_to_sign;
    }
    if (signed_url.url.empty()) {
        out.error =
            signed_url.diagnostics.empty() ? "The probe could not be signed." : signed_url.diagnostics.front().message;
    } else {
        out.http.method = target.method;
        out.http.url = signed_url.url;
        out.http.headers = target.headers;
    }
    return out;
}

}  // namespace eic::gcs

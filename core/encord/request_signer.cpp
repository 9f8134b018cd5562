#include "encord/request_signer.hpp"

#include "encord/request_signing.hpp"

namespace eic::encord {

RequestSigner::Ticket ImmediateRequestSigner::start(const RequestToSign& request) {
    const Ticket t = next_++;
    done_.emplace(t, make(request));
    return t;
}

std::optional<SignedHeaders> ImmediateRequestSigner::poll(Ticket ticket) {
    auto it = done_.find(ticket);
    if (it == done_.end()) return std::nullopt;
    SignedHeaders out = std::move(it->second);
    done_.erase(it);
    return out;
}

SignedHeaders KeyRequestSigner::make(const RequestToSign& request) {
    SignedHeaders out;
    const SignedRequest s = sign_request(crypto_, key_, request.method, request.request_target, request.body,
                                         created_for(request.now_posix));
    if (!s.headers) {
        out.error = s.diagnostics.empty() ? "The request could not be signed." : s.diagnostics.front().message;
        return out;
    }
    out.headers = {{kContentDigestHeader, s.headers->content_digest},
                   {kSignatureInputHeader, s.headers->signature_input},
                   {kSignatureHeader, s.headers->signature}};
    return out;
}

SignedHeaders BearerRequestSigner::make(const RequestToSign&) {
    SignedHeaders out;
    if (token_.empty())
        out.error = "No Encord access token was given.";
    else
        out.headers = {{"Authorization", "Bearer " + token_}};
    return out;
}

}  // namespace eic::encord

// Encord v2 request signatures in the page (encord/request_signer.hpp): WebCrypto hashes the body, core
// builds the signature base (encord/request_signing.hpp's prepare_signature), WebCrypto signs it with the
// Encord key that the page's JavaScript holds as a non-extractable CryptoKey, and core writes the headers.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "encord/request_signer.hpp"
#include "encord/request_signing.hpp"

namespace eic::web {

class WebRequestSigner : public encord::RequestSigner {
public:
    explicit WebRequestSigner(std::string keyid) : keyid_(std::move(keyid)) {}
    ~WebRequestSigner() override;
    Ticket start(const encord::RequestToSign& request) override;
    std::optional<encord::SignedHeaders> poll(Ticket ticket) override;
    void forget(Ticket ticket) override;

private:
    struct Work {
        encord::SignatureInput input;
        std::optional<encord::PreparedSignature> prepared;
        std::uint64_t call = 0;  // the WebCrypto call in flight
        std::optional<encord::SignedHeaders> done;
    };
    void hashed(Ticket t, const std::optional<crypto::Sha256Digest>& digest, const std::string& error);
    void signed_(Ticket t, const std::string& hex, const std::string& error);
    void fail(Work& w, std::string error);

    std::string keyid_;
    Ticket next_ = 1;
    std::map<Ticket, Work> work_;
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);  // answers after destruction are ignored
};

}  // namespace eic::web

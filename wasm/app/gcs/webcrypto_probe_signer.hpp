// The browser's V4 probe signer (gcs/probe_signer.hpp): core prepares the canonical request
// (gcs/v4_signing.hpp), the page's WebCrypto hashes it and signs the string to sign with the open
// service-account key (held by JavaScript, never in wasm memory), and poll() answers once both promises
// have settled.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "gcs/probe_signer.hpp"
#include "gcs/v4_signing.hpp"

namespace eic::web {

class WebCryptoProbeSigner : public gcs::ProbeSigner {
public:
    // `client_email`: the open key's account (X-Goog-Credential).
    WebCryptoProbeSigner(std::string client_email, gcs::V4ProbeOptions options);
    ~WebCryptoProbeSigner() override;
    Ticket start(const gcs::ProbeTarget& target, std::int64_t now_posix) override;
    std::optional<gcs::ProbeRequest> poll(Ticket ticket) override;
    void forget(Ticket ticket) override;

private:
    struct Work {
        gcs::V4Prepared prepared;
        gcs::ProbeTarget target;
        std::uint64_t call = 0;  // the WebCrypto call in flight
        std::optional<gcs::ProbeRequest> done;
    };
    void hashed(Ticket t, const std::optional<crypto::Sha256Digest>& digest, const std::string& error);
    void signed_(Ticket t, const std::string& hex, const std::string& error);
    void fail(Work& w, std::string error);

    std::string email_;
    gcs::V4ProbeOptions options_;
    Ticket next_ = 1;
    std::map<Ticket, Work> work_;
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);  // answers after destruction are ignored
};

}  // namespace eic::web

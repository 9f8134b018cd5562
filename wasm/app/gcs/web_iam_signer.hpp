// V4 signed URLs in the page with an OAuth access token and no key: core prepares the canonical request
// (gcs/v4_signing.hpp), the page's WebCrypto hashes it, and IAM Credentials' signBlob signs the string to
// sign as the named service account (gcs/iam_sign_blob.hpp, with the browser's base64 codec). Both object
// checks (as a ProbeSigner) and the Cloud window's signed-URL tool (sign()) use it.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "gcs/iam_sign_blob.hpp"
#include "gcs/v4_request.hpp"

namespace eic::web {

class WebIamSigner : public gcs::ProbeSigner {
public:
    // `http` must outlive the signer. The token is kept in memory only.
    WebIamSigner(std::string token, net::HttpClient& http, gcs::IamSignBlobOptions options);
    ~WebIamSigner() override;
    WebIamSigner(const WebIamSigner&) = delete;
    WebIamSigner& operator=(const WebIamSigner&) = delete;

    // For the requests sent from now on: resuming after IAM refused an expired token.
    void set_token(std::string token) { inner_.set_token(std::move(token)); }

    Ticket start(const gcs::ProbeTarget& target, std::int64_t now_posix) override;
    // Any V4 request (its own method, expiry and signed headers); poll() answers with its signed URL in
    // http.url. `request.client_email` is set to the account that signs.
    Ticket sign(gcs::V4Request request);
    std::optional<gcs::ProbeRequest> poll(Ticket ticket) override;
    void forget(Ticket ticket) override;

private:
    struct Work {
        gcs::ProbeTarget target;
        gcs::V4Prepared prepared;
        std::uint64_t call = 0;  // the WebCrypto SHA-256 in flight
        Ticket inner = 0;        // the signBlob request, once hashed
        std::optional<gcs::ProbeRequest> done;
    };
    Ticket begin(gcs::ProbeTarget target, gcs::V4Request request);
    void hashed(Ticket t, const std::optional<crypto::Sha256Digest>& digest, const std::string& error);

    std::string account_;
    gcs::V4ProbeOptions v4_;  // the probes' expiry and storage endpoint
    gcs::IamSignBlobSigner inner_;
    Ticket next_ = 1;
    std::map<Ticket, Work> work_;
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);  // answers after destruction are ignored
};

}  // namespace eic::web

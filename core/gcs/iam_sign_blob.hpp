// V4 signed URLs with no private key in the browser: eic builds the canonical request and the string to
// sign (gcs/v4_signing.hpp), and IAM Credentials' signBlob signs it with a Google-managed key of the
// service account, authorised by the user's OAuth access token
// (https://cloud.google.com/iam/docs/reference/credentials/rest/v1/projects.serviceAccounts/signBlob):
//
//   POST https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/ACCOUNT:signBlob
//   Authorization: Bearer TOKEN
//   {"payload": "<base64 of the string to sign>"}   ->   {"keyId": "...", "signedBlob": "<base64>"}
//
// The `-` stands for the account's project (a project ID there is refused). The signature is
// RSASSA-PKCS1-v1_5 with SHA-256, what GOOG4-RSA-SHA256 needs; X-Goog-Signature is the lower-case hex of the
// decoded signedBlob, as python-storage (`google/cloud/storage/_signing.py`, `_sign_message`) builds it.
// The signed-in user needs `iam.serviceAccounts.signBlob` on the account (role Service Account Token
// Creator); the account needs `storage.objects.get` on the bucket.
//
// The SHA-256 of the canonical request and the base64 codec come from the platform's crypto::Crypto (in the
// browser the codec alone: the page hashes with WebCrypto and calls start_prepared()). Each
// start() sends one POST; poll() answers once IAM has. The token is held in memory only and goes into the
// Authorization header and nowhere else: no message, log, error text or URL.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "crypto/crypto.hpp"
#include "gcs/probe_signer.hpp"
#include "gcs/v4_signing.hpp"
#include "net/http.hpp"
#include "net/retry.hpp"

namespace eic::gcs {

inline constexpr const char* kIamCredentialsEndpoint = "https://iamcredentials.googleapis.com";

struct IamSignBlobOptions {
    // The service account that signs: its email (or unique ID); it becomes X-Goog-Credential's authorizer.
    std::string service_account;
    // IAM Credentials as "SCHEME://HOST[:PORT]"; empty: https://iamcredentials.googleapis.com. A stand-in:
    // "http://127.0.0.1:PORT".
    std::string endpoint;
    V4ProbeOptions v4;               // the URLs' expiry and storage endpoint
    net::RetryPolicy retry;          // for signBlob answers 408, 429, 5xx and network failures
    double timeout_s = 30;           // per signBlob request, on `steady`
    std::function<double()> steady;  // seconds, never decreasing; empty: retries go at once, no timeout
};

// ENDPOINT/v1/projects/-/serviceAccounts/ACCOUNT:signBlob.
std::string sign_blob_url(std::string_view endpoint, std::string_view service_account);

class IamSignBlobSigner : public ProbeSigner {
public:
    // `crypto` and `http` must outlive the signer.
    IamSignBlobSigner(std::string token, const crypto::Crypto& crypto, net::HttpClient& http,
                      IamSignBlobOptions options);
    // With the base64 codec alone (the browser's, whose SHA-256 is asynchronous): the caller hashes the
    // canonical request itself and starts each signature with start_prepared(); start() refuses.
    IamSignBlobSigner(std::string token, const crypto::Base64Codec& base64, net::HttpClient& http,
                      IamSignBlobOptions options);
    ~IamSignBlobSigner() override;  // aborts the signBlob requests still out
    IamSignBlobSigner(const IamSignBlobSigner&) = delete;
    IamSignBlobSigner& operator=(const IamSignBlobSigner&) = delete;

    // Replaces the token for the requests sent from now on (retries included): resuming after expiry.
    void set_token(std::string token) { token_ = std::move(token); }

    Ticket start(const ProbeTarget& target, std::int64_t now_posix) override;
    // Has IAM sign a request prepared and hashed elsewhere (prepare_v4 and add_canonical_request_hash, for
    // any V4 request: a signed-URL tool's too); poll() answers with the request to send for `target`, whose
    // URL is the signed one.
    Ticket start_prepared(const ProbeTarget& target, V4Prepared prepared);
    std::optional<ProbeRequest> poll(Ticket ticket) override;
    void forget(Ticket ticket) override;
    std::size_t pending() const { return pending_.size(); }  // tickets not handed over yet

private:
    struct Pending {
        ProbeTarget target;
        V4Prepared prepared;
        std::string body;  // the signBlob request body
        net::RequestId request = 0;
        int sends = 0;
        double sent_at = 0;
        double retry_at = 0;
        std::optional<ProbeRequest> done;
    };
    double now() const { return options_.steady ? options_.steady() : 0; }
    void send(Pending& p);
    // The probe the answer makes, or nullopt when the request goes out again.
    std::optional<ProbeRequest> on_answer(Pending& p, const net::HttpResponse& response);

    std::string token_;             // secret
    const crypto::Crypto* hasher_;  // nullptr: start_prepared() only
    const crypto::Base64Codec& base64_;
    net::HttpClient& http_;
    IamSignBlobOptions options_;
    Ticket next_ = 1;
    std::unordered_map<Ticket, Pending> pending_;
};

}  // namespace eic::gcs

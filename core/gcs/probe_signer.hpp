// Makes the HTTP request that probes one object, for gcs/object_check.hpp. Signing may be asynchronous
// (the browser's WebCrypto answers with promises), so a signer is started and then polled, like the
// transport (net/http.hpp): the job starts one per object, polls it on each step, and sends the request
// once it is there.
//
//   V4ProbeSigner (here)   signs at once with a synchronous crypto::Crypto (OpenSSL natively, node).
//   the browser's          runs prepare_v4 / add_canonical_request_hash / finish_v4 (gcs/v4_signing.hpp)
//                          around crypto.subtle.digest and .sign, and answers poll() when the promise
//                          settles.
//   IamSignBlobSigner      V4 signed URLs whose signature IAM Credentials' signBlob makes, with an OAuth
//                          access token (gcs/iam_sign_blob.hpp): no key in the browser.
//   BearerTokenProber      JSON API requests with an OAuth access token, which need no signature
//                          (gcs/json_api_prober.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "crypto/crypto.hpp"
#include "gcs/service_account.hpp"
#include "gcs/v4_request.hpp"
#include "net/http.hpp"

namespace eic::gcs {

// What to ask GCS for: an object (HEAD; a GET of a byte range), or the bucket itself (a listing page).
struct ProbeTarget {
    std::string method = "HEAD";
    std::string bucket;
    std::string object;    // raw UTF-8 name; empty: the bucket (a listing)
    NameValues query;      // request parameters (a listing's prefix, continuation-token...), raw; signed
    net::Headers headers;  // sent as they are and not signed (Range), so they may change without signing again
};

// Which GCS API the requests go to, which decides how an answer reads: the XML API's headers and XML
// error documents, or the JSON API's resources and JSON errors (https://cloud.google.com/storage/docs/apis).
enum class ProbeApi { xml, json };

struct ProbeRequest {
    net::HttpRequest http;          // empty method when signing failed
    std::string canonical_request;  // what eic signed (V4); empty for an unsigned probe
    std::string string_to_sign;
    std::string error;  // why there is no request; never quotes a key or a token
    // The access token the signer works with is missing, or was refused (401): nothing else will do until
    // the caller sets a new one (an object check then waits: ObjectCheckJob::waiting_for_token()).
    bool needs_token = false;
    bool ok() const { return error.empty(); }
};

class ProbeSigner {
public:
    using Ticket = std::uint64_t;  // 0 is none
    virtual ~ProbeSigner() = default;
    virtual ProbeApi api() const { return ProbeApi::xml; }
    // Starts making the request for `target`, valid from `now_posix` (seconds since 1970, the wall clock).
    virtual Ticket start(const ProbeTarget& target, std::int64_t now_posix) = 0;
    // The request once made, handed over once; nullopt while signing.
    virtual std::optional<ProbeRequest> poll(Ticket ticket) = 0;
    // The result of `ticket` is no longer wanted.
    virtual void forget(Ticket ticket) = 0;
};

// A signer that makes its request at once (no promise to wait for): start() calls make(), poll() hands the
// result over once. V4ProbeSigner and the JSON API's BearerTokenProber are such.
class ImmediateProbeSigner : public ProbeSigner {
public:
    Ticket start(const ProbeTarget& target, std::int64_t now_posix) final;
    std::optional<ProbeRequest> poll(Ticket ticket) final;
    void forget(Ticket ticket) final { done_.erase(ticket); }

protected:
    virtual ProbeRequest make(const ProbeTarget& target, std::int64_t now_posix) = 0;

private:
    Ticket next_ = 1;
    std::unordered_map<Ticket, ProbeRequest> done_;
};

struct V4ProbeOptions {
    // How long each URL is valid: short, as a probe is sent at once (a retry signs again).
    std::int64_t expires_s = 900;
    // "SCHEME://HOST[:PORT]"; empty: https://storage.googleapis.com. A stand-in or a private endpoint.
    std::string endpoint;
};

// The V4 signing request for a probe, path style (gcs/v4_request.hpp).
V4Request v4_request_for(const ProbeTarget& target, const V4ProbeOptions& options, std::int64_t now_posix);

// V4 signed URLs (GOOG4-RSA-SHA256), path style, made synchronously: start() signs, poll() hands the
// result over.
class V4ProbeSigner : public ImmediateProbeSigner {
public:
    // `account` and `crypto` must outlive the signer.
    V4ProbeSigner(const ServiceAccount& account, const crypto::Crypto& crypto, V4ProbeOptions options = {});

protected:
    ProbeRequest make(const ProbeTarget& target, std::int64_t now_posix) override;

private:
    const ServiceAccount& account_;
    const crypto::Crypto& crypto_;
    V4ProbeOptions options_;
};

}  // namespace eic::gcs

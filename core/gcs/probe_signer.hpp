// Makes the HTTP request that probes one object, for gcs/object_check.hpp. Signing may be asynchronous
// (the browser's WebCrypto answers with promises), so a signer is started and then polled, like the
// transport (net/http.hpp): the job starts one per object, polls it on each step, and sends the request
// once it is there.
//
//   V4ProbeSigner (here)   signs at once with a synchronous crypto::Crypto (OpenSSL natively, node).
//   the browser's          runs prepare_v4 / add_canonical_request_hash / finish_v4 (gcs/v4_signing.hpp)
//                          around crypto.subtle.digest and .sign, and answers poll() when the promise
//                          settles; an IAM signBlob signer or a JSON API bearer-token prober (which needs
//                          no signature) plug in the same way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "crypto/crypto.hpp"
#include "gcs/service_account.hpp"
#include "net/http.hpp"

namespace eic::gcs {

struct ProbeRequest {
    net::HttpRequest http;          // empty method when signing failed
    std::string canonical_request;  // what eic signed (V4); empty for an unsigned probe
    std::string string_to_sign;
    std::string error;  // why there is no request; never quotes a key
    bool ok() const { return error.empty(); }
};

class ProbeSigner {
public:
    using Ticket = std::uint64_t;  // 0 is none
    virtual ~ProbeSigner() = default;
    // Starts making a `method` ("HEAD", or "GET" to read an error body) request for the object, valid from
    // `now_posix` (seconds since 1970, the wall clock).
    virtual Ticket start(const std::string& method, const std::string& bucket, const std::string& object,
                         std::int64_t now_posix) = 0;
    // The request once made, handed over once; nullopt while signing.
    virtual std::optional<ProbeRequest> poll(Ticket ticket) = 0;
    // The result of `ticket` is no longer wanted.
    virtual void forget(Ticket ticket) = 0;
};

// V4 signed URLs (GOOG4-RSA-SHA256), path style on https://storage.googleapis.com, made synchronously:
// start() signs, poll() hands the result over.
class V4ProbeSigner : public ProbeSigner {
public:
    // `account` and `crypto` must outlive the signer. `expires_s`: how long each URL is valid; short, as a
    // probe is sent at once (retries sign again).
    V4ProbeSigner(const ServiceAccount& account, const crypto::Crypto& crypto, std::int64_t expires_s = 900);
    Ticket start(const std::string& method, const std::string& bucket, const std::string& object,
                 std::int64_t now_posix) override;
    std::optional<ProbeRequest> poll(Ticket ticket) override;
    void forget(Ticket ticket) override { done_.erase(ticket); }

private:
    const ServiceAccount& account_;
    const crypto::Crypto& crypto_;
    std::int64_t expires_s_;
    Ticket next_ = 1;
    std::unordered_map<Ticket, ProbeRequest> done_;
};

}  // namespace eic::gcs

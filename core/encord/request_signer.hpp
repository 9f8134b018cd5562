// Authenticates one Encord v2 request. Signing may be asynchronous (the browser's WebCrypto hashes and signs
// with promises), so, like gcs/probe_signer.hpp, a signer is started and then polled: the API client starts
// one per send (a retry signs again, with a fresh `created`) and sends once the headers are there.
//
//   KeyRequestSigner (here)  signs at once with a synchronous crypto::Crypto and an Ed25519 key (the CLI,
//                            the native and node tests): encord/request_signing.hpp's sign_request.
//   BearerRequestSigner      `Authorization: Bearer TOKEN` (the SDK's BearerConfig, encord/configs.py): no
//                            signature headers.
//   the browser's            prepare_signature / finish_signature around crypto.subtle.digest and .sign,
//                            with the key held by the page's JavaScript (wasm/app/encord/).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "crypto/crypto.hpp"
#include "encord/openssh_key.hpp"
#include "net/http.hpp"

namespace eic::encord {

// What is signed: the method, the request target (path and query exactly as sent) and the body bytes.
struct RequestToSign {
    std::string method;
    std::string request_target;
    std::string body;
    std::int64_t now_posix = 0;  // the wall clock at signing; `created` is 30 s before it (created_for)
};

struct SignedHeaders {
    net::Headers headers;  // to add to the request; empty on error
    std::string error;     // why there are none; never quotes a key or a token
    bool ok() const { return error.empty(); }
};

class RequestSigner {
public:
    using Ticket = std::uint64_t;  // 0 is none
    virtual ~RequestSigner() = default;
    virtual Ticket start(const RequestToSign& request) = 0;
    // The headers once made, handed over once; nullopt while signing.
    virtual std::optional<SignedHeaders> poll(Ticket ticket) = 0;
    // The result of `ticket` is no longer wanted.
    virtual void forget(Ticket ticket) = 0;
};

// A signer that answers at once: start() calls make(), poll() hands the result over once.
class ImmediateRequestSigner : public RequestSigner {
public:
    Ticket start(const RequestToSign& request) final;
    std::optional<SignedHeaders> poll(Ticket ticket) final;
    void forget(Ticket ticket) final { done_.erase(ticket); }

protected:
    virtual SignedHeaders make(const RequestToSign& request) = 0;

private:
    Ticket next_ = 1;
    std::unordered_map<Ticket, SignedHeaders> done_;
};

class KeyRequestSigner : public ImmediateRequestSigner {
public:
    // `crypto` and `key` must outlive the signer.
    KeyRequestSigner(const crypto::Crypto& crypto, const Ed25519Key& key) : crypto_(crypto), key_(key) {}

protected:
    SignedHeaders make(const RequestToSign& request) override;

private:
    const crypto::Crypto& crypto_;
    const Ed25519Key& key_;
};

class BearerRequestSigner : public ImmediateRequestSigner {
public:
    explicit BearerRequestSigner(std::string token) : token_(std::move(token)) {}
    void set_token(std::string token) { token_ = std::move(token); }

protected:
    SignedHeaders make(const RequestToSign& request) override;

private:
    std::string token_;  // secret
};

}  // namespace eic::encord

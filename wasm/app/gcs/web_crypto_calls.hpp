// SHA-256, RSA-SHA256 (with the Cloud window's open key) and Ed25519 (the Encord key) from the page's WebCrypto
// (web/web-crypto.js), whose promises answer later: a call is sent with a callback, and the answer comes back through
// eic_app_crypto_answer on a later turn of the event loop, never during the call.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "crypto/crypto.hpp"

namespace eic::web {

// hex: the lower-case hex result; error: why there is none (never quotes a key).
using CryptoAnswer = std::function<void(const std::string& hex, const std::string& error)>;

// The numbers are the page's (web/encord-console.js, eicCloud.crypto): 0 SHA-256, 1 RSA-SHA256 with the
// Cloud window's service-account key, 2 Ed25519 with the Encord window's key.
enum class CryptoOp { sha256 = 0, rsa_sha256_sign = 1, ed25519_sign = 2 };

std::uint64_t web_crypto_call(CryptoOp op, const std::string& text, CryptoAnswer answer);
// The answer to `id` is no longer wanted.
void web_crypto_forget(std::uint64_t id);

// The SHA-256 of `text` as a digest, or why there is none (the canonical request's hash, for both of the
// page's V4 signers).
using DigestAnswer = std::function<void(const std::optional<crypto::Sha256Digest>& digest, const std::string& error)>;
std::uint64_t web_sha256(const std::string& text, DigestAnswer answer);

}  // namespace eic::web

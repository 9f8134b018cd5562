// The wasm test run's crypto::Crypto: node's crypto module (createHash, createPrivateKey, sign) and base64
// codec, synchronous like OpenSSL's, so the same signing tests run natively and under node with platform
// crypto, never hand-written.
#pragma once

#ifdef __EMSCRIPTEN__
#include "crypto/crypto.hpp"

namespace eic::test {
const crypto::Crypto& node_crypto();
}  // namespace eic::test
#endif

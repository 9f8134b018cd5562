// The native implementation of crypto::Crypto, on OpenSSL 3's EVP interface (crypto_openssl.cpp). Only
// native code may call it: the file that defines it is built natively only (CMakeLists.txt links every
// *_openssl.cpp with OpenSSL and leaves it out of the wasm build).
#pragma once

#include "crypto/crypto.hpp"

namespace eic::crypto {

const Crypto& openssl();

}  // namespace eic::crypto

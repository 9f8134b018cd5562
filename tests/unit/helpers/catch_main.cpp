// The one Catch2 main for native and wasm test runs. It installs the platform's synchronous crypto first
// (crypto/crypto.hpp), as the eic CLI does: OpenSSL natively, node's crypto module under node
// (node_crypto.hpp). Tests of OpenSSL itself (*_openssl_test.cpp) are built natively only.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#ifndef __EMSCRIPTEN__
#include "crypto/openssl.hpp"
#else
#include "node_crypto.hpp"
#endif

int main(int argc, char* argv[]) {
#ifndef __EMSCRIPTEN__
    eic::crypto::install_platform(&eic::crypto::openssl());
#else
    eic::crypto::install_platform(&eic::test::node_crypto());
#endif
    return Catch::Session().run(argc, argv);
}

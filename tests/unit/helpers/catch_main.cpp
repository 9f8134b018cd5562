// The one Catch2 main for native and wasm test runs. It installs the platform's synchronous crypto first
// (crypto/crypto.hpp), as the eic CLI does: OpenSSL natively. The wasm run has none yet, so the tests that
// need a hash skip that part there, and those that sign (*_openssl_test.cpp) are built natively only.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#ifndef __EMSCRIPTEN__
#include "crypto/openssl.hpp"
#endif

int main(int argc, char* argv[]) {
#ifndef __EMSCRIPTEN__
    eic::crypto::install_platform(&eic::crypto::openssl());
#endif
    return Catch::Session().run(argc, argv);
}

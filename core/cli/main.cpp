// The native `eic` command for pipelines. Exit codes: 0 clean, 1 findings, 2 usage or I/O.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "crypto/openssl.hpp"

int main(int argc, char** argv) {
    eic::crypto::install_platform(&eic::crypto::openssl());  // `eic sign-url` signs with OpenSSL
    std::vector<std::string> args(argv + 1, argv + argc);
    return eic::cli::dispatch(args, std::cout, std::cerr);
}

// `eic sign-request`: prints the headers that sign one Encord v2 API request (encord/request_signing.hpp),
// as the design doc's CLI contract gives it:
//   eic sign-request --key ED25519_OPENSSH_FILE --method M --url URL [--body-file F] [--created UNIX]
//     [--output text|json]
// Text output is three "Name: value" lines (Content-Digest, Signature-Input, Signature); --output json is an
// object with exactly those three names as keys. --created is the integer written into Signature-Input
// (default: now minus 30 s, as Encord's SDK does); the path and query of --url are signed exactly as given.
// Exit 0 with the headers on standard output; 2 for usage errors, files that cannot be read, a key that
// cannot be used and a request that cannot be signed, with the reason on standard error. The private key is
// never printed.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "crypto/crypto.hpp"

namespace eic::cli {

// `crypto` signs (crypto::platform(): OpenSSL in the native CLI); without it the command says that this
// build cannot sign.
int run_sign_request(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                     const crypto::Crypto* crypto);

}  // namespace eic::cli

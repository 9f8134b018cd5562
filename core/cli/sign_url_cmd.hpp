// `eic sign-url`: prints a GCS V4 signed URL (GOOG4-RSA-SHA256) signed with a service-account key file,
// as the design doc's CLI contract gives it:
//   eic sign-url --key SA.json --bucket B [--object O] --method M --expires SECONDS --timestamp RFC3339
//     [--header NAME:VALUE]... [--query NAME=VALUE]... [--query-json '{"NAME":"VALUE"}'] [--scheme https|http]
//     [--endpoint SCHEME://HOST[:PORT]] [--url-style path|virtual-hosted|bucket-bound]
//     [--bucket-bound-hostname H] [--universe-domain D]
// Exit 0 with the URL on standard output; 2 for usage errors, a key file that cannot be read or used, and a
// request V4 cannot sign (an expiry over 604,800 s among them), with the reason on standard error. The
// private key is never printed.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "crypto/crypto.hpp"

namespace eic::cli {

// `crypto` signs (crypto::platform(): OpenSSL in the native CLI); without it the request is still checked,
// and the command says that this build cannot sign.
int run_sign_url(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                 const crypto::Crypto* crypto);

}  // namespace eic::cli

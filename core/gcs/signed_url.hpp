// A V4 signed URL in one synchronous call, for platforms whose crypto answers at once (OpenSSL in the CLI
// and the native tests, node's crypto module): prepare, hash, sign and finish (v4_signing.hpp) with a
// crypto::Crypto. The browser runs the same steps itself around WebCrypto's promises.
#pragma once

#include <optional>
#include <string>

#include "crypto/crypto.hpp"
#include "diag/diagnostic.hpp"
#include "gcs/service_account.hpp"
#include "gcs/v4_request.hpp"
#include "gcs/v4_signing.hpp"

namespace eic::gcs {

struct SignedUrl {
    std::string url;                     // empty when signing failed
    std::optional<V4Prepared> prepared;  // the canonical request and string to sign, for checks and debugging
    Diagnostics diagnostics;             // prepare_v4's, and gcs.sign.private-key when the key cannot sign
};

// Signs `request` as `account` (its client_email replaces request.client_email).
SignedUrl sign_url_v4(V4Request request, const ServiceAccount& account, const crypto::Crypto& crypto);

}  // namespace eic::gcs

// A Google service-account key file (JSON, as the Cloud console and `gcloud iam service-accounts keys
// create` write it: https://cloud.google.com/iam/docs/keys-create-delete). V4 signing needs two of its
// fields: `client_email`, the account that signs, and `private_key`, its RSA key as PEM (PKCS#8).
//
// The private key is a secret: it is kept in memory only as long as the caller keeps the account, and is
// never logged, never written to a file and never quoted in a diagnostic.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"

namespace eic::gcs {

// The `type` of a service-account key file (https://cloud.google.com/iam/docs/keys-create-delete).
inline constexpr std::string_view kServiceAccountType = "service_account";

struct ServiceAccount {
    std::string client_email;
    std::string private_key;  // PEM; secret
};

struct ServiceAccountRead {
    std::optional<ServiceAccount> account;  // absent when the file is not a usable key file
    Diagnostics diagnostics;                // gcs.sign.key-file, with the JSON pointer of the field at fault
};

// Reads the key file's text. Refuses text that is not a JSON object, a `type` other than
// "service_account", and a missing, empty or non-string `client_email` or `private_key`. Other fields are
// ignored. Messages name the field, never its value.
ServiceAccountRead read_service_account(std::string_view json_text);

}  // namespace eic::gcs

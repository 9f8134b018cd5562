#include "gcs/signed_url.hpp"

#include "gcs/sign_codes.hpp"

namespace eic::gcs {

SignedUrl sign_url_v4(V4Request request, const ServiceAccount& account, const crypto::Crypto& crypto) {
    SignedUrl out;
    request.client_email = account.client_email;
    V4Preparation prep = prepare_v4(request, [&crypto](std::string_view bytes) { return crypto.sha256(bytes); });
    out.diagnostics = std::move(prep.diagnostics);
    if (!prep.prepared) return out;
    crypto::Signature signature = crypto.rsa_sha256_sign(account.private_key, prep.prepared->string_to_sign);
    if (!signature.ok()) {
        out.diagnostics.push_back(
            Diagnostic::error(sign_code::private_key,
                              "The service account's private_key cannot sign: " + signature.error +
                                  ". It should be the RSA key in PEM form that Google Cloud put in the key file.")
                .at_pointer("/private_key"));
        out.prepared = std::move(prep.prepared);
        return out;
    }
    out.url = finish_v4(*prep.prepared, signature.bytes);
    out.prepared = std::move(prep.prepared);
    return out;
}

}  // namespace eic::gcs

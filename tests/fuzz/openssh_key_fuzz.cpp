// Fuzzes the OpenSSH private key reader (core/encord/openssh_key.hpp), which reads the Encord key file a
// user opens in the Encord window or passes to `eic sign-request --key`, and signing with the key it reads
// (core/encord/request_signing.hpp). Each input is read twice: as the key file's text, and as the binary
// inside the armour (base64-encoded and wrapped in BEGIN/END lines here), so that mutations reach the
// "openssh-key-v1" structure directly. Invariants: a key read has Encord's keyid (the public key in hex)
// and signs a request; no message quotes the armoured text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "crypto/hex.hpp"
#include "crypto/openssl.hpp"
#include "encord/openssh_key.hpp"
#include "encord/request_signing.hpp"
#include "fuzz_support.hpp"

using eic::fuzz::check;
namespace e = eic::encord;

namespace {

void read(std::string_view text, std::string_view armoured) {
    const eic::crypto::Crypto& crypto = eic::crypto::openssl();
    const e::OpenSshKeyRead r = e::read_openssh_private_key(text, crypto);
    check(r.key.has_value() != !r.diagnostics.empty());
    if (armoured.size() >= 16)
        for (const auto& d : r.diagnostics) check(d.message.find(armoured) == std::string::npos);
    if (!r.key) return;
    const std::string_view pub(reinterpret_cast<const char*>(r.key->public_key.data()), r.key->public_key.size());
    check(r.key->keyid == eic::crypto::hex_lower(pub) && r.key->keyid.size() == 64);
    const e::SignedRequest signed_request = e::sign_request(
        crypto, *r.key, "GET", "https://api.encord.com/v2/public/storage/folders?pageSize=100", "", 1767225600);
    check(signed_request.headers.has_value());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in = eic::fuzz::text(data, size);
    read(in, {});
    const std::string base64 = eic::crypto::openssl().base64_encode(in);
    std::string wrapped = std::string(e::kOpenSshKeyBegin) + "\n";
    for (std::size_t i = 0; i < base64.size(); i += 70) wrapped += base64.substr(i, 70) + "\n";
    wrapped += "-----END OPENSSH PRIVATE KEY-----\n";
    read(wrapped, base64);
    return 0;
}

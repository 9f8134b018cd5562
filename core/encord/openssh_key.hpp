// Encord's API keys: an Ed25519 private key in OpenSSH's own text format, the file `ssh-keygen -t ed25519`
// writes and Encord's web app downloads ("-----BEGIN OPENSSH PRIVATE KEY-----"). The SDK loads it with
// `cryptography`'s load_ssh_private_key and refuses any other key type ("Provided key is not an Ed25519
// private key": SshConfig.from_ssh_private_key in encord/configs.py of encord-team/encord-client-python);
// Encord's docs say the key must not be password protected
// (https://docs.encord.com/sdk-documentation/general-sdk/authentication-sdk).
//
// The binary format inside the base64 is OpenSSH's PROTOCOL.key ("openssh-key-v1"):
//   "openssh-key-v1\0", string ciphername, string kdfname, string kdfoptions, uint32 number of keys,
//   string public key blob, string private section
// and the private section (unencrypted, ciphername "none"):
//   uint32 checkint, uint32 checkint (equal), string key type, string public key (32 bytes),
//   string private key (64 bytes: seed || public key), string comment, padding 1, 2, 3, ... to 8 bytes
// (uint32 big-endian; string = uint32 length and the bytes; RFC 4251 section 5). Only Ed25519 keys are read
// (RFC 8709: the blob is string "ssh-ed25519", string 32-byte public key).
//
// The reader never crashes on any input and never quotes key bytes in a message.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "crypto/crypto.hpp"
#include "diag/diagnostic.hpp"

namespace eic::encord {

// The first line of an OpenSSH private key file (https://github.com/openssh/openssh-portable/blob/master/PROTOCOL.key).
inline constexpr std::string_view kOpenSshKeyBegin = "-----BEGIN OPENSSH PRIVATE KEY-----";

// An Ed25519 key pair read from an OpenSSH private key file.
struct Ed25519Key {
    // SECRET: the 32-byte private key (RFC 8032's seed). Never log it, print it, write it to a file or put
    // it in a diagnostic; pass it to crypto::Crypto::ed25519_sign only. Wiped when the key is destroyed.
    std::array<unsigned char, 32> seed{};
    std::array<unsigned char, 32> public_key{};  // raw, as in the public key blob
    std::string comment;                         // the file's comment ("user@host"), as written; may be empty
    std::string keyid;  // lower-case hex of public_key: Encord's keyid (`public_key_hex` in encord/configs.py)

    // The seed as bytes for crypto::Crypto::ed25519_sign; valid while the key lives.
    std::string_view seed_bytes() const { return {reinterpret_cast<const char*>(seed.data()), seed.size()}; }

    Ed25519Key() = default;
    Ed25519Key(const Ed25519Key&) = default;
    Ed25519Key(Ed25519Key&&) = default;
    Ed25519Key& operator=(const Ed25519Key&) = default;
    Ed25519Key& operator=(Ed25519Key&&) = default;
    ~Ed25519Key();
};

struct OpenSshKeyRead {
    std::optional<Ed25519Key> key;  // absent when the text is not a usable key
    Diagnostics diagnostics;        // one encord.key.* error (signing_codes.hpp) when there is no key
};

// Base64 (RFC 4648 section 4) from the platform: crypto::Crypto::base64_decode natively and under node, the
// JavaScript engine's atob in the browser. The base64 codec is not written by hand in core.
using Base64Decode = std::function<std::optional<std::string>(std::string_view)>;

// Reads the text of an OpenSSH private key file. Each refusal is its own code: not an OpenSSH private key
// (a PEM key of another format, any other text), a public key pasted in its place (a `.pub` line), a key
// that is not Ed25519, a password-protected key, a damaged file (bad base64, cut short, check numbers or
// public keys that disagree, bad padding, trailing bytes) and a key file with more than one key inside.
// Text around the BEGIN ... END block is ignored, and so are further blocks, as the SDK does.
OpenSshKeyRead read_openssh_private_key(std::string_view text, const Base64Decode& base64_decode);
// The same with the platform's synchronous crypto's base64 decoder.
OpenSshKeyRead read_openssh_private_key(std::string_view text, const crypto::Crypto& crypto);

}  // namespace eic::encord

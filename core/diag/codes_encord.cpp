// The codes of Encord's keys and v2 request signing (diag/code_table.hpp): encord/openssh_key.hpp and
// encord/request_signing.hpp.
#include "diag/code_table.hpp"

#define EIC_SDK_CONFIGS "SDK `encord/configs.py` (`SshConfig.from_ssh_private_key`)"
#define EIC_SDK_KEY_READER "pyca/cryptography `src/cryptography/hazmat/primitives/serialization/ssh.py`"
#define EIC_SDK_SIGNER "SDK `encord/http/v2/request_signer.py`"
#define EIC_OPENSSH_KEY_FORMAT "https://github.com/openssh/openssh-portable/blob/master/PROTOCOL.key"
#define EIC_DOCS_AUTH "https://docs.encord.com/sdk-documentation/general-sdk/authentication-sdk"

namespace eic::diag::code_table {

const std::vector<CodeInfo>& encord_codes() {
    static const std::vector<CodeInfo> codes = {
        // ---- Keys --------------------------------------------------------------------------------
        {"encord.key.not-openssh", E, fixed, kEncordSigning, "Keys",
         EIC_SDK_CONFIGS "; " EIC_SDK_KEY_READER " (\"Not OpenSSH private key format\")",
         "The key file is not an OpenSSH private key (`-----BEGIN OPENSSH PRIVATE KEY-----`): it is empty, a PEM "
         "key of another format (`RSA PRIVATE KEY`, `PRIVATE KEY`), or other text. Encord signs with an Ed25519 "
         "key in OpenSSH format, as `ssh-keygen -t ed25519` writes it and Encord's web app downloads it."},
        {"encord.key.public-key", E, fixed, kEncordSigning, "Keys", "https://docs.encord.com/docs/annotate-public-keys",
         "The text is a public key (an `ssh-ed25519 AAAA...` line of a `.pub` file, the form Encord registers), "
         "not the private key that signs. Open the private key file: the one of the same name without `.pub`."},
        {"encord.key.type", E, fixed, kEncordSigning, "Keys", EIC_SDK_CONFIGS,
         "The key is not Ed25519 (an `ssh-rsa`, `ecdsa-sha2-*` or security-key `sk-*` key). The SDK's \"Provided "
         "key is not an Ed25519 private key\": Encord's keys are Ed25519."},
        {"encord.key.encrypted", E, fixed, kEncordSigning, "Keys", EIC_DOCS_AUTH,
         "The key is password protected (its cipher is not `none`). Encord's docs say the private key must not be "
         "password protected; remove the password with `ssh-keygen -p -N \"\" -f FILE`, or create a key without "
         "one."},
        {"encord.key.corrupt", E, fixed, kEncordSigning, "Keys", EIC_OPENSSH_KEY_FORMAT "; " EIC_SDK_KEY_READER,
         "The OpenSSH private key is damaged: no END line, text that is not base64, no `openssh-key-v1` header, a "
         "field cut short, check numbers or public keys that disagree between its parts, bad padding or bytes "
         "after the key. Download or copy the key file again."},
        {"encord.key.several", E, fixed, kEncordSigning, "Keys", EIC_SDK_KEY_READER " (\"Only one key supported\")",
         "The key's header counts more than one key. The reader the SDK uses (`load_ssh_private_key`) takes a key "
         "file with one key only; export the key to sign with into a file of its own. (Several BEGIN ... END "
         "blocks in one file are not this: like the SDK, eic reads the first.)"},
        // ---- Requests ----------------------------------------------------------------------------
        {"encord.sign.method", E, fixed, kEncordSigning, "Requests", EIC_SDK_SIGNER "; RFC 9110 §9",
         "The method is empty or not an HTTP method name. It is signed upper-cased as `@method`."},
        {"encord.sign.url", E, fixed, kEncordSigning, "Requests",
         EIC_SDK_SIGNER " (`@request-target` is `path_url`); RFC 3986 §2, §5.2.4",
         "The URL is not an `http` or `https` URL with a host (or a path starting with `/`), or its path and query "
         "would not be sent as given: a character a URL cannot hold unencoded (space, non-ASCII, `\"`, `<`, `>`, "
         "`\\`, `^`, `` ` ``, `{`, `}`), a `%` without two hex digits, or a `.` or `..` segment. The path and "
         "query are signed exactly as given, so they must be exactly what is sent: give them percent-encoded."},
        {"encord.sign.failed", E, fixed, kEncordSigning, "Requests", "RFC 8032 §5.1 (Ed25519)",
         "The Ed25519 signature could not be made: the platform's crypto refused the key, or the keyid is not the "
         "hex of a public key. The message says which."},
    };
    return codes;
}

}  // namespace eic::diag::code_table

#undef EIC_SDK_CONFIGS
#undef EIC_SDK_KEY_READER
#undef EIC_SDK_SIGNER
#undef EIC_OPENSSH_KEY_FORMAT
#undef EIC_DOCS_AUTH

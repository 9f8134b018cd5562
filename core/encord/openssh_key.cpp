#include "encord/openssh_key.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "crypto/hex.hpp"
#include "encord/signing_codes.hpp"

namespace eic::encord {
namespace {

namespace code = signing_code;

constexpr std::string_view kBegin = kOpenSshKeyBegin;
constexpr std::string_view kEnd = "-----END OPENSSH PRIVATE KEY-----";
constexpr std::string_view kMagic{"openssh-key-v1\0", 15};  // PROTOCOL.key's AUTH_MAGIC, with its NUL
constexpr std::string_view kEd25519 = "ssh-ed25519";
constexpr std::size_t kBlockSize = 8;  // the private section's padding unit when it is not encrypted
// The longest padding the SDK's reader accepts (pyca/cryptography's ssh.py: 1, 2, ... 16, for the largest
// cipher block); OpenSSH writes fewer than 8 bytes for an unencrypted key.
constexpr std::size_t kMaxPadding = 16;

constexpr const char* kWhatEncordNeeds =
    "Encord signs with an Ed25519 key in OpenSSH format (\"-----BEGIN OPENSSH PRIVATE KEY-----\"), as "
    "`ssh-keygen -t ed25519` writes it and Encord's web app downloads it.";

// Overwrites secret bytes through a volatile pointer, which the compiler may not drop as a dead store.
void wipe(void* data, std::size_t size) {
    volatile unsigned char* p = static_cast<volatile unsigned char*>(data);
    while (size--) *p++ = 0;
}

// The decoded key file holds the seed: wiped however the reader returns.
struct WipedBytes {
    std::string bytes;
    ~WipedBytes() { wipe(bytes.data(), bytes.size()); }
};

// RFC 4251 section 5 fields, read from the front of `rest`; nullopt when the bytes run out.
class FieldReader {
public:
    explicit FieldReader(std::string_view bytes) : rest_(bytes) {}
    std::optional<std::uint32_t> u32() {
        if (rest_.size() < 4) return std::nullopt;
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(rest_[std::size_t(i)]);
        rest_.remove_prefix(4);
        return v;
    }
    std::optional<std::string_view> string() {
        const auto size = u32();
        if (!size || *size > rest_.size()) return std::nullopt;
        std::string_view s = rest_.substr(0, *size);
        rest_.remove_prefix(*size);
        return s;
    }
    std::string_view rest() const { return rest_; }

private:
    std::string_view rest_;
};

Diagnostic problem(const char* code, std::string message) { return Diagnostic::error(code, std::move(message)); }

Diagnostic corrupt(std::string_view what) {
    return problem(code::key_corrupt,
                   fmt::format("The OpenSSH private key is damaged: {}. Download or copy the key file again.", what));
}

// A name from the file (a key type, a cipher, a PEM label) for a message: quoted when it is short printable
// ASCII.
std::string quoted_name(std::string_view name) {
    const bool printable = !name.empty() && name.size() <= 64 &&
                           std::all_of(name.begin(), name.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
    return printable ? fmt::format("\"{}\"", name) : std::string("an unreadable name");
}

std::string_view trim(std::string_view s) {
    constexpr std::string_view kSpace = " \t\r\n";
    const auto first = s.find_first_not_of(kSpace);
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// An OpenSSH public key line ("ssh-ed25519 AAAAC3Nza... comment", authorized_keys and .pub files,
// https://man.openbsd.org/sshd.8#AUTHORIZED_KEYS_FILE_FORMAT), or a PEM or RFC 4716 public key.
bool is_public_key(std::string_view text) {
    const std::string_view type = text.substr(0, text.find(' '));
    const bool key_type = starts_with(type, "ssh-") || starts_with(type, "ecdsa-") || starts_with(type, "sk-");
    if (key_type && type.size() < text.size() && starts_with(trim(text.substr(type.size())), "AAAA")) return true;
    return starts_with(text, "---- BEGIN SSH2 PUBLIC KEY ----") || starts_with(text, "-----BEGIN PUBLIC KEY-----") ||
           starts_with(text, "-----BEGIN RSA PUBLIC KEY-----");
}

// What the text is when it has no OpenSSH private key block.
Diagnostic not_a_private_key(std::string_view text) {
    if (text.empty()) return problem(code::key_not_openssh, std::string("The key file is empty. ") + kWhatEncordNeeds);
    if (is_public_key(text))
        return problem(code::key_public,
                       "This is the public key (the line of a .pub file, which is what Encord registers); open the "
                       "private key file instead: the file of the same name without .pub, which starts with "
                       "\"-----BEGIN OPENSSH PRIVATE KEY-----\".");
    if (starts_with(text, "-----BEGIN ")) {
        const std::string_view label = text.substr(11, text.find("-----", 11) - 11);
        return problem(code::key_not_openssh, fmt::format("This is a PEM key ({}), not an OpenSSH private key. {}",
                                                          quoted_name(label), kWhatEncordNeeds));
    }
    return problem(code::key_not_openssh, std::string("This is not an OpenSSH private key. ") + kWhatEncordNeeds);
}

// The base64 between the BEGIN and END lines, without the line breaks; or the diagnostic.
struct Armour {
    std::string base64;
    std::optional<Diagnostic> problem;
};

// The first BEGIN ... END block, wherever it is: the SDK's reader (load_ssh_private_key in pyca/cryptography,
// `src/cryptography/hazmat/primitives/serialization/ssh.py`) searches for it the same way, and ignores the
// text around it, other blocks included.
Armour unarmour(std::string_view text) {
    const auto begin = text.find(kBegin);
    if (begin == std::string_view::npos) return {{}, not_a_private_key(text)};
    const std::string_view after_begin = text.substr(begin + kBegin.size());
    const auto end = after_begin.find(kEnd);
    if (end == std::string_view::npos)
        return {{}, corrupt("the \"-----END OPENSSH PRIVATE KEY-----\" line is missing, so the file is cut short")};
    Armour out;
    for (char c : after_begin.substr(0, end))
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') out.base64 += c;
    return out;
}

// The public key blob: string "ssh-ed25519", string 32-byte key (RFC 8709 section 4).
struct PublicBlob {
    std::string_view type;
    std::string_view key;  // 32 bytes when type is ssh-ed25519
};

std::optional<PublicBlob> read_public_blob(std::string_view blob) {
    FieldReader r(blob);
    const auto type = r.string();
    if (!type) return std::nullopt;
    if (*type != kEd25519) return PublicBlob{*type, {}};
    const auto key = r.string();
    if (!key || key->size() != 32 || !r.rest().empty()) return std::nullopt;
    return PublicBlob{*type, *key};
}

Diagnostic wrong_type(std::string_view type) {
    const std::string hint = starts_with(type, "sk-")
                                 ? " A security-key (FIDO) key keeps its private half on the device, so it cannot "
                                   "sign here."
                                 : "";
    return problem(code::key_type, fmt::format("Provided key is not an Ed25519 private key: it is {} (the SDK's rule, "
                                               "SshConfig.from_ssh_private_key in encord/configs.py).{} {}",
                                               quoted_name(type), hint, kWhatEncordNeeds));
}

// The unencrypted private section: two equal check numbers, the key (type, public key, seed || public key),
// the comment, and padding 1, 2, 3, ... up to a multiple of 8 bytes.
OpenSshKeyRead read_private_section(std::string_view section, std::string_view public_key) {
    OpenSshKeyRead out;
    if (section.empty() || section.size() % kBlockSize != 0) {
        out.diagnostics.push_back(corrupt("its private part is not a whole number of 8-byte blocks"));
        return out;
    }
    FieldReader r(section);
    const auto check1 = r.u32();
    const auto check2 = r.u32();
    if (!check1 || !check2 || *check1 != *check2) {
        out.diagnostics.push_back(corrupt("the two check numbers of its private part differ"));
        return out;
    }
    const auto type = r.string();
    const auto pub = r.string();
    const auto pair = r.string();  // seed || public key
    const auto comment = r.string();
    if (!type || !pub || !pair || !comment) {
        out.diagnostics.push_back(corrupt("its private part is cut short"));
        return out;
    }
    if (*type != kEd25519) {
        out.diagnostics.push_back(corrupt("the key type of its private part is not the public key's"));
        return out;
    }
    if (pub->size() != 32 || pair->size() != 64 || *pub != public_key || pair->substr(32) != public_key) {
        out.diagnostics.push_back(corrupt("the public key in its private part is not the file's public key"));
        return out;
    }
    const std::string_view padding = r.rest();
    bool padded = padding.size() <= kMaxPadding;
    for (std::size_t i = 0; padded && i < padding.size(); ++i) padded = static_cast<unsigned char>(padding[i]) == i + 1;
    if (!padded) {
        out.diagnostics.push_back(corrupt("its private part ends in bytes that are not OpenSSH's padding"));
        return out;
    }
    Ed25519Key key;
    std::copy(pair->begin(), pair->begin() + 32, key.seed.begin());
    std::copy(public_key.begin(), public_key.end(), key.public_key.begin());
    key.comment = std::string(*comment);
    key.keyid = crypto::hex_lower(public_key);
    out.key = std::move(key);
    return out;
}

}  // namespace

Ed25519Key::~Ed25519Key() { wipe(seed.data(), seed.size()); }

OpenSshKeyRead read_openssh_private_key(std::string_view text, const Base64Decode& base64_decode) {
    OpenSshKeyRead out;
    auto fail = [&out](Diagnostic d) {
        out.diagnostics.push_back(std::move(d));
        return out;
    };
    if (starts_with(text, "\xEF\xBB\xBF")) text.remove_prefix(3);  // a byte order mark from a text editor
    text = trim(text);
    Armour armour = unarmour(text);
    if (armour.problem) return fail(std::move(*armour.problem));

    if (armour.base64.empty()) return fail(corrupt("there is nothing between its BEGIN and END lines"));
    WipedBytes decoded;
    if (auto bytes = base64_decode(armour.base64)) decoded.bytes = std::move(*bytes);
    wipe(armour.base64.data(), armour.base64.size());
    if (decoded.bytes.empty()) return fail(corrupt("the text between its BEGIN and END lines is not base64"));
    if (!starts_with(decoded.bytes, kMagic))
        return fail(corrupt("it does not start with OpenSSH's \"openssh-key-v1\" header"));

    FieldReader r(std::string_view(decoded.bytes).substr(kMagic.size()));
    const auto cipher = r.string();
    const auto kdf = r.string();
    const auto kdf_options = r.string();
    const auto keys = r.u32();
    if (!cipher || !kdf || !kdf_options || !keys) return fail(corrupt("its header is cut short"));
    if (*keys == 0) return fail(corrupt("it holds no key"));
    if (*keys > 1)
        return fail(problem(code::key_several,
                            fmt::format("The file holds {} keys; Encord's SDK and eic read a file with one key only. "
                                        "Export the key to sign with into a file of its own.",
                                        *keys)));
    const auto blob = r.string();
    if (!blob) return fail(corrupt("its public key is cut short"));
    const auto pub = read_public_blob(*blob);
    if (!pub) return fail(corrupt("its public key is malformed"));
    if (pub->type != kEd25519) return fail(wrong_type(pub->type));
    if (*cipher != "none")
        return fail(problem(
            code::key_encrypted,
            fmt::format("The key is password protected (encrypted with {}). Encord's keys must not be password "
                        "protected (https://docs.encord.com/sdk-documentation/general-sdk/authentication-sdk): "
                        "remove the password with `ssh-keygen -p -N \"\" -f FILE` (it asks for the old one), or "
                        "create a key without one.",
                        quoted_name(*cipher))));
    if (*kdf != "none" || !kdf_options->empty()) return fail(corrupt("it names a key derivation but no cipher"));
    const auto section = r.string();
    if (!section) return fail(corrupt("its private part is cut short"));
    if (!r.rest().empty()) return fail(corrupt("bytes follow its private part"));
    return read_private_section(*section, pub->key);
}

OpenSshKeyRead read_openssh_private_key(std::string_view text, const crypto::Crypto& crypto) {
    return read_openssh_private_key(text, [&crypto](std::string_view b64) { return crypto.base64_decode(b64); });
}

}  // namespace eic::encord

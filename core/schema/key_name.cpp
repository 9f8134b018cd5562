#include "schema/key_name.hpp"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "schema/codes.hpp"
#include "schema/model.hpp"

namespace eic::schema {
namespace {

bool is_separator(char c) { return c == '-' || c == '_' || c == ' ' || c == '.'; }
bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Length of the UTF-8 sequence starting at s[i], or 1 for a byte that does not start a valid one.
// Strict (RFC 3629): overlong forms, surrogates and code points above U+10FFFF are not UTF-8, so an
// overlong "/" cannot pass for a possible Unicode letter.
std::size_t utf8_length(std::string_view s, std::size_t i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 1;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 1;
    if (n == 1) return 1;
    unsigned char next = static_cast<unsigned char>(s[i + 1]);
    bool overlong = c == 0xC0 || c == 0xC1 || (c == 0xE0 && next < 0xA0) || (c == 0xF0 && next < 0x90);
    bool surrogate = c == 0xED && next >= 0xA0;
    bool too_high = c > 0xF4 || (c == 0xF4 && next >= 0x90);
    return overlong || surrogate || too_high ? 1 : n;
}

// A character outside the documented set, as named in messages.
struct Offender {
    std::string label;  // "\"/\"", "\"é\"", or "byte 0xFF" for a byte that is not UTF-8
    bool non_ascii;     // a UTF-8 code point beyond ASCII: possibly a letter or digit the SDK accepts
};

struct Scan {
    std::vector<Offender> offenders;  // distinct, in order of appearance
    std::string stripped;             // the name without separators or a leading "$"
};

Scan scan(std::string_view name) {
    Scan out;
    for (std::size_t i = (name[0] == '$' ? 1 : 0); i < name.size();) {
        const std::size_t n = utf8_length(name, i);
        const char c = name[i];
        const std::string ch(name.substr(i, n));
        i += n;
        if (n == 1 && (is_ascii_alnum(c) || is_separator(c))) {
            if (!is_separator(c)) out.stripped += c;
            continue;
        }
        out.stripped += ch;  // counts as a letter for the no-alnum rule: no false error on Unicode
        Offender o{quote(ch), n > 1};
        if (n == 1 && static_cast<unsigned char>(c) >= 0x80)
            o.label = fmt::format("byte 0x{:02X}", static_cast<unsigned char>(c));  // not UTF-8
        bool seen = false;
        for (const auto& b : out.offenders) seen = seen || b.label == o.label;
        if (!seen) out.offenders.push_back(std::move(o));
    }
    return out;
}

// "a", "a and b", "a, b and c"
std::string join(const std::vector<std::string>& labels) {
    std::string list;
    for (std::size_t k = 0; k < labels.size(); ++k)
        list += (k == 0 ? "" : k + 1 == labels.size() ? " and " : ", ") + labels[k];
    return list;
}

// The character findings: one error for what Encord refuses, and for a held key a warning for
// non-ASCII characters (see KeyOrigin).
void check_characters(const std::string& shown, const std::vector<Offender>& offenders, KeyOrigin origin,
                      Diagnostics& out) {
    std::vector<std::string> refused, non_ascii;
    bool refused_non_ascii = false;  // an added key's non-ASCII: the message then says why the SDK is not enough
    for (const auto& o : offenders) {
        const bool warn_only = o.non_ascii && origin == KeyOrigin::held;
        (warn_only ? non_ascii : refused).push_back(o.label);
        refused_non_ascii = refused_non_ascii || (o.non_ascii && !warn_only);
    }
    if (!refused.empty()) {
        std::string message = fmt::format(
            "key {} contains {}, which Encord does not allow in a key: use letters A-Z and a-z, "
            "digits 0-9, space, hyphen (-), underscore (_) or period (.)",
            shown, join(refused));
        if (refused_non_ascii)
            message +=
                ". Encord's SDK accepts other Unicode letters and digits, but its documentation allows only "
                "these characters, so eic refuses them in a key you add";
        out.push_back(Diagnostic::error(code::key_character, std::move(message)));
    }
    if (!non_ascii.empty()) {
        Diagnostic d = Diagnostic::error(
            code::key_non_ascii,
            fmt::format("key {} contains {}: Encord's documentation allows only a-z, A-Z, 0-9, space, -, _ and . in "
                        "a key, but its SDK (Python's isalnum) accepts other Unicode letters and digits, so Encord "
                        "may already hold this key. eic keeps it; give new keys documented characters only",
                        shown, join(non_ascii)));
        d.severity = Severity::warning;
        out.push_back(std::move(d));
    }
}

}  // namespace

Diagnostics validate_key_name(std::string_view name, KeyOrigin origin) {
    Diagnostics out;
    if (name.empty()) {
        out.push_back(Diagnostic::error(code::key_empty, "a key needs a name: an empty key is refused by Encord"));
        return out;
    }
    const std::string shown = quote(name);
    if (name[0] == '$')
        out.push_back(Diagnostic::error(
            code::key_dollar, fmt::format("key {} starts with \"$\", which Encord reserves for its own fields; "
                                          "remove the \"$\"",
                                          shown)));

    const Scan found = scan(name);
    const std::string& stripped = found.stripped;
    check_characters(shown, found.offenders, origin, out);

    if (name[0] != '$' && stripped.empty())
        out.push_back(Diagnostic::error(code::key_no_alnum,
                                        fmt::format("key {} has no letter or digit: Encord refuses a key made only of "
                                                    "spaces, hyphens, underscores and periods",
                                                    shown)));
    if (stripped == "keyframes")
        out.push_back(Diagnostic::error(
            code::key_reserved,
            fmt::format("key {} is reserved: without its separators it reads \"keyframes\", which Encord uses for "
                        "the key frames of a video; choose another name",
                        shown)));

    if (name.front() == ' ' || name.back() == ' ') {
        Diagnostic d = Diagnostic::error(
            code::key_whitespace, fmt::format("key {} starts or ends with a space, which is easy to miss when the key "
                                              "is typed in a manifest; consider removing it",
                                              shown));
        d.severity = Severity::warning;
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace eic::schema

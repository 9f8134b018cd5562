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
std::size_t utf8_length(std::string_view s, std::size_t i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 1;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 1;
    return n;
}

Diagnostic error(const char* code, std::string message) {
    Diagnostic d;
    d.code = code;
    d.message = std::move(message);
    return d;
}

}  // namespace

Diagnostics validate_key_name(std::string_view name) {
    Diagnostics out;
    if (name.empty()) {
        out.push_back(error(code::key_empty, "a key needs a name: an empty key is refused by Encord"));
        return out;
    }
    const std::string shown = quote(name);
    if (name[0] == '$')
        out.push_back(
            error(code::key_dollar, fmt::format("key {} starts with \"$\", which Encord reserves for its own fields; "
                                                "remove the \"$\"",
                                                shown)));

    std::vector<std::string> bad;  // distinct offending characters, in order of appearance
    bool non_ascii = false;
    std::string stripped;
    for (std::size_t i = (name[0] == '$' ? 1 : 0); i < name.size();) {
        std::size_t n = utf8_length(name, i);
        std::string ch(name.substr(i, n));
        char c = name[i];
        if (n == 1 && (is_ascii_alnum(c) || is_separator(c))) {
            if (!is_separator(c)) stripped += c;
        } else {
            if (static_cast<unsigned char>(c) >= 0x80) non_ascii = true;
            std::string label = quote(ch);
            if (n == 1 && static_cast<unsigned char>(c) >= 0x80)
                label = fmt::format("byte 0x{:02X}", static_cast<unsigned char>(c));  // not UTF-8
            bool seen = false;
            for (const auto& b : bad) seen = seen || b == label;
            if (!seen) bad.push_back(label);
            stripped += ch;
        }
        i += n;
    }
    if (!bad.empty()) {
        std::string list;
        for (std::size_t k = 0; k < bad.size(); ++k)
            list += (k == 0 ? "" : k + 1 == bad.size() ? " and " : ", ") + bad[k];
        std::string message = fmt::format(
            "key {} contains {}, which Encord does not allow in a key: use letters A-Z and a-z, "
            "digits 0-9, space, hyphen (-), underscore (_) or period (.)",
            shown, list);
        if (non_ascii)
            message +=
                ". Encord's SDK lets other Unicode letters through, but its documentation allows only "
                "these characters, so eic refuses them";
        out.push_back(error(code::key_character, std::move(message)));
    }

    if (name[0] != '$' && stripped.empty())
        out.push_back(
            error(code::key_no_alnum, fmt::format("key {} has no letter or digit: Encord refuses a key made only of "
                                                  "spaces, hyphens, underscores and periods",
                                                  shown)));
    if (stripped == "keyframes")
        out.push_back(error(
            code::key_reserved,
            fmt::format("key {} is reserved: without its separators it reads \"keyframes\", which Encord uses for "
                        "the key frames of a video; choose another name",
                        shown)));

    if (name.front() == ' ' || name.back() == ' ') {
        Diagnostic d = error(code::key_whitespace,
                             fmt::format("key {} starts or ends with a space, which is easy to miss when the key "
                                         "is typed in a manifest; consider removing it",
                                         shown));
        d.severity = Severity::warning;
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace eic::schema

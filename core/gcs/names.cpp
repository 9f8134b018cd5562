#include "gcs/names.hpp"

#include <fmt/format.h>

namespace eic::gcs {
namespace {

bool is_lower_alnum(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

bool looks_like_ipv4(std::string_view s) {
    int parts = 0;
    std::size_t i = 0;
    while (i <= s.size()) {
        std::size_t j = i;
        while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
        if (j == i || j - i > 3) return false;
        ++parts;
        if (j == s.size()) break;
        if (s[j] != '.') return false;
        i = j + 1;
    }
    return parts == 4;
}

// "google" and the misspellings Google names as examples (digits for letters: g00gle, goog1e, googl3).
bool mentions_google(std::string_view s) {
    std::string folded(s);
    for (char& c : folded) {
        if (c == '0')
            c = 'o';
        else if (c == '1')
            c = 'l';
        else if (c == '3')
            c = 'e';
    }
    return folded.find("google") != std::string::npos;
}

void add(std::vector<NameIssue>& out, bool error, const char* code, std::string message) {
    out.push_back(NameIssue{error, code, std::move(message)});
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* end = p + bytes.size();
    while (p < end) {
        unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int n;
        std::uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF)
            n = 1, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF)
            n = 2, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4)
            n = 3, cp = c & 0x07;
        else
            return false;
        if (end - p <= n) return false;
        for (int i = 1; i <= n; ++i) {
            if ((p[i] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        p += n + 1;
    }
    return true;
}

std::vector<NameIssue> check_bucket_name(std::string_view name) {
    std::vector<NameIssue> out;
    bool bad_char = false, dots = false;
    for (unsigned char c : name) {
        if (c == '.')
            dots = true;
        else if (!is_lower_alnum(c) && c != '-' && c != '_')
            bad_char = true;
    }
    if (bad_char)
        add(out, true, "gcs.bucket.character",
            "A bucket name has only lower-case letters, digits, '-', '_' and '.'; check the bucket part of the URL.");
    const std::size_t max = dots ? 222 : 63;
    if (name.size() < 3 || name.size() > max)
        add(out, true, "gcs.bucket.length",
            fmt::format("A bucket name has 3 to {} characters{}; this one has {}.", max,
                        dots ? " (with dots)" : " (up to 222 with dots)", name.size()));
    auto separator = [](char c) { return c == '-' || c == '_' || c == '.'; };
    if (!name.empty() && (separator(name.front()) || separator(name.back())))
        add(out, true, "gcs.bucket.edge", "A bucket name starts and ends with a letter or a digit.");
    if (dots) {
        std::size_t start = 0;
        while (true) {
            std::size_t dot = name.find('.', start);
            std::size_t len = (dot == std::string_view::npos ? name.size() : dot) - start;
            if (len > 63) {
                add(out, true, "gcs.bucket.length",
                    "Each dot-separated part of a bucket name has at most 63 characters.");
                break;
            }
            if (dot == std::string_view::npos) break;
            start = dot + 1;
        }
        if (looks_like_ipv4(name))
            add(out, true, "gcs.bucket.ip", "A bucket name cannot be an IP address in dotted-decimal form.");
    }
    if (name.substr(0, 4) == "goog")
        add(out, true, "gcs.bucket.google", "A bucket name cannot start with \"goog\".");
    else if (mentions_google(name))
        add(out, true, "gcs.bucket.google", "A bucket name cannot contain \"google\" or a close misspelling of it.");
    if (!bad_char) {
        if (name.find('_') != std::string_view::npos || name.find("..") != std::string_view::npos ||
            name.find("-.") != std::string_view::npos || name.find(".-") != std::string_view::npos)
            add(out, false, "gcs.bucket.dns",
                "This bucket name is not DNS compatible ('_', \"..\", \"-.\" or \".-\"): some URL forms and tools "
                "cannot reach it.");
        else if (dots && out.empty())
            add(out, false, "gcs.bucket.dots",
                "A bucket name with dots needs domain verification and does not work with virtual-hosted HTTPS URLs.");
    }
    return out;
}

std::vector<NameIssue> check_object_name(std::string_view name) {
    std::vector<NameIssue> out;
    // One pass over the bytes finds which rules can apply; a plain ASCII name needs nothing else.
    bool newline = false, del = false, hash = false, wildcard = false, non_ascii = false;
    for (unsigned char c : name) {
        if (c >= 'a' && c <= 'z') continue;  // the common case first
        switch (c) {
            case '\r':
            case '\n':
                newline = true;
                break;
            case 0x7F:
                del = true;
                break;
            case '#':
                hash = true;
                break;
            case '[':
            case ']':
            case '*':
            case '?':
                wildcard = true;
                break;
            default:
                non_ascii |= c >= 0x80;
                break;
        }
    }
    if (name.empty() || name.size() > 1024) {
        add(out, true, "gcs.object.length",
            fmt::format("An object name has 1 to 1024 bytes (UTF-8); this one has {}.", name.size()));
    }
    if (non_ascii && !is_valid_utf8(name))
        add(out, true, "gcs.object.utf8", "An object name is valid UTF-8; check the percent-escapes in the URL.");
    if (newline)
        add(out, true, "gcs.object.newline", "An object name cannot contain a carriage return or a line feed.");
    if (name == "." || name == "..") add(out, true, "gcs.object.dot", "An object name cannot be \".\" or \"..\".");
    constexpr std::string_view acme = ".well-known/acme-challenge/";
    if (name.substr(0, acme.size()) == acme)
        add(out, true, "gcs.object.acme", "An object name cannot start with \".well-known/acme-challenge/\".");
    // U+007F is one byte; U+0080..U+009F are C2 80..C2 9F in UTF-8.
    bool control = del;
    for (std::size_t i = 0; non_ascii && !control && i + 1 < name.size(); ++i) {
        auto a = static_cast<unsigned char>(name[i]), b = static_cast<unsigned char>(name[i + 1]);
        if (a == 0xC2 && b >= 0x80 && b <= 0x9F && b != 0x85) control = true;
    }
    if (control)
        add(out, false, "gcs.object.control",
            "The object name has a control character (U+007F-U+009F) that breaks XML object listings; rename the "
            "object.");
    if (hash)
        add(out, false, "gcs.object.hash",
            "The object name has '#', which gcloud reads as a generation suffix; rename the object if you can.");
    if (wildcard)
        add(out, false, "gcs.object.wildcard",
            "The object name has '[', ']', '*' or '?', which gcloud and gsutil treat as wildcards; rename the object "
            "if you can.");
    return out;
}

}  // namespace eic::gcs

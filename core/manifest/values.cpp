#include "manifest/values.hpp"

#include <fmt/format.h>

#include <array>
#include <cfloat>
#include <cmath>

#include "gcs/names.hpp"
#include "manifest/codes.hpp"
#include "manifest/limits.hpp"

namespace eic::manifest {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }
int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// `lower` is in lower case, as URLs almost always are: that exact match first.
bool starts_with_nocase(std::string_view s, std::string_view lower) {
    const std::size_t n = lower.size();
    if (s.size() < n) return false;
    if (same_text(s.substr(0, n), lower)) return true;
    for (std::size_t i = 0; i < n; ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        if (c != lower[i]) return false;
    }
    return true;
}

// Parses exactly n digits at s[i..]; returns -1 if not digits.
int digits(std::string_view s, std::size_t i, std::size_t n) {
    if (i + n > s.size()) return -1;
    int v = 0;
    for (std::size_t k = 0; k < n; ++k) {
        if (!digit(s[i + k])) return -1;
        v = v * 10 + (s[i + k] - '0');
    }
    return v;
}

bool is_dot_segment(std::string_view seg) {
    auto lower = [](std::string_view s) {
        std::string out(s);
        for (char& c : out)
            if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        return out;
    };
    if (seg.empty() || seg.size() > 6) return false;
    std::string l = lower(seg);
    return l == "." || l == ".." || l == "%2e" || l == ".%2e" || l == "%2e." || l == "%2e%2e";
}

UrlIssue issue(Severity sev, const char* code, std::string message) {
    UrlIssue i;
    i.severity = sev;
    i.code = code;
    i.message = std::move(message);
    return i;
}

}  // namespace

std::uint64_t count_chars(std::string_view s) {
    std::uint64_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

bool number_in_range_slow(const json::Number& n, bool f32) {
    std::string_view t = n.text;
    std::size_t i = 0;
    if (i < t.size() && t[i] == '-') ++i;
    std::size_t int_begin = i;
    while (i < t.size() && digit(t[i])) ++i;
    std::size_t int_end = i;
    std::size_t frac_begin = i, frac_end = i;
    if (i < t.size() && t[i] == '.') {
        frac_begin = ++i;
        while (i < t.size() && digit(t[i])) ++i;
        frac_end = i;
    }
    long exp = 0;
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        bool neg = false;
        if (i < t.size() && (t[i] == '+' || t[i] == '-')) neg = t[i++] == '-';
        while (i < t.size() && digit(t[i])) {
            if (exp < 100000000) exp = exp * 10 + (t[i] - '0');
            ++i;
        }
        if (neg) exp = -exp;
    }
    // mag: 10^(mag-1) <= |x| < 10^mag
    long mag;
    std::size_t k = int_begin;
    while (k < int_end && t[k] == '0') ++k;
    if (k < int_end) {
        mag = long(int_end - k) + exp;
    } else {
        std::size_t j = frac_begin;
        while (j < frac_end && t[j] == '0') ++j;
        if (j == frac_end) return true;  // zero
        mag = -long(j - frac_begin) + exp;
    }
    const long safe = f32 ? 38 : 308;
    if (mag <= safe) return true;
    if (mag > safe + 1) return false;
    double v = 0;
    if (json::to_double(t, v) != json::Errc::none || !std::isfinite(v)) return false;
    return !f32 || std::fabs(v) <= double(FLT_MAX);
}

bool is_iso8601(std::string_view s) {
    int y = digits(s, 0, 4), mo = -1, d = -1;
    if (y < 0 || s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
    mo = digits(s, 5, 2);
    d = digits(s, 8, 2);
    if (mo < 1 || mo > 12 || d < 1) return false;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int max_day = days[mo - 1] + (mo == 2 && leap);
    if (d > max_day) return false;
    if (s.size() == 10) return true;
    char sep = s[10];
    if (sep != 'T' && sep != 't' && sep != ' ') return false;
    std::size_t i = 11;
    int h = digits(s, i, 2);
    if (h < 0 || h > 23 || i + 2 >= s.size() || s[i + 2] != ':') return false;
    int mi = digits(s, i + 3, 2);
    if (mi < 0 || mi > 59) return false;
    i += 5;
    if (i < s.size() && s[i] == ':') {
        int sec = digits(s, i + 1, 2);
        if (sec < 0 || sec > 59) return false;
        i += 3;
        if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
            std::size_t j = ++i;
            while (i < s.size() && digit(s[i])) ++i;
            if (i == j) return false;
        }
    }
    if (i == s.size()) return true;
    if ((s[i] == 'Z' || s[i] == 'z') && i + 1 == s.size()) return true;
    if (s[i] != '+' && s[i] != '-') return false;
    ++i;
    int oh = digits(s, i, 2);
    if (oh < 0 || oh > 23) return false;
    i += 2;
    if (i < s.size() && s[i] == ':') ++i;
    int om = digits(s, i, 2);
    if (om < 0 || om > 59) return false;
    return i + 2 == s.size();
}

int uuid_version(std::string_view s) {
    if (s.size() != 36) return -1;
    for (std::size_t i = 0; i < 36; ++i) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (s[i] != '-') return -1;
        } else if (hexval(s[i]) < 0) {
            return -1;
        }
    }
    return hexval(s[14]);
}

const UrlFormNote* url_form_note(UrlForm form) {
    static const UrlFormNote gs{
        code::url_gs_form,
        "gs:// URLs are accepted here, but Encord documents https://storage.cloud.google.com/BUCKET/OBJECT "
        "for GCS; prefer that form. (Noted once per file.)"};
    static const UrlFormNote googleapis{
        code::url_googleapis_form,
        "https://storage.googleapis.com/ URLs are accepted here, but Encord documents "
        "https://storage.cloud.google.com/BUCKET/OBJECT for GCS; prefer that form. (Noted once "
        "per file.)"};
    return form == UrlForm::gs ? &gs : form == UrlForm::googleapis ? &googleapis : nullptr;
}

namespace {

// The scheme and, for the https GCS forms, the host: which form a URL has and where its path starts.
UrlForm url_form(std::string_view url, std::string_view& rest) {
    static constexpr std::pair<std::string_view, UrlForm> kForms[] = {
        {"https://storage.cloud.google.com/", UrlForm::cloud_console},
        {"https://storage.googleapis.com/", UrlForm::googleapis},
        {"gs://", UrlForm::gs},
        {"https://", UrlForm::other_https},
    };
    for (const auto& [prefix, form] : kForms)
        if (starts_with_nocase(url, prefix)) {
            rest = url.substr(prefix.size());
            return form;
        }
    return UrlForm::invalid;
}

// The common URL, checked in one pass: its path (after the form's prefix) is plain ASCII with none of
// the bytes a rule looks at (whitespace and control bytes, DEL, non-ASCII, '%', '?', '#', '[', ']', '*')
// and no segment that starts with '.'. No rule but the lengths can apply to it. Fills `out` and returns
// true when the URL is such a one and passes; false sends it down the general path, which gives the
// findings (the same answer for a plain URL, as the tests pin).
bool plain_url(std::string_view url, UrlForm form, std::string_view rest, UrlCheck& out) {
    enum : std::uint8_t { kPlain = 0, kSlash = 1, kOther = 2 };
    static const auto table = [] {
        std::array<std::uint8_t, 256> t{};
        for (int c = 0; c < 256; ++c)
            if (c <= ' ' || c >= 0x7F) t[std::size_t(c)] = kOther;
        for (unsigned char c : {'%', '?', '#', '[', ']', '*'}) t[c] = kOther;
        t['/'] = kSlash;
        return t;
    }();
    const std::size_t n = rest.size();
    std::size_t first_slash = std::string_view::npos, last_slash = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint8_t k = table[static_cast<unsigned char>(rest[i])];
        if (k == kPlain) continue;
        if (k == kOther || (i + 1 < n && rest[i + 1] == '.')) return false;
        if (first_slash == std::string_view::npos) first_slash = i;
        last_slash = i;
    }
    // A bucket (or host) and an object, which is not a folder, within GCS's 1,024 bytes, and a file
    // name within Encord's limit (bytes are characters in ASCII).
    if (first_slash == std::string_view::npos || first_slash == 0 || last_slash + 1 == n) return false;
    if (n - first_slash - 1 > 1024 || n - last_slash - 1 > file_limits().max_file_name_chars) return false;
    out.form = form;
    if (form == UrlForm::other_https) {
        out.identity = url;
    } else {
        out.bucket = rest.substr(0, first_slash);
        out.identity = rest;
        out.gcs = true;
    }
    return true;
}

}  // namespace

UrlCheck analyse_url(std::string_view url, std::string& buffer) {
    UrlCheck out;
    if (url.empty()) {
        out.issues.push_back(issue(Severity::error, code::url_empty, "The URL is empty. Give the file's URL."));
        return out;
    }
    const auto& limits = file_limits();
    std::string_view rest;
    const UrlForm form = url.size() <= limits.max_url_bytes ? url_form(url, rest) : UrlForm::invalid;
    if (form != UrlForm::invalid && plain_url(url, form, rest, out)) return out;
    out.identity = url;

    // One pass classifies the bytes, so the rules that cannot apply are skipped.
    enum : std::uint8_t { kSpace = 1, kPercent = 2, kQuery = 4 };
    static const auto table = [] {
        std::array<std::uint8_t, 256> t{};
        for (unsigned char c : {' ', '\t', '\n', '\r', '\f', '\v'}) t[c] = kSpace;
        t['%'] = kPercent;
        t['?'] = t['#'] = kQuery;
        return t;
    }();
    std::uint8_t seen = 0;
    for (unsigned char c : url) seen |= table[c];
    if (seen & kSpace) {
        out.issues.push_back(issue(Severity::error, code::url_whitespace,
                                   "The URL contains whitespace, which Encord does not accept. Percent-encode it "
                                   "(a space is %20) or rename the object."));
        return out;
    }
    if (url.size() > limits.max_url_bytes) {
        out.issues.push_back(
            issue(Severity::error, code::url_too_long,
                  fmt::format("The URL has {} bytes; Encord accepts at most {}.", url.size(), limits.max_url_bytes)));
        return out;
    }
    if (form == UrlForm::invalid) {
        std::size_t colon = url.find(':');
        std::string scheme(colon == std::string_view::npos || colon > 16 ? std::string_view() : url.substr(0, colon));
        out.issues.push_back(issue(Severity::warning, code::url_scheme,
                                   scheme.empty()
                                       ? std::string("This is not a URL (no source says what Encord does with it). "
                                                     "Give https://storage.cloud.google.com/BUCKET/OBJECT (GCS) or "
                                                     "your cloud's https URL.")
                                       : fmt::format("Encord's docs give https and gs URLs; a {}: URL is not "
                                                     "documented. Use https://storage.cloud.google.com/BUCKET/OBJECT "
                                                     "(GCS) or your cloud's https URL.",
                                                     scheme)));
        return out;
    }
    out.form = form;
    const bool https = form != UrlForm::gs;
    std::string_view path = rest;  // after the scheme and, for GCS forms, the host
    if (https && (seen & kQuery)) {
        std::size_t q = path.find_first_of("?#");
        if (q != std::string_view::npos) {
            out.issues.push_back(
                issue(Severity::warning, code::url_query,
                      "The URL has a query or fragment ('?' or '#'): that part is not the object name, and "
                      "Encord signs URLs itself. Remove it, or percent-encode it (%3F, %23) if it is part "
                      "of the name."));
            path = path.substr(0, q);
        }
    }
    std::string_view host_or_bucket, object;
    {
        std::size_t slash = path.find('/');
        host_or_bucket = path.substr(0, slash);
        object = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
    }
    if (host_or_bucket.empty()) {
        out.issues.push_back(
            issue(Severity::error, code::url_no_object,
                  form == UrlForm::other_https ? "The URL has no host." : "The URL has no bucket name."));
        return out;
    }
    if (form != UrlForm::other_https) out.bucket = host_or_bucket;
    if (object.empty()) {
        out.issues.push_back(
            issue(Severity::error, code::url_no_object,
                  "The URL names no object (file). Give BUCKET/OBJECT, e.g. .../my-bucket/images/1.jpg."));
        return out;
    }
    // Dot segments: a browser (WHATWG URL) removes "." and ".." (and %2e forms), so it cannot address them.
    // A dot segment starts with '.' (or an escape): most objects have no "/." and no '%', so no
    // segment needs a look (the host's dots made `seen` useless here).
    const bool maybe_dots = (seen & kPercent) || object.front() == '.' || object.find("/.") != std::string_view::npos;
    bool dots = false;
    for (std::size_t b = 0; maybe_dots && b <= object.size();) {
        std::size_t e = object.find('/', b);
        if (e == std::string_view::npos) e = object.size();
        if (is_dot_segment(object.substr(b, e - b))) dots = true;
        b = e + 1;
    }
    if (dots)
        out.issues.push_back(issue(Severity::warning, code::url_dot_segment,
                                   "The object path has a \".\" or \"..\" segment, which browsers remove, so the file "
                                   "cannot be fetched by this URL. Rename the object."));
    // The object name: percent-decoded for https forms. The GCS identity is "BUCKET/NAME": a view into
    // the URL when nothing is decoded, else built in `buffer`.
    std::string_view name = object;
    if (https && (seen & kPercent)) {
        buffer.assign(host_or_bucket.data(), host_or_bucket.size());
        buffer += '/';
        const std::size_t name_at = buffer.size();
        for (std::size_t i = 0; i < object.size(); ++i) {
            if (object[i] != '%') {
                buffer += object[i];
                continue;
            }
            int hi = i + 2 < object.size() ? hexval(object[i + 1]) : -1, lo = hi >= 0 ? hexval(object[i + 2]) : -1;
            if (hi < 0 || lo < 0) {
                out.issues.push_back(issue(Severity::warning, code::url_bad_escape,
                                           "The URL has a '%' that is not followed by two hexadecimal digits. Write a "
                                           "literal % as %25."));
                return out;
            }
            buffer += char(hi * 16 + lo);
            i += 2;
        }
        name = std::string_view(buffer).substr(name_at);
        if (form != UrlForm::other_https) out.identity = buffer;
    } else if (form != UrlForm::other_https) {
        out.identity = path;
    }
    if (form != UrlForm::other_https) {
        out.gcs = true;
        for (auto& ni : gcs::check_object_name(name)) {
            if (dots && std::string_view(ni.code) == "gcs.object.dot") continue;
            out.issues.push_back(issue(ni.error ? Severity::error : Severity::warning, ni.code, std::move(ni.message)));
        }
    }
    if (name.back() == '/') {
        out.issues.push_back(issue(Severity::warning, code::url_folder,
                                   "The URL ends with '/', which names a folder, not a file. Name the file itself."));
    } else {
        std::size_t last = name.rfind('/');
        std::string_view file = last == std::string_view::npos ? name : name.substr(last + 1);
        const auto max = limits.max_file_name_chars;
        if (file.size() > max && count_chars(file) > max)
            out.issues.push_back(
                issue(Severity::error, code::url_file_name_too_long,
                      fmt::format("The file name has {} characters; Encord allows at most {}. Rename the "
                                  "object.",
                                  count_chars(file), max)));
    }
    return out;
}

}  // namespace eic::manifest

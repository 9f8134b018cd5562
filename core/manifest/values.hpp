// Value rules of the manifest validator, as pure functions over text, so the JSON and CSV readers
// share them and tests reach them directly.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "json/number.hpp"

namespace eic::manifest {

// Equality of short texts (member names, schema keys, URL prefixes) in a few word compares:
// string_view's == goes through memcmp, a call each (and a byte loop in wasm's libc).
inline bool same_text(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    if (n != b.size()) return false;
    auto word = [](const char* p) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        return w;
    };
    auto half = [](const char* p) {
        std::uint32_t w;
        std::memcpy(&w, p, 4);
        return w;
    };
    if (n >= 8) {
        std::size_t i = 0;
        for (; i + 8 < n; i += 8)
            if (word(a.data() + i) != word(b.data() + i)) return false;
        return word(a.data() + n - 8) == word(b.data() + n - 8);  // the last 8 bytes, overlapping
    }
    if (n >= 4) return half(a.data()) == half(b.data()) && half(a.data() + n - 4) == half(b.data() + n - 4);
    for (std::size_t i = 0; i < n; ++i)
        if (a[i] != b[i]) return false;
    return true;
}

// Code points in valid UTF-8 (bytes that are not continuation bytes).
std::uint64_t count_chars(std::string_view utf8);

// Whether a JSON number token (valid grammar) is finite as a double, or within ±FLT_MAX when f32.
// Decides from the digits and the exponent; converts only in the rare borderline case.
bool number_in_range_slow(const json::Number& n, bool f32);
inline bool number_in_range(const json::Number& n, bool f32) {
    // Without an exponent |x| < 10^(digits before the point) <= 10^38: in range even for F32.
    if (!n.exponent && n.text.size() <= 38) return true;
    return number_in_range_slow(n, f32);
}

// ISO 8601 calendar date "YYYY-MM-DD", or a date-time "YYYY-MM-DDTHH:MM[:SS[.fraction]]" with an
// optional offset "Z", "+HH:MM", "-HH:MM" or "+HHMM" ('t', 'z' and a space for 'T' accepted, as
// Python's datetime.fromisoformat does). Days are checked against the month, leap years included.
bool is_iso8601(std::string_view s);

// The version digit (0..15) of a canonical 8-4-4-4-12 hexadecimal UUID (either case), or -1.
int uuid_version(std::string_view s);

// ---- URLs -------------------------------------------------------------------------------------
// The forms of an objectUrl (Encord's SDK integration tests, encord-client-python sdk_tests, register GCP data so):
// Encord documents https://storage.cloud.google.com/BUCKET/OBJECT; gs://BUCKET/OBJECT and
// https://storage.googleapis.com/BUCKET/OBJECT are GCS forms Encord does not document; any other
// https URL is another cloud's (accepted, only the generic rules apply).
enum class UrlForm : std::uint8_t { invalid, cloud_console, googleapis, gs, other_https };

struct UrlIssue {
    Severity severity = Severity::error;
    const char* code = "";
    std::string message;
};

struct UrlCheck {
    UrlForm form = UrlForm::invalid;
    std::string_view bucket;  // GCS forms: a view into the URL; empty otherwise
    // What makes two URLs the same file, so gs:// and https:// spellings of one object match: for the
    // GCS forms (gcs = true) "BUCKET/OBJECT" with the object name percent-decoded, otherwise the URL
    // itself. A view into the URL or into the caller's buffer; empty when the URL is not usable.
    std::string_view identity;
    bool gcs = false;
    std::vector<UrlIssue> issues;
};

// Checks one URL: no whitespace, at most 16,384 bytes, a known scheme, a bucket and an object, valid
// percent-escapes, no "." or ".." path segments (a browser removes them, so the object cannot be
// fetched), the object name rules (gcs/names.hpp) and the file name length (its last segment, at most
// 300 characters). Bucket name rules are left to the caller (they repeat for every URL of a bucket),
// and so is the note on the gs:// and googleapis forms (worth saying once per file: url_form_note).
// `buffer` holds a decoded identity; reuse it between calls.
UrlCheck analyse_url(std::string_view url, std::string& buffer);

// The finding for a GCS form Encord does not document (gs://, storage.googleapis.com), or null.
struct UrlFormNote {
    const char* code;
    const char* message;
};
const UrlFormNote* url_form_note(UrlForm form);

}  // namespace eic::manifest

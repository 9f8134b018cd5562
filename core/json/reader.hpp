// A strict RFC 8259 JSON reader that pushes events to a handler, with the byte offset of every token.
//
// Built for two jobs: small documents read into a DOM with positions (positioned.hpp), and 1 GB import
// manifests validated in wasm, where the whole input is one buffer. Hence: no recursion (depth is
// bounded by ReadOptions, never by the machine stack), no allocation per token, strings without
// escapes passed as views into the input, numbers passed as raw text (convert with number.hpp).
//
// A handler is any type with these members (the template inlines them, and a hot handler may force
// that with EIC_JSON_INLINE, since the loop is large; VirtualHandler is the
// convenient, slower alternative). Returning false stops the parse (ReadResult::stopped).
//   bool begin_object(std::size_t offset);   bool end_object(std::size_t offset);
//   bool begin_array(std::size_t offset);    bool end_array(std::size_t offset);
//   bool key(std::string_view name, std::size_t offset);      // decoded; offset of the opening quote
//   bool string(std::string_view value, std::size_t offset);  // decoded; offset of the opening quote
//   bool number(const Number& n, std::size_t offset);
//   bool boolean(bool value, std::size_t offset);
//   bool null(std::size_t offset);
// Offsets are of the token's first byte ('{', '}', '"', ...). Decoded strings with escapes live in a
// buffer the next string reuses: copy a view that must outlive the callback.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "json/error.hpp"
#include "json/number.hpp"
#include "json/scan.hpp"

namespace eic::json {

struct ReadOptions {
    std::size_t max_depth = 512;  // containers open at once; one more is json.depth
    // 0: read to the end in one call. Otherwise the read returns paused once about this many bytes are
    // behind it (at the end of a container), and Reader::resume continues; the handler sees the same
    // events as in one call. Why: wasm engines have no on-stack replacement, so one long call stays in
    // the baseline tier for the whole input (2-3x slower in V8); short calls pick up optimised code.
    std::size_t pause_every = 0;
};

struct ReadResult {
    Error error;           // Errc::none unless the input is not valid JSON
    bool stopped = false;  // a handler returned false; the input was valid up to there
    bool paused = false;   // ReadOptions::pause_every: valid so far, Reader::resume continues
    bool ok() const { return !stopped && !paused && error.errc == Errc::none; }
};

class VirtualHandler {
public:
    virtual ~VirtualHandler() = default;
    virtual bool begin_object(std::size_t) { return true; }
    virtual bool end_object(std::size_t) { return true; }
    virtual bool begin_array(std::size_t) { return true; }
    virtual bool end_array(std::size_t) { return true; }
    virtual bool key(std::string_view, std::size_t) { return true; }
    virtual bool string(std::string_view, std::size_t) { return true; }
    virtual bool number(const Number&, std::size_t) { return true; }
    virtual bool boolean(bool, std::size_t) { return true; }
    virtual bool null(std::size_t) { return true; }
};

namespace detail {

// What the reader expected when it met an unexpected byte or the end of the input; picks the message.
enum class Site : std::uint8_t {
    value_top,
    value_first_element,  // after '['
    value_after_comma,    // after ',' in an array
    value_after_colon,
    member_first,  // after '{'
    member_after_comma,
    colon,
    after_member,   // ',' or '}'
    after_element,  // ',' or ']'
    number_after_minus,
    number_leading_zero,
    number_fraction,
    number_exponent,
    literal,
    trailing,
};

// Cold paths, out of line so the hot loop stays small.
Error site_error(Site site, const char* base, const char* p, const char* end);
Error depth_error(const char* base, const char* p, std::size_t max_depth);
Error empty_error();
// Continues a string whose body starts at `body` from `p`, the first byte skip_plain_string stopped at.
// Returns the byte after the closing quote, or nullptr with `err` set.
const char* read_string_slow(const char* base, const char* body, const char* p, const char* end, std::string& buf,
                             std::string_view& out, Error& err);

EIC_JSON_INLINE const char* read_string(const char* base, const char* body, const char* end, std::string& buf,
                                        std::string_view& out, Error& err) {
    const char* p = skip_plain_string(body, end);
    if (p < end && *p == '"') {
        out = std::string_view(body, std::size_t(p - body));
        return p + 1;
    }
    return read_string_slow(base, body, p, end, buf, out, err);
}

// Validates number grammar starting at p (a '-' or a digit). Returns the byte after the number.
EIC_JSON_INLINE const char* scan_number(const char* base, const char* p, const char* end, Number& n, Error& err) {
    const char* start = p;
    bool integer = true;
    if (*p == '-') {
        ++p;
        if (p == end || !is_digit(*p)) {
            err = site_error(Site::number_after_minus, base, p, end);
            return nullptr;
        }
    }
    if (*p == '0') {
        ++p;
        if (p < end && is_digit(*p)) {
            err = site_error(Site::number_leading_zero, base, p, end);
            return nullptr;
        }
    } else {
        p = skip_digits(p + 1, end);
    }
    if (p < end && *p == '.') {
        integer = false;
        ++p;
        if (p == end || !is_digit(*p)) {
            err = site_error(Site::number_fraction, base, p, end);
            return nullptr;
        }
        p = skip_digits(p + 1, end);
    }
    bool exponent = false;
    if (p < end && (*p | 0x20) == 'e') {  // 'e' or 'E'
        integer = false;
        exponent = true;
        ++p;
        if (p < end && (*p == '+' || *p == '-')) ++p;
        if (p == end || !is_digit(*p)) {
            err = site_error(Site::number_exponent, base, p, end);
            return nullptr;
        }
        p = skip_digits(p + 1, end);
    }
    n.text = std::string_view(start, std::size_t(p - start));
    n.integer = integer;
    n.negative = *start == '-';
    n.exponent = exponent;
    return p;
}

}  // namespace detail

// Holds the buffers a parse needs, so many parses can reuse them.
class Reader {
public:
    template <class Handler>
    ReadResult read(std::string_view bytes, Handler& h, const ReadOptions& options = {});
    // After a paused result: continues the same read (same bytes, handler and options).
    template <class Handler>
    ReadResult resume(std::string_view bytes, Handler& h, const ReadOptions& options = {}) {
        return run(bytes, bytes.data() + resume_at_, true, h, options);
    }

private:
    template <class Handler>
    ReadResult run(std::string_view bytes, const char* p, bool resuming, Handler& h, const ReadOptions& options);

    std::string buf_;                  // decoded strings with escapes
    std::vector<std::uint8_t> stack_;  // open containers, innermost last
    std::size_t resume_at_ = 0;        // where a paused read continues
};

template <class Handler>
ReadResult read(std::string_view bytes, Handler& h, const ReadOptions& options = {}) {
    Reader r;
    return r.read(bytes, h, options);
}

// Same, through virtual calls; compiled once in reader.cpp.
ReadResult read(std::string_view bytes, VirtualHandler& h, const ReadOptions& options = {});

template <class Handler>
ReadResult Reader::read(std::string_view bytes, Handler& h, const ReadOptions& options) {
    const char* p = bytes.data();
    const char* const end = p + bytes.size();
    if (bytes.size() >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
    p = detail::skip_ws(p, end);
    if (p == end) {
        ReadResult r;
        r.error = detail::empty_error();
        return r;
    }
    stack_.clear();
    return run(bytes, p, false, h, options);
}

template <class Handler>
ReadResult Reader::run(std::string_view bytes, const char* p, bool resuming, Handler& h, const ReadOptions& options) {
    using namespace detail;
    enum : std::uint8_t { kArray = 0, kObject = 1 };
    ReadResult r;
    const char* const base = bytes.data();
    const char* const end = base + bytes.size();
    auto off = [base](const char* at) { return std::size_t(at - base); };
    // One compare per closed container: p never passes end, so without pausing the limit is end.
    const char* const pause_after =
        options.pause_every && options.pause_every < std::size_t(end - p) ? p + options.pause_every : end;
    Site site = Site::value_top;  // only read on the error path
    if (resuming) goto after_value;

value:  // p < end, at the first byte of a value
    switch (*p) {
        case '"': {
            std::string_view s;
            const char* q = read_string(base, p + 1, end, buf_, s, r.error);
            if (!q) return r;
            if (!h.string(s, off(p))) goto stopped;
            p = q;
            goto after_value;
        }
        case '-':
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7':
        case '8':
        case '9':
        number : {
            Number n;
            const char* q = scan_number(base, p, end, n, r.error);
            if (!q) return r;
            if (!h.number(n, off(p))) goto stopped;
            p = q;
            // Arrays of numbers (embeddings) are most of a manifest's tokens: straight on to the next.
            if (p < end && *p == ',') {
                const char* v = skip_ws(p + 1, end);
                if (v < end && (is_digit(*v) || *v == '-') && !stack_.empty() && stack_.back() == kArray) {
                    p = v;
                    goto number;
                }
            }
            goto after_value;
        }
        case '{':
            if (stack_.size() >= options.max_depth) {
                r.error = depth_error(base, p, options.max_depth);
                return r;
            }
            if (!h.begin_object(off(p))) goto stopped;
            stack_.push_back(kObject);
            p = skip_ws(p + 1, end);
            if (p < end && *p == '}') {
                if (!h.end_object(off(p))) goto stopped;
                stack_.pop_back();
                ++p;
                goto after_value;
            }
            site = Site::member_first;
            goto member;
        case '[':
            if (stack_.size() >= options.max_depth) {
                r.error = depth_error(base, p, options.max_depth);
                return r;
            }
            if (!h.begin_array(off(p))) goto stopped;
            stack_.push_back(kArray);
            p = skip_ws(p + 1, end);
            if (p < end && *p == ']') {
                if (!h.end_array(off(p))) goto stopped;
                stack_.pop_back();
                ++p;
                goto after_value;
            }
            site = Site::value_first_element;
            if (p == end) break;
            goto value;
        case 't':
            if (end - p >= 4 && std::memcmp(p, "true", 4) == 0) {
                if (!h.boolean(true, off(p))) goto stopped;
                p += 4;
                goto after_value;
            }
            site = Site::literal;
            break;
        case 'f':
            if (end - p >= 5 && std::memcmp(p, "false", 5) == 0) {
                if (!h.boolean(false, off(p))) goto stopped;
                p += 5;
                goto after_value;
            }
            site = Site::literal;
            break;
        case 'n':
            if (end - p >= 4 && std::memcmp(p, "null", 4) == 0) {
                if (!h.null(off(p))) goto stopped;
                p += 4;
                goto after_value;
            }
            site = Site::literal;
            break;
        default:
            break;
    }
    r.error = site_error(site, base, p, end);
    return r;

member:  // expecting a member name at p
    if (p == end || *p != '"') {
        r.error = site_error(site, base, p, end);
        return r;
    }
    {
        std::string_view s;
        const char* q = read_string(base, p + 1, end, buf_, s, r.error);
        if (!q) return r;
        if (!h.key(s, off(p))) goto stopped;
        p = skip_ws(q, end);
    }
    if (p == end || *p != ':') {
        r.error = site_error(Site::colon, base, p, end);
        return r;
    }
    p = skip_ws(p + 1, end);
    site = Site::value_after_colon;
    if (p == end) {
        r.error = site_error(site, base, p, end);
        return r;
    }
    goto value;

after_value:
    p = skip_ws(p, end);
    if (stack_.empty()) {
        if (p != end) r.error = site_error(Site::trailing, base, p, end);
        return r;
    }
    if (stack_.back() == kObject) {
        if (p < end && *p == ',') {
            p = skip_ws(p + 1, end);
            site = Site::member_after_comma;
            goto member;
        }
        if (p < end && *p == '}') {
            if (!h.end_object(off(p))) goto stopped;
            stack_.pop_back();
            ++p;
            if (p > pause_after) goto paused;
            goto after_value;
        }
        r.error = site_error(Site::after_member, base, p, end);
        return r;
    }
    if (p < end && *p == ',') {
        p = skip_ws(p + 1, end);
        site = Site::value_after_comma;
        if (p == end) {
            r.error = site_error(site, base, p, end);
            return r;
        }
        goto value;
    }
    if (p < end && *p == ']') {
        if (!h.end_array(off(p))) goto stopped;
        stack_.pop_back();
        ++p;
        if (p > pause_after) goto paused;
        goto after_value;
    }
    r.error = site_error(Site::after_element, base, p, end);
    return r;

stopped:
    r.stopped = true;
    return r;

paused:
    resume_at_ = off(p);
    r.paused = true;
    return r;
}

}  // namespace eic::json

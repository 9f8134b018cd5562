// The reader's cold paths: error messages, escapes, UTF-8 validation. The hot loop is in reader.hpp.
#include "json/reader.hpp"

#include <cstdio>

namespace eic::json {

namespace detail {

namespace {

Error make(Errc e, const char* base, const char* at, std::string message) {
    Error err;
    err.errc = e;
    err.offset = std::size_t(at - base);
    err.message = std::move(message);
    return err;
}

// Length of the well-formed UTF-8 sequence at p (RFC 3629 table), 0 if ill-formed, -1 if the input
// ends before a sequence that is well-formed so far is complete. `why` explains a 0.
int utf8_length(const unsigned char* p, const unsigned char* end, const char** why) {
    unsigned char c = p[0];
    int n;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c < 0x80) return 1;
    if (c < 0xC2) {
        *why = c < 0xC0 ? "a continuation byte without a leading byte" : "an overlong encoding";
        return 0;
    }
    if (c < 0xE0) {
        n = 2;
    } else if (c < 0xF0) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c < 0xF5) {
        n = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        *why = "a byte that never appears in UTF-8 (a code point above U+10FFFF or not UTF-8 at all)";
        return 0;
    }
    for (int i = 1; i < n; ++i) {
        if (p + i == end) return -1;
        unsigned char b = p[i];
        unsigned char l = i == 1 ? lo : 0x80, h = i == 1 ? hi : 0xBF;
        if (b < l || b > h) {
            if (i == 1 && b >= 0x80 && b <= 0xBF) {
                if (c == 0xE0 || c == 0xF0)
                    *why = "an overlong encoding";
                else if (c == 0xED)
                    *why = "an encoded surrogate (U+D800 to U+DFFF)";
                else
                    *why = "a code point above U+10FFFF";
            } else {
                *why = "a multi-byte sequence cut short";
            }
            return 0;
        }
    }
    return n;
}

// How to show the byte at p in a message: the character if printable, else its hex value.
std::string describe(const char* p, const char* end) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (c >= 0x20 && c < 0x7F) return std::string("'") + char(c) + "'";
    const char* why = nullptr;
    int n = c >= 0x80 ? utf8_length(reinterpret_cast<const unsigned char*>(p),
                                    reinterpret_cast<const unsigned char*>(end), &why)
                      : 0;
    if (n > 1) return "'" + std::string(p, std::size_t(n)) + "'";
    char hex[16];
    std::snprintf(hex, sizeof hex, "byte 0x%02X", c);
    return hex;
}

const char* container_of(Site site) {
    switch (site) {
        case Site::value_first_element:
        case Site::value_after_comma:
        case Site::after_element:
            return "an array";
        case Site::value_after_colon:
        case Site::member_first:
        case Site::member_after_comma:
        case Site::colon:
        case Site::after_member:
            return "an object";
        case Site::number_after_minus:
        case Site::number_leading_zero:
        case Site::number_fraction:
        case Site::number_exponent:
            return "a number";
        case Site::literal:
            return "a word (true, false or null)";
        default:
            return "the value";
    }
}

Error truncated(const char* base, const char* end, const char* inside) {
    return make(Errc::truncated, base, end, std::string("the file ends inside ") + inside + ": it looks truncated");
}

// A byte that cannot start a value: give the likely intent where there is one.
std::string bad_value_message(const char* p, const char* end) {
    const char* generic = "expected a value (an object, array, string, number, true, false or null)";
    switch (*p) {
        case '\'':
            return "JSON strings use double quotes (\"), not single quotes";
        case '.':
            return "a number must start with a digit: write 0.5, not .5";
        case '+':
            return "a number cannot start with '+': leave the sign out";
        case ']':
        case '}':
            return std::string(generic) + " before " + describe(p, end);
        default:
            return std::string(generic) + ", found " + describe(p, end);
    }
}

}  // namespace

Error empty_error() {
    Error err;
    err.errc = Errc::empty;
    err.message = "the input is empty: there is no JSON value in it";
    return err;
}

Error depth_error(const char* base, const char* p, std::size_t max_depth) {
    return make(Errc::depth, base, p,
                "objects and arrays are nested more than " + std::to_string(max_depth) +
                    " levels deep, which this reader does not accept");
}

Error site_error(Site site, const char* base, const char* p, const char* end) {
    if (p == end) {
        if (site == Site::literal) return truncated(base, end, "a word (true, false or null)");
        return truncated(base, end, container_of(site));
    }
    auto syntax = [&](std::string message) { return make(Errc::syntax, base, p, std::move(message)); };
    switch (site) {
        case Site::value_top:
        case Site::value_first_element:
        case Site::value_after_colon:
            return syntax(bad_value_message(p, end));
        case Site::value_after_comma:
            if (*p == ']') return syntax("trailing comma: a ',' in an array must be followed by another element");
            return syntax(bad_value_message(p, end));
        case Site::member_first:
            return syntax("expected a member name in double quotes or '}', found " + describe(p, end));
        case Site::member_after_comma:
            if (*p == '}') return syntax("trailing comma: a ',' in an object must be followed by another member");
            return syntax("expected a member name in double quotes after ',', found " + describe(p, end));
        case Site::colon:
            return syntax("expected ':' after the member name, found " + describe(p, end));
        case Site::after_member:
            return syntax("expected ',' or '}' after an object member, found " + describe(p, end));
        case Site::after_element:
            return syntax("expected ',' or ']' after an array element, found " + describe(p, end));
        case Site::number_after_minus:
            return syntax("expected a digit after '-', found " + describe(p, end));
        case Site::number_leading_zero:
            return syntax("a number cannot have leading zeros (write 1, not 01)");
        case Site::number_fraction:
            return syntax("expected a digit after the decimal point, found " + describe(p, end));
        case Site::number_exponent:
            return syntax("expected a digit in the exponent, found " + describe(p, end));
        case Site::literal: {
            // A cut-off "tru" at the very end is truncation, not a misspelling.
            static const char* const words[] = {"true", "false", "null"};
            for (const char* w : words) {
                std::size_t n = std::strlen(w);
                std::size_t left = std::size_t(end - p);
                if (left < n && std::memcmp(p, w, left) == 0)
                    return truncated(base, end, "a word (true, false or null)");
            }
            return syntax("unknown word: expected true, false or null (JSON words are lowercase)");
        }
        case Site::trailing:
            return make(
                Errc::trailing, base, p,
                "unexpected " + describe(p, end) + " after the end of the JSON value: a file holds exactly one value");
    }
    return syntax("invalid JSON");
}

namespace {

bool hex_value(char c, unsigned& v) {
    if (c >= '0' && c <= '9')
        v = unsigned(c - '0');
    else if (c >= 'a' && c <= 'f')
        v = unsigned(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
        v = unsigned(c - 'A' + 10);
    else
        return false;
    return true;
}

// Reads the 4 hex digits after "\u" at p (p points at the backslash). 1 ok, 0 bad, -1 input ends.
int read_u4(const char* p, const char* end, unsigned& cp) {
    cp = 0;
    for (int i = 2; i < 6; ++i) {
        if (p + i == end) return -1;
        unsigned v;
        if (!hex_value(p[i], v)) return 0;
        cp = cp * 16 + v;
    }
    return 1;
}

void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

const char* const kInString = "a string";

// Decodes the escape at p (a backslash) into out. Returns the byte after it, or nullptr with err set.
const char* decode_escape(const char* base, const char* p, const char* end, std::string& out, Error& err) {
    if (p + 1 == end) {
        err = truncated(base, end, kInString);
        return nullptr;
    }
    switch (p[1]) {
        case '"':
            out += '"';
            return p + 2;
        case '\\':
            out += '\\';
            return p + 2;
        case '/':
            out += '/';
            return p + 2;
        case 'b':
            out += '\b';
            return p + 2;
        case 'f':
            out += '\f';
            return p + 2;
        case 'n':
            out += '\n';
            return p + 2;
        case 'r':
            out += '\r';
            return p + 2;
        case 't':
            out += '\t';
            return p + 2;
        case 'u':
            break;
        default:
            err = make(Errc::bad_escape, base, p,
                       "a backslash followed by " + describe(p + 1, end) +
                           " is not a JSON escape: use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX");
            return nullptr;
    }
    unsigned cp;
    int got = read_u4(p, end, cp);
    if (got < 0) {
        err = truncated(base, end, kInString);
        return nullptr;
    }
    if (got == 0) {
        err = make(Errc::bad_escape, base, p, "\\u must be followed by four hex digits");
        return nullptr;
    }
    if (cp >= 0xDC00 && cp <= 0xDFFF) {
        err = make(Errc::bad_escape, base, p,
                   "lone surrogate: a low surrogate escape (\\uDC00 to \\uDFFF) must follow a high one");
        return nullptr;
    }
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        const char* q = p + 6;
        const char* lone =
            "lone surrogate: a high surrogate escape (\\uD800 to \\uDBFF) must be followed by a low one "
            "(\\uDC00 to \\uDFFF)";
        // Truncation only if what is left could still have been the low half.
        std::size_t left = std::size_t(end - q);
        if (left < 2) {
            if (left == 0 || q[0] == '\\') {
                err = truncated(base, end, kInString);
            } else {
                err = make(Errc::bad_escape, base, p, lone);
            }
            return nullptr;
        }
        if (q[0] != '\\' || q[1] != 'u') {
            err = make(Errc::bad_escape, base, p, lone);
            return nullptr;
        }
        unsigned low;
        got = read_u4(q, end, low);
        if (got < 0) {
            err = truncated(base, end, kInString);
            return nullptr;
        }
        if (got == 0) {
            err = make(Errc::bad_escape, base, q, "\\u must be followed by four hex digits");
            return nullptr;
        }
        if (low < 0xDC00 || low > 0xDFFF) {
            err = make(Errc::bad_escape, base, p, lone);
            return nullptr;
        }
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        p = q;
    }
    append_utf8(out, cp);
    return p + 6;
}

std::string control_message(unsigned char c) {
    const char* escape = nullptr;
    const char* name = nullptr;
    switch (c) {
        case '\n':
            escape = "\\n";
            name = "a line break";
            break;
        case '\r':
            escape = "\\r";
            name = "a carriage return";
            break;
        case '\t':
            escape = "\\t";
            name = "a tab";
            break;
        case '\b':
            escape = "\\b";
            name = "a backspace";
            break;
        case '\f':
            escape = "\\f";
            name = "a form feed";
            break;
        default:
            name = "a control character";
            break;
    }
    char buf[160];
    if (escape) {
        std::snprintf(buf, sizeof buf,
                      "a raw control character (%s, byte 0x%02X) is not allowed inside a string: write it as %s", name,
                      c, escape);
    } else {
        std::snprintf(buf, sizeof buf,
                      "a raw control character (byte 0x%02X) is not allowed inside a string: write it as \\u%04X", c,
                      c);
    }
    return buf;
}

}  // namespace

const char* read_string_slow(const char* base, const char* body, const char* p, const char* end, std::string& buf,
                             std::string_view& out, Error& err) {
    bool decoding = false;      // an escape was met: the value is built in buf
    const char* copied = body;  // start of the raw bytes not yet appended to buf
    for (;;) {
        if (p == end) {
            err = truncated(base, end, kInString);
            return nullptr;
        }
        unsigned char c = static_cast<unsigned char>(*p);
        if (c == '"') {
            if (decoding) {
                buf.append(copied, std::size_t(p - copied));
                out = buf;
            } else {
                out = std::string_view(body, std::size_t(p - body));
            }
            return p + 1;
        }
        if (c == '\\') {
            if (!decoding) {
                buf.clear();
                decoding = true;
            }
            buf.append(copied, std::size_t(p - copied));
            p = decode_escape(base, p, end, buf, err);
            if (!p) return nullptr;
            copied = p;
        } else if (c < 0x20) {
            err = make(Errc::control_char, base, p, control_message(c));
            return nullptr;
        } else {
            const char* why = nullptr;
            int n = utf8_length(reinterpret_cast<const unsigned char*>(p), reinterpret_cast<const unsigned char*>(end),
                                &why);
            if (n < 0) {
                err = truncated(base, end, kInString);
                return nullptr;
            }
            if (n == 0) {
                err = make(Errc::invalid_utf8, base, p, std::string("the text is not valid UTF-8: ") + why);
                return nullptr;
            }
            p += n;
        }
        p = skip_plain_string(p, end);
    }
}

}  // namespace detail

ReadResult read(std::string_view bytes, VirtualHandler& h, const ReadOptions& options) {
    Reader r;
    return r.read<VirtualHandler>(bytes, h, options);
}

}  // namespace eic::json

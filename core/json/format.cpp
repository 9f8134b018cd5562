#include "json/format.hpp"

#include "json/reader.hpp"

namespace eic::json {

namespace {

// Escape for each byte below 0x20 that has a short form; 0 means \u00xx.
constexpr char kShortEscape[0x20] = {0, 0, 0, 0, 0, 0, 0, 0, 'b', 't', 'n', 0, 'f', 'r', 0, 0,
                                     0, 0, 0, 0, 0, 0, 0, 0, 0,   0,   0,   0, 0,   0,   0, 0};

// Writes events straight into the output. One flag (`first_`) replaces a stack of "has this container
// got a member yet": only the innermost open container can still be empty, and closing one means its
// parent has a member.
class Formatter {
public:
    Formatter(std::string_view input, int indent, std::string& out) : input_(input), indent_(indent), out_(out) {}

    bool begin_object(std::size_t) { return open('{'); }
    bool end_object(std::size_t) { return close('}'); }
    bool begin_array(std::size_t) { return open('['); }
    bool end_array(std::size_t) { return close(']'); }
    bool key(std::string_view name, std::size_t) {
        separate();
        write_string(name);
        if (indent_ >= 0)
            out_.append(": ", 2);
        else
            out_ += ':';
        after_key_ = true;
        return true;
    }
    bool string(std::string_view value, std::size_t) {
        separate();
        write_string(value);
        return true;
    }
    bool number(const Number& n, std::size_t) {
        separate();
        out_.append(n.text.data(), n.text.size());
        return true;
    }
    bool boolean(bool value, std::size_t) {
        separate();
        if (value)
            out_.append("true", 4);
        else
            out_.append("false", 5);
        return true;
    }
    bool null(std::size_t) {
        separate();
        out_.append("null", 4);
        return true;
    }

private:
    // What goes before a value or a member name: nothing after a name, else a comma unless it is the
    // container's first, then the line break of pretty output.
    void separate() {
        if (after_key_) {
            after_key_ = false;
            return;
        }
        if (depth_ == 0) return;
        if (!first_) out_ += ',';
        first_ = false;
        line_break();
    }
    bool open(char bracket) {
        separate();
        out_ += bracket;
        ++depth_;
        first_ = true;
        return true;
    }
    bool close(char bracket) {
        --depth_;
        if (first_)
            first_ = false;  // empty: {} or [] on one line, as nlohmann prints it
        else
            line_break();
        out_ += bracket;
        return true;
    }
    void line_break() {
        if (indent_ < 0) return;
        out_ += '\n';
        out_.append(depth_ * std::size_t(indent_), ' ');
    }
    void write_string(std::string_view s) {
        out_ += '"';
        // The reader passes a string without escapes as a view into the input, where a valid string
        // body holds no quote, backslash or control byte: nothing to escape, copy it whole.
        if (s.data() >= input_.data() && s.data() + s.size() <= input_.data() + input_.size()) {
            out_.append(s.data(), s.size());
        } else {
            write_escaped(s);
        }
        out_ += '"';
    }
    void write_escaped(std::string_view s) {
        const char* p = s.data();
        const char* end = p + s.size();
        const char* run = p;  // start of the bytes not yet copied
        for (; p < end; ++p) {
            unsigned char c = static_cast<unsigned char>(*p);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            out_.append(run, std::size_t(p - run));
            run = p + 1;
            char e[6] = {'\\', 0, 0, 0, 0, 0};
            if (c == '"' || c == '\\') {
                e[1] = char(c);
                out_.append(e, 2);
            } else if (kShortEscape[c]) {
                e[1] = kShortEscape[c];
                out_.append(e, 2);
            } else {
                static const char hex[] = "0123456789abcdef";  // lower case, as nlohmann writes it
                e[1] = 'u';
                e[2] = '0';
                e[3] = '0';
                e[4] = hex[c >> 4];
                e[5] = hex[c & 15];
                out_.append(e, 6);
            }
        }
        out_.append(run, std::size_t(end - run));
    }

    std::string_view input_;
    int indent_;
    std::string& out_;
    std::size_t depth_ = 0;
    bool first_ = false;
    bool after_key_ = false;
};

}  // namespace

Error reformat(std::string_view json, int indent, std::string& out) {
    const std::size_t before = out.size();
    // Pretty output of pretty input is about as long as the input; compact output is shorter.
    out.reserve(before + json.size());
    Formatter f(json, indent, out);
    ReadResult r = read(json, f);
    if (!r.ok()) out.resize(before);
    return r.error;
}

}  // namespace eic::json

#include "csv/reader.hpp"

#include <utility>

namespace eic::csv {
namespace {

// Length of the valid UTF-8 sequence at p (1..4), or 0 when it is not valid (RFC 3629: no overlongs,
// no surrogates, nothing above U+10FFFF).
std::size_t utf8_length(const unsigned char* p, const unsigned char* end) {
    unsigned char c = p[0];
    if (c < 0x80) return 1;
    std::size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (std::size_t(end - p) < n) return 0;
    if (p[1] < lo || p[1] > hi) return 0;
    for (std::size_t i = 2; i < n; ++i)
        if ((p[i] & 0xC0) != 0x80) return 0;
    return n;
}

}  // namespace

Reader::Reader(std::string_view bytes, Options options) : bytes_(bytes), options_(options) {
    if (bytes_.size() >= 3 && bytes_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
}

Diagnostics Reader::take_diagnostics() {
    Diagnostics out = std::move(diagnostics_);
    diagnostics_.clear();
    return out;
}

void Reader::add(const char* code, std::string message, std::uint32_t line, std::uint32_t column, const Record& rec,
                 std::size_t field_index) {
    Diagnostic d;
    // No source says which encodings Encord reads in a CSV: bytes that are not UTF-8 are a warning.
    d.severity = std::string_view(code) == code::invalid_utf8 ? Severity::warning : Severity::error;
    d.code = code;
    d.message = std::move(message);
    d.line = line;
    d.column = column;
    if (rec.row > 0) d.row = rec.row;
    if (options_.header && rec.record > 1 && field_index < header_.size()) d.field = header_[field_index];
    diagnostics_.push_back(std::move(d));
}

bool Reader::advance_char() {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes_.data()) + pos_;
    const auto* end = reinterpret_cast<const unsigned char*>(bytes_.data()) + bytes_.size();
    unsigned char c = *p;
    if (c == '\r') {
        ++line_;
        column_ = 1;
        pos_ += (p + 1 < end && p[1] == '\n') ? 2 : 1;
        return true;
    }
    if (c == '\n') {
        ++line_;
        column_ = 1;
        ++pos_;
        return true;
    }
    ++column_;
    if (c < 0x80) {
        ++pos_;
        return true;
    }
    std::size_t n = utf8_length(p, end);
    if (n == 0) {
        ++pos_;
        return false;
    }
    pos_ += n;
    return true;
}

void Reader::skip_blank_lines() {
    while (pos_ < bytes_.size() && (bytes_[pos_] == '\n' || bytes_[pos_] == '\r')) advance_char();
}

bool Reader::next(Record& out) {
    out.fields.clear();
    buf_.clear();
    spans_.clear();
    skip_blank_lines();
    const std::size_t n = bytes_.size();
    if (pos_ >= n) {
        out = Record{};
        if (records_ == 0 && !reported_empty_) {
            reported_empty_ = true;
            Diagnostic d;
            d.code = code::empty;
            d.message = "the CSV file has no header line (it is empty): the first line must name the columns";
            d.line = line_;
            d.column = column_;
            diagnostics_.push_back(std::move(d));
        }
        return false;
    }
    ++records_;
    out.record = records_;
    out.row = options_.header ? records_ - 1 : records_;
    out.offset = pos_;
    out.line = line_;
    bool utf8_reported = false;
    auto check_utf8 = [&](bool ok, std::uint32_t line, std::uint32_t column, std::size_t field_index) {
        if (ok || utf8_reported) return;
        utf8_reported = true;
        add(code::invalid_utf8, "this byte sequence is not UTF-8: save the file as UTF-8", line, column, out,
            field_index);
    };

    for (;;) {
        const std::size_t index = out.fields.size();
        Field f;
        f.offset = pos_;
        f.line = line_;
        f.column = column_;
        Span span{false, pos_, 0};
        bool record_done = false;
        if (pos_ < n && bytes_[pos_] == '"') {
            f.quoted = true;
            advance_char();
            std::size_t seg = pos_;
            bool in_buf = false;
            std::size_t buf_begin = buf_.size();
            bool closed = false;
            while (pos_ < n) {
                char c = bytes_[pos_];
                if (c == '"') {
                    if (pos_ + 1 < n && bytes_[pos_ + 1] == '"') {
                        buf_.append(bytes_.data() + seg, pos_ + 1 - seg);
                        in_buf = true;
                        advance_char();
                        advance_char();
                        seg = pos_;
                        continue;
                    }
                    closed = true;
                    break;
                }
                std::uint32_t l = line_, col = column_;
                check_utf8(advance_char(), l, col, index);
            }
            if (in_buf) buf_.append(bytes_.data() + seg, pos_ - seg);
            span = in_buf ? Span{true, buf_begin, buf_.size() - buf_begin} : Span{false, seg, pos_ - seg};
            if (!closed) {
                add(code::unterminated_quote,
                    "this quoted field is never closed: it runs to the end of the file; add the closing '\"'", f.line,
                    f.column, out, index);
                record_done = true;
            } else {
                advance_char();  // the closing quote
                // Anything up to the next separator is not CSV; keep it so nothing is lost.
                std::size_t extra = pos_;
                std::uint32_t l = line_, col = column_;
                while (pos_ < n && bytes_[pos_] != ',' && bytes_[pos_] != '\n' && bytes_[pos_] != '\r') {
                    std::uint32_t cl = line_, cc = column_;
                    check_utf8(advance_char(), cl, cc, index);
                }
                if (pos_ > extra) {
                    add(code::after_quote,
                        "text follows the closing quote of this field: put the whole field in quotes, and "
                        "write a quote inside it as \"\"",
                        l, col, out, index);
                    if (!span.in_buf) {
                        std::size_t b = buf_.size();
                        buf_.append(bytes_.data() + span.begin, span.size);
                        span = Span{true, b, span.size};
                    }
                    buf_.append(bytes_.data() + extra, pos_ - extra);
                    span.size = buf_.size() - span.begin;
                }
            }
        } else {
            bool stray = false;
            while (pos_ < n) {
                char c = bytes_[pos_];
                if (c == ',' || c == '\n' || c == '\r') break;
                if (c == '"' && !stray) {
                    stray = true;
                    add(code::stray_quote,
                        "a quote inside an unquoted field: put the whole field in quotes and write the quote "
                        "as \"\"",
                        line_, column_, out, index);
                }
                std::uint32_t l = line_, col = column_;
                check_utf8(advance_char(), l, col, index);
            }
            span = Span{false, f.offset, pos_ - f.offset};
        }
        out.fields.push_back(f);
        spans_.push_back(span);
        if (record_done || pos_ >= n) break;
        char c = bytes_[pos_];
        if (c == ',') {
            advance_char();
            continue;
        }
        // a line break ends the record
        advance_char();
        break;
    }
    out.end = pos_;
    for (std::size_t i = 0; i < out.fields.size(); ++i) {
        const Span& s = spans_[i];
        out.fields[i].value =
            s.in_buf ? std::string_view(buf_).substr(s.begin, s.size) : bytes_.substr(s.begin, s.size);
    }
    if (records_ == 1) {
        expected_fields_ = out.fields.size();
        if (options_.header) {
            header_.clear();
            for (const auto& f : out.fields) header_.emplace_back(f.value);
        }
    } else if (options_.check_ragged && out.fields.size() != expected_fields_) {
        std::string what = options_.header ? "the header has" : "the first row has";
        add(code::ragged_row,
            "this row has " + std::to_string(out.fields.size()) + (out.fields.size() == 1 ? " field" : " fields") +
                " but " + what + " " + std::to_string(expected_fields_) +
                ": every row needs one field per column (quote fields that contain commas)",
            out.line, out.fields.front().column, out, std::size_t(-1));
    }
    return true;
}

Table read_all(std::string_view bytes, Options options) {
    Table t;
    Reader r(bytes, options);
    Record rec;
    while (r.next(rec)) {
        if (options.header && rec.record == 1) continue;
        Table::Row row;
        row.row = rec.row;
        row.line = rec.line;
        for (const auto& f : rec.fields) row.values.emplace_back(f.value);
        t.rows.push_back(std::move(row));
    }
    t.header = r.header();
    t.diagnostics = r.take_diagnostics();
    return t;
}

void write_field(std::string& out, std::string_view value) {
    bool quote = !value.empty() && (value.front() == ' ' || value.back() == ' ');
    if (!quote)
        for (char c : value)
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
    if (!quote) {
        out.append(value.data(), value.size());
        return;
    }
    out += '"';
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void write_record(std::string& out, const std::vector<std::string>& fields, bool crlf) {
    // A lone empty field would be an empty line, which readers skip: quote it.
    if (fields.size() == 1 && fields[0].empty()) out += "\"\"";
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        write_field(out, fields[i]);
    }
    out += crlf ? "\r\n" : "\n";
}

}  // namespace eic::csv

// An RFC 4180 CSV tokenizer over bytes, one record at a time, with the place of every field.
//
// Accepted input:
//   - fields separated by ',' ; records ended by CRLF, LF or a lone CR; the last record may or may not
//     end with a line break;
//   - quoted fields ("...") with "" for a quote inside, and line breaks inside (kept verbatim);
//   - UTF-8, with or without a leading BOM (the BOM is not part of the first field and takes no column).
// Lines with no bytes at all (two line breaks in a row, or a final empty line) are skipped: they are not
// records and do not count as rows. A line holding only spaces, or only commas, is a record.
//
// Places. Every field carries the byte offset of its first byte (the opening quote when quoted) and its
// 1-based line and column there (columns counted in Unicode code points, as json::LineIndex does).
// Records are numbered from 1 in the file (`record`); with a header (the default) the header is record 1
// and data rows are numbered from 1 after it (`row` = record - 1, so the header is row 0). Diagnostics
// carry `row` (data rows only) and `field` (the column name from the header, when the field has one).
//
// Errors never stop the reader and never throw; each becomes a Diagnostic (codes in `code` below), and
// the record is still returned, repaired as follows:
//   csv.unterminated-quote  a quoted field runs to the end of the input: the field is the rest of the input
//   csv.stray-quote         a '"' inside an unquoted field: kept as a literal character
//   csv.after-quote         bytes between a closing quote and the next ',' or line break: appended
//   csv.ragged-row          a record with another number of fields than the header: returned as is
//   csv.invalid-utf8        a byte sequence that is not UTF-8: kept as is (one diagnostic per record)
//   csv.empty               the input has no record at all (no header)
//
// Streaming: the reader keeps a view of the input and a small buffer for the current record only.
// Field values are views into the input when they need no decoding (unquoted, or quoted without "")
// and into the reader's buffer otherwise; they are valid until the next call to next().
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"

namespace eic::csv {

namespace code {
inline constexpr const char* unterminated_quote = "csv.unterminated-quote";
inline constexpr const char* stray_quote = "csv.stray-quote";
inline constexpr const char* after_quote = "csv.after-quote";
inline constexpr const char* ragged_row = "csv.ragged-row";
inline constexpr const char* invalid_utf8 = "csv.invalid-utf8";
inline constexpr const char* empty = "csv.empty";
}  // namespace code

struct Field {
    std::string_view value;    // decoded (quotes removed, "" -> ")
    std::size_t offset = 0;    // byte offset of the field's first byte in the input
    std::uint32_t line = 0;    // 1-based
    std::uint32_t column = 0;  // 1-based, in code points
    bool quoted = false;
};

struct Record {
    std::uint64_t record = 0;  // 1-based record number in the file; the header is record 1
    std::uint64_t row = 0;     // 1-based data row (record - 1 with a header); 0 for the header
    std::size_t offset = 0;    // byte offset of the record's first byte
    std::size_t end = 0;       // byte offset just past the record (after its line break, if any)
    std::uint32_t line = 0;    // line of the first field
    std::vector<Field> fields;

    std::size_t size() const { return fields.size(); }
    const Field& operator[](std::size_t i) const { return fields[i]; }
};

struct Options {
    bool header = true;        // record 1 is a header: its values name the columns
    bool check_ragged = true;  // report records whose field count differs from the first record's
};

class Reader {
public:
    // `bytes` must outlive the reader.
    explicit Reader(std::string_view bytes, Options options = {});

    // Reads the next record into `out`. Returns false at the end of the input (and then `out` is empty).
    // With a header, the first call returns the header (row 0).
    bool next(Record& out);

    // The header's values, once the first record was read (empty without a header).
    const std::vector<std::string>& header() const { return header_; }
    // Findings so far. take_diagnostics() moves them out, for callers that stream.
    const Diagnostics& diagnostics() const { return diagnostics_; }
    Diagnostics take_diagnostics();
    // Whether the input ended; offset of the next unread byte.
    bool at_end() const { return pos_ >= bytes_.size(); }
    std::size_t offset() const { return pos_; }

private:
    void add(const char* code, std::string message, std::uint32_t line, std::uint32_t column, const Record& rec,
             std::size_t field_index);
    void skip_blank_lines();
    // Advances over one UTF-8 character at pos_, updating line/column; returns false when invalid.
    bool advance_char();

    std::string_view bytes_;
    Options options_;
    std::size_t pos_ = 0;
    std::uint32_t line_ = 1;
    std::uint32_t column_ = 1;
    std::uint64_t records_ = 0;
    std::size_t expected_fields_ = 0;
    bool reported_empty_ = false;
    std::vector<std::string> header_;
    std::string buf_;
    struct Span {
        bool in_buf;
        std::size_t begin, size;
    };
    std::vector<Span> spans_;
    Diagnostics diagnostics_;
};

// Reads a whole input into records (header first). For tests and small files; large inputs should use
// Reader::next and drop each record when done.
struct Table {
    std::vector<std::string> header;
    struct Row {
        std::uint64_t row = 0;
        std::uint32_t line = 0;
        std::vector<std::string> values;
    };
    std::vector<Row> rows;  // data rows only
    Diagnostics diagnostics;
};
Table read_all(std::string_view bytes, Options options = {});

// Writes one field, quoting it when it holds ',', '"', CR, LF, or leading/trailing spaces.
void write_field(std::string& out, std::string_view value);
// Writes fields joined by ',' and ended by "\r\n" (RFC 4180) or "\n".
void write_record(std::string& out, const std::vector<std::string>& fields, bool crlf = false);

}  // namespace eic::csv

// Reading a CSV manifest row by row as Encord reads it: the header's columns (format.hpp), each row's
// data type (the title cell it fills; a lone ObjectUrl column means videos), and which rows form one
// item (grouped rows share a title). The loader (load.hpp) and the validator (validate.hpp) both read
// CSV through this, so they agree on every row's type, every item's index and every finding about the
// columns and rows.
//
// Rows that Encord's guide does not say how to read (several title cells filled, or none while the
// header has several; a grouped row without its title) and rows without a URL are left out of the
// items, each with a finding at its row.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>

#include "csv/reader.hpp"
#include "diag/diagnostic.hpp"
#include "manifest/format.hpp"

namespace eic::manifest {

namespace csv_code {
inline constexpr const char* no_url_column = "csv.column.missing-url";
inline constexpr const char* duplicate_column = "csv.column.duplicate";
inline constexpr const char* column_spelling = "csv.column.spelling";
inline constexpr const char* unknown_column = "csv.column.unknown";
inline constexpr const char* create_video = "csv.create-video";
inline constexpr const char* empty_url = "csv.url.empty";
inline constexpr const char* group_title = "csv.group.missing-title";
inline constexpr const char* row_ambiguous = "csv.row.type-ambiguous";
inline constexpr const char* row_missing = "csv.row.type-missing";
inline constexpr const char* video_expected = "csv.video-expected";
}  // namespace csv_code

struct CsvEntry {
    const csv::Record* record = nullptr;
    format::CsvRowType type;
    const csv::Field* url = nullptr;    // the ObjectUrl cell; nullptr when the row is short
    const csv::Field* title = nullptr;  // the title cell read; nullptr when none
    bool kept = false;                  // false: left out of the items (a finding says why)
    std::uint64_t item = 0;             // kept rows: the item's index within its collection
    bool first_of_item = false;         // kept rows: the row starts its item
};

class CsvManifestReader {
public:
    explicit CsvManifestReader(std::string_view bytes);

    // The header has an ObjectUrl column; without one no row is read.
    bool readable() const { return readable_; }
    const format::CsvLayout& layout() const { return layout_; }
    const csv::Record& header_record() const { return header_; }
    std::string column_name(std::size_t index) const;

    // The next data row; false at the end (or when the file is not readable).
    bool next(CsvEntry& out);
    // Findings since the last call: the tokenizer's, the header's and the rows', in file order per call.
    Diagnostics take_diagnostics();

private:
    Diagnostic at(Severity sev, const char* code, std::string message, const csv::Field* f, const csv::Record& rec,
                  std::optional<std::size_t> column);

    csv::Reader reader_;
    csv::Record header_;
    csv::Record rec_;
    format::CsvLayout layout_;
    bool readable_ = false;
    Diagnostics ds_;
    std::uint64_t items_[std::size(kAllCollections)] = {};
    // grouped items: (title column, create_video, title) -> (collection, index)
    std::map<std::tuple<int, bool, std::string>, std::uint64_t> groups_;
};

}  // namespace eic::manifest

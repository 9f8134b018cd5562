#include "manifest/csv_manifest.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "manifest/model.hpp"

namespace eic::manifest {
namespace {

std::string in_quotes(std::string_view s) { return fmt::format("\"{}\"", s); }

std::string names(const std::vector<std::string_view>& list) {
    std::string out;
    for (std::size_t i = 0; i < list.size(); ++i)
        out += (i ? (i + 1 == list.size() ? " and " : ", ") : "") + in_quotes(list[i]);
    return out;
}

}  // namespace

CsvManifestReader::CsvManifestReader(std::string_view bytes) : reader_(bytes) {
    if (!reader_.next(header_)) return;
    std::vector<std::string_view> cells;
    for (const auto& f : header_.fields) cells.push_back(f.value);
    layout_ = format::read_csv_header(cells);
    for (const auto& cell : layout_.cells) {
        const csv::Field* f = &header_[cell.index];
        if (!cell.info) {
            ds_.push_back(
                at(Severity::warning, csv_code::unknown_column,
                   fmt::format("Column {} is not a manifest column (ObjectUrl, a title column such as \"Image "
                               "title\", or \"Create video\"); it is not read.",
                               in_quotes(cell.text)),
                   f, header_, cell.index));
            continue;
        }
        if (cell.repeated) {
            ds_.push_back(
                at(Severity::warning, csv_code::duplicate_column,
                   fmt::format("Column \"{}\" appears twice; eic reads the first. How Encord reads a repeated "
                               "column is not documented: remove one.",
                               cell.info->name()),
                   f, header_, cell.index));
            continue;
        }
        if (cell.loose)
            ds_.push_back(at(Severity::warning, csv_code::column_spelling,
                             fmt::format("Column {} is read as \"{}\"; write it so, as Encord may not read this "
                                         "spelling.",
                                         in_quotes(cell.text), cell.info->name()),
                             f, header_, cell.index));
    }
    if (layout_.create_video && std::none_of(layout_.titles.begin(), layout_.titles.end(), [](const auto& t) {
            return t.info->column == format::Column::image_group_title;
        }))
        ds_.push_back(at(Severity::warning, csv_code::create_video,
                         "\"Create video\" applies to rows of an \"Image group title\" column, and this file has none; "
                         "it is not read.",
                         &header_[*layout_.create_video], header_, *layout_.create_video));
    if (!layout_.url) {
        Diagnostic d = at(Severity::error, csv_code::no_url_column,
                          "The header has no \"ObjectUrl\" column, so no row names a file. Encord's guide: each row "
                          "gives an object URL under ObjectUrl. Name the column of object URLs so.",
                          nullptr, header_, std::nullopt);
        d.column = 1;
        ds_.push_back(std::move(d));
        return;
    }
    readable_ = true;
}

std::string CsvManifestReader::column_name(std::size_t index) const {
    const auto& h = reader_.header();
    return index < h.size() ? h[index] : std::string();
}

Diagnostic CsvManifestReader::at(Severity sev, const char* code, std::string message, const csv::Field* f,
                                 const csv::Record& rec, std::optional<std::size_t> column) {
    Diagnostic d;
    d.severity = sev;
    d.code = code;
    d.message = std::move(message);
    d.line = f ? f->line : rec.line;
    d.column = f ? f->column : (rec.fields.empty() ? 1 : rec.fields.front().column);
    if (rec.row) d.row = rec.row;
    if (column) d.field = column_name(*column);
    return d;
}

bool CsvManifestReader::next(CsvEntry& out) {
    if (!readable_ || !reader_.next(rec_)) return false;
    out = CsvEntry{};
    out.record = &rec_;
    auto cell = [&](std::size_t i) { return i < rec_.size() ? rec_[i].value : std::string_view(); };
    out.type = format::classify_csv_row(layout_, cell);
    const std::size_t url_col = *layout_.url;
    out.url = url_col < rec_.size() ? &rec_[url_col] : nullptr;
    if (out.type.title_index && *out.type.title_index < rec_.size()) out.title = &rec_[*out.type.title_index];
    using Status = format::CsvRowType::Status;

    if (!out.url || out.url->value.empty()) {
        ds_.push_back(at(Severity::error, csv_code::empty_url,
                         "This row has no object URL (Encord's guide: each row gives one under ObjectUrl). Give the "
                         "file's URL; eic leaves the row out of the items.",
                         out.url, rec_, url_col));
        return true;
    }
    if (out.type.status == Status::ambiguous) {
        ds_.push_back(at(Severity::warning, csv_code::row_ambiguous,
                         fmt::format("This row fills {}: its data type is the title column it fills, and how Encord "
                                     "reads a row that fills two is not documented. Keep one; eic leaves the row out "
                                     "of the items.",
                                     names(out.type.filled)),
                         out.title, rec_, out.type.title_index));
        return true;
    }
    if (out.type.status == Status::missing) {
        std::vector<std::string_view> columns;
        for (const auto& t : layout_.titles) columns.push_back(t.info->name());
        ds_.push_back(at(Severity::warning, csv_code::row_missing,
                         fmt::format("This row fills none of {}, so its data type is not given (how Encord reads it "
                                     "is not documented). Fill the title of its type; eic leaves the row out of the "
                                     "items.",
                                     names(columns)),
                         nullptr, rec_, std::nullopt));
        return true;
    }
    if (out.type.bad_create_video)
        ds_.push_back(at(Severity::warning, csv_code::create_video,
                         fmt::format("\"Create video\" is {}; it is TRUE or FALSE. eic reads it as FALSE (an image "
                                     "group).",
                                     in_quotes(rec_[*layout_.create_video].value)),
                         &rec_[*layout_.create_video], rec_, layout_.create_video));
    if (out.type.grouped && out.type.title.empty()) {
        ds_.push_back(
            at(Severity::warning, csv_code::group_title,
               fmt::format("Rows are grouped into one item by their \"{}\", and this row has none, so it "
                           "belongs to no group. Give the group's title; eic leaves the row out of the items.",
                           out.type.title_column->name()),
               out.title, rec_, out.type.title_index));
        return true;
    }
    out.kept = true;
    std::uint64_t& count = items_[std::size_t(out.type.collection)];
    if (out.type.grouped) {
        const auto key =
            std::make_tuple(int(out.type.title_column->column), out.type.create_video, std::string(out.type.title));
        auto [where, fresh] = groups_.emplace(key, count);
        if (fresh) ++count;
        out.item = where->second;
        out.first_of_item = fresh;
    } else {
        out.item = count++;
        out.first_of_item = true;
    }
    if (layout_.lone_url()) {
        const format::ExtensionKind kind = format::extension_kind(out.url->value);
        if (kind != format::ExtensionKind::unknown && kind != format::ExtensionKind::video) {
            Diagnostic d = at(Severity::error, csv_code::video_expected,
                              fmt::format("ObjectUrl is the file's only column, so Encord reads every row as a video, "
                                          "and this is {} (.{}): Encord answers \"Expected a video, got a file of type "
                                          "{}\" (Encord's GCP import guide). Add the title column of its type, e.g. "
                                          "\"Image title\".",
                                          format::extension_kind_name(kind), format::extension_of(out.url->value),
                                          format::extension_of(out.url->value)),
                              out.url, rec_, url_col);
            d.collection = collection_key(out.type.collection);
            d.item = out.item;
            ds_.push_back(std::move(d));
        }
    }
    return true;
}

Diagnostics CsvManifestReader::take_diagnostics() {
    Diagnostics out = reader_.take_diagnostics();
    for (auto& d : ds_) out.push_back(std::move(d));
    ds_.clear();
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return out;
}

}  // namespace eic::manifest

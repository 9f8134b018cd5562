// The CSV half of the format module (format.hpp): the columns, their spellings, the header reader.
#include "manifest/format.hpp"

namespace eic::manifest::format {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string squash(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == ' ' || c == '_' || c == '-' || c == '\t') continue;
        out += ascii_lower(c);
    }
    return out;
}

}  // namespace

const std::vector<ColumnInfo>& csv_columns() {
    // Encord's guide names ObjectUrl and says the other headers name the data type; the title spellings
    // are the likely ones (Encord's web UI template), every one of them read, the first one written.
    static const std::vector<ColumnInfo> table = {
        {Column::object_url, {"ObjectUrl", "Object URL"}, false, Collection::videos, false, false},
        {Column::video_title, {"Video title"}, true, Collection::videos, false, false},
        {Column::image_title, {"Image title"}, true, Collection::images, false, false},
        {Column::image_group_title, {"Image group title"}, true, Collection::image_groups, true, false},
        {Column::image_sequence_title, {"Image sequence title"}, true, Collection::image_groups, true, true},
        {Column::dicom_series_title,
         {"DICOM series title", "DICOM title", "Dicom series title", "Dicom title"},
         true,
         Collection::dicom_series,
         true,
         false},
        {Column::audio_title, {"Audio title"}, true, Collection::audio, false, false},
        {Column::create_video, {"Create video"}, false, Collection::image_groups, false, false},
    };
    return table;
}

const ColumnInfo& column_info(Column c) {
    for (const auto& i : csv_columns())
        if (i.column == c) return i;
    return csv_columns().front();
}

const ColumnInfo* find_column(std::string_view header_cell) {
    const std::string_view t = trim(header_cell);
    for (const auto& i : csv_columns())
        for (std::string_view s : i.spellings)
            if (equal_ascii_ci(t, s)) return &i;
    return nullptr;
}

const ColumnInfo* find_column_loose(std::string_view header_cell) {
    const std::string s = squash(header_cell);
    if (s.empty()) return nullptr;
    for (const auto& i : csv_columns())
        for (std::string_view sp : i.spellings)
            if (s == squash(sp)) return &i;
    return nullptr;
}

const ColumnInfo* title_column_for(Collection c, bool create_video) {
    for (const auto& i : csv_columns())
        if (i.title && i.collection == c && i.create_video == (c == Collection::image_groups && create_video))
            return &i;
    return nullptr;
}

std::optional<bool> parse_csv_bool(std::string_view cell) {
    const std::string_view t = trim(cell);
    if (t.empty() || equal_ascii_ci(t, "false")) return false;
    if (equal_ascii_ci(t, "true")) return true;
    return std::nullopt;
}

CsvLayout read_csv_header(const std::vector<std::string_view>& header_cells) {
    CsvLayout out;
    for (std::size_t i = 0; i < header_cells.size(); ++i) {
        CsvHeaderCell cell{i, std::string(header_cells[i]), find_column(header_cells[i])};
        if (!cell.info && (cell.info = find_column_loose(header_cells[i]))) cell.loose = true;
        if (cell.info) {
            for (const auto& earlier : out.cells)
                if (earlier.info == cell.info && !earlier.repeated) cell.repeated = true;
        }
        if (cell.info && !cell.repeated) {
            if (cell.info->column == Column::object_url)
                out.url = i;
            else if (cell.info->column == Column::create_video)
                out.create_video = i;
            else
                out.titles.push_back({i, cell.info});
        }
        out.cells.push_back(std::move(cell));
    }
    return out;
}

}  // namespace eic::manifest::format

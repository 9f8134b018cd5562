#include "manifest/csv_columns.hpp"

namespace eic::manifest::csv_columns {
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
        out += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    }
    return out;
}

}  // namespace

const std::vector<ColumnInfo>& all() {
    static const std::vector<ColumnInfo> table = {
        {Column::object_url, kObjectUrl, false, Collection::videos, false, false},
        {Column::video_title, "Video title", true, Collection::videos, false, false},
        {Column::image_title, "Image title", true, Collection::images, false, false},
        {Column::image_group_title, "Image group title", true, Collection::image_groups, true, false},
        {Column::image_sequence_title, "Image sequence title", true, Collection::image_groups, true, true},
        {Column::dicom_series_title, "DICOM series title", true, Collection::dicom_series, true, false},
        {Column::audio_title, "Audio title", true, Collection::audio, false, false},
    };
    return table;
}

const ColumnInfo& info(Column c) {
    for (const auto& i : all())
        if (i.column == c) return i;
    return all().front();
}

const ColumnInfo* find(std::string_view header_cell) {
    std::string_view t = trim(header_cell);
    for (const auto& i : all())
        if (t == i.name) return &i;
    return nullptr;
}

const ColumnInfo* find_loose(std::string_view header_cell) {
    std::string s = squash(header_cell);
    if (s.empty()) return nullptr;
    for (const auto& i : all())
        if (s == squash(i.name)) return &i;
    return nullptr;
}

const ColumnInfo* title_column_for(Collection c, bool create_video) {
    for (const auto& i : all())
        if (i.title && i.collection == c && i.create_video == (c == Collection::image_groups && create_video))
            return &i;
    return nullptr;
}

}  // namespace eic::manifest::csv_columns

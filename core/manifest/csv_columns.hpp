// The one table of CSV manifest columns. Change a name here and every reader, writer and check follows.
//
// UNVERIFIED: Encord's CSV headers are not in any source we have (reference/encord-api.md §4 lists
// them as NOT FOUND). These names, the "single ObjectUrl column = videos" rule and the 10,000-entry cap
// are our best reading of Encord's web UI and must be checked against it. docs/manifest-csv.md
// documents them for users.
//
// A CSV manifest has:
//   - `ObjectUrl` (required): one object URL per row; no whitespace in it.
//   - at most one title column, which names the data type of every row:
//       `Video title`           videos          one row per video
//       `Image title`           images          one row per image
//       `Image group title`     image_groups    rows with the same title form one group, in row order
//       `Image sequence title`  image_groups    the same, with createVideo: true
//       `DICOM series title`    dicom_series    rows with the same title form one series, in row order
//       `Audio title`           audio           one row per audio file
//   - no title column: the rows are videos.
// At most kMaxCsvEntries data rows.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "manifest/model.hpp"

namespace eic::manifest::csv_columns {

enum class Column {
    object_url,
    video_title,
    image_title,
    image_group_title,
    image_sequence_title,
    dicom_series_title,
    audio_title
};

struct ColumnInfo {
    Column column;
    const char* name;                            // exact header text
    bool title = false;                          // a title column (names the data type)
    Collection collection = Collection::videos;  // title columns: the rows' collection
    bool groups_rows = false;                    // rows sharing a title form one item (objectUrl_0..)
    bool create_video = false;                   // image sequences: items get createVideo: true
};

// Every column, ObjectUrl first, then the title columns.
const std::vector<ColumnInfo>& all();
const ColumnInfo& info(Column c);

// Exact match of a header cell (after removing surrounding spaces).
const ColumnInfo* find(std::string_view header_cell);
// Case-insensitive match that also ignores spaces and underscores ("objecturl", "image_title"): for a
// "did you mean" warning; nullptr when nothing is close.
const ColumnInfo* find_loose(std::string_view header_cell);

// The title column to write for items of a collection; `create_video` picks `Image sequence title` for
// image groups. nullptr for collections CSV cannot hold (text, pdf, nifti).
const ColumnInfo* title_column_for(Collection c, bool create_video = false);

inline constexpr const char* kObjectUrl = "ObjectUrl";
inline constexpr std::size_t kMaxCsvEntries = 10000;  // data rows per CSV file (UNVERIFIED, see above)

}  // namespace eic::manifest::csv_columns

// Encord's import manifest format, defined once: the collections, the item fields and the spellings
// eic accepts, the media metadata fields, the CSV columns, the file extensions of each media kind, and
// the format detector. The loader, the validator, conversion, split, inference, the editor and the
// paste/drop router all read this module; no other file spells a collection or field name.
//
// Sources:
// - Encord's GCP import guide (docs.encord.com, platform documentation, "import GCP data"), "Create
//   JSON or CSV for import": the JSON file form, CSV headers that "specify which type of data is being
//   uploaded" (one type or several in one file), the 10,000-entry CSV cap, and "a file with the single
//   ObjectUrl column is interpreted as a request for video upload".
// - https://docs.encord.com/platform-documentation/Index/add-files/index-register-cloud-data: the file
//   form's top-level keys videos, audio, image_groups, images, dicom_series and skip_duplicate_urls;
//   objectUrl, title, clientMetadata, the media metadata objects, objectUrl_{position_number}.
// - encord-client-python, encord/orm/storage.py (DataUploadItems and its item DTOs): the structured
//   (dataItems) names (imageGroups, dicomSeries, text, pdf, nifti) and the media metadata fields.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eic::manifest {

enum class Collection { videos, images, image_groups, dicom_series, audio, text, pdf, nifti };

inline constexpr Collection kAllCollections[] = {Collection::videos,       Collection::images, Collection::image_groups,
                                                 Collection::dicom_series, Collection::audio,  Collection::text,
                                                 Collection::pdf,          Collection::nifti};

}  // namespace eic::manifest

namespace eic::manifest::format {

// ---- collections -------------------------------------------------------------------------------

enum class Media : std::uint8_t { none, video, image, audio, text, pdf };

struct CollectionInfo {
    Collection id;
    std::string_view key;             // the file form's top-level key ("image_groups")
    std::string_view structured_key;  // the structured (dataItems) name ("imageGroups"); same when equal
    Media media;                      // the kind of metadata object its items carry
    std::string_view metadata_key;    // "videoMetadata", ...; empty when none
    bool grouped;                     // items list files as objectUrl_0, objectUrl_1, ...
    bool video;                       // counts against the recommended 100 videos per batch
    bool file_form_documented;        // false for text, pdf and nifti (structured form only)
};

// In kAllCollections order (model.hpp).
const std::array<CollectionInfo, std::size(kAllCollections)>& collections();
const CollectionInfo& info(Collection c);
// The file-form key exactly ("images"); nullptr otherwise.
const CollectionInfo* find_collection(std::string_view key);
// A structured-form name that differs from the file form ("imageGroups", "dicomSeries").
const CollectionInfo* find_structured_collection(std::string_view key);

// Top-level keys other than collections.
inline constexpr std::string_view kSkipDuplicateUrls = "skip_duplicate_urls";
inline constexpr std::string_view kUpsertMetadata = "upsert_metadata";  // structured form only (SDK)
// The structured form's spelling of a top-level key whose file-form spelling differs, or nullopt.
std::optional<std::string_view> file_form_of_structured(std::string_view key);
// Every top-level key a file may hold, for "did you mean".
const std::vector<std::string>& top_level_keys();
// The collections Encord documents for manifest files, for messages: "videos, images, ... and dicom_series".
const std::string& documented_collections_text();

// ---- item fields -------------------------------------------------------------------------------

inline constexpr std::string_view kObjectUrl = "objectUrl";
inline constexpr std::string_view kGroupUrlPrefix = "objectUrl_";  // objectUrl_0, objectUrl_1, ...
inline constexpr std::string_view kTitle = "title";
inline constexpr std::string_view kClientMetadata = "clientMetadata";
inline constexpr std::string_view kCreateVideo = "createVideo";
// Video import options that Encord's docs mention (https://docs.encord.com/sdk-documentation/
// datasets-sdk/sdk-client-metadata) without saying exactly where they go: accepted on video items and
// inside clientMetadata.config, never reported as unknown.
inline constexpr std::string_view kSamplingRate = "sampling_rate";
inline constexpr std::string_view kKeyframeMode = "keyframe_mode";
inline constexpr std::string_view kVideoConfig = "config";   // clientMetadata.config
inline constexpr std::string_view kKeyframes = "keyframes";  // clientMetadata.keyframes (docs: index-keyframes)

enum class Field : std::uint8_t {
    object_url,  // objectUrl (single-file items)
    group_url,   // objectUrl_N (grouped items)
    title,
    client_metadata,
    create_video,    // image groups
    media_metadata,  // the collection's metadata object
    video_option,    // sampling_rate, keyframe_mode (videos)
};

struct FieldMatch {
    Field field;
    bool documented = true;          // false: a snake_case spelling no source says Encord reads
    std::string_view documented_as;  // the documented spelling ("objectUrl", "objectUrl_N" for groups)
    // group_url: the position N, or nullopt when the suffix is not a number without leading zeros.
    std::optional<std::uint32_t> position;
};

// Which field of an item of `c` a member name is; nullopt for a name eic does not know there. Accepts
// the documented spellings and, flagged undocumented, their snake_case forms (object_url,
// object_url_0, client_metadata, create_video, video_metadata, ...).
std::optional<FieldMatch> match_item_field(Collection c, std::string_view key);
// The documented names of an item of `c`, for "did you mean".
std::vector<std::string> item_field_names(Collection c);

// How an item spelled the fields it had, so writing it back keeps the spelling (eic convert never
// renames a field without saying so). Views into static storage.
struct Spelling {
    bool snake_url = false;  // object_url, or object_url_N in groups
    bool snake_client_metadata = false;
    bool snake_create_video = false;
    // The names to write: objectUrl (or the group prefix objectUrl_), clientMetadata, createVideo, or
    // their snake_case forms where the item used them.
    std::string_view url(bool grouped) const;
    std::string_view client_metadata() const;
    std::string_view create_video() const;
};
// The undocumented spellings, as static views: "object_url", "object_url_", "client_metadata", "create_video".
std::string_view snake_spelling(std::string_view documented);

// ---- media metadata objects ---------------------------------------------------------------------

enum MediaField : std::uint8_t {
    fps,
    duration,
    width,
    height,
    file_size,
    mime_type,
    sample_rate,
    bit_depth,
    codec,
    num_channels,
    num_pages,
    kMediaFieldCount
};
enum class MediaFieldType : std::uint8_t { number, integer, string };
struct MediaFieldInfo {
    std::string_view snake;  // as the file form writes it (file_size)
    std::string_view camel;  // as the structured form writes it (fileSize)
    MediaFieldType type;
};
const std::array<MediaFieldInfo, kMediaFieldCount>& media_field_info();
// The fields of a metadata object of this kind, as bits (1 << MediaField): all required inside it
// (encord/orm/storage.py: VideoMetadata, ImageMetadata, AudioMetadata, TextMetadata, PdfMetadata).
std::uint32_t media_fields(Media m);
// "video/", "image/", "audio/" for the kinds whose MIME type has a known prefix; nullptr otherwise.
const char* mime_prefix(Media m);
// A metadata object's item key in either spelling ("videoMetadata" or "video_metadata"): the
// collection whose items carry it and whether the spelling is the documented one.
struct MetadataKeyMatch {
    Collection collection;
    bool documented;
};
std::optional<MetadataKeyMatch> match_metadata_key(std::string_view key);

// ---- file extensions ----------------------------------------------------------------------------

enum class ExtensionKind : std::uint8_t { unknown, video, image, audio, dicom, nifti, text, pdf };
// The media kind a URL's file extension names (case-insensitive; a query or fragment is ignored).
ExtensionKind extension_kind(std::string_view url);
// The extension as written, without the dot ("JPG"), or "" when the file name has none.
std::string_view extension_of(std::string_view url);
const char* extension_kind_name(ExtensionKind k);  // "an image", "audio", ...
// The media kind a Content-Type names (RFC 9110 §8.3: type/subtype, parameters after ';' ignored, case-
// insensitive): video/*, image/*, audio/*, text/*, application/pdf, application/dicom (RFC 3240),
// application/json. Unknown for anything else, and for GCS's default application/octet-stream
// (https://cloud.google.com/storage/docs/metadata#content-type), which says nothing of the kind.
ExtensionKind content_type_kind(std::string_view content_type);

// ---- detection ----------------------------------------------------------------------------------

// ASCII case-insensitive equality (extensions, CSV headers, TRUE/FALSE); other bytes compare exactly.
char ascii_lower(char c);
bool equal_ascii_ci(std::string_view a, std::string_view b);

enum class FileFormat { json, csv };
// By the file name's extension (.json / .csv, any case) when it has one; else by content: JSON when
// the text (after a BOM and whitespace) starts a JSON value ({, [, a number, true/false/null, or a
// string that is the whole text); CSV otherwise (a header begins with a column name, quoted or not).
FileFormat detect(std::string_view bytes, std::string_view file_name = {});

// ---- CSV columns --------------------------------------------------------------------------------
// Encord's guide does not list the exact headers other than ObjectUrl. Headers are read
// case-insensitively with surrounding spaces ignored, under every likely spelling below; eic writes the
// first spelling of each. A title column names the data type of the rows that fill it; a lone
// ObjectUrl column means videos.

enum class Column : std::uint8_t {
    object_url,
    video_title,
    image_title,
    image_group_title,
    image_sequence_title,
    dicom_series_title,
    audio_title,
    create_video,  // TRUE/FALSE beside Image group title: TRUE makes the group an image sequence
};

struct ColumnInfo {
    Column column;
    std::vector<std::string_view> spellings;  // the first is the one eic writes
    bool title = false;                       // names the data type of the rows that fill it
    Collection collection = Collection::videos;
    bool groups_rows = false;   // rows sharing a title form one item (objectUrl_0..)
    bool create_video = false;  // image sequences: items get createVideo: true
    std::string_view name() const { return spellings.front(); }
};

const std::vector<ColumnInfo>& csv_columns();
const ColumnInfo& column_info(Column c);
// A header cell read case-insensitively, surrounding spaces ignored, under any accepted spelling.
const ColumnInfo* find_column(std::string_view header_cell);
// A near miss: also ignoring spaces, underscores and hyphens ("object_url", "imagetitle"), for a
// spelling warning; nullptr when nothing is close.
const ColumnInfo* find_column_loose(std::string_view header_cell);
// The title column to write for items of a collection (`create_video` picks Image sequence title);
// nullptr for collections CSV cannot hold (text, pdf, nifti).
const ColumnInfo* title_column_for(Collection c, bool create_video = false);
// TRUE/FALSE (any case, surrounding spaces ignored; empty is FALSE); nullopt for anything else.
std::optional<bool> parse_csv_bool(std::string_view cell);

// What a CSV header says, column by column.
struct CsvHeaderCell {
    std::size_t index;       // column index in the file
    std::string text;        // as written
    const ColumnInfo* info;  // nullptr: not a manifest column
    bool loose = false;      // matched only by find_column_loose
    bool repeated = false;   // the same column already appeared (only the first is read)
};
struct CsvLayout {
    std::vector<CsvHeaderCell> cells;
    std::optional<std::size_t> url;  // ObjectUrl's column index
    struct Title {
        std::size_t index;
        const ColumnInfo* info;
    };
    std::vector<Title> titles;                // title columns, in file order
    std::optional<std::size_t> create_video;  // the Create video column's index
    // ObjectUrl is the only recognised column: Encord reads every row as a video.
    bool lone_url() const { return url && titles.empty() && !create_video; }
};
CsvLayout read_csv_header(const std::vector<std::string_view>& header_cells);

// The data type of one CSV row, decided by the title cell it fills.
struct CsvRowType {
    enum class Status { ok, ambiguous, missing } status = Status::ok;
    const ColumnInfo* title_column = nullptr;  // the title column read (nullptr: none, lone ObjectUrl)
    Collection collection = Collection::videos;
    std::string_view title;  // the title cell ("" when none)
    bool create_video = false;
    bool grouped = false;
    std::optional<std::size_t> title_index;  // the column index of the title read
    std::vector<std::string_view> filled;    // ambiguous: the names of the title columns filled
    bool bad_create_video = false;           // the Create video cell is neither TRUE nor FALSE
};
// `cell(i)` gives the row's value of column i ("" when the row is short).
template <class Cell>
CsvRowType classify_csv_row(const CsvLayout& layout, Cell&& cell);

// ---- implementation of the template -------------------------------------------------------------

template <class Cell>
CsvRowType classify_csv_row(const CsvLayout& layout, Cell&& cell) {
    CsvRowType r;
    if (layout.titles.empty()) return r;  // lone ObjectUrl: videos
    if (layout.titles.size() == 1) {
        const auto& t = layout.titles.front();
        r.title_column = t.info;
        r.title_index = t.index;
        r.title = cell(t.index);
    } else {
        for (const auto& t : layout.titles) {
            if (cell(t.index).empty()) continue;
            r.filled.push_back(t.info->name());
            if (!r.title_column) r.title_column = t.info, r.title_index = t.index, r.title = cell(t.index);
        }
        if (r.filled.size() > 1) r.status = CsvRowType::Status::ambiguous;
        if (r.filled.empty()) {
            r.status = CsvRowType::Status::missing;
            return r;
        }
    }
    r.collection = r.title_column->collection;
    r.grouped = r.title_column->groups_rows;
    r.create_video = r.title_column->create_video;
    if (layout.create_video && r.title_column->column == Column::image_group_title) {
        auto v = parse_csv_bool(cell(*layout.create_video));
        if (!v)
            r.bad_create_video = true;
        else
            r.create_video = *v;
    }
    return r;
}

}  // namespace eic::manifest::format

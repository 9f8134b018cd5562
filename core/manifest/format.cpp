#include "manifest/format.hpp"

#include <algorithm>
#include <cctype>

namespace eic::manifest::format {
namespace {

// objectUrl_N's N: digits without leading zeros, at most 7 of them (Encord's limit is 1,000,000 URLs).
std::optional<std::uint32_t> position_of(std::string_view digits) {
    if (digits.empty() || digits.size() > 7 || (digits.size() > 1 && digits[0] == '0')) return std::nullopt;
    std::uint32_t n = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + std::uint32_t(c - '0');
    }
    return n;
}

}  // namespace

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

bool equal_ascii_ci(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

const std::array<CollectionInfo, std::size(kAllCollections)>& collections() {
    // Order as kAllCollections: videos, images, image_groups, dicom_series, audio, text, pdf, nifti.
    static const std::array<CollectionInfo, std::size(kAllCollections)> table = {{
        {Collection::videos, "videos", "videos", Media::video, "videoMetadata", false, true, true},
        {Collection::images, "images", "images", Media::image, "imageMetadata", false, false, true},
        {Collection::image_groups, "image_groups", "imageGroups", Media::none, "", true, false, true},
        {Collection::dicom_series, "dicom_series", "dicomSeries", Media::none, "", true, false, true},
        {Collection::audio, "audio", "audio", Media::audio, "audioMetadata", false, false, true},
        {Collection::text, "text", "text", Media::text, "textMetadata", false, false, false},
        {Collection::pdf, "pdf", "pdf", Media::pdf, "pdfMetadata", false, false, false},
        {Collection::nifti, "nifti", "nifti", Media::none, "", false, false, false},
    }};
    return table;
}

const CollectionInfo& info(Collection c) { return collections()[std::size_t(c)]; }

const CollectionInfo* find_collection(std::string_view key) {
    for (const auto& c : collections())
        if (c.key == key) return &c;
    return nullptr;
}

const CollectionInfo* find_structured_collection(std::string_view key) {
    for (const auto& c : collections())
        if (c.structured_key != c.key && c.structured_key == key) return &c;
    return nullptr;
}

std::optional<std::string_view> file_form_of_structured(std::string_view key) {
    if (const CollectionInfo* c = find_structured_collection(key)) return c->key;
    if (key == "skipDuplicateUrls") return kSkipDuplicateUrls;
    if (key == "upsertMetadata") return kUpsertMetadata;
    return std::nullopt;
}

const std::vector<std::string>& top_level_keys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> k;
        for (const auto& c : collections()) k.emplace_back(c.key);
        k.emplace_back(kSkipDuplicateUrls);
        k.emplace_back(kUpsertMetadata);
        return k;
    }();
    return keys;
}

const std::string& documented_collections_text() {
    static const std::string text = [] {
        std::vector<std::string_view> keys;
        for (const auto& c : collections())
            if (c.file_form_documented) keys.push_back(c.key);
        std::string out;
        for (std::size_t i = 0; i < keys.size(); ++i)
            out += std::string(i == 0 ? "" : i + 1 == keys.size() ? " and " : ", ") + std::string(keys[i]);
        return out;
    }();
    return text;
}

std::string_view snake_spelling(std::string_view documented) {
    if (documented == kObjectUrl) return "object_url";
    if (documented == kGroupUrlPrefix) return "object_url_";
    if (documented == kClientMetadata) return "client_metadata";
    if (documented == kCreateVideo) return "create_video";
    return documented;
}

std::string_view Spelling::url(bool grouped) const {
    const std::string_view name = grouped ? kGroupUrlPrefix : kObjectUrl;
    return snake_url ? snake_spelling(name) : name;
}
std::string_view Spelling::client_metadata() const {
    return snake_client_metadata ? snake_spelling(kClientMetadata) : kClientMetadata;
}
std::string_view Spelling::create_video() const {
    return snake_create_video ? snake_spelling(kCreateVideo) : kCreateVideo;
}

std::optional<FieldMatch> match_item_field(Collection c, std::string_view key) {
    const CollectionInfo& ci = info(c);
    if (key == kTitle) return FieldMatch{Field::title, true, kTitle, std::nullopt};
    for (bool documented : {true, false}) {
        const std::string_view url = documented ? kObjectUrl : std::string_view("object_url");
        const std::string_view prefix = documented ? kGroupUrlPrefix : std::string_view("object_url_");
        if (!ci.grouped && key == url) return FieldMatch{Field::object_url, documented, kObjectUrl, std::nullopt};
        if (ci.grouped && key.size() > prefix.size() && key.substr(0, prefix.size()) == prefix)
            return FieldMatch{Field::group_url, documented, "objectUrl_N", position_of(key.substr(prefix.size()))};
        if (key == (documented ? kClientMetadata : std::string_view("client_metadata")))
            return FieldMatch{Field::client_metadata, documented, kClientMetadata, std::nullopt};
        if (c == Collection::image_groups && key == (documented ? kCreateVideo : std::string_view("create_video")))
            return FieldMatch{Field::create_video, documented, kCreateVideo, std::nullopt};
    }
    if (auto m = match_metadata_key(key); m && m->collection == c)
        return FieldMatch{Field::media_metadata, m->documented, ci.metadata_key, std::nullopt};
    if (c == Collection::videos && (key == kSamplingRate || key == kKeyframeMode))
        return FieldMatch{Field::video_option, true, key, std::nullopt};
    return std::nullopt;
}

std::vector<std::string> item_field_names(Collection c) {
    const CollectionInfo& ci = info(c);
    std::vector<std::string> names = {std::string(kTitle), std::string(kClientMetadata)};
    names.emplace_back(ci.grouped ? "objectUrl_0" : std::string(kObjectUrl));
    if (!ci.metadata_key.empty()) names.emplace_back(ci.metadata_key);
    if (c == Collection::image_groups) names.emplace_back(kCreateVideo);
    if (c == Collection::videos) names.emplace_back(kSamplingRate), names.emplace_back(kKeyframeMode);
    return names;
}

// ---- media metadata ------------------------------------------------------------------------------

const std::array<MediaFieldInfo, kMediaFieldCount>& media_field_info() {
    static const std::array<MediaFieldInfo, kMediaFieldCount> table = {{
        {"fps", "fps", MediaFieldType::number},
        {"duration", "duration", MediaFieldType::number},
        {"width", "width", MediaFieldType::integer},
        {"height", "height", MediaFieldType::integer},
        {"file_size", "fileSize", MediaFieldType::integer},
        {"mime_type", "mimeType", MediaFieldType::string},
        {"sample_rate", "sampleRate", MediaFieldType::integer},
        {"bit_depth", "bitDepth", MediaFieldType::integer},
        {"codec", "codec", MediaFieldType::string},
        {"num_channels", "numChannels", MediaFieldType::integer},
        {"num_pages", "numPages", MediaFieldType::integer},
    }};
    return table;
}

std::uint32_t media_fields(Media m) {
    auto bit = [](MediaField f) { return std::uint32_t(1) << f; };
    switch (m) {
        case Media::video:
            return bit(fps) | bit(duration) | bit(width) | bit(height) | bit(file_size) | bit(mime_type);
        case Media::image:
            return bit(mime_type) | bit(file_size) | bit(height) | bit(width);
        case Media::audio:
            return bit(duration) | bit(file_size) | bit(mime_type) | bit(sample_rate) | bit(bit_depth) | bit(codec) |
                   bit(num_channels);
        case Media::text:
            return bit(file_size) | bit(mime_type);
        case Media::pdf:
            return bit(file_size) | bit(num_pages);
        case Media::none:
            return 0;
    }
    return 0;
}

const char* mime_prefix(Media m) {
    switch (m) {
        case Media::video:
            return "video/";
        case Media::image:
            return "image/";
        case Media::audio:
            return "audio/";
        default:
            return nullptr;
    }
}

std::optional<MetadataKeyMatch> match_metadata_key(std::string_view key) {
    static const std::array<std::pair<std::string_view, Collection>, 5> snake = {{
        {"video_metadata", Collection::videos},
        {"image_metadata", Collection::images},
        {"audio_metadata", Collection::audio},
        {"text_metadata", Collection::text},
        {"pdf_metadata", Collection::pdf},
    }};
    for (const auto& c : collections())
        if (!c.metadata_key.empty() && key == c.metadata_key) return MetadataKeyMatch{c.id, true};
    for (const auto& [name, c] : snake)
        if (key == name) return MetadataKeyMatch{c, false};
    return std::nullopt;
}

// ---- extensions ----------------------------------------------------------------------------------

std::string_view extension_of(std::string_view url) {
    url = url.substr(0, url.find_first_of("?#"));
    const std::size_t slash = url.rfind('/');
    std::string_view file = slash == std::string_view::npos ? url : url.substr(slash + 1);
    const std::size_t dot = file.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == file.size()) return {};
    // .nii.gz is one extension
    if (equal_ascii_ci(file.substr(dot + 1), "gz") && dot >= 4 && equal_ascii_ci(file.substr(dot - 4, 4), ".nii"))
        return file.substr(dot - 3);
    return file.substr(dot + 1);
}

ExtensionKind extension_kind(std::string_view url) {
    // Common extensions of each media kind. An extension not listed is unknown, and the rules that use
    // this (a lone ObjectUrl column means videos) never flag an unknown one.
    static const std::array<std::pair<std::string_view, ExtensionKind>, 42> table = {{
        {"mp4", ExtensionKind::video},   {"mov", ExtensionKind::video},  {"webm", ExtensionKind::video},
        {"mkv", ExtensionKind::video},   {"avi", ExtensionKind::video},  {"m4v", ExtensionKind::video},
        {"mpg", ExtensionKind::video},   {"mpeg", ExtensionKind::video}, {"wmv", ExtensionKind::video},
        {"flv", ExtensionKind::video},   {"3gp", ExtensionKind::video},  {"ts", ExtensionKind::video},
        {"jpg", ExtensionKind::image},   {"jpeg", ExtensionKind::image}, {"png", ExtensionKind::image},
        {"gif", ExtensionKind::image},   {"bmp", ExtensionKind::image},  {"tif", ExtensionKind::image},
        {"tiff", ExtensionKind::image},  {"webp", ExtensionKind::image}, {"heic", ExtensionKind::image},
        {"heif", ExtensionKind::image},  {"avif", ExtensionKind::image}, {"svg", ExtensionKind::image},
        {"mp3", ExtensionKind::audio},   {"wav", ExtensionKind::audio},  {"flac", ExtensionKind::audio},
        {"aac", ExtensionKind::audio},   {"ogg", ExtensionKind::audio},  {"m4a", ExtensionKind::audio},
        {"opus", ExtensionKind::audio},  {"eac3", ExtensionKind::audio}, {"dcm", ExtensionKind::dicom},
        {"dicom", ExtensionKind::dicom}, {"nii", ExtensionKind::nifti},  {"nii.gz", ExtensionKind::nifti},
        {"txt", ExtensionKind::text},    {"json", ExtensionKind::text},  {"csv", ExtensionKind::text},
        {"html", ExtensionKind::text},   {"md", ExtensionKind::text},    {"pdf", ExtensionKind::pdf},
    }};
    const std::string_view ext = extension_of(url);
    if (ext.empty()) return ExtensionKind::unknown;
    for (const auto& [name, kind] : table)
        if (equal_ascii_ci(ext, name)) return kind;
    return ExtensionKind::unknown;
}

const char* extension_kind_name(ExtensionKind k) {
    switch (k) {
        case ExtensionKind::video:
            return "a video";
        case ExtensionKind::image:
            return "an image";
        case ExtensionKind::audio:
            return "audio";
        case ExtensionKind::dicom:
            return "a DICOM file";
        case ExtensionKind::nifti:
            return "a NIfTI file";
        case ExtensionKind::text:
            return "a text file";
        case ExtensionKind::pdf:
            return "a PDF";
        case ExtensionKind::unknown:
            return "an unknown type";
    }
    return "";
}

ExtensionKind content_type_kind(std::string_view content_type) {
    std::string_view t = content_type.substr(0, content_type.find(';'));
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    const std::size_t slash = t.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 == t.size()) return ExtensionKind::unknown;
    const std::string_view type = t.substr(0, slash);
    if (equal_ascii_ci(type, "video")) return ExtensionKind::video;
    if (equal_ascii_ci(type, "image")) return ExtensionKind::image;
    if (equal_ascii_ci(type, "audio")) return ExtensionKind::audio;
    if (equal_ascii_ci(type, "text")) return ExtensionKind::text;
    if (equal_ascii_ci(t, "application/pdf")) return ExtensionKind::pdf;
    if (equal_ascii_ci(t, "application/dicom")) return ExtensionKind::dicom;
    if (equal_ascii_ci(t, "application/json")) return ExtensionKind::text;
    return ExtensionKind::unknown;
}

// ---- detection -----------------------------------------------------------------------------------

FileFormat detect(std::string_view bytes, std::string_view file_name) {
    auto ends_with = [&](std::string_view ext) {
        return file_name.size() >= ext.size() && equal_ascii_ci(file_name.substr(file_name.size() - ext.size()), ext);
    };
    if (ends_with(".json")) return FileFormat::json;
    if (ends_with(".csv")) return FileFormat::csv;
    std::size_t i = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (i < bytes.size() && ws(bytes[i])) ++i;
    if (i == bytes.size()) return FileFormat::json;  // empty: json.empty says so
    const char c = bytes[i];
    if (c == '{' || c == '[' || c == '-' || (c >= '0' && c <= '9')) return FileFormat::json;
    for (std::string_view lit : {"true", "false", "null"}) {
        if (bytes.substr(i, lit.size()) == lit) {
            const std::size_t j = i + lit.size();
            if (j == bytes.size() || !(std::isalnum(static_cast<unsigned char>(bytes[j])) || bytes[j] == '_'))
                return FileFormat::json;
        }
    }
    if (c == '"') {
        // A quoted CSV header cell ("ObjectUrl","Image title") or a JSON string document: a JSON string
        // is the whole text, while a header cell is followed by ',' or by more lines.
        std::size_t j = i + 1;
        while (j < bytes.size() && bytes[j] != '"') j += bytes[j] == '\\' ? 2 : 1;
        ++j;
        while (j < bytes.size() && ws(bytes[j])) ++j;
        return j >= bytes.size() ? FileFormat::json : FileFormat::csv;
    }
    return FileFormat::csv;
}

}  // namespace eic::manifest::format

#include "manifest/media_metadata_json.hpp"

#include <string>

namespace eic::manifest {

nlohmann::ordered_json media_metadata_json(const media::MediaInfo& info) {
    using format::MediaField;
    const format::Media kind = info.kind == media::MediaKind::video ? format::Media::video : format::Media::image;
    const std::uint32_t fields = format::media_fields(kind);
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < format::kMediaFieldCount; ++i) {
        if (!(fields & (std::uint32_t(1) << i))) continue;
        const std::string name(format::media_field_info()[i].snake);
        switch (MediaField(i)) {
            case format::fps:
                out[name] = info.fps;
                break;
            case format::duration:
                out[name] = info.duration;
                break;
            case format::width:
                out[name] = info.width;
                break;
            case format::height:
                out[name] = info.height;
                break;
            case format::file_size:
                out[name] = info.file_size;
                break;
            case format::mime_type:
                out[name] = info.mime_type;
                break;
            default:
                break;  // audio, text and pdf fields: not read from images or videos
        }
    }
    return out;
}

std::optional<media::MediaKind> media_kind_of(Collection c) {
    switch (format::info(c).media) {
        case format::Media::video:
            return media::MediaKind::video;
        case format::Media::image:
            return media::MediaKind::image;
        default:
            return std::nullopt;
    }
}

bool set_media_metadata(Item& item, Collection c, const media::MediaInfo& info) {
    if (media_kind_of(c) != info.kind) return false;
    if (!item.metadata.is_object()) item.metadata = nlohmann::ordered_json::object();
    item.metadata[std::string(format::info(c).metadata_key)] = media_metadata_json(info);
    return true;
}

}  // namespace eic::manifest

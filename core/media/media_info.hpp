// What eic reads from a media file's header for Encord's `imageMetadata` and `videoMetadata` (the SDK's
// ImageMetadata and VideoMetadata, encord/orm/storage.py in encord-team/encord-client-python), and the
// outcome of one header reader (image_header.hpp, mp4_header.hpp).
#pragma once

#include <cstdint>
#include <string>

#include "media/byte_ranges.hpp"

namespace eic::media {

enum class MediaKind : std::uint8_t { image, video };
const char* media_kind_name(MediaKind k);  // "image", "video"

// How far a header reader got with the bytes it was given.
enum class HeaderStatus : std::uint8_t {
    ok,              // the fields are read
    need_more,       // the bytes in `need` must be read first
    not_recognised,  // not a format this reader knows (or not of its kind: an image reader given an MP4)
    unsupported,     // a known format in a variant eic does not read (BigTIFF, a fragmented MP4...)
    malformed,       // the format's rules are broken (a size that points past the end, a frame of 0 lines...)
};
const char* header_status_name(HeaderStatus s);

// The common part of a header reader's answer.
struct HeaderRead {
    HeaderStatus status = HeaderStatus::need_more;
    ByteRange need;      // need_more: the bytes to read next, at least
    std::string reason;  // not_recognised, unsupported, malformed: why, for a message
    bool ok() const { return status == HeaderStatus::ok; }
};

// What the manifest gets. Width and height are the stored picture's (see image_header.hpp and
// mp4_header.hpp on orientation); fps and duration are for videos only.
struct MediaInfo {
    MediaKind kind = MediaKind::image;
    std::string mime_type;  // as Encord names them: image/jpeg, image/png, image/webp, image/gif, image/bmp,
                            // image/tiff, video/mp4, video/quicktime
    std::uint64_t file_size = 0;
    std::uint32_t width = 0, height = 0;
    double fps = 0;       // frames per second
    double duration = 0;  // seconds
    // The file asks to be shown a quarter turn from how it is stored (EXIF Orientation 5-8, a track matrix
    // of 90° or 270°): a browser then shows it `height` wide and `width` high.
    bool quarter_turn = false;
};

}  // namespace eic::media

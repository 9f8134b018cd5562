// The picture size and MIME type of an image, read from the start of its file (no decoding), for Encord's
// `imageMetadata`. Pure: the caller reads the bytes (gcs/media_probe.hpp, with range requests) and asks
// again with more when the answer is need_more.
//
// Formats and where their sizes are (the MIME types are the IANA names Encord's examples use):
//   JPEG  image/jpeg  the frame header of any SOFn marker (ITU-T T.81 B.2.2): Y lines, X samples per line;
//                     segments before it are skipped by their length (T.81 B.1.1.4), fill bytes allowed
//                     (B.1.1.2). A frame header past the bytes held gives need_more at the next segment.
//   PNG   image/png   IHDR, the first chunk (PNG spec, https://www.w3.org/TR/png-3/ §5.6, §11.2.2)
//   WebP  image/webp  'VP8 ' (key frame header, RFC 6386 §9.1), 'VP8L' (RFC 9649 §3.2), 'VP8X' canvas
//                     (RFC 9649 §2.7; https://developers.google.com/speed/webp/docs/riff_container)
//   GIF   image/gif   the Logical Screen Descriptor (GIF89a, https://www.w3.org/Graphics/GIF/spec-gif89a.txt §18)
//   BMP   image/bmp   BITMAPCOREHEADER (16-bit sizes) or BITMAPINFOHEADER and its successors (32-bit, a
//                     negative height is a top-down bitmap: the size is its absolute value;
//                     https://learn.microsoft.com/en-us/windows/win32/api/wingdi/ns-wingdi-bitmapinfoheader)
//   TIFF  image/tiff  ImageWidth (256) and ImageLength (257) of the first IFD, SHORT or LONG (TIFF 6.0 §2, §8);
//                     the IFD may lie anywhere in the file, so it may need a follow-up read. BigTIFF is
//                     unsupported.
//
// Orientation: width and height are the stored picture's, as the format states them; an EXIF Orientation
// of 5-8 (JEITA CP-3451 Exif, tag 0x0112 in IFD0 of the APP1 "Exif" segment) does not swap them. Browsers
// draw such an image turned (CSS Images 3 `image-orientation`, whose initial value is `from-image`), so it
// shows `height` wide. Which of the two Encord expects in `imageMetadata` no public source says (Encord
// trusts the metadata as given under strict client-only access), so eic keeps the stored size, the one
// every format header states, and reports the turn (MediaInfo::quarter_turn) for the user to decide.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "media/byte_ranges.hpp"
#include "media/media_info.hpp"

namespace eic::media {

struct ImageHeader : HeaderRead {
    const char* mime_type = "";  // set once the format is recognised
    std::uint32_t width = 0, height = 0;
    // EXIF Orientation (1-8) when a JPEG's Exif segment was among the bytes held; 0 when not known.
    std::uint16_t orientation = 0;
};

// Reads the header from the bytes held; `file_size`, when known, tells a cut-short header (malformed) from
// one still to be read (need_more).
ImageHeader read_image_header(const SparseBytes& bytes, std::optional<std::uint64_t> file_size = std::nullopt);
// The same from the file's first bytes only.
ImageHeader read_image_header(std::string_view prefix, std::optional<std::uint64_t> file_size = std::nullopt);

}  // namespace eic::media

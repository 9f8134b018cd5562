// The little of TIFF that image headers need (TIFF 6.0, https://www.itu.int/itudoc/itu-t/com16/tiff-fx/docs/tiff6.pdf
// §2 "TIFF Structure"): the 8-byte header (byte order "II" or "MM", 42, the first IFD's offset) and a
// number-valued entry of an IFD. Used for TIFF files and for the TIFF structure inside a JPEG's Exif
// segment (Exif's Orientation, tag 0x0112).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace eic::media {

struct TiffHeader {
    bool little_endian = false;
    std::uint16_t version = 0;  // 42; 43 is BigTIFF
    std::uint32_t first_ifd = 0;
};

// The header at the start of `bytes` (at least 8 bytes); nullopt when there is no "II*\0" or "MM\0*"-like
// byte order mark.
std::optional<TiffHeader> read_tiff_header(std::string_view bytes);

// The value of entry `tag` in the IFD that `ifd` starts with (its entry count, then the entries, as far as
// `ifd` holds them), when its type is SHORT (3) or LONG (4) and its count at least 1; nullopt otherwise.
std::optional<std::uint32_t> tiff_ifd_number(std::string_view ifd, bool little_endian, std::uint16_t tag);

}  // namespace eic::media

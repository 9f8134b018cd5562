#include "media/tiff_ifd.hpp"

#include "media/byte_order.hpp"

namespace eic::media {

std::optional<TiffHeader> read_tiff_header(std::string_view b) {
    if (b.size() < 8) return std::nullopt;
    TiffHeader h;
    if (b.substr(0, 2) == "II")
        h.little_endian = true;
    else if (b.substr(0, 2) != "MM")
        return std::nullopt;
    h.version = u16(b, 2, h.little_endian);
    h.first_ifd = u32(b, 4, h.little_endian);
    return h;
}

std::optional<std::uint32_t> tiff_ifd_number(std::string_view ifd, bool little_endian, std::uint16_t tag) {
    if (ifd.size() < 2) return std::nullopt;
    const std::size_t n = u16(ifd, 0, little_endian);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t at = 2 + 12 * i;  // tag (2), type (2), count (4), value or offset (4)
        if (at + 12 > ifd.size()) return std::nullopt;
        if (u16(ifd, at, little_endian) != tag) continue;
        const std::uint16_t type = u16(ifd, at + 2, little_endian);
        if (u32(ifd, at + 4, little_endian) < 1) return std::nullopt;
        // A value of 4 bytes or fewer sits in the entry itself, left-justified (TIFF 6.0 §2, "Value/Offset").
        if (type == 3) return u16(ifd, at + 8, little_endian);
        if (type == 4) return u32(ifd, at + 8, little_endian);
        return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace eic::media

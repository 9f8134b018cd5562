// Unsigned integers read from file bytes, in either byte order. The caller has checked the bytes are
// there (SparseBytes::view); offsets are into the view.
#pragma once

#include <cstdint>
#include <string_view>

namespace eic::media {

inline std::uint8_t u8(std::string_view b, std::size_t i) { return std::uint8_t(b[i]); }
inline std::uint16_t be16(std::string_view b, std::size_t i) { return std::uint16_t(u8(b, i) << 8 | u8(b, i + 1)); }
inline std::uint32_t be32(std::string_view b, std::size_t i) {
    return std::uint32_t(be16(b, i)) << 16 | be16(b, i + 2);
}
inline std::uint64_t be64(std::string_view b, std::size_t i) {
    return std::uint64_t(be32(b, i)) << 32 | be32(b, i + 4);
}
inline std::uint16_t le16(std::string_view b, std::size_t i) { return std::uint16_t(u8(b, i) | u8(b, i + 1) << 8); }
inline std::uint32_t le24(std::string_view b, std::size_t i) { return le16(b, i) | std::uint32_t(u8(b, i + 2)) << 16; }
inline std::uint32_t le32(std::string_view b, std::size_t i) {
    return le16(b, i) | std::uint32_t(le16(b, i + 2)) << 16;
}
inline std::uint16_t u16(std::string_view b, std::size_t i, bool little) { return little ? le16(b, i) : be16(b, i); }
inline std::uint32_t u32(std::string_view b, std::size_t i, bool little) { return little ? le32(b, i) : be32(b, i); }

}  // namespace eic::media

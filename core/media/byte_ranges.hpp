// The bytes of one object that have been read so far, as ranges at their offsets: a media header is read
// with HTTP range requests (RFC 9110 §14), so what is held is the file's start and, after follow-ups,
// some later pieces (a JPEG's frame header past a large Exif segment, an MP4's moov box at the end).
// The header readers (image_header.hpp, mp4_header.hpp) ask for a range and either get its bytes or learn
// what is missing; read_plan.hpp turns what is missing into the next request.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace eic::media {

// Bytes [begin, end) of a file.
struct ByteRange {
    std::uint64_t begin = 0;
    std::uint64_t end = 0;
    std::uint64_t size() const { return end > begin ? end - begin : 0; }
    bool operator==(const ByteRange& o) const { return begin == o.begin && end == o.end; }
};

class SparseBytes {
public:
    SparseBytes() = default;
    // The file's first bytes.
    explicit SparseBytes(std::string_view prefix) { add(0, prefix); }

    // Holds `data` at `offset`; overlapping or adjacent pieces are joined (where they overlap, the bytes
    // held first are kept: the same file gives the same bytes).
    void add(std::uint64_t offset, std::string_view data);
    // The bytes [offset, offset + length) when all are held; nullopt otherwise (and on overflow).
    std::optional<std::string_view> view(std::uint64_t offset, std::uint64_t length) const;
    // The held bytes that start at `offset` and run without a gap, up to `max_length` ("" when the byte at
    // `offset` is not held).
    std::string_view run(std::uint64_t offset, std::uint64_t max_length = UINT64_MAX) const;
    // The first offset at or after `offset` whose byte is not held.
    std::uint64_t first_missing(std::uint64_t offset) const;
    // How many bytes are held in all.
    std::uint64_t held() const { return held_; }
    bool empty() const { return pieces_.empty(); }

private:
    std::map<std::uint64_t, std::string> pieces_;  // by offset; never overlapping or adjacent
    std::uint64_t held_ = 0;
};

// Checked addition for offsets taken from a file (a box or segment size may be anything): nullopt when
// the sum does not fit in 64 bits.
inline std::optional<std::uint64_t> add_offsets(std::uint64_t a, std::uint64_t b) {
    if (b > UINT64_MAX - a) return std::nullopt;
    return a + b;
}

}  // namespace eic::media

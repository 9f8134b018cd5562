// Which bytes of a media object to read next, and when to stop: the header readers (image_header.hpp,
// mp4_header.hpp) say what they lack, and this decides the HTTP range to ask for (RFC 9110 §14.1.2), within
// caps, so that no object is ever read whole:
// - the first read is [0, 64 KiB), which holds the whole header of nearly every image and of an MP4
//   whose moov box comes first (`-movflags +faststart`);
// - a follow-up reads at least `follow_up` bytes from the first byte the reader lacks (a JPEG's next
//   segments after a large Exif or ICC segment; a TIFF's IFD; the next top-level box header of an MP4,
//   and the moov box when it lies at the end);
// - images: at most 3 follow-ups and 1 MiB in all; videos: at most 6 follow-ups, and a moov box of at
//   most 8 MiB (a long movie's sample tables can be larger: "too large" then).
// Pure: the caller (gcs/media_probe.hpp) sends the requests and adds what comes back to the state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "media/byte_ranges.hpp"
#include "media/media_info.hpp"

namespace eic::media {

struct ReadLimits {
    std::uint64_t first_read = 64 << 10;
    std::uint64_t follow_up = 16 << 10;  // images: the least a follow-up reads
    int image_follow_ups = 3;
    std::uint64_t image_total = 1 << 20;       // bytes read in all for one image
    std::uint64_t video_follow_up = 64 << 10;  // videos: the least a follow-up reads (a small moov in one go)
    int video_follow_ups = 6;
    std::uint64_t max_moov = 8 << 20;
};

// What is known of one object.
struct ReadState {
    MediaKind kind = MediaKind::image;
    std::optional<std::uint64_t> file_size;  // from a listing, a HEAD, or an answer's Content-Range
    SparseBytes bytes;                       // what has been read
    int reads = 0;                           // ranges asked for and answered
};

enum class ReadVerdict : std::uint8_t {
    read,            // ask for `range`
    ok,              // `info` is complete
    not_recognised,  // not a format eic reads for this kind
    unsupported,     // a variant eic does not read
    malformed,       // the header breaks its format's rules, or the file is cut short
    too_large,       // the header lies beyond the caps
    size_unknown,    // the header is read, but the file's size is not known (no Content-Range or size given)
};
const char* read_verdict_name(ReadVerdict v);

struct ReadStep {
    ReadVerdict verdict = ReadVerdict::read;
    ByteRange range;     // read: the bytes to ask for (Range: bytes=begin-(end-1))
    MediaInfo info;      // ok: every field for the kind is set
    std::string reason;  // otherwise: why, for a message
};

ReadStep next_read(const ReadState& state, const ReadLimits& limits = {});

}  // namespace eic::media

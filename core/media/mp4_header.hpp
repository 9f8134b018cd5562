// The picture size, frame rate, duration and MIME type of an MP4 or QuickTime movie, read from its box
// headers and its movie box (no decoding), for Encord's `videoMetadata`. Pure: the caller reads the bytes
// (gcs/media_probe.hpp, with range requests) and asks again with more when the answer is need_more.
//
// ISO/IEC 14496-12 (ISO base media file format) and Apple's QuickTime File Format
// (https://developer.apple.com/library/archive/documentation/QuickTime/QTFF/) share the structure read here:
// - The file is a sequence of top-level boxes (atoms): 32-bit size and 4-character type; size 1 means a
//   64-bit largesize follows the type; size 0 means the box runs to the end of the file (14496-12 §4.2).
//   They are walked by their headers alone, so the media data ('mdat') in between is never read: a movie
//   box ('moov') at the end costs one read for each top-level header on the way and one for the moov.
// - 'ftyp' (§4.3) names the brand: 'qt  ' is QuickTime (video/quicktime); '3gp*' and '3g2*' are 3GPP
//   (video/3gpp, video/3gpp2: RFC 3839, RFC 4393); any other is MP4 (video/mp4). QuickTime files may lack
//   'ftyp' (QTFF, "File Type Compatibility Atom"), so a file that starts with 'moov', 'mdat', 'wide',
//   'free', 'skip' or 'pnot' is read as QuickTime. HEIF and AVIF images (brands heic, mif1, avif...) are
//   not videos.
// - moov/mvhd (§8.2.2): timescale and duration (version 0: 32-bit, version 1: 64-bit) give the duration in
//   seconds, as `ffmpeg -i` prints it (Encord's docs say to take the values from `ffmpeg -i`). When the
//   movie header has no duration, the video track's media duration is used.
// - The video track is the first 'trak' whose mdia/hdlr (§8.4.3) handler type is 'vide'.
//   Its mdia/mdhd (§8.4.2) timescale and duration and its stbl/stts (§8.6.1.2) sample counts give
//   fps = samples / (media duration / timescale).
// - Width and height: the first sample entry of stbl/stsd (VisualSampleEntry, §12.1.3; QTFF's video
//   sample description has them at the same place), which is the coded size `ffmpeg -i` prints; when that
//   says 0, tkhd's width and height (§8.3.2, 16.16 fixed point). A tkhd matrix that turns the picture by
//   90° or 270° (a phone held upright) does not swap them, as `ffmpeg -i` does not; it sets quarter_turn.
// - A fragmented MP4 (moov/mvex, §8.8.1) keeps its samples in movie fragments after the moov; eic does
//   not read those, so it is unsupported when the sample table is empty.
#pragma once

#include <cstdint>
#include <optional>

#include "media/byte_ranges.hpp"
#include "media/media_info.hpp"

namespace eic::media {

struct VideoHeader : HeaderRead {
    const char* mime_type = "";  // set once 'ftyp' (or its absence) is read
    std::uint32_t width = 0, height = 0;
    double fps = 0;
    double duration = 0;  // seconds
    bool quarter_turn = false;
    // need_more for the moov box itself (the only large read): its size, for the reader's cap.
    bool need_is_moov = false;
};

// Reads the header from the bytes held; `file_size`, when known, tells a cut-short file (malformed) from
// one still to be read (need_more), and is needed for a moov of size 0 (to the end of the file).
VideoHeader read_mp4_header(const SparseBytes& bytes, std::optional<std::uint64_t> file_size = std::nullopt);

}  // namespace eic::media

#include "media/mp4_header.hpp"

#include <string>
#include <string_view>

#include "media/byte_order.hpp"
#include "media/header_bytes.hpp"

namespace eic::media {
namespace {

std::string at(std::uint64_t offset) { return " at offset " + std::to_string(offset); }

// Box types are four printable ASCII characters in practice (14496-12 §4.2 defines them as 32-bit codes;
// QuickTime's user-data types start with 0xA9 '©', but only inside 'udta', which is not walked here).
bool printable(std::string_view type) {
    for (char c : type)
        if (c < 0x20 || c > 0x7E) return false;
    return true;
}

std::string quoted(std::string_view type) {
    return printable(type) ? "'" + std::string(type) + "'" : std::string("(not a box type)");
}

// ---- boxes inside the moov box (held whole) ----------------------------------------------------------

struct Box {
    std::string_view type;
    std::string_view body;  // after the header
};

// Calls f(box) for each box in `s` (the body of a container) while f returns true. Returns why the boxes
// do not fit their container, or "".
template <class F>
std::string each_box(std::string_view s, F&& f) {
    std::size_t p = 0;
    while (p < s.size()) {
        if (s.size() - p < 8) return "a box header is cut short by the end of its container";
        std::uint64_t size = be32(s, p);
        std::size_t header = 8;
        const std::string_view type = s.substr(p + 4, 4);
        if (size == 1) {
            if (s.size() - p < 16) return "the 64-bit size of box " + quoted(type) + " is cut short";
            size = be64(s, p + 8);
            header = 16;
        } else if (size == 0) {
            size = s.size() - p;  // to the end of its container
        }
        if (size < header)
            return "box " + quoted(type) + " has size " + std::to_string(size) + ", less than its header";
        if (size > s.size() - p)
            return "box " + quoted(type) + " says " + std::to_string(size) + " bytes, more than its container holds";
        if (!f(Box{type, s.substr(p + header, std::size_t(size) - header)})) return {};
        p += std::size_t(size);
    }
    return {};
}

// Timescale and duration of a movie or media header (mvhd §8.2.2, mdhd §8.4.2: the same layout up to
// there). A duration of all ones means "unknown" and is read as 0.
struct Clock {
    std::uint32_t timescale = 0;
    std::uint64_t duration = 0;
};
bool read_clock(std::string_view b, Clock& c) {
    if (b.size() < 4) return false;
    if (u8(b, 0) == 1) {  // creation and modification times of 64 bits
        if (b.size() < 32) return false;
        c.timescale = be32(b, 20);
        c.duration = be64(b, 24);
        if (c.duration == UINT64_MAX) c.duration = 0;
    } else {
        if (b.size() < 20) return false;
        c.timescale = be32(b, 12);
        c.duration = be32(b, 16);
        if (c.duration == UINT32_MAX) c.duration = 0;
    }
    return true;
}

struct Track {
    bool video = false;
    std::uint32_t tkhd_width = 0, tkhd_height = 0;  // rounded from 16.16
    bool quarter_turn = false;
    Clock media;
    std::uint32_t entry_width = 0, entry_height = 0;
    std::uint64_t samples = 0, sample_time = 0;  // stts: the count, and the sum of their durations
};

bool read_tkhd(std::string_view b, Track& t) {
    const bool v1 = b.size() >= 1 && u8(b, 0) == 1;
    // After version/flags: times, track_ID, reserved, duration (20 or 32 bytes), reserved (8), layer,
    // alternate_group, volume, reserved (8), matrix (36), width, height.
    const std::size_t matrix = v1 ? 52 : 40, size = matrix + 36;
    if (b.size() < size + 8) return false;
    // The matrix {a b u, c d v, x y w}: a quarter turn has a = d = 0 and b, c non-zero.
    const std::uint32_t a = be32(b, matrix), bb = be32(b, matrix + 4), c = be32(b, matrix + 12),
                        d = be32(b, matrix + 16);
    t.quarter_turn = a == 0 && d == 0 && bb != 0 && c != 0;
    t.tkhd_width = (be32(b, size) + 0x8000) >> 16;
    t.tkhd_height = (be32(b, size + 4) + 0x8000) >> 16;
    return true;
}

std::string read_stbl(std::string_view stbl, Track& t) {
    return each_box(stbl, [&](const Box& box) {
        if (box.type == "stsd" && box.body.size() >= 8 && be32(box.body, 4) >= 1) {
            // The first sample entry: reserved (6), data_reference_index (2), then for a VisualSampleEntry
            // pre_defined and reserved (16), width (2), height (2) (§12.1.3).
            const std::string err = each_box(box.body.substr(8), [&](const Box& entry) {
                if (entry.body.size() >= 28) {
                    t.entry_width = be16(entry.body, 24);
                    t.entry_height = be16(entry.body, 26);
                }
                return false;
            });
            (void)err;  // a broken entry leaves the size to tkhd
        } else if (box.type == "stts" && box.body.size() >= 8) {
            const std::uint64_t n = be32(box.body, 4);
            if (n > (box.body.size() - 8) / 8) return true;  // the table is cut short: no count
            for (std::size_t i = 0; i < n; ++i) {
                const std::uint64_t count = be32(box.body, 8 + 8 * i), delta = be32(box.body, 12 + 8 * i);
                t.samples += count;
                t.sample_time += count * delta;
            }
        }
        return true;
    });
}

std::string read_trak(std::string_view trak, Track& t) {
    std::string inner;  // why a box inside mdia does not fit
    const std::string outer = each_box(trak, [&](const Box& box) {
        if (box.type == "tkhd") read_tkhd(box.body, t);
        if (box.type != "mdia") return true;
        const std::string mdia = each_box(box.body, [&](const Box& m) {
            if (m.type == "mdhd") read_clock(m.body, t.media);
            // Version and flags (4), pre_defined (QuickTime: component type) (4), handler_type (4).
            if (m.type == "hdlr" && m.body.size() >= 12) t.video = m.body.substr(8, 4) == "vide";
            if (m.type == "minf") {
                const std::string minf = each_box(m.body, [&](const Box& i) {
                    if (i.type == "stbl") inner = read_stbl(i.body, t);
                    return inner.empty();
                });
                if (inner.empty()) inner = minf;
            }
            return inner.empty();
        });
        if (inner.empty()) inner = mdia;
        return inner.empty();
    });
    return outer.empty() ? inner : outer;
}

void read_moov(std::string_view moov, VideoHeader& out) {
    Clock movie;
    bool have_mvhd = false, fragmented = false, found = false;
    Track video;
    std::string err;
    const std::string outer = each_box(moov, [&](const Box& box) {
        if (box.type == "mvhd") have_mvhd = read_clock(box.body, movie);
        if (box.type == "mvex") fragmented = true;
        if (box.type == "trak" && !found) {
            Track t;
            err = read_trak(box.body, t);
            if (t.video) video = t, found = true;
        }
        return err.empty();
    });
    if (err.empty()) err = outer;
    if (!err.empty()) return void(fail(out, HeaderStatus::malformed, "In the moov box, " + err + "."));
    if (!have_mvhd || movie.timescale == 0)
        return void(fail(out, HeaderStatus::malformed, "The moov box has no movie header (mvhd) with a timescale."));
    if (!found)
        return void(fail(out, HeaderStatus::not_recognised,
                         "The movie has no video track (no track whose handler is 'vide'): audio only?"));
    const std::uint64_t media_duration = video.media.duration ? video.media.duration : video.sample_time;
    if (video.samples == 0 || media_duration == 0 || video.media.timescale == 0) {
        if (fragmented)
            return void(fail(out, HeaderStatus::unsupported,
                             "This is a fragmented MP4: its frames are listed in movie fragments after the moov box "
                             "(14496-12 §8.8), which eic does not read."));
        return void(fail(out, HeaderStatus::malformed,
                         "The video track has no samples, or no media timescale and duration (mdhd, stts)."));
    }
    out.width = video.entry_width ? video.entry_width : video.tkhd_width;
    out.height = video.entry_height ? video.entry_height : video.tkhd_height;
    if (out.width == 0 || out.height == 0)
        return void(fail(out, HeaderStatus::malformed, "The video track gives no picture size (stsd, tkhd)."));
    out.fps = double(video.samples) * double(video.media.timescale) / double(media_duration);
    out.duration = movie.duration ? double(movie.duration) / double(movie.timescale)
                                  : double(media_duration) / double(video.media.timescale);
    out.quarter_turn = video.quarter_turn;
    out.status = HeaderStatus::ok;
}

// ---- the top level ---------------------------------------------------------------------------------------

const char* mime_of_brand(std::string_view brand) {
    if (brand == "qt  ") return "video/quicktime";
    if (brand.substr(0, 3) == "3gp") return "video/3gpp";
    if (brand.substr(0, 3) == "3g2") return "video/3gpp2";
    return "video/mp4";
}

bool image_brand(std::string_view brand) {
    for (std::string_view b : {"heic", "heix", "heim", "heis", "mif1", "msf1", "avif", "avis"})
        if (brand == b) return true;
    return false;
}

bool quicktime_without_ftyp(std::string_view type) {
    for (std::string_view t : {"moov", "mdat", "wide", "free", "skip", "pnot"})
        if (type == t) return true;
    return false;
}

}  // namespace

VideoHeader read_mp4_header(const SparseBytes& bytes, std::optional<std::uint64_t> file_size) {
    VideoHeader out;
    HeaderBytes in(bytes, file_size);
    std::uint64_t p = 0;
    for (bool first = true;; first = false) {
        if (file_size && p >= *file_size) {
            if (first) return fail(out, HeaderStatus::not_recognised, "The file is empty.");
            return fail(out, HeaderStatus::malformed,
                        "The file's top-level boxes end (at " + std::to_string(p) + " bytes) without a moov box.");
        }
        const auto h = in.get(p, 8, "a top-level box header");
        if (!h) {
            in.stop(out);
            if (first && out.status == HeaderStatus::malformed)
                return fail(out, HeaderStatus::not_recognised,
                            "The file is too short to be an MP4 or QuickTime movie.");
            return out;
        }
        const std::string_view type = h->substr(4, 4);
        if (first && !printable(type))
            return fail(out, HeaderStatus::not_recognised,
                        "Not an MP4 or QuickTime movie: the file does not start with a box header.");
        if (first && type != "ftyp" && !quicktime_without_ftyp(type))
            return fail(out, HeaderStatus::not_recognised,
                        "Not an MP4 or QuickTime movie: the first box is " + quoted(type) + ", not 'ftyp'.");
        if (!printable(type))
            return fail(out, HeaderStatus::malformed,
                        "No box header" + at(p) + ": the size of the box before it is wrong.");
        if (first && type != "ftyp") out.mime_type = "video/quicktime";

        std::uint64_t size = be32(*h, 0), header = 8;
        if (size == 1) {
            const auto large = in.get(p + 8, 8, "a 64-bit box size");
            if (!large) {
                in.stop(out);
                return out;
            }
            size = be64(*large, 0);
            header = 16;
        } else if (size == 0) {
            if (type != "moov")
                return fail(out, HeaderStatus::malformed,
                            "Box " + quoted(type) + at(p) +
                                " runs to the end of the file (size 0), and no moov box came before it.");
            if (!file_size)
                return fail(out, HeaderStatus::unsupported,
                            "The moov box runs to the end of the file (size 0), and the file's size is not known.");
            size = *file_size - p;
        }
        if (size < header)
            return fail(
                out, HeaderStatus::malformed,
                "Box " + quoted(type) + at(p) + " has size " + std::to_string(size) + ", less than its header.");
        const auto end = add_offsets(p, size);
        if (!end || (file_size && *end > *file_size))
            return fail(out, HeaderStatus::malformed,
                        "Box " + quoted(type) + at(p) + " says " + std::to_string(size) +
                            " bytes, past the end of the " +
                            (file_size ? "file (" + std::to_string(*file_size) + " bytes)." : "file."));

        if (type == "ftyp") {
            if (size - header < 8)
                return fail(out, HeaderStatus::malformed, "The ftyp box is too short for its brand (14496-12 §4.3).");
            const auto brand = in.get(p + header, 4, "the ftyp box");
            if (!brand) {
                in.stop(out);
                return out;
            }
            if (image_brand(*brand))
                return fail(out, HeaderStatus::not_recognised,
                            "This is a HEIF or AVIF image (brand '" + std::string(*brand) + "'), not a video.");
            if (!*out.mime_type) out.mime_type = mime_of_brand(*brand);
        } else if (type == "moov") {
            if (!*out.mime_type) out.mime_type = "video/quicktime";
            const auto moov = in.get(p + header, size - header, "the moov box");
            if (!moov) {
                in.stop(out);
                out.need_is_moov = out.status == HeaderStatus::need_more;
                return out;
            }
            read_moov(*moov, out);
            return out;
        }
        p = *end;
    }
}

}  // namespace eic::media

#include "media/image_header.hpp"

#include <cstdlib>
#include <string>
#include <string_view>

#include "media/byte_order.hpp"
#include "media/header_bytes.hpp"
#include "media/tiff_ifd.hpp"

namespace eic::media {
namespace {

using namespace std::string_view_literals;

constexpr std::string_view kPng("\x89PNG\r\n\x1a\n", 8);
constexpr std::string_view kJpeg("\xFF\xD8\xFF", 3);
constexpr std::size_t kSignatureBytes = 12;  // the longest signature read: RIFF....WEBP

std::string at(std::uint64_t offset) { return " at offset " + std::to_string(offset); }

bool starts(std::string_view head, std::string_view sig) { return head.substr(0, sig.size()) == sig; }

// Whether `head` (fewer bytes than a signature) could still grow into one of them.
bool could_be_signature(std::string_view head) {
    static const std::string_view kSigs[] = {kPng,      kJpeg,     "GIF87a",  "GIF89a",  "BM",
                                             "II*\0"sv, "MM\0*"sv, "II+\0"sv, "MM\0+"sv, "RIFF"};
    for (std::string_view s : kSigs)
        if (s.substr(0, head.size()) == head.substr(0, s.size())) return true;
    return false;
}

// ---- JPEG (ITU-T T.81) ------------------------------------------------------------------------------

// SOF0-SOF15 (T.81 Table B.1) less DHT (C4), JPG (C8) and DAC (CC), which share the range.
bool is_sof(std::uint8_t m) { return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC; }

// Orientation from an APP1 segment's data when it is an Exif segment ("Exif\0\0" then a TIFF structure;
// JEITA CP-3451 §4.5.4); 0 when absent or unreadable from the bytes given.
std::uint16_t exif_orientation(std::string_view app1) {
    constexpr std::string_view kExif("Exif\0\0", 6);
    if (!starts(app1, kExif)) return 0;
    const std::string_view tiff = app1.substr(kExif.size());
    const auto h = read_tiff_header(tiff);
    if (!h || h->version != 42 || h->first_ifd >= tiff.size()) return 0;
    const auto v = tiff_ifd_number(tiff.substr(h->first_ifd), h->little_endian, 0x0112);
    return v && *v >= 1 && *v <= 8 ? std::uint16_t(*v) : 0;
}

void read_jpeg(HeaderBytes& in, ImageHeader& out) {
    out.mime_type = "image/jpeg";
    std::uint64_t p = 2;  // after SOI
    for (;;) {
        const auto m = in.get(p, 2, "a JPEG marker");
        if (!m) return in.stop(out);
        if (u8(*m, 0) != 0xFF) {
            fail(out, HeaderStatus::malformed,
                 "No JPEG marker" + at(p) +
                     " (T.81 B.1.1.2): the segment before it "
                     "has a wrong length, or the file is not a JPEG.");
            return;
        }
        const std::uint8_t code = u8(*m, 1);
        if (code == 0xFF) {  // a fill byte before a marker (T.81 B.1.1.2)
            p += 1;
            continue;
        }
        if (code == 0x01 || (code >= 0xD0 && code <= 0xD8)) {  // TEM, RSTm, SOI: markers without a length
            p += 2;
            continue;
        }
        if (code == 0xD9 || code == 0xDA || code == 0x00) {
            fail(out, HeaderStatus::malformed,
                 (code == 0xD9   ? "The JPEG ends (EOI" + at(p) + ") before any frame header."
                  : code == 0xDA ? "A JPEG scan starts" + at(p) + " before any frame header."
                                 : "A stuffed 0xFF00" + at(p) + " outside entropy-coded data.") +
                     " A JPEG's size is in its frame header (T.81 B.2.2), which precedes its scans.");
            return;
        }
        const auto len = in.get(p + 2, 2, "a JPEG segment header");
        if (!len) return in.stop(out);
        const std::uint16_t length = be16(*len, 0);  // counts itself, not the marker (T.81 B.1.1.4)
        if (length < 2) {
            fail(out, HeaderStatus::malformed,
                 "A JPEG segment" + at(p) + " has length " + std::to_string(length) +
                     ", less than the 2 bytes of the length itself.");
            return;
        }
        if (is_sof(code)) {
            // Lf (2), P (1), Y (2), X (2), Nf (1): T.81 B.2.2.
            const auto f = in.get(p + 4, 6, "the JPEG frame header");
            if (!f) return in.stop(out);
            if (length < 8) {
                fail(out, HeaderStatus::malformed, "The JPEG frame header" + at(p) + " is too short.");
                return;
            }
            const std::uint16_t lines = be16(*f, 1), samples = be16(*f, 3);
            if (samples == 0) {
                fail(out, HeaderStatus::malformed, "The JPEG frame header says 0 samples per line.");
                return;
            }
            if (lines == 0) {
                // Y = 0: the number of lines comes in a DNL segment after the first scan (T.81 B.2.5).
                fail(out, HeaderStatus::unsupported,
                     "The JPEG gives its height in a DNL segment after the first scan (T.81 B.2.5); eic reads "
                     "only the frame header.");
                return;
            }
            out.width = samples;
            out.height = lines;
            out.status = HeaderStatus::ok;
            return;
        }
        if (code == 0xE1 && out.orientation == 0) out.orientation = exif_orientation(in.available(p + 4, length - 2));
        p += 2 + std::uint64_t(length);
    }
}

// ---- the other formats -------------------------------------------------------------------------------

void read_png(HeaderBytes& in, ImageHeader& out) {
    out.mime_type = "image/png";
    // Signature (8), then IHDR: length (4) = 13, type (4), width (4), height (4), ... (§5.2, §11.2.2).
    const auto v = in.get(0, 24, "the PNG header");
    if (!v) return in.stop(out);
    const std::string_view type = v->substr(12, 4);
    if (type == "CgBI") {
        fail(out, HeaderStatus::unsupported,
             "This is Apple's CgBI variant of PNG (made by Xcode for iOS apps), not a standard PNG; browsers do not "
             "show it.");
        return;
    }
    if (type != "IHDR" || be32(*v, 8) != 13) {
        fail(out, HeaderStatus::malformed, "The first PNG chunk is not a 13-byte IHDR (PNG §5.6, §11.2.2).");
        return;
    }
    const std::uint32_t w = be32(*v, 16), h = be32(*v, 20);
    if (w == 0 || h == 0 || w > 0x7FFFFFFF || h > 0x7FFFFFFF) {
        fail(out, HeaderStatus::malformed,
             "The PNG's IHDR says " + std::to_string(w) + "x" + std::to_string(h) +
                 "; width and height must be 1 to 2^31-1 (PNG §11.2.2).");
        return;
    }
    out.width = w;
    out.height = h;
    out.status = HeaderStatus::ok;
}

void read_gif(HeaderBytes& in, ImageHeader& out) {
    out.mime_type = "image/gif";
    // Header (6), then the Logical Screen Descriptor: width (2), height (2), little-endian (GIF89a §17, §18).
    const auto v = in.get(0, 10, "the GIF header");
    if (!v) return in.stop(out);
    const std::uint16_t w = le16(*v, 6), h = le16(*v, 8);
    if (w == 0 || h == 0) {
        fail(out, HeaderStatus::malformed,
             "The GIF's logical screen is " + std::to_string(w) + "x" + std::to_string(h) + " (GIF89a §18).");
        return;
    }
    out.width = w;
    out.height = h;
    out.status = HeaderStatus::ok;
}

void read_bmp(HeaderBytes& in, ImageHeader& out) {
    // BITMAPFILEHEADER (14), then the DIB header, whose first 4 bytes are its own size.
    const auto v = in.get(0, 18, "the BMP header");
    if (!v) return in.stop(out);
    const std::uint32_t dib = le32(*v, 14);
    const bool core = dib == 12;  // BITMAPCOREHEADER: 16-bit unsigned width and height
    const bool info = dib == 16 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108 || dib == 124;
    if (!core && !info) {
        fail(out, HeaderStatus::not_recognised,
             "The file starts with \"BM\" but has no known bitmap header (size " + std::to_string(dib) + ").");
        return;
    }
    out.mime_type = "image/bmp";
    const auto d = in.get(14, core ? 8 : 12, "the BMP header");
    if (!d) return in.stop(out);
    std::int64_t w, h;
    if (core) {
        w = le16(*d, 4);
        h = le16(*d, 6);
    } else {
        // Signed: a negative height is a top-down bitmap (BITMAPINFOHEADER biHeight).
        w = std::int32_t(le32(*d, 4));
        h = std::int32_t(le32(*d, 8));
        h = std::llabs(h);
    }
    if (w <= 0 || h == 0) {
        fail(out, HeaderStatus::malformed,
             "The BMP header says width " + std::to_string(w) + " and height " + std::to_string(h) + ".");
        return;
    }
    out.width = std::uint32_t(w);
    out.height = std::uint32_t(h);
    out.status = HeaderStatus::ok;
}

void read_webp(HeaderBytes& in, ImageHeader& out) {
    out.mime_type = "image/webp";
    // "RIFF", size, "WEBP", then the first chunk: FourCC (4), size (4), data from offset 20.
    const auto c = in.get(12, 8, "the WebP header");
    if (!c) return in.stop(out);
    const std::string_view fourcc = c->substr(0, 4);
    std::uint32_t w = 0, h = 0;
    if (fourcc == "VP8 ") {
        // Frame tag (3), start code 9d 01 2a, then 14-bit width and height, 2 bits of scale each (RFC 6386 §9.1).
        const auto v = in.get(20, 10, "the VP8 frame header");
        if (!v) return in.stop(out);
        if ((u8(*v, 0) & 1) != 0 || v->substr(3, 3) != "\x9d\x01\x2a") {
            fail(out, HeaderStatus::malformed, "The WebP's VP8 data does not start with a key frame (RFC 6386 §9.1).");
            return;
        }
        w = le16(*v, 6) & 0x3FFF;
        h = le16(*v, 8) & 0x3FFF;
    } else if (fourcc == "VP8L") {
        // Signature 0x2f, then width - 1 and height - 1 in 14 bits each (RFC 9649 §3.2).
        const auto v = in.get(20, 5, "the VP8L header");
        if (!v) return in.stop(out);
        if (u8(*v, 0) != 0x2F) {
            fail(out, HeaderStatus::malformed, "The WebP's VP8L data lacks its 0x2f signature (RFC 9649 §3.2).");
            return;
        }
        const std::uint32_t bits = le32(*v, 1);
        w = (bits & 0x3FFF) + 1;
        h = (bits >> 14 & 0x3FFF) + 1;
    } else if (fourcc == "VP8X") {
        // Flags (1), reserved (3), canvas width - 1 (3), canvas height - 1 (3) (RFC 9649 §2.7).
        const auto v = in.get(20, 10, "the VP8X header");
        if (!v) return in.stop(out);
        w = le24(*v, 4) + 1;
        h = le24(*v, 7) + 1;
    } else {
        fail(out, HeaderStatus::malformed,
             "The WebP's first chunk is \"" + std::string(fourcc) + "\", not VP8, VP8L or VP8X (RFC 9649 §2).");
        return;
    }
    if (w == 0 || h == 0) {
        fail(out, HeaderStatus::malformed, "The WebP's frame header gives a size of 0.");
        return;
    }
    out.width = w;
    out.height = h;
    out.status = HeaderStatus::ok;
}

void read_tiff(HeaderBytes& in, ImageHeader& out) {
    out.mime_type = "image/tiff";
    const auto v = in.get(0, 8, "the TIFF header");
    if (!v) return in.stop(out);
    const TiffHeader h = *read_tiff_header(*v);
    if (h.version == 43) {
        fail(out, HeaderStatus::unsupported, "This is a BigTIFF (version 43), which eic does not read.");
        return;
    }
    if (h.version != 42 || h.first_ifd < 8) {
        fail(out, HeaderStatus::malformed,
             "The TIFF header is not version 42 with its first IFD after the header (TIFF 6.0 §2).");
        return;
    }
    const auto count = in.get(h.first_ifd, 2, "the TIFF's first IFD");
    if (!count) return in.stop(out);
    const std::uint16_t n = u16(*count, 0, h.little_endian);
    const auto ifd = in.get(h.first_ifd, 2 + 12 * std::uint64_t(n), "the TIFF's first IFD");
    if (!ifd) return in.stop(out);
    const auto w = tiff_ifd_number(*ifd, h.little_endian, 256), l = tiff_ifd_number(*ifd, h.little_endian, 257);
    if (!w || !l || *w == 0 || *l == 0) {
        fail(out, HeaderStatus::malformed,
             "The TIFF's first IFD has no non-zero ImageWidth (256) and ImageLength (257), SHORT or LONG (TIFF "
             "6.0 §8).");
        return;
    }
    out.width = *w;
    out.height = *l;
    out.status = HeaderStatus::ok;
}

}  // namespace

ImageHeader read_image_header(const SparseBytes& bytes, std::optional<std::uint64_t> file_size) {
    ImageHeader out;
    HeaderBytes in(bytes, file_size);
    const std::string_view head = bytes.run(0, kSignatureBytes);
    if (starts(head, kJpeg)) {
        read_jpeg(in, out);
    } else if (starts(head, kPng)) {
        read_png(in, out);
    } else if (starts(head, "GIF87a") || starts(head, "GIF89a")) {
        read_gif(in, out);
    } else if (head.size() >= 12 && starts(head, "RIFF") && head.substr(8, 4) == "WEBP") {
        read_webp(in, out);
    } else if (starts(head, "II*\0"sv) || starts(head, "MM\0*"sv) || starts(head, "II+\0"sv) ||
               starts(head, "MM\0+"sv)) {
        read_tiff(in, out);
    } else if (starts(head, "BM") && head.size() >= 12) {
        read_bmp(in, out);
    } else if (head.size() < kSignatureBytes && (!file_size || *file_size > head.size()) && could_be_signature(head)) {
        out.status = HeaderStatus::need_more;
        out.need = ByteRange{head.size(), kSignatureBytes};
    } else {
        fail(out, HeaderStatus::not_recognised,
             head.empty() ? "The file is empty."
                          : "Not an image format eic reads (JPEG, PNG, WebP, GIF, BMP, TIFF): its first bytes match "
                            "none of their signatures.");
    }
    return out;
}

ImageHeader read_image_header(std::string_view prefix, std::optional<std::uint64_t> file_size) {
    return read_image_header(SparseBytes(prefix), file_size);
}

}  // namespace eic::media

// Image headers (core/media/image_header.hpp) from real files made by ffmpeg and jpegtran
// (tests/data/media/README.md), and from bytes built here for the variants ffmpeg does not write.
#include "media/image_header.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "media_fixtures.hpp"

using namespace eic;
using media::HeaderStatus;
using media::read_image_header;

namespace {

struct Expected {
    const char* file;
    const char* mime;
    std::uint32_t width, height;
};

const Expected kImages[] = {
    {"baseline.jpg", "image/jpeg", 37, 23},  {"progressive.jpg", "image/jpeg", 37, 23},
    {"image.png", "image/png", 37, 23},      {"image.gif", "image/gif", 37, 23},
    {"image.bmp", "image/bmp", 37, 23},      {"image.tiff", "image/tiff", 37, 23},
    {"lossy.webp", "image/webp", 37, 23},    {"lossless.webp", "image/webp", 37, 23},
    {"animated.webp", "image/webp", 37, 23}, {"exif-orientation-6.jpg", "image/jpeg", 37, 23},
};

std::string bytes(std::initializer_list<int> b) {
    std::string s;
    for (int c : b) s += char(c);
    return s;
}

std::string be32(std::uint32_t v) { return bytes({int(v >> 24), int(v >> 16 & 255), int(v >> 8 & 255), int(v & 255)}); }
std::string le32(std::uint32_t v) { return bytes({int(v & 255), int(v >> 8 & 255), int(v >> 16 & 255), int(v >> 24)}); }

}  // namespace

TEST_CASE("image headers: every fixture gives its exact size and MIME type", "[media]") {
    for (const Expected& e : kImages) {
        INFO(e.file);
        const std::string file = test::media_fixture(e.file);
        REQUIRE(!file.empty());
        const auto h = read_image_header(file, file.size());
        CHECK(h.status == HeaderStatus::ok);
        CHECK(std::string(h.mime_type) == e.mime);
        CHECK(h.width == e.width);
        CHECK(h.height == e.height);
        CHECK(h.reason.empty());
    }
}

TEST_CASE("image headers: a JPEG's SOF past the first read asks for the next segment", "[media]") {
    const std::string file = test::media_fixture("exif-orientation-6.jpg");
    REQUIRE(file.size() == 67016);
    // SOI (2) + an APP1 of length 65535 (2 + 65535): the next segment starts at 65539.
    const auto first = read_image_header(file.substr(0, 65536), file.size());
    REQUIRE(first.status == HeaderStatus::need_more);
    CHECK(first.need.begin == 65539);
    CHECK(first.need.end == 65541);
    CHECK(std::string(first.mime_type) == "image/jpeg");
    CHECK(first.orientation == 6);  // read from the Exif segment, which the first read holds
    media::SparseBytes held(file.substr(0, 65536));
    held.add(65539, std::string_view(file).substr(65539, 4096));
    const auto second = read_image_header(held, file.size());
    CHECK(second.status == HeaderStatus::ok);
    CHECK(second.width == 37);
    CHECK(second.height == 23);
    CHECK(second.orientation == 6);  // the stored size is kept: a browser shows it 23 wide
}

TEST_CASE("image headers: a progressive JPEG has its size in SOF2", "[media]") {
    const std::string file = test::media_fixture("progressive.jpg");
    bool sof2 = false;
    for (std::size_t i = 0; i + 1 < file.size(); ++i) sof2 = sof2 || (file[i] == '\xFF' && file[i + 1] == '\xC2');
    CHECK(sof2);
    CHECK(read_image_header(file).width == 37);
}

TEST_CASE("image headers: every prefix of a header gives need_more or a final answer, never a wrong size", "[media]") {
    for (const Expected& e : kImages) {
        if (std::string(e.file) == "exif-orientation-6.jpg") continue;  // 67 KB: the others cover JPEG
        INFO(e.file);
        const std::string file = test::media_fixture(e.file);
        for (std::size_t n = 0; n <= file.size(); ++n) {
            INFO("prefix " << n);
            const std::string_view prefix = std::string_view(file).substr(0, n);
            // The rest of the file may follow: ok with the right size, or need_more past what is held.
            const auto open = read_image_header(prefix);
            if (open.status == HeaderStatus::ok) {
                CHECK(open.width == e.width);
                CHECK(open.height == e.height);
            } else {
                REQUIRE(open.status == HeaderStatus::need_more);
                CHECK(open.need.end > n);  // every byte before n is held, so a missing one lies at or past n
            }
            // The file is cut at n: ok with the right size, or a final refusal; never need_more.
            const auto cut = read_image_header(prefix, n);
            if (cut.status == HeaderStatus::ok) {
                CHECK(cut.width == e.width);
                CHECK(cut.height == e.height);
            } else {
                CHECK(cut.status != HeaderStatus::need_more);
                CHECK(!cut.reason.empty());
            }
        }
    }
}

TEST_CASE("image headers: garbage, text and videos are not recognised", "[media]") {
    CHECK(read_image_header(std::string_view(), 0).status == HeaderStatus::not_recognised);
    CHECK(read_image_header("hello, world: not an image at all").status == HeaderStatus::not_recognised);
    CHECK(read_image_header(test::media_fixture("faststart.mp4")).status == HeaderStatus::not_recognised);
    // A short prefix that could still be a signature wants the signature's bytes.
    const auto short_png = read_image_header("\x89PN");
    CHECK(short_png.status == HeaderStatus::need_more);
    CHECK(short_png.need.begin == 3);
    // Pseudo-random bytes (a fixed LCG), with each signature's first bytes in front: never a crash, never ok
    // with a size of 0.
    std::uint32_t x = 12345;
    for (const char* sig : {"", "\xFF\xD8\xFF", "\x89PNG\r\n\x1a\n", "GIF89a", "BM", "II*", "MM", "RIFF"}) {
        for (int round = 0; round < 200; ++round) {
            std::string s = sig;
            if (std::string(sig) == "II*" || std::string(sig) == "MM") s += std::string(1, '\0');
            for (int i = 0; i < 200; ++i) s += char((x = x * 1103515245 + 12345) >> 16);
            const auto h = read_image_header(s, s.size());
            if (h.status == HeaderStatus::ok) {
                CHECK(h.width > 0);
                CHECK(h.height > 0);
            }
            CHECK(h.status != HeaderStatus::need_more);
        }
    }
}

TEST_CASE("image headers: JPEG rules", "[media]") {
    const std::string soi = bytes({0xFF, 0xD8});
    // Fill bytes before a marker, an APP0 skipped by its length, then SOF0 with Y = 480, X = 640.
    const std::string sof = bytes({0xFF, 0xC0, 0, 17, 8, 0x01, 0xE0, 0x02, 0x80, 3});
    const std::string app0 = bytes({0xFF, 0xE0, 0, 6, 'a', 'b', 'c', 'd'});
    auto h = read_image_header(soi + app0 + bytes({0xFF, 0xFF}) + sof);
    REQUIRE(h.status == HeaderStatus::ok);
    CHECK(h.width == 640);
    CHECK(h.height == 480);
    // DHT (C4), JPG (C8) and DAC (CC) are not frame headers: skipped by length.
    for (int m : {0xC4, 0xC8, 0xCC}) {
        h = read_image_header(soi + bytes({0xFF, m, 0, 8, 1, 0, 2, 0, 3, 9}) + sof);
        CHECK(h.width == 640);
    }
    // SOF15 is one.
    h = read_image_header(soi + bytes({0xFF, 0xCF, 0, 11, 8, 0, 7, 0, 9, 1}));
    CHECK(h.status == HeaderStatus::ok);
    CHECK(h.width == 9);
    CHECK(h.height == 7);
    // Y = 0: the height comes in a DNL segment.
    CHECK(read_image_header(soi + bytes({0xFF, 0xC0, 0, 11, 8, 0, 0, 0, 9, 1})).status == HeaderStatus::unsupported);
    CHECK(read_image_header(soi + bytes({0xFF, 0xC0, 0, 11, 8, 0, 7, 0, 0, 1})).status == HeaderStatus::malformed);
    CHECK(read_image_header(soi + bytes({0xFF, 0xD9})).status == HeaderStatus::malformed);
    CHECK(read_image_header(soi + bytes({0xFF, 0xDA, 0, 2})).status == HeaderStatus::malformed);
    CHECK(read_image_header(soi + bytes({0xFF, 0xE0, 0, 1})).status == HeaderStatus::malformed);
    CHECK(read_image_header(soi + app0 + "xx" + sof).status == HeaderStatus::malformed);  // no marker where due
    // A segment length that points past the end of the file.
    CHECK(read_image_header(soi + bytes({0xFF, 0xE1, 0xFF, 0xFF}) + "Exif", 12).status == HeaderStatus::malformed);
}

TEST_CASE("image headers: BMP heights, header kinds and TIFF byte orders", "[media]") {
    // BITMAPINFOHEADER with a negative (top-down) height.
    std::string info = "BM" + le32(0) + le32(0) + le32(54) + le32(40) + le32(300) + le32(std::uint32_t(-200));
    auto h = read_image_header(info + std::string(28, '\0'));
    REQUIRE(h.status == HeaderStatus::ok);
    CHECK(std::string(h.mime_type) == "image/bmp");
    CHECK(h.width == 300);
    CHECK(h.height == 200);
    // BITMAPCOREHEADER: 16-bit sizes.
    h = read_image_header("BM" + le32(0) + le32(0) + le32(26) + le32(12) +
                          bytes({0x2C, 0x01, 0xC8, 0x00, 1, 0, 24, 0}));
    CHECK(h.width == 300);
    CHECK(h.height == 200);
    CHECK(read_image_header("BM" + le32(0) + le32(0) + le32(54) + le32(41) + std::string(40, '\0')).status ==
          HeaderStatus::not_recognised);
    CHECK(read_image_header("BM" + le32(0) + le32(0) + le32(54) + le32(40) + le32(0) + le32(5) + std::string(40, '\0'))
              .status == HeaderStatus::malformed);

    // Big-endian TIFF, ImageWidth SHORT and ImageLength LONG, the IFD at offset 8.
    const std::string mm = std::string("MM\0*", 4) + be32(8) + bytes({0, 2}) + bytes({1, 0, 0, 3}) + be32(1) +
                           bytes({0x01, 0x2C, 0, 0}) + bytes({1, 1, 0, 4}) + be32(1) + be32(200) + be32(0);
    h = read_image_header(mm);
    REQUIRE(h.status == HeaderStatus::ok);
    CHECK(std::string(h.mime_type) == "image/tiff");
    CHECK(h.width == 300);
    CHECK(h.height == 200);
    // The IFD past what is held: need_more at its offset, then ok once read.
    const std::string far = std::string("MM\0*", 4) + be32(5000);
    h = read_image_header(far);
    REQUIRE(h.status == HeaderStatus::need_more);
    CHECK(h.need.begin == 5000);
    media::SparseBytes held(far);
    held.add(5000, mm.substr(8));
    h = read_image_header(held);
    CHECK(h.status == HeaderStatus::ok);
    CHECK(h.width == 300);
    // BigTIFF; a TIFF without ImageLength.
    CHECK(read_image_header(std::string("II+\0", 4) + std::string(12, '\0')).status == HeaderStatus::unsupported);
    const std::string no_length =
        std::string("MM\0*", 4) + be32(8) + bytes({0, 1}) + bytes({1, 0, 0, 3}) + be32(1) + be32(0x012C0000);
    CHECK(read_image_header(no_length, no_length.size()).status == HeaderStatus::malformed);
    // The real little-endian file keeps its IFD at the end: a short first read asks for it.
    const std::string tiff = test::media_fixture("image.tiff");
    h = read_image_header(tiff.substr(0, 64), tiff.size());
    CHECK(h.status == HeaderStatus::need_more);
    CHECK(h.need.begin > 64);
}

TEST_CASE("image headers: PNG, GIF and WebP rules", "[media]") {
    const std::string sig("\x89PNG\r\n\x1a\n", 8);
    CHECK(read_image_header(sig + be32(13) + "IHDR" + be32(0) + be32(5)).status == HeaderStatus::malformed);
    CHECK(read_image_header(sig + be32(13) + "IHDR" + be32(0x80000000) + be32(5)).status == HeaderStatus::malformed);
    CHECK(read_image_header(sig + be32(4) + "CgBI" + be32(0) + be32(0)).status == HeaderStatus::unsupported);
    CHECK(read_image_header(sig + be32(13) + "IDAT" + be32(1) + be32(1)).status == HeaderStatus::malformed);
    CHECK(read_image_header(std::string("GIF87a") + bytes({0, 0, 5, 0})).status == HeaderStatus::malformed);
    const auto gif = read_image_header(std::string("GIF87a") + bytes({0x2C, 0x01, 0xC8, 0}));
    CHECK(gif.width == 300);
    CHECK(gif.height == 200);
    // VP8X canvas 300x200 (stored minus one, 24-bit little-endian).
    const std::string vp8x = "RIFF" + le32(30) + "WEBPVP8X" + le32(10) + bytes({0x10, 0, 0, 0, 43, 1, 0, 199, 0, 0});
    const auto w = read_image_header(vp8x);
    CHECK(w.status == HeaderStatus::ok);
    CHECK(w.width == 300);
    CHECK(w.height == 200);
    CHECK(read_image_header("RIFF" + le32(30) + "WEBPALPH" + le32(10) + std::string(10, '\0')).status ==
          HeaderStatus::malformed);
    CHECK(read_image_header("RIFF" + le32(30) + "WEBPVP8L" + le32(10) + std::string(10, '\0')).status ==
          HeaderStatus::malformed);
    // A RIFF that is not WebP (a WAV file) is not an image.
    CHECK(read_image_header("RIFF" + le32(30) + "WAVEfmt " + std::string(20, '\0')).status ==
          HeaderStatus::not_recognised);
}

// MP4 and QuickTime headers (core/media/mp4_header.hpp) from real files made by ffmpeg
// (tests/data/media/README.md), and box structures built here for the lies a file can tell.
#include "media/mp4_header.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "media_fixtures.hpp"

using namespace eic;
using media::HeaderStatus;
using media::read_mp4_header;
using media::SparseBytes;

namespace {

media::VideoHeader read_whole(const std::string& file) { return read_mp4_header(SparseBytes(file), file.size()); }

std::string be32(std::uint32_t v) { return {char(v >> 24), char(v >> 16 & 255), char(v >> 8 & 255), char(v & 255)}; }
std::string be64(std::uint64_t v) { return be32(std::uint32_t(v >> 32)) + be32(std::uint32_t(v)); }
std::string box(const std::string& type, const std::string& body) {
    return be32(std::uint32_t(8 + body.size())) + type + body;
}

// The fixtures' box layout (checked in the first test): the moov box of faststart.mp4.
constexpr std::size_t kFaststartMoov = 32, kMoovSize = 842;
constexpr std::size_t kTkhdMatrix = 156 + 8 + 40;  // tkhd box at 156, its body at +8, the matrix at +40
constexpr std::size_t kHdlrType = 324 + 8 + 8;     // hdlr box at 324, handler_type at body +8

}  // namespace

TEST_CASE("mp4 headers: faststart, moov at the end, and QuickTime give exact values", "[media]") {
    const std::string fast = test::media_fixture("faststart.mp4"), end = test::media_fixture("moov-at-end.mp4");
    REQUIRE(fast.substr(kFaststartMoov + 4, 4) == "moov");
    REQUIRE(fast.substr(kTkhdMatrix - 44, 4) == "tkhd");
    REQUIRE(fast.substr(kHdlrType - 12, 4) == "hdlr");
    for (const std::string* file : {&fast, &end}) {
        const auto h = read_whole(*file);
        REQUIRE(h.status == HeaderStatus::ok);
        CHECK(std::string(h.mime_type) == "video/mp4");
        CHECK(h.width == 40);
        CHECK(h.height == 24);
        // 10 samples of 1001 in a timescale of 30000 (mdhd, stts): 30000/1001 frames per second.
        CHECK(h.fps == 30000.0 / 1001.0);
        // mvhd: 334 in a timescale of 1000, as `ffmpeg -i` prints it (Duration: 00:00:00.33).
        CHECK(h.duration == 0.334);
        CHECK_FALSE(h.quarter_turn);
    }
    const auto mov = read_whole(test::media_fixture("clip.mov"));
    REQUIRE(mov.status == HeaderStatus::ok);
    CHECK(std::string(mov.mime_type) == "video/quicktime");
    CHECK(mov.width == 40);
    CHECK(mov.height == 24);
    CHECK(mov.fps == 25.0);
    CHECK(mov.duration == 0.4);
}

TEST_CASE("mp4 headers: moov at the end is found by walking box headers", "[media]") {
    const std::string file = test::media_fixture("moov-at-end.mp4");
    // ftyp (32), free (8), mdat (1119) at 40, moov at 1159.
    auto h = read_mp4_header(SparseBytes(file.substr(0, 100)), file.size());
    REQUIRE(h.status == HeaderStatus::need_more);
    CHECK(h.need.begin == 1159);
    CHECK(h.need.end == 1167);
    CHECK_FALSE(h.need_is_moov);
    SparseBytes held(file.substr(0, 100));
    held.add(1159, std::string_view(file).substr(1159, 8));
    h = read_mp4_header(held, file.size());
    REQUIRE(h.status == HeaderStatus::need_more);
    CHECK(h.need.begin == 1167);
    CHECK(h.need.end == file.size());
    CHECK(h.need_is_moov);
    held.add(1167, std::string_view(file).substr(1167));
    h = read_mp4_header(held, file.size());
    CHECK(h.status == HeaderStatus::ok);
    CHECK(h.width == 40);
}

TEST_CASE("mp4 headers: a quarter-turn track matrix keeps the stored size", "[media]") {
    std::string file = test::media_fixture("faststart.mp4");
    // {0 1 0, -1 0 0, 0 0 1}: 90° (16.16 fixed point).
    file.replace(kTkhdMatrix, 20, be32(0) + be32(0x10000) + be32(0) + be32(0xFFFF0000) + be32(0));
    const auto h = read_whole(file);
    REQUIRE(h.status == HeaderStatus::ok);
    CHECK(h.quarter_turn);
    CHECK(h.width == 40);
    CHECK(h.height == 24);
}

TEST_CASE("mp4 headers: the size from tkhd when the sample entry has none; brands and QuickTime without ftyp",
          "[media]") {
    std::string file = test::media_fixture("faststart.mp4");
    // stsd box at 441: version and flags, entry count, then the first entry (avc1) at 457, whose width and
    // height sit 32 and 34 bytes in.
    REQUIRE(file.substr(441 + 4, 4) == "stsd");
    REQUIRE(file.substr(457 + 4, 4) == "avc1");
    file.replace(457 + 32, 4, std::string(4, '\0'));
    auto h = read_whole(file);
    REQUIRE(h.status == HeaderStatus::ok);
    CHECK(h.width == 40);  // tkhd: 0x00280000 in 16.16
    CHECK(h.height == 24);
    file.replace(kTkhdMatrix + 36, 8, std::string(8, '\0'));  // tkhd width and height follow the matrix
    CHECK(read_whole(file).status == HeaderStatus::malformed);

    std::string three_gp = test::media_fixture("faststart.mp4");
    three_gp.replace(8, 4, "3gp5");
    CHECK(std::string(read_whole(three_gp).mime_type) == "video/3gpp");
    // clip.mov without its ftyp (20 bytes) starts with 'wide': QuickTime files need no ftyp.
    const auto bare = read_whole(test::media_fixture("clip.mov").substr(20));
    REQUIRE(bare.status == HeaderStatus::ok);
    CHECK(std::string(bare.mime_type) == "video/quicktime");
    CHECK(bare.fps == 25.0);
}

TEST_CASE("mp4 headers: not a video", "[media]") {
    CHECK(read_whole(test::media_fixture("baseline.jpg")).status == HeaderStatus::not_recognised);
    CHECK(read_whole("garbage garbage garbage garbage").status == HeaderStatus::not_recognised);
    CHECK(read_whole("").status == HeaderStatus::not_recognised);
    CHECK(read_whole("abc").status == HeaderStatus::not_recognised);
    CHECK(read_whole(box("ftyp", "heic" + be32(0) + "mif1heic") + box("meta", "")).status ==
          HeaderStatus::not_recognised);
    // An audio-only movie: the one track's handler is 'soun'.
    std::string audio = test::media_fixture("faststart.mp4");
    audio.replace(kHdlrType, 4, "soun");
    const auto h = read_whole(audio);
    CHECK(h.status == HeaderStatus::not_recognised);
    CHECK(h.reason.find("no video track") != std::string::npos);
}

TEST_CASE("mp4 headers: a fragmented MP4 is unsupported", "[media]") {
    const auto h = read_whole(test::media_fixture("fragmented.mp4"));
    CHECK(h.status == HeaderStatus::unsupported);
    CHECK(h.reason.find("fragmented") != std::string::npos);
}

TEST_CASE("mp4 headers: box sizes that lie", "[media]") {
    const std::string ftyp = box("ftyp", "isom" + be32(512) + "isomiso2");
    const std::string fast = test::media_fixture("faststart.mp4");
    const std::string moov = fast.substr(kFaststartMoov, kMoovSize);
    // Bigger than the file.
    CHECK(read_whole(ftyp + be32(1000000) + "mdat" + "xx").status == HeaderStatus::malformed);
    // Smaller than its header.
    CHECK(read_whole(ftyp + be32(4) + "free" + moov).status == HeaderStatus::malformed);
    // Size 0 (to the end of the file) before any moov: there is no moov.
    CHECK(read_whole(ftyp + be32(0) + "mdat" + "data" + moov).status == HeaderStatus::malformed);
    // Size 0 on the moov itself: it runs to the end of the file, which is fine when the size is known.
    const std::string open_moov = ftyp + be32(0) + moov.substr(4);
    CHECK(read_whole(open_moov).status == HeaderStatus::ok);
    CHECK(read_mp4_header(SparseBytes(open_moov)).status == HeaderStatus::unsupported);
    // Size 1: a 64-bit largesize follows the type.
    const std::string large = be32(1) + "ftyp" + be64(16 + 16) + "isom" + be32(512) + "isomiso2";
    auto h = read_whole(large + moov);
    CHECK(h.status == HeaderStatus::ok);
    CHECK(h.fps == 30000.0 / 1001.0);
    CHECK(read_whole(be32(1) + "ftyp" + be64(8) + "isom" + be32(512) + moov).status == HeaderStatus::malformed);
    CHECK(read_whole(be32(1) + "ftyp" + be64(UINT64_MAX) + "isom" + be32(512) + moov).status ==
          HeaderStatus::malformed);
    // A box that says it is past 4 GiB: the walker goes there by its 64-bit offset (the bytes between are
    // never held) and reads the moov behind it.
    const std::uint64_t mdat_size = (std::uint64_t(1) << 32) + 100;
    SparseBytes far(ftyp + be32(1) + "mdat" + be64(mdat_size));
    const std::uint64_t moov_at = ftyp.size() + mdat_size;
    h = read_mp4_header(far, moov_at + moov.size());
    REQUIRE(h.status == HeaderStatus::need_more);
    CHECK(h.need.begin == moov_at);
    far.add(moov_at, moov);
    h = read_mp4_header(far, moov_at + moov.size());
    CHECK(h.status == HeaderStatus::ok);
    CHECK(h.width == 40);
    // Without the file size, a moov past 4 GiB is still found.
    CHECK(read_mp4_header(far).status == HeaderStatus::ok);
    // A box past the end of the top level is not a box header.
    CHECK(read_whole(ftyp + std::string(8, '\x01') + moov).status == HeaderStatus::malformed);
}

TEST_CASE("mp4 headers: boxes inside moov that lie, and deep nesting", "[media]") {
    const std::string ftyp = box("ftyp", "isom" + be32(512) + "isomiso2");
    // A child bigger than its parent.
    auto h = read_whole(ftyp + box("moov", be32(500) + "mvhd" + std::string(20, '\0')));
    CHECK(h.status == HeaderStatus::malformed);
    CHECK(h.reason.find("more than its container") != std::string::npos);
    // A child smaller than its header.
    CHECK(read_whole(ftyp + box("moov", be32(3) + "mvhd" + std::string(20, '\0'))).status == HeaderStatus::malformed);
    // No mvhd.
    CHECK(read_whole(ftyp + box("moov", box("free", ""))).status == HeaderStatus::malformed);
    // 3,000 boxes nested inside one another: read without recursion into unknown boxes, so no stack grows.
    std::string nest = box("free", "");
    for (int i = 0; i < 3000; ++i) nest = box(i % 2 ? "mdia" : "trak", nest);
    h = read_whole(ftyp + box("moov", nest));
    CHECK(h.status != HeaderStatus::ok);
    CHECK(h.status != HeaderStatus::need_more);
}

TEST_CASE("mp4 headers: every prefix gives need_more or a final answer, never wrong values", "[media]") {
    for (const char* name : {"faststart.mp4", "moov-at-end.mp4", "clip.mov"}) {
        INFO(name);
        const std::string file = test::media_fixture(name);
        const auto whole = read_whole(file);
        REQUIRE(whole.ok());
        for (std::size_t n = 0; n < file.size(); ++n) {
            INFO("prefix " << n);
            const SparseBytes prefix(std::string_view(file).substr(0, n));
            const auto open = read_mp4_header(prefix);
            if (open.ok()) {
                CHECK(open.width == whole.width);
                CHECK(open.fps == whole.fps);
            } else {
                REQUIRE(open.status == HeaderStatus::need_more);
                CHECK(open.need.end > n);
            }
            const auto cut = read_mp4_header(prefix, n);
            if (cut.ok()) {
                // Only boxes after the moov were cut off (a faststart file's mdat).
                CHECK(cut.width == whole.width);
                CHECK(cut.duration == whole.duration);
            } else {
                CHECK(cut.status != HeaderStatus::need_more);
            }
        }
    }
}

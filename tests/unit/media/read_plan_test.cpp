// The read plan (core/media/read_plan.hpp): which ranges are read, how many, and where it stops.
#include "media/read_plan.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "media_fixtures.hpp"

using namespace eic;
using media::MediaKind;
using media::ReadVerdict;

TEST_CASE("read plan: the first read is 64 KiB, or the whole of a smaller object", "[media]") {
    media::ReadState st;
    auto s = media::next_read(st);
    CHECK(s.verdict == ReadVerdict::read);
    CHECK(s.range == media::ByteRange{0, 65536});
    st.file_size = 1000;
    CHECK(media::next_read(st).range == media::ByteRange{0, 1000});
    st.file_size = 0;
    CHECK(media::next_read(st).verdict == ReadVerdict::not_recognised);
}

TEST_CASE("read plan: images in one read, a large Exif segment in two", "[media]") {
    for (const char* name : {"baseline.jpg", "image.png", "image.tiff", "animated.webp"}) {
        INFO(name);
        int reads = 0;
        const auto s = test::read_as_server(MediaKind::image, test::media_fixture(name), {}, reads);
        REQUIRE(s.verdict == ReadVerdict::ok);
        CHECK(reads == 1);
        CHECK(s.info.width == 37);
        CHECK(s.info.height == 23);
        CHECK(s.info.file_size == test::media_fixture(name).size());
        CHECK_FALSE(s.info.quarter_turn);
    }
    const std::string exif = test::media_fixture("exif-orientation-6.jpg");
    int reads = 0;
    const auto s = test::read_as_server(MediaKind::image, exif, {}, reads);
    REQUIRE(s.verdict == ReadVerdict::ok);
    CHECK(reads == 2);
    CHECK(s.info.mime_type == "image/jpeg");
    CHECK(s.info.width == 37);
    CHECK(s.info.height == 23);
    CHECK(s.info.file_size == 67016);
    CHECK(s.info.quarter_turn);

    // The follow-up starts at the next segment (65539; 65536-65538 are the Exif segment's, never needed) and
    // reads at least 16 KiB, cut at the end of the file.
    media::ReadState st;
    st.file_size = exif.size();
    st.bytes.add(0, std::string_view(exif).substr(0, 65536));
    st.reads = 1;
    const auto next = media::next_read(st);
    CHECK(next.verdict == ReadVerdict::read);
    CHECK(next.range == media::ByteRange{65539, 67016});
}

TEST_CASE("read plan: image caps", "[media]") {
    const std::string exif = test::media_fixture("exif-orientation-6.jpg");
    media::ReadLimits no_follow_up;
    no_follow_up.image_follow_ups = 0;
    int reads = 0;
    auto s = test::read_as_server(MediaKind::image, exif, no_follow_up, reads);
    CHECK(s.verdict == ReadVerdict::too_large);
    CHECK(reads == 1);
    media::ReadLimits small_total;
    small_total.image_total = 65536;
    s = test::read_as_server(MediaKind::image, exif, small_total, reads);
    CHECK(s.verdict == ReadVerdict::too_large);
    CHECK(s.reason.find("at most 65536 bytes") != std::string::npos);
    // Three follow-ups of a small size walk a JPEG's segments one read at a time, then stop.
    media::ReadLimits tiny;
    tiny.first_read = 4;
    tiny.follow_up = 2;
    s = test::read_as_server(MediaKind::image, test::media_fixture("baseline.jpg"), tiny, reads);
    CHECK(s.verdict == ReadVerdict::too_large);
    CHECK(reads == 4);
}

TEST_CASE("read plan: videos, moov first or last", "[media]") {
    int reads = 0;
    auto s = test::read_as_server(MediaKind::video, test::media_fixture("faststart.mp4"), {}, reads);
    REQUIRE(s.verdict == ReadVerdict::ok);
    CHECK(reads == 1);
    CHECK(s.info.mime_type == "video/mp4");
    CHECK(s.info.width == 40);
    CHECK(s.info.height == 24);
    CHECK(s.info.fps == 30000.0 / 1001.0);
    CHECK(s.info.duration == 0.334);
    CHECK(s.info.file_size == 2001);
    // Small reads: the first 64 bytes hold ftyp and free; then the mdat header, the moov header, the moov.
    media::ReadLimits small;
    small.first_read = 64;
    small.video_follow_up = 8;
    s = test::read_as_server(MediaKind::video, test::media_fixture("moov-at-end.mp4"), small, reads);
    REQUIRE(s.verdict == ReadVerdict::ok);
    CHECK(reads == 3);
    CHECK(s.info.fps == 30000.0 / 1001.0);
    small.max_moov = 500;
    s = test::read_as_server(MediaKind::video, test::media_fixture("moov-at-end.mp4"), small, reads);
    CHECK(s.verdict == ReadVerdict::too_large);
    CHECK(s.reason.find("moov") != std::string::npos);
    s = test::read_as_server(MediaKind::video, test::media_fixture("clip.mov"), {}, reads);
    CHECK(s.info.mime_type == "video/quicktime");
    s = test::read_as_server(MediaKind::video, test::media_fixture("fragmented.mp4"), {}, reads);
    CHECK(s.verdict == ReadVerdict::unsupported);
    s = test::read_as_server(MediaKind::video, test::media_fixture("image.png"), {}, reads);
    CHECK(s.verdict == ReadVerdict::not_recognised);
}

TEST_CASE("read plan: without the file's size the header is read but the result is incomplete", "[media]") {
    int reads = 0;
    const auto s = test::read_as_server(MediaKind::image, test::media_fixture("image.png"), {}, reads, false);
    CHECK(s.verdict == ReadVerdict::size_unknown);
    CHECK(s.info.width == 0);  // never a half-filled result
}

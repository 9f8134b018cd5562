// The bytes of an object read so far (core/media/byte_ranges.hpp).
#include "media/byte_ranges.hpp"

#include <catch2/catch.hpp>

using eic::media::SparseBytes;

TEST_CASE("sparse bytes: pieces join when they touch or overlap; views need every byte", "[media]") {
    SparseBytes b;
    CHECK(b.empty());
    b.add(10, "klmno");
    b.add(0, "abc");
    CHECK(b.held() == 8);
    CHECK(*b.view(10, 5) == "klmno");
    CHECK_FALSE(b.view(2, 9));
    CHECK(b.run(1) == "bc");
    CHECK(b.run(5).empty());
    CHECK(b.first_missing(0) == 3);
    CHECK(b.first_missing(5) == 5);
    CHECK(b.first_missing(12) == 15);
    // Adjacent, then bridging with an overlap on both sides: the bytes held first are kept.
    b.add(3, "de");
    b.add(4, "XfghijK");
    CHECK(b.held() == 15);
    CHECK(*b.view(0, 15) == "abcdefghijklmno");
    CHECK(b.first_missing(0) == 15);
    // Far offsets, and views that would overflow.
    b.add(UINT64_MAX - 3, "wxyz");
    CHECK(b.held() == 18);  // the byte at UINT64_MAX cannot be addressed by [begin, end)
    CHECK(*b.view(UINT64_MAX - 3, 3) == "wxy");
    CHECK_FALSE(b.view(UINT64_MAX - 3, 4));
    CHECK_FALSE(b.view(1, UINT64_MAX));
    CHECK(b.view(7, 0)->empty());
}

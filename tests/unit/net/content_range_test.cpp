// Content-Range values (core/net/content_range.hpp, RFC 9110 §14.4).
#include "net/content_range.hpp"

#include <catch2/catch.hpp>

using eic::net::parse_content_range;

TEST_CASE("content range: satisfied, unsatisfied and unknown lengths", "[net][media]") {
    auto r = parse_content_range("bytes 0-65535/2001000");
    REQUIRE(r);
    CHECK(*r->first == 0);
    CHECK(*r->last == 65535);
    CHECK(*r->complete == 2001000);
    r = parse_content_range("bytes 42-42/*");
    REQUIRE(r);
    CHECK(*r->first == 42);
    CHECK_FALSE(r->complete);
    r = parse_content_range("bytes */1234");
    REQUIRE(r);
    CHECK_FALSE(r->first);
    CHECK(*r->complete == 1234);
    // Past 4 GiB.
    r = parse_content_range("bytes 5000000000-5000000099/6000000000");
    REQUIRE(r);
    CHECK(*r->first == 5000000000u);
}

TEST_CASE("content range: malformed values are refused", "[net][media]") {
    for (const char* v :
         {"", "bytes", "bytes */*", "items 0-1/2", "bytes 0-1", "bytes 5-4/10", "bytes 0-10/10", "bytes -1-2/3",
          "bytes 0-1/ 3", "bytes 0-99999999999999999999/1", "Bytes 0-1/2", "bytes 0 - 1/2"}) {
        INFO(v);
        CHECK_FALSE(parse_content_range(v));
    }
}

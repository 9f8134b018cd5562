// The byte and time rules under V4 signing: percent-encoding, header values (core/gcs/v4_encoding.hpp)
// and timestamps (core/gcs/v4_time.hpp).
#include <catch2/catch.hpp>

#include "gcs/v4_encoding.hpp"
#include "gcs/v4_time.hpp"

using namespace eic::gcs;

TEST_CASE("v4 encoding: RFC 3986 unreserved characters stay, everything else is %XX", "[gcs][v4]") {
    // Published vector 13's query name and value.
    CHECK(percent_encode("aA0\xc3\xa9/=%-_.~") == "aA0%C3%A9%2F%3D%25-_.~");
    CHECK(percent_encode("~ ._-%=/\xc3\xa9"
                         "0Aa") == "~%20._-%25%3D%2F%C3%A90Aa");
    CHECK(percent_encode(std::string("\x00\x7f\xff", 3)) == "%00%7F%FF");
    CHECK(percent_encode("?=!#$&'()*+,:;@[]\"") == "%3F%3D%21%23%24%26%27%28%29%2A%2B%2C%3A%3B%40%5B%5D%22");
    CHECK(percent_encode("") == "");
    CHECK(encode_object_path("/path/with/slashes/under_score/amper&sand/file.ext") ==
          "/path/with/slashes/under_score/amper%26sand/file.ext");
    CHECK(encode_object_path("a b/c&d.txt") == "a%20b/c%26d.txt");
}

TEST_CASE("v4 encoding: header values are trimmed and their whitespace folded", "[gcs][v4]") {
    // Published vectors 9 and 10.
    CHECK(canonical_header_value("\tabc\t\t\t\tdef\t") == "abc def");
    CHECK(canonical_header_value(" xyz ,  abc, def  , xyz   ") == "xyz , abc, def , xyz");
    CHECK(canonical_header_value("    xyz") == "xyz");
    CHECK(canonical_header_value("abc    ") == "abc");
    CHECK(canonical_header_value("a\r\n b") == "a b");
    CHECK(canonical_header_value("2023-02-10T03:") == "2023-02-10T03:");
    CHECK(canonical_header_value(" \t ") == "");
    CHECK(ascii_lower("X-Goog-Meta-\xc3\x89") == "x-goog-meta-\xc3\x89");
}

TEST_CASE("v4 time: RFC 3339 date-times to POSIX seconds", "[gcs][v4]") {
    CHECK(parse_rfc3339("1970-01-01T00:00:00Z") == 0);
    CHECK(parse_rfc3339("2019-02-01T09:00:00Z") == 1549011600);
    CHECK(parse_rfc3339("2019-02-01t10:30:00.999+01:30") == 1549011600);
    CHECK(parse_rfc3339("2019-02-01T08:00:00-01:00z").has_value() == false);
    CHECK(parse_rfc3339("2019-02-01T08:00:00-01:00") == 1549011600);
    CHECK(parse_rfc3339("2020-02-29T00:00:00Z").has_value());
    CHECK(parse_rfc3339("1969-12-31T23:59:59Z") == -1);
    for (const char* bad : {"2019-02-29T00:00:00Z", "2019-13-01T00:00:00Z", "2019-02-01T24:00:00Z",
                            "2019-02-01T09:00:60Z", "2019-02-01 09:00:00Z", "2019-02-01T09:00:00",
                            "2019-02-01T09:00:00.Z", "2019-02-01T09:00:00+0100", "2019-02-01", "", "x"}) {
        INFO(bad);
        CHECK_FALSE(parse_rfc3339(bad));
    }
}

TEST_CASE("v4 time: X-Goog-Date", "[gcs][v4]") {
    CHECK(x_goog_date(0) == "19700101T000000Z");
    CHECK(x_goog_date(1549011600) == "20190201T090000Z");
    CHECK(x_goog_date(1551430800) == "20190301T090000Z");
    CHECK(x_goog_date(-1) == "19691231T235959Z");
    CHECK(x_goog_date(253402300799) == "99991231T235959Z");
    CHECK(x_goog_date(-62135596800) == "00010101T000000Z");
    CHECK_FALSE(x_goog_date(253402300800));
    CHECK_FALSE(x_goog_date(-62135596801));
}

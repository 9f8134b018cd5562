#include "crypto/hex.hpp"

#include <catch2/catch.hpp>

using eic::crypto::from_hex;
using eic::crypto::hex_lower;

TEST_CASE("hex text and bytes convert both ways; bad text is refused", "[crypto]") {
    CHECK(hex_lower(std::string("\x00\xff\x10", 3)) == "00ff10");
    CHECK(from_hex("00ff10") == std::string("\x00\xff\x10", 3));
    CHECK(from_hex("00FF10") == std::string("\x00\xff\x10", 3));
    CHECK(from_hex("") == std::string());
    CHECK_FALSE(from_hex("abc"));
    CHECK_FALSE(from_hex("zz"));
    CHECK_FALSE(from_hex("0g"));
}

#include "app/browser_limits.hpp"

#include <catch2/catch.hpp>

using namespace eic::app;

TEST_CASE("sizes read as a download bar shows them", "[app][browser-limits]") {
    CHECK(byte_size_text(0) == "0 bytes");
    CHECK(byte_size_text(1) == "1 byte");
    CHECK(byte_size_text(999) == "999 bytes");
    CHECK(byte_size_text(1000) == "1.0 kB");
    CHECK(byte_size_text(1'500'000'000) == "1.5 GB");
    CHECK(byte_size_text(2'345'678'901) == "2.3 GB");
    CHECK(byte_size_text(999'960) == "1.0 MB");  // not "1000.0 kB"
    CHECK(byte_size_text(UINT64_MAX) == "18.4 EB");
}

TEST_CASE("file names are quoted for the shell only when they need it", "[app][browser-limits]") {
    CHECK(shell_quoted("batch-01.json") == "batch-01.json");
    CHECK(shell_quoted("my manifest.json") == "'my manifest.json'");
    CHECK(shell_quoted("it's.json") == "'it'\\''s.json'");
    CHECK(shell_quoted("$(rm -rf ~).json") == "'$(rm -rf ~).json'");
    CHECK(shell_quoted("--help") == "./'--help'");
    CHECK(shell_quoted("") == "''");
}

TEST_CASE("a file over the browser's limit is refused with its size and the CLI command", "[app][browser-limits]") {
    CHECK_FALSE(too_large_for_browser("m.json", 10));
    CHECK_FALSE(too_large_for_browser("m.json", kBrowserMaxFileBytes));
    auto m = too_large_for_browser("big manifest.json", 2'300'000'000);
    REQUIRE(m);
    CHECK(*m ==
          "big manifest.json is 2.3 GB; the browser can hold about 1.5 GB — validate it with the CLI: "
          "eic validate 'big manifest.json'");
    auto small = too_large_for_browser("a.csv", 2048, 1000);
    REQUIRE(small);
    CHECK(small->find("a.csv is 2.0 kB; the browser can hold about 1.0 kB") == 0);
}

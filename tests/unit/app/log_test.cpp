#include "app/log.hpp"

#include <catch2/catch.hpp>

using namespace eic::app;

TEST_CASE("the log keeps the newest entries up to its capacity", "[app][log]") {
    Log log(3);
    for (int i = 0; i < 5; ++i) log.add(LogLevel::info, "m" + std::to_string(i), i);
    REQUIRE(log.entries().size() == 3);
    CHECK(log.entries().front().message == "m2");
    CHECK(log.entries().back().seq == 4);
    CHECK(log.total() == 5);
    CHECK(log.dropped() == 2);
}

TEST_CASE("the log counts by level and clears without losing the sequence", "[app][log]") {
    Log log;
    log.add(LogLevel::error, "bad", 1.5);
    log.add(LogLevel::warning, "hm", 2);
    log.add(LogLevel::error, "worse", 3);
    CHECK(log.count(LogLevel::error) == 2);
    CHECK(log.count(LogLevel::info) == 0);
    CHECK(log.to_text() == "    1.500 error   bad\n    2.000 warning hm\n    3.000 error   worse\n");
    log.clear();
    CHECK(log.entries().empty());
    CHECK(log.dropped() == 0);
    log.add(LogLevel::info, "after");
    CHECK(log.entries().front().seq == 3);
}

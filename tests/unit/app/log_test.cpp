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

TEST_CASE("a notice is logged and shown until dismissed; a repeat counts instead of stacking", "[app][log]") {
    Log log;
    log.notify(LogLevel::error, "CSV export refused", 1);
    log.notify(LogLevel::error, "CSV export refused", 2);
    log.notify(LogLevel::warning, "other", 3);
    CHECK(log.entries().size() == 3);  // the Log keeps every one as the record
    REQUIRE(log.notices().size() == 2);
    CHECK(log.notices()[0].repeats == 2);
    CHECK(log.notices()[0].seq == 0);
    log.clear();
    CHECK(log.notices().size() == 2);  // clearing the Log does not hide an unread failure
    log.dismiss(log.notices()[0].seq);
    REQUIRE(log.notices().size() == 1);
    CHECK(log.notices()[0].message == "other");
    log.dismiss(12345);  // unknown: nothing happens
    CHECK(log.notices().size() == 1);
    for (int i = 0; i < 20; ++i) log.notify(LogLevel::info, "n" + std::to_string(i));
    CHECK(log.notices().size() == 8);
    CHECK(log.notices().back().message == "n19");
}

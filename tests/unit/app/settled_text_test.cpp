#include "app/settled_text.hpp"

#include <catch2/catch.hpp>
#include <string>

using eic::app::SettledText;

TEST_CASE("a settled text is due once it stopped changing for the pause, and only when it differs",
          "[app][settled_text]") {
    SettledText t(0.5);
    t.stored("a");
    CHECK_FALSE(t.due("a", 0.0));
    CHECK_FALSE(t.due("ab", 1.0));   // changed: wait for the pause
    CHECK_FALSE(t.due("abc", 1.4));  // changed again: the pause starts again
    CHECK_FALSE(t.due("abc", 1.8));
    CHECK(t.due("abc", 1.95) == std::optional<std::string>("abc"));
    CHECK_FALSE(t.due("abc", 5.0));  // stored already
    CHECK_FALSE(t.due("a", 6.0));
    CHECK(t.due("a", 6.6) == std::optional<std::string>("a"));
    SettledText none(0.5, "{}");  // nothing stored yet but the record of no settings
    CHECK_FALSE(none.due("{}", 0.0));
    CHECK_FALSE(none.due("{}", 9.0));
}

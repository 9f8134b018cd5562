#include "app/finding_step.hpp"

#include <catch2/catch.hpp>

using eic::app::step_finding;

TEST_CASE("next and previous finding step in file order and wrap around", "[app][finding_step]") {
    CHECK(step_finding(0, -1, true) == -1);
    CHECK(step_finding(0, 3, false) == -1);
    CHECK(step_finding(3, -1, true) == 0);
    CHECK(step_finding(3, -1, false) == 2);
    CHECK(step_finding(3, 0, true) == 1);
    CHECK(step_finding(3, 2, true) == 0);
    CHECK(step_finding(3, 0, false) == 2);
    CHECK(step_finding(3, 1, false) == 0);
    CHECK(step_finding(3, 7, true) == 0);  // a stale selection past the end starts again
    CHECK(step_finding(1, 0, true) == 0);
}

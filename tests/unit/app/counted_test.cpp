#include "app/counted.hpp"

#include <catch2/catch.hpp>

using eic::app::counted;

TEST_CASE("counts take the noun's number", "[app][counted]") {
    CHECK(counted(0, "error") == "0 errors");
    CHECK(counted(1, "error") == "1 error");
    CHECK(counted(2, "row") == "2 rows");
    CHECK(counted(1, "batch", "batches") == "1 batch");
    CHECK(counted(7, "batch", "batches") == "7 batches");
    CHECK(counted(1000000, "item") == "1000000 items");
}

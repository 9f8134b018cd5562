#include <catch2/catch.hpp>

#include "diag/diagnostic.hpp"

using namespace eic;

TEST_CASE("JSON pointer tokens escape ~ and / as RFC 6901 says", "[diag]") {
    CHECK(pointer_escape("a/b~c") == "a~1b~0c");
    CHECK(pointer_escape("") == "");
    CHECK(pointer_escape("~1") == "~01");
}

TEST_CASE("has_error looks only at errors", "[diag]") {
    Diagnostics ds;
    CHECK_FALSE(has_error(ds));
    ds.push_back({Severity::warning, "x", "w"});
    ds.push_back({Severity::info, "y", "i"});
    CHECK_FALSE(has_error(ds));
    ds.push_back({Severity::error, "z", "e"});
    CHECK(has_error(ds));
    CHECK(std::string(severity_name(Severity::warning)) == "warning");
}

#include "diag/diagnostic.hpp"

#include <catch2/catch.hpp>

using namespace eic;

TEST_CASE("a diagnostic is built in one expression with the places that are known", "[diag]") {
    const Diagnostic d = Diagnostic::warning("x.code", "message").at(3, 7).at_pointer("/a~1b/0").in_item("images", 4);
    CHECK(d.severity == Severity::warning);
    CHECK(d.code == "x.code");
    CHECK(d.message == "message");
    CHECK(d.line == 3);
    CHECK(d.column == 7);
    CHECK(d.pointer == std::optional<std::string>("/a~1b/0"));
    CHECK(d.collection == std::optional<std::string>("images"));
    CHECK(d.item == std::optional<std::uint64_t>(4));
    CHECK_FALSE(d.row);
    CHECK_FALSE(d.field);
    // "" points at the whole document (RFC 6901), which is not the same as no pointer.
    CHECK(Diagnostic::error("x.code", "m").at_pointer("").pointer == std::optional<std::string>(""));
    CHECK_FALSE(Diagnostic::info("x.code", "m").pointer);
    CHECK(Diagnostic::of(Severity::info, "x.code", "m").at_row(12).row == std::optional<std::uint64_t>(12));
}

// The checks on a new folder's name (core/app/folder_name.hpp): a blank name is the one error (Encord asks
// for a meaningful name); the unsourced rules only warn.
#include "app/folder_name.hpp"

#include <catch2/catch.hpp>

using namespace eic;
using namespace eic::app;

TEST_CASE("a blank folder name is an error, and nothing else is checked", "[folder-name]") {
    for (const char* blank : {"", " ", "\t \n"}) {
        const auto f = check_folder_name(blank, {});
        REQUIRE(f.size() == 1);
        CHECK(f[0].severity == Severity::error);
        CHECK(has_error(f));
    }
}

TEST_CASE("unsourced rules warn and never stop the create", "[folder-name]") {
    CHECK(check_folder_name("batch-1", {}).empty());
    CHECK(check_folder_name(std::string(5000, 'a'), {}).empty());  // no documented length limit

    encord::Folder sibling;
    sibling.uuid = "3f1e0000-0000-4000-8000-000000000001";
    sibling.name = "batch-1";
    const auto repeated = check_folder_name("batch-1", {sibling});
    REQUIRE(repeated.size() == 1);
    CHECK(repeated[0].severity == Severity::warning);
    CHECK(repeated[0].message.find("\"batch-1\" is already here") != std::string::npos);
    CHECK_FALSE(has_error(repeated));

    const auto messy = check_folder_name(" a/b\t", {sibling});
    CHECK(messy.size() == 3);  // surrounding space, a tab, a slash
    CHECK_FALSE(has_error(messy));
}

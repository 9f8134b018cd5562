#include <catch2/catch.hpp>

#include "app/manifest_document.hpp"
#include "schema/mutations.hpp"

using namespace eic;

TEST_CASE("the open manifest validates against the schema it is given", "[app][manifest-doc]") {
    app::ManifestDocument doc;
    CHECK_FALSE(doc.is_open());
    doc.open("m.json", R"({"images": [{"objectUrl": "https://storage.cloud.google.com/my-bucket/a.jpg", "clientMetadata": {"fps": "x"}}]})");
    REQUIRE(doc.is_open());
    schema::Schema none;
    const auto& plain = doc.validate(none, {});
    CHECK(plain.summary.items == 1);
    CHECK(plain.summary.errors == 0);

    schema::Schema s;
    REQUIRE_FALSE(has_error(schema::set_scalar(s, "fps", schema::ScalarHint::number)));
    const auto& typed = doc.validate(s, {});
    CHECK(typed.summary.errors == 1);
    REQUIRE(doc.result().has_value());
    CHECK(doc.result()->diagnostics.front().pointer == "/images/0/clientMetadata/fps");
}

TEST_CASE("a .csv manifest is read as CSV", "[app][manifest-doc]") {
    app::ManifestDocument doc;
    doc.open("m.csv", "ObjectUrl,Image title\nhttps://storage.cloud.google.com/my-bucket/a.jpg,a\n");
    const auto& r = doc.validate(schema::Schema(), {});
    CHECK(r.summary.format == "csv");
    CHECK(r.summary.items == 1);
}

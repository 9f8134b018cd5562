#include "app/manifest_rows.hpp"

#include <catch2/catch.hpp>

#include "app/unit_fields.hpp"
#include "schema/mutations.hpp"

using namespace eic;

namespace {

schema::Schema rows_schema() {
    schema::Schema s;
    REQUIRE_FALSE(has_error(schema::set_scalar(s, "fps", schema::ScalarHint::number)));
    REQUIRE_FALSE(has_error(schema::set_scalar(s, "note", schema::ScalarHint::varchar)));
    return s;
}

app::ManifestDocument open_rows() {
    app::ManifestDocument doc;
    doc.open("m.json", R"({"images": [
      {"objectUrl": "https://storage.cloud.google.com/my-bucket/one.jpg", "title": "Zeta", "clientMetadata": {"fps": 30, "note": "Hello"}},
      {"objectUrl": "https://storage.cloud.google.com/my-bucket/two.jpg", "title": "alpha", "clientMetadata": {"fps": "x"}},
      {"objectUrl": "https://storage.cloud.google.com/my-bucket/three.jpg", "title": "Mid", "clientMetadata": {"fps": 2.5}}
    ], "videos": [{"objectUrl": "https://storage.cloud.google.com/my-bucket/v.mp4"}]})",
             rows_schema(), {});
    while (!doc.step(1 << 20)) {
    }
    return doc;
}

}  // namespace

TEST_CASE("rows filter by type, text, status, code and selection", "[app][rows]") {
    auto doc = open_rows();
    auto cols = app::table_columns(rows_schema());
    app::RowFilter f;
    CHECK(app::table_rows(doc, cols, f, {}) == std::vector<std::uint32_t>{0, 1, 2, 3});
    f.collection = int(manifest::Collection::videos);
    CHECK(app::table_rows(doc, cols, f, {}) == std::vector<std::uint32_t>{3});
    f = {};
    f.text = "HELLO";
    CHECK(app::table_rows(doc, cols, f, {}) == std::vector<std::uint32_t>{0});
    f.text_column = 2;  // Title: "Hello" is a metadata value, not a title
    CHECK(app::table_rows(doc, cols, f, {}).empty());
    f.text = "ALPHA";
    CHECK(app::table_rows(doc, cols, f, {}) == std::vector<std::uint32_t>{1});
    f.text = "my-bucket/t";  // Object URL: two.jpg and three.jpg
    f.text_column = 3;
    CHECK(app::table_rows(doc, cols, f, {}) == std::vector<std::uint32_t>{1, 2});
    f = {};
    f.status = app::StatusFilter::errors;
    CHECK(app::table_rows(doc, cols, f, {}) == std::vector<std::uint32_t>{1});
    f.status = app::StatusFilter::clean;
    CHECK(app::table_rows(doc, cols, f, {}) == std::vector<std::uint32_t>{0, 2, 3});
    f = {};
    f.code = "manifest.metadata.type";
    CHECK(app::table_rows(doc, cols, f, {}) == std::vector<std::uint32_t>{1});
    f = {};
    f.use_selection = true;
    f.selection = {2, 3};
    CHECK(app::table_rows(doc, cols, f, {}) == std::vector<std::uint32_t>{2, 3});
}

TEST_CASE("rows sort by a column: numbers numerically, missing values last", "[app][rows]") {
    auto doc = open_rows();
    auto cols = app::table_columns(rows_schema());
    int title = 2, fps = -1;
    for (std::size_t i = 0; i < cols.size(); ++i)
        if (cols[i].key == "fps") fps = int(i);
    REQUIRE(fps > 0);
    CHECK(app::table_rows(doc, cols, {}, {title, false}) ==
          std::vector<std::uint32_t>{2, 0, 1, 3});  // "Mid" < "Zeta" < "alpha"; no title last
    CHECK(app::table_rows(doc, cols, {}, {fps, false}) ==
          std::vector<std::uint32_t>{2, 0, 1, 3});  // 2.5, 30, then text "x", then missing
    CHECK(app::table_rows(doc, cols, {}, {fps, true}) == std::vector<std::uint32_t>{0, 2, 1, 3});
    CHECK(app::table_rows(doc, cols, {}, {0, false}).front() == 1);  // errors first
}

TEST_CASE("fields are read from a unit's text without building the item", "[app][rows]") {
    const char* u =
        R"({"title": "t\u00e9", "objectUrl_0": "https://x/a", "clientMetadata": {"e": [1, 2.5, -3], "n": 4e2, "o": {"a": 1}, "s": "v"}})";
    CHECK(app::field_value(u, app::FieldKind::title) == "t\xC3\xA9");
    CHECK(app::field_value(u, app::FieldKind::url) == "https://x/a");
    CHECK(app::field_value(u, app::FieldKind::metadata, "s") == "v");
    CHECK(app::field_value(u, app::FieldKind::metadata, "n") == "4e2");
    CHECK_FALSE(app::field_value(u, app::FieldKind::metadata, "o"));
    CHECK_FALSE(app::field_value(u, app::FieldKind::metadata, "missing"));
    CHECK(app::metadata_number(u, "n") == 400.0);
    CHECK_FALSE(app::metadata_number(u, "s"));
    float e[3] = {};
    REQUIRE(app::metadata_embedding(u, "e", 3, e));
    CHECK(e[1] == 2.5f);
    CHECK_FALSE(app::metadata_embedding(u, "e", 2, e));  // wrong length
    CHECK_FALSE(app::metadata_embedding(u, "s", 3, e));
    CHECK_FALSE(app::metadata_embedding(R"({"clientMetadata": {"e": [1, "x", 3]}})", "e", 3, e));
    CHECK_FALSE(app::field_value("not json", app::FieldKind::title));
}

#include "app/manifest_columns.hpp"

#include <catch2/catch.hpp>

#include "schema/mutations.hpp"

using namespace eic;

namespace {

schema::Schema typed_schema() {
    schema::Schema s;
    REQUIRE_FALSE(has_error(schema::set_scalar(s, "fps", schema::ScalarHint::number)));
    REQUIRE_FALSE(has_error(schema::set_scalar(s, "ok", schema::ScalarHint::boolean)));
    REQUIRE_FALSE(has_error(schema::set_scalar(s, "when", schema::ScalarHint::datetime)));
    REQUIRE_FALSE(has_error(schema::add_enum(s, "split", {"train", "val"})));
    REQUIRE_FALSE(has_error(schema::add_embedding(s, "emb", 3, schema::Target::index)));
    return s;
}

const app::Column& col(const std::vector<app::Column>& cols, const std::string& label) {
    for (const auto& c : cols)
        if (c.label == label) return c;
    FAIL("no column " << label);
    return cols.front();
}

}  // namespace

TEST_CASE("columns: status, type, title, URL, media, then the schema's live keys", "[app][columns]") {
    auto cols = app::table_columns(typed_schema());
    REQUIRE(cols.size() == 10);
    CHECK(cols[0].label == "Status");
    CHECK(cols[3].kind == app::ColumnKind::url);
    CHECK(cols[5].key == "emb");  // keys in name order
    CHECK(cols[9].key == "when");
}

TEST_CASE("cells read and write values by the key's type", "[app][columns]") {
    auto cols = app::table_columns(typed_schema());
    manifest::Item item;
    item.urls = {"https://storage.cloud.google.com/b/a.jpg"};
    const auto c = manifest::Collection::images;

    CHECK(app::apply_cell(item, c, col(cols, "fps"), "29.97").empty());
    CHECK(item.client_metadata["fps"] == 29.97);
    CHECK(app::apply_cell(item, c, col(cols, "fps"), "fast").find("not a number") != std::string::npos);
    CHECK(app::apply_cell(item, c, col(cols, "fps"), "1e400").find("not a number") != std::string::npos);
    CHECK(item.client_metadata["fps"] == 29.97);  // unchanged after a refusal

    CHECK(app::apply_cell(item, c, col(cols, "ok"), "true").empty());
    CHECK(item.client_metadata["ok"] == true);
    CHECK_FALSE(app::apply_cell(item, c, col(cols, "ok"), "yes").empty());

    CHECK(app::apply_cell(item, c, col(cols, "emb"), "[1, 2, 3]").empty());
    CHECK(item.client_metadata["emb"].size() == 3);
    CHECK(app::apply_cell(item, c, col(cols, "emb"), "[1, 2").find("3 numbers") != std::string::npos);

    // Strings are taken as written: the validator, not the editor, judges an enum or a date.
    CHECK(app::apply_cell(item, c, col(cols, "split"), "tset").empty());
    CHECK(item.client_metadata["split"] == "tset");
    CHECK(app::cell_text(item, c, col(cols, "split")) == "tset");
    CHECK(app::cell_text(item, c, col(cols, "emb")) == "[1,2,3]");

    // Empty text removes the value; the last removal leaves no clientMetadata at all.
    for (const char* k : {"fps", "ok", "emb", "split"}) CHECK(app::apply_cell(item, c, col(cols, k), "").empty());
    CHECK(item.client_metadata.is_null());
}

TEST_CASE("URL, title and media cells", "[app][columns]") {
    auto cols = app::table_columns(schema::Schema());
    manifest::Item item;
    CHECK(app::apply_cell(item, manifest::Collection::images, col(cols, "Object URL"), "").find("URL") !=
          std::string::npos);
    CHECK(app::apply_cell(item, manifest::Collection::images, col(cols, "Object URL"), "https://x/a\nhttps://x/b")
              .find("one URL") != std::string::npos);
    CHECK(app::apply_cell(item, manifest::Collection::image_groups, col(cols, "Object URL"),
                          "https://x/a\r\nhttps://x/b\n")
              .empty());
    CHECK(item.urls.size() == 2);
    CHECK(app::cell_text(item, manifest::Collection::image_groups, col(cols, "Object URL")) == "https://x/a (+1 more)");
    CHECK(app::cell_edit_text(item, manifest::Collection::image_groups, col(cols, "Object URL")) ==
          "https://x/a\nhttps://x/b");

    CHECK(app::apply_cell(item, manifest::Collection::images, col(cols, "Media"),
                          R"({"width": 640, "height": 480, "mimeType": "image/png"})")
              .empty());
    CHECK(item.metadata["imageMetadata"]["mime_type"] == "image/png");  // written in snake_case
    CHECK(app::cell_text(item, manifest::Collection::images, col(cols, "Media")) == "640x480 image/png");
    CHECK_FALSE(app::apply_cell(item, manifest::Collection::images, col(cols, "Media"), "[1]").empty());
    CHECK_FALSE(app::apply_cell(item, manifest::Collection::image_groups, col(cols, "Media"), "{}").empty());
    CHECK_FALSE(app::apply_cell(item, manifest::Collection::images, col(cols, "Type"), "videos").empty());
}

TEST_CASE("a finding's column comes from its pointer or its CSV field", "[app][columns]") {
    auto cols = app::table_columns(typed_schema());
    Diagnostic d;
    d.pointer = "/images/4/clientMetadata/fps";
    CHECK(app::column_of(d, cols) == std::size_t(6));
    d.pointer = "/image_groups/0/objectUrl_3";
    CHECK(app::column_of(d, cols) == std::size_t(3));
    d.pointer = "/videos/1/videoMetadata/fps";
    CHECK(app::column_of(d, cols) == std::size_t(4));
    d.pointer = "/images/1";
    CHECK_FALSE(app::column_of(d, cols));
    d.pointer = "/images/1/clientMetadata/a~1b";  // not a schema key: no column
    CHECK_FALSE(app::column_of(d, cols));
    Diagnostic csv;
    csv.field = "Image title";
    CHECK(app::column_of(csv, cols) == std::size_t(2));
}

TEST_CASE("JSON pointer tokens are unescaped per RFC 6901", "[app][columns]") {
    CHECK(app::pointer_tokens("/images/3/clientMetadata/a~1b~0c") ==
          std::vector<std::string>{"images", "3", "clientMetadata", "a/b~c"});
    CHECK(app::pointer_tokens("/") == std::vector<std::string>{""});
    CHECK(app::pointer_tokens("").empty());
    CHECK(app::pointer_tokens("images/3").empty());
}

TEST_CASE("each cell gets the editor its type needs", "[app][columns]") {
    schema::Schema s = typed_schema();
    REQUIRE_FALSE(has_error(schema::set_scalar(s, "note", schema::ScalarHint::text)));
    const auto cols = app::table_columns(s);
    using Kind = app::CellEditor::Kind;
    const auto images = manifest::Collection::images;
    CHECK(app::cell_editor(col(cols, "split"), images).kind == Kind::options);
    CHECK(app::cell_editor(col(cols, "ok"), images).kind == Kind::checkbox);
    CHECK(app::cell_editor(col(cols, "emb"), images).kind == Kind::lines);
    CHECK(app::cell_editor(col(cols, "note"), images).kind == Kind::lines);
    CHECK(app::cell_editor(col(cols, "fps"), images).kind == Kind::line);
    CHECK(std::string(app::cell_editor(col(cols, "fps"), images).placeholder).empty());
    const app::CellEditor when = app::cell_editor(col(cols, "when"), images);
    CHECK(when.kind == Kind::line);
    CHECK(std::string(when.placeholder) == "2024-05-01T13:45:00Z");
    // One URL a line for groups; a single file's URL is one line.
    const app::Column* url = nullptr;
    for (const auto& c : cols)
        if (c.kind == app::ColumnKind::url) url = &c;
    REQUIRE(url);
    CHECK(app::cell_editor(*url, images).kind == Kind::line);
    CHECK(app::cell_editor(*url, manifest::Collection::image_groups).kind == Kind::lines);
}

TEST_CASE("the edited cell is the chosen one, or the title when that cannot be edited", "[app][columns]") {
    const auto cols = app::table_columns(typed_schema());
    std::size_t title = cols.size();
    for (std::size_t i = 0; i < cols.size(); ++i)
        if (cols[i].kind == app::ColumnKind::title) title = i;
    REQUIRE(title < cols.size());
    CHECK(app::editable_column(cols, -1) == title);
    CHECK(app::editable_column(cols, int(cols.size())) == title);
    for (std::size_t i = 0; i < cols.size(); ++i) {
        const bool fixed = cols[i].kind == app::ColumnKind::status || cols[i].kind == app::ColumnKind::type;
        CHECK(app::editable_column(cols, int(i)) == (fixed ? title : i));
    }
}

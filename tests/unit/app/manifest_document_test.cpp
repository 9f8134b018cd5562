#include "app/manifest_document.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "diag/codes.hpp"
#include "schema/mutations.hpp"

using namespace eic;

namespace {

const char* const kUrlA = "https://storage.cloud.google.com/my-bucket/a.jpg";

schema::Schema test_schema() {
    schema::Schema s;
    REQUIRE_FALSE(has_error(schema::set_scalar(s, "fps", schema::ScalarHint::number)));
    REQUIRE_FALSE(has_error(schema::add_enum(s, "split", {"train", "val", "test"})));
    return s;
}

void finish(app::ManifestDocument& doc) {
    int guard = 0;
    while (!doc.step(64) && ++guard < 100000) {
    }
    REQUIRE_FALSE(doc.validating());
}

std::size_t count_code(const app::ManifestDocument& doc, const std::string& code) {
    const auto& ds = doc.result()->diagnostics;
    return std::size_t(std::count_if(ds.begin(), ds.end(), [&](const Diagnostic& d) { return d.code == code; }));
}

std::size_t find_code(const app::ManifestDocument& doc, const std::string& code) {
    const auto& ds = doc.result()->diagnostics;
    for (std::size_t i = 0; i < ds.size(); ++i)
        if (ds[i].code == code) return i;
    FAIL("no finding " << code);
    return 0;
}

const app::Column& column(const std::vector<app::Column>& cols, app::ColumnKind kind, const std::string& key = {}) {
    for (const auto& c : cols)
        if (c.kind == kind && c.key == key) return c;
    FAIL("no column");
    return cols.front();
}

// n images with nothing but distinct, valid URLs.
std::string plain_images(int n) {
    std::string text = R"({"images": [)";
    for (int k = 0; k < n; ++k)
        text += (k ? "," : "") + std::string(R"({"objectUrl": "https://storage.cloud.google.com/my-bucket/)") +
                std::to_string(k) + R"(.jpg"})";
    return text + "]}";
}

const std::string kTwo = std::string(R"({"images": [
  {"objectUrl": "https://storage.cloud.google.com/my-bucket/a.jpg", "title": "a", "clientMetadata": {"fps": "x", "split": "trian"}},
  {"objectUrl": "https://storage.cloud.google.com/my-bucket/b c.jpg", "clientMetadata": {"fps": 25}}
], "skip_duplicate_urls": true, "upsert_metadata": false})");

}  // namespace

TEST_CASE("opening a manifest validates it in steps and indexes one unit per item", "[app][manifest-doc]") {
    app::ManifestDocument doc;
    CHECK_FALSE(doc.is_open());
    doc.open("m.json", kTwo, test_schema(), {});
    REQUIRE(doc.is_open());
    CHECK(doc.validating());
    finish(doc);
    REQUIRE(doc.result());
    CHECK(doc.editable());
    CHECK_FALSE(doc.stale());
    CHECK_FALSE(doc.dirty());
    CHECK(doc.units().live_count() == 2);
    CHECK(doc.result()->summary.errors == 3);  // fps type, split enum, whitespace in the URL
    // Findings are placed on their units, with a status per unit.
    CHECK(doc.status(0) & app::status_error);
    CHECK(doc.status(1) & app::status_error);
    CHECK(doc.findings_of(0).size() == 2);
    CHECK(doc.findings_of(1).size() == 1);
    const manifest::Item* a = doc.item(0);
    REQUIRE(a);
    CHECK(a->title == "a");
    // Untouched units are spans of the bytes as read.
    CHECK(doc.units().text(1).substr(0, 14) == R"({"objectUrl": )");
}

TEST_CASE("a cell edit re-validates its unit at once, and undo and redo restore both text and findings",
          "[app][manifest-doc]") {
    app::ManifestDocument doc;
    doc.open("m.json", kTwo, test_schema(), {});
    finish(doc);
    auto cols = app::table_columns(test_schema());
    CHECK(doc.result()->summary.errors == 3);

    CHECK(doc.set_cell(0, column(cols, app::ColumnKind::metadata, "fps"), "not a number").find("not a number") !=
          std::string::npos);
    CHECK_FALSE(doc.can_undo());  // refused: nothing changed

    CHECK(doc.set_cell(0, column(cols, app::ColumnKind::metadata, "fps"), "30").empty());
    CHECK(doc.result()->summary.errors == 2);
    CHECK(doc.stale());
    CHECK(doc.item(0)->client_metadata["fps"] == 30);
    CHECK(doc.undo_label() == "Edit fps");
    CHECK(doc.dirty());

    doc.undo();
    CHECK(doc.result()->summary.errors == 3);
    CHECK(doc.item(0)->client_metadata["fps"] == "x");
    doc.redo();
    CHECK(doc.result()->summary.errors == 2);

    // A full pass re-bases the units onto the written text, and agrees with the incremental counts.
    doc.validate(test_schema(), {});
    finish(doc);
    CHECK_FALSE(doc.stale());
    CHECK(doc.result()->summary.errors == 2);
    CHECK_FALSE(doc.units().has_own_texts());
    CHECK(doc.item(0)->client_metadata["fps"] == 30);
    // Undo still works after the re-base.
    doc.undo();
    CHECK(doc.item(0)->client_metadata["fps"] == "x");
}

TEST_CASE("quick fixes: enum suggestion, URL whitespace, long title, duplicate row", "[app][manifest-doc]") {
    std::string long_title(320, 'x');
    std::string text = R"({"images": [
      {"objectUrl": "https://storage.cloud.google.com/my-bucket/a.jpg ", "clientMetadata": {"split": "trian"}},
      {"objectUrl": "https://storage.cloud.google.com/my-bucket/b.jpg", "title": ")" +
                       long_title + R"("},
      {"objectUrl": "https://storage.cloud.google.com/my-bucket/b.jpg"}
    ]})";
    app::ManifestDocument doc;
    doc.open("m.json", text, test_schema(), {});
    finish(doc);
    REQUIRE(count_code(doc, "manifest.metadata.enum") == 1);

    std::size_t i = find_code(doc, "manifest.metadata.enum");
    CHECK(doc.fix_label(i) == "Use \"train\"");
    REQUIRE(doc.apply_fix(i));
    CHECK(count_code(doc, "manifest.metadata.enum") == 0);
    CHECK(doc.item(0)->client_metadata["split"] == "train");

    i = find_code(doc, "manifest.url.whitespace");
    CHECK(doc.fix_label(i) == "Percent-encode the whitespace in the URL");
    REQUIRE(doc.apply_fix(i));
    CHECK(doc.item(0)->urls[0] == kUrlA);  // trailing whitespace is removed, not encoded
    CHECK(count_code(doc, "manifest.url.whitespace") == 0);

    i = find_code(doc, "manifest.title.too-long");
    REQUIRE(doc.apply_fix(i));
    CHECK(doc.item(1)->title->size() == 300);

    doc.validate(test_schema(), {});
    finish(doc);
    i = find_code(doc, "manifest.url.duplicate");
    CHECK(doc.fix_label(i) == "Delete this row");
    REQUIRE(doc.apply_fix(i));
    CHECK(doc.units().live_count() == 2);
    doc.validate(test_schema(), {});
    finish(doc);
    CHECK(doc.result()->summary.errors == 0);
    CHECK(doc.result()->summary.warnings == 0);

    // Four fixes, four undo steps back to the file as read.
    for (int k = 0; k < 4; ++k) doc.undo();
    CHECK_FALSE(doc.can_undo());
    CHECK(doc.units().live_count() == 3);
    CHECK(doc.item(0)->client_metadata["split"] == "trian");
}

TEST_CASE("a structured-form collection name is renamed by its fix, and its items become rows", "[app][manifest-doc]") {
    app::ManifestDocument doc;
    doc.open("m.json",
             R"({"imageGroups": [{"title": "g", "objectUrl_0": "https://storage.cloud.google.com/my-bucket/a.jpg"}]})",
             schema::Schema(), {});
    finish(doc);
    CHECK(doc.units().live_count() == 0);
    std::size_t i = find_code(doc, "manifest.unknown-key");
    CHECK(doc.fix_label(i) == "Rename to \"image_groups\"");
    REQUIRE(doc.apply_fix(i));
    CHECK(doc.units().live_count() == 1);
    CHECK(doc.export_json(false) ==
          R"({"image_groups":[{"title":"g","objectUrl_0":"https://storage.cloud.google.com/my-bucket/a.jpg"}]})");
    doc.validate(schema::Schema(), {});
    finish(doc);
    CHECK(doc.result()->summary.errors == 0);
    doc.undo();
    CHECK(doc.units().live_count() == 0);
    CHECK(doc.export_json(false).find("imageGroups") != std::string::npos);
}

TEST_CASE("a snake_case field is renamed to its documented spelling by its fix", "[app][manifest-doc]") {
    app::ManifestDocument doc;
    doc.open(
        "m.json",
        R"({"image_groups": [{"title": "g", "object_url_0": "https://storage.cloud.google.com/my-bucket/a.jpg"}]})",
        schema::Schema(), {});
    finish(doc);
    REQUIRE(count_code(doc, "manifest.item.field-spelling") == 1);
    std::size_t i = find_code(doc, "manifest.item.field-spelling");
    CHECK(doc.fix_label(i) == "Rename the field to \"objectUrl_0\"");
    REQUIRE(doc.apply_fix(i));
    CHECK(doc.export_json(false) ==
          R"({"image_groups":[{"title":"g","objectUrl_0":"https://storage.cloud.google.com/my-bucket/a.jpg"}]})");
    doc.validate(schema::Schema(), {});
    finish(doc);
    CHECK(count_code(doc, "manifest.item.field-spelling") == 0);
    doc.undo();
    CHECK(doc.export_json(false).find("object_url_0") != std::string::npos);
}

TEST_CASE("bulk edits, added and deleted rows, and export keep everything else as written", "[app][manifest-doc]") {
    app::ManifestDocument doc;
    doc.open("m.json", kTwo, test_schema(), {});
    finish(doc);
    auto cols = app::table_columns(test_schema());
    CHECK(doc.bulk_set_cell({0, 1}, column(cols, app::ColumnKind::metadata, "split"), "val").empty());
    CHECK(doc.bulk_replace_in_urls({0, 1}, "my-bucket", "other-bucket") == 2);
    CHECK(doc.bulk_encode_url_whitespace({0, 1}) == 1);
    std::uint32_t added = doc.add_unit(manifest::Collection::videos);
    CHECK(added == 2);
    CHECK(doc.set_cell(added, column(cols, app::ColumnKind::url), "https://storage.cloud.google.com/v/x.mp4").empty());
    doc.delete_units({0});
    CHECK(doc.units().live_count() == 2);

    const std::string out = doc.export_json(false);
    CHECK(
        out ==
        R"({"images":[{"objectUrl":"https://storage.cloud.google.com/other-bucket/b%20c.jpg","clientMetadata":{"fps":25,"split":"val"}}],)"
        R"("videos":[{"objectUrl":"https://storage.cloud.google.com/v/x.mp4"}],"skip_duplicate_urls":true,"upsert_metadata":false})");
    const std::string pretty = doc.export_json(true);
    CHECK(nlohmann::json::parse(pretty) == nlohmann::json::parse(out));
    CHECK(pretty.find("\n  \"images\": [") != std::string::npos);

    // Undo everything: back to the original two images.
    while (doc.can_undo()) doc.undo();
    CHECK(doc.units().live_count() == 2);
    CHECK(nlohmann::json::parse(doc.export_json(false)) == nlohmann::json::parse(kTwo));
}

TEST_CASE("CSV export refuses what CSV cannot hold; a plain manifest exports and splits", "[app][manifest-doc]") {
    app::ManifestDocument doc;
    doc.open("m.json", kTwo, test_schema(), {});
    finish(doc);
    auto csv = doc.export_csv();
    CHECK_FALSE(csv.bytes);
    CHECK_FALSE(csv.diagnostics.empty());

    const std::string text = plain_images(25);
    app::ManifestDocument plain;
    plain.open("batch.json", text, schema::Schema(), {});
    finish(plain);
    auto c = plain.export_csv();
    REQUIRE(c.bytes);
    CHECK(c.bytes->rfind("ObjectUrl", 0) == 0);
    auto parts = plain.split(manifest::max_items_profile(10), manifest::Format::json);
    REQUIRE(parts.parts.size() == 3);
    CHECK(parts.parts[0].name == "batch.part-001-of-003.json");
    CHECK(parts.parts[2].items == 5);
    auto csv_parts = plain.split(manifest::max_items_profile(10), manifest::Format::csv);
    REQUIRE(csv_parts.parts.size() == 3);
    CHECK(csv_parts.parts[1].name == "batch.part-002-of-003.csv");
}

TEST_CASE("a CSV manifest opens as units with its findings placed on rows", "[app][manifest-doc]") {
    app::ManifestDocument doc;
    doc.open("m.csv",
             "ObjectUrl,Image "
             "title\nhttps://storage.cloud.google.com/my-bucket/a.jpg,a\nhttps://storage.cloud.google.com/my-bucket/y "
             "z.jpg,b\n",
             schema::Schema(), {});
    CHECK(doc.units().live_count() == 2);
    finish(doc);
    CHECK(doc.result()->summary.format == "csv");
    CHECK(doc.status(1) & app::status_error);
    CHECK_FALSE(doc.status(0) & app::status_error);
    auto cols = app::table_columns(schema::Schema());
    CHECK(doc.set_cell(1, column(cols, app::ColumnKind::url), "https://storage.cloud.google.com/my-bucket/b.jpg")
              .empty());
    CHECK(doc.result()->summary.errors == 0);
    auto csv = doc.export_csv();
    REQUIRE(csv.bytes);
    CHECK(csv.bytes->find("my-bucket/b.jpg,b") != std::string::npos);
}

TEST_CASE("a file with a syntax error is listed but not editable", "[app][manifest-doc]") {
    app::ManifestDocument doc;
    doc.open("m.json",
             R"({"images": [{"objectUrl": "https://storage.cloud.google.com/my-bucket/a.jpg"}, {"objectUrl": )",
             schema::Schema(), {});
    finish(doc);
    CHECK_FALSE(doc.editable());
    CHECK(count_code(doc, "json.truncated") == 1);
    auto cols = app::table_columns(schema::Schema());
    CHECK_FALSE(doc.set_cell(0, column(cols, app::ColumnKind::title), "t").empty());
    CHECK(doc.add_unit(manifest::Collection::images) == app::ManifestDocument::kNoUnit);
}

TEST_CASE("cancelling the job keeps what was found and says so", "[app][manifest-doc]") {
    const std::string text = plain_images(2000);
    app::ManifestDocument doc;
    doc.open("m.json", text, schema::Schema(), {});
    doc.step(1000);
    CHECK(doc.validating());
    CHECK(doc.progress() > 0.0);
    CHECK(doc.progress() < 1.0);
    doc.cancel();
    CHECK_FALSE(doc.validating());
    CHECK(doc.result()->summary.cancelled);
    CHECK_FALSE(doc.editable());
}

TEST_CASE("the fix offers the name the message suggests, also when only the case differs", "[app][manifest-doc]") {
    app::ManifestDocument doc;
    doc.open("m.json",
             R"({"images": [{"objectUrl": "https://storage.cloud.google.com/my-bucket/a.jpg",
                             "clientMetadata": {"split": "TRAIN"}}]})",
             test_schema(), {});
    finish(doc);
    const std::size_t i = find_code(doc, "manifest.metadata.enum");
    REQUIRE(i < doc.result()->diagnostics.size());
    CHECK(doc.result()->diagnostics[i].message.find("Did you mean \"train\"?") != std::string::npos);
    CHECK(doc.fix_label(i) == "Use \"train\"");
    REQUIRE(doc.apply_fix(i));
    CHECK(doc.item(0)->client_metadata["split"] == "train");
}

TEST_CASE("every quick fix is for a registered code, once", "[app][manifest-doc]") {
    const auto codes = app::ManifestDocument::fixable_codes();
    REQUIRE(codes.size() >= 9);
    for (std::size_t i = 0; i < codes.size(); ++i) {
        INFO(codes[i]);
        CHECK(diag::find_code(codes[i]) != nullptr);
        CHECK(std::count(codes.begin(), codes.end(), codes[i]) == 1);
    }
}

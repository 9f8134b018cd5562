#include "app/manifest_export.hpp"

#include <catch2/catch.hpp>

using namespace eic;
using app::ExportKind;

namespace {

void open_validated(app::ManifestDocument& doc, const std::string& name, const std::string& text) {
    doc.open(name, text, schema::Schema(), {});
    int guard = 0;
    while (!doc.step(1 << 20) && ++guard < 100000) {
    }
    REQUIRE(doc.result());
}

}  // namespace

TEST_CASE("export file names swap the extension", "[app][export]") {
    CHECK(app::export_file_name("batch.csv", ExportKind::json_pretty) == "batch.json");
    CHECK(app::export_file_name("batch.json", ExportKind::csv) == "batch.csv");
    CHECK(app::export_file_name("noext", ExportKind::csv) == "noext.csv");
    CHECK(app::export_file_name(".hidden", ExportKind::json_compact) == ".hidden.json");
}

TEST_CASE("a clean manifest exports without asking", "[app][export]") {
    app::ManifestDocument doc;
    open_validated(doc, "mixed.json",
                   R"({"videos":[{"objectUrl":"https://storage.cloud.google.com/my-bucket/v.mp4","title":"clip"}],
                       "images":[{"objectUrl":"https://storage.cloud.google.com/my-bucket/a.jpg","title":"a"}]})");
    for (ExportKind k : {ExportKind::json_pretty, ExportKind::json_compact, ExportKind::csv}) {
        const app::ExportPlan plan = app::plan_export(doc, k);
        INFO(int(k));
        REQUIRE(plan.bytes);
        CHECK(plan.changes.empty());
        CHECK(plan.open_errors == 0);
        CHECK_FALSE(plan.needs_confirmation());
    }
    CHECK(app::plan_export(doc, ExportKind::csv).mime == std::string("text/csv"));
}

TEST_CASE("an export with errors open, or one that changes data, asks first", "[app][export]") {
    app::ManifestDocument doc;
    // The first video has no title: a mixed CSV must fill it, which the writer warns of.
    open_validated(doc, "m.json",
                   R"({"videos":[{"objectUrl":"https://storage.cloud.google.com/my-bucket/v.mp4"}],
                       "images":[{"objectUrl":"https://storage.cloud.google.com/my-bucket/a.jpg","title":"a"},
                                 {"title":"no url"}]})");
    const app::ExportPlan json = app::plan_export(doc, ExportKind::json_pretty);
    REQUIRE(json.bytes);
    CHECK(json.open_errors >= 1);  // the item without a URL
    CHECK(json.changes.empty());
    CHECK(json.needs_confirmation());
    // CSV refuses the item without a URL, naming it by its table number (item 3).
    const app::ExportPlan csv = app::plan_export(doc, ExportKind::csv);
    CHECK_FALSE(csv.bytes);
    REQUIRE(csv.refused.size() == 1);
    CHECK(csv.refused[0].rfind("item 3: ", 0) == 0);
    CHECK_FALSE(csv.needs_confirmation());
}

TEST_CASE("a CSV that fills a title says so", "[app][export]") {
    app::ManifestDocument doc;
    open_validated(doc, "m.json",
                   R"({"videos":[{"objectUrl":"https://storage.cloud.google.com/my-bucket/v.mp4"}],
                       "images":[{"objectUrl":"https://storage.cloud.google.com/my-bucket/a.jpg","title":"a"}]})");
    const app::ExportPlan csv = app::plan_export(doc, ExportKind::csv);
    REQUIRE(csv.bytes);
    REQUIRE(csv.changes.size() == 1);
    CHECK(csv.changes[0].rfind("item 1: ", 0) == 0);
    CHECK(csv.changes[0].find("/my-bucket/v.mp4") != std::string::npos);
    CHECK(csv.needs_confirmation());
}

TEST_CASE("an export too large to read back says it was not compared", "[app][export]") {
    app::ManifestDocument doc;
    open_validated(doc, "m.json",
                   R"({"images":[{"objectUrl":"https://storage.cloud.google.com/my-bucket/a.jpg","title":"a"}]})");
    CHECK(app::default_max_read_back() == 100'000'000);  // Encord's largest JSON file (best-practices page)
    const app::ExportPlan plan = app::plan_export(doc, ExportKind::json_compact, 10);
    REQUIRE(plan.bytes);
    REQUIRE(plan.changes.size() == 1);
    CHECK(plan.changes[0].rfind("not read back to compare: the export is ", 0) == 0);
    CHECK(plan.needs_confirmation());
}

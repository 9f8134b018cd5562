#include "app/export_check.hpp"

#include <catch2/catch.hpp>

#include "manifest/load.hpp"
#include "manifest/write.hpp"

using namespace eic;
using app::export_changes;
using app::export_reasons;
using manifest::Collection;
using manifest::Format;

namespace {

manifest::Manifest read(std::string_view json) {
    auto r = manifest::load_json(json);
    REQUIRE(r.manifest);
    return *r.manifest;
}

}  // namespace

TEST_CASE("an export that reads back the same says nothing", "[app][export-check]") {
    const auto m = read(R"({"videos":[{"objectUrl":"https://x/v.mp4","title":"clip"}],
                            "images":[{"objectUrl":"https://x/a.jpg","title":"a","clientMetadata":{"k":1}}]})");
    CHECK(export_changes(m, manifest::write_json(m), Format::json, nullptr).empty());
    const auto no_metadata = read(R"({"videos":[{"objectUrl":"https://x/v.mp4","title":"clip"}],
                                      "images":[{"objectUrl":"https://x/a.jpg","title":"a"}]})");
    const auto csv = manifest::write_csv(no_metadata);
    REQUIRE(csv.bytes);
    CHECK(export_changes(no_metadata, *csv.bytes, Format::csv, nullptr).empty());
}

TEST_CASE("an export that moves items or loses a title says so, naming the items", "[app][export-check]") {
    const auto m = read(R"({"videos":[{"objectUrl":"https://x/v.mp4","title":"clip"}],
                            "images":[{"objectUrl":"https://x/a.jpg","title":"a"}]})");
    // As a faulty writer might have produced it: the video became an image, and "a" lost its title.
    const std::string bad = R"({"images":[{"objectUrl":"https://x/a.jpg"},{"objectUrl":"https://x/v.mp4"}]})";
    const auto number = [](Collection c, std::size_t i) -> std::uint64_t {
        return c == Collection::videos ? 1 : 2 + i;
    };
    const auto changes = export_changes(m, bad, Format::json, number);
    REQUIRE(changes.size() == 2);
    CHECK(changes[0] == "videos: 1 item in the manifest, 0 in the export");
    CHECK(changes[1] == "images: 1 item in the manifest, 2 in the export");

    const std::string untitled = R"({"videos":[{"objectUrl":"https://x/v.mp4","title":"clip"}],
                                     "images":[{"objectUrl":"https://x/a.jpg"}]})";
    const auto lost = export_changes(m, untitled, Format::json, number);
    REQUIRE(lost.size() == 1);
    CHECK(lost[0] == "item 2 (images): loses its title \"a\"");
    CHECK(export_changes(m, "{not json", Format::json, number) ==
          std::vector<std::string>{"the exported file cannot be read back"});
}

TEST_CASE("a refused CSV export names the items of each reason", "[app][export-check]") {
    const auto m = read(R"({"images":[{"objectUrl":"https://x/a.jpg","clientMetadata":{"k":1}},
                                       {"objectUrl":"https://x/b.jpg"},
                                       {"objectUrl":"https://x/c.jpg","clientMetadata":{"k":2}}],
                            "text":[{"objectUrl":"https://x/t.txt"}]})");
    const auto r = manifest::write_csv(m);
    REQUIRE_FALSE(r.bytes);
    const auto number = [](Collection c, std::size_t i) -> std::uint64_t {
        return c == Collection::images ? 1 + i : 4 + i;
    };
    const auto lines = export_reasons(r.diagnostics, number);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].rfind("item 4: ", 0) == 0);  // the text item: no CSV form
    CHECK(lines[1].rfind("items 1 and 3: this item has clientMetadata", 0) == 0);
}

TEST_CASE("many items and reasons are summarised, not listed whole", "[app][export-check]") {
    Diagnostics ds;
    for (int i = 0; i < 20; ++i) ds.push_back(Diagnostic::error("c", "same").in_item("images", std::uint64_t(i)));
    for (int i = 0; i < 9; ++i) ds.push_back(Diagnostic::error("c", "reason " + std::to_string(i)));
    ds.push_back(Diagnostic::warning("w", "a warning is not a reason"));
    const auto lines = export_reasons(ds, nullptr, 4);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == "items 1, 2, 3, 4, 5, 6, 7, 8 and 12 more: same");
    CHECK(lines[4] == "and 6 other reasons");
}

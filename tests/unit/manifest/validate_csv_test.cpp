// CSV manifests: header, rows, URLs and titles, with row and field places.
#include <catch2/catch.hpp>

#include "validate_support.hpp"

using namespace eic;
using namespace eic::manifest;
using namespace eic::manifest::test;

namespace {
using V = std::vector<std::string>;
ValidationResult csv(const std::string& text, ValidateOptions o = {}) {
    o.format = InputFormat::csv;
    return validate(text, o);
}
}  // namespace

TEST_CASE("CSV: a clean file, format detected from content", "[manifest][validate][csv]") {
    std::string text =
        "ObjectUrl,Image "
        "title\r\nhttps://storage.cloud.google.com/b-1/a.jpg,a\r\nhttps://storage.cloud.google.com/b-1/b.jpg,b\r\n";
    auto r = validate(text);  // auto: not '{' or '[', so CSV
    CHECK(codes(r).empty());
    CHECK(r.summary.format == "csv");
    CHECK(r.summary.items == 2);
    CHECK(r.summary.urls == 2);
    CHECK(r.summary.collections == std::map<std::string, std::uint64_t>{{"images", 2}});
    auto videos = csv("ObjectUrl\nhttps://storage.cloud.google.com/b-1/v.mp4\n");
    CHECK(codes(videos).empty());
    CHECK(videos.summary.collections == std::map<std::string, std::uint64_t>{{"videos", 1}});
}

TEST_CASE("CSV: URL findings carry row and field, no pointer", "[manifest][validate][csv]") {
    auto r =
        csv("Image title,ObjectUrl\nx,https://storage.cloud.google.com/b-1/a "
            "b.jpg\ny,\nz,gs://b-1/a.jpg\nw,gs://b-1/a.jpg\n");
    REQUIRE(codes(r) ==
            V{"manifest.url.whitespace", "csv.url.empty", "manifest.url.gs-form", "manifest.url.duplicate"});
    const Diagnostic& d = r.diagnostics[0];
    CHECK(d.line == 2);
    CHECK(d.column == 3);
    CHECK(d.row == 1u);
    CHECK(d.field == "ObjectUrl");
    CHECK_FALSE(d.pointer.has_value());
    CHECK(d.collection == "images");
    CHECK(d.item == 0u);
    CHECK(r.diagnostics[1].row == 2u);
    CHECK(r.diagnostics[3].row == 4u);
    CHECK(r.diagnostics[3].message.find("line 4, column 3") != std::string::npos);
}

TEST_CASE("CSV: header problems", "[manifest][validate][csv]") {
    auto none = csv("Title,Url\na,b\n");
    CHECK(count(none, "csv.column.missing-url") == 1);
    CHECK(count(none, "csv.column.unknown") == 2);
    auto spelled = csv("object_url\nhttps://storage.cloud.google.com/b-1/v.mp4\n");
    CHECK(codes(spelled) == V{"csv.column.spelling"});
    // several title columns are allowed (a mixed CSV); a row filling two is the finding
    auto mixed = csv("ObjectUrl,Image title,Video title\nhttps://storage.cloud.google.com/b-1/a.jpg,a,b\n");
    CHECK(codes(mixed) == V{"csv.row.type-ambiguous"});
    auto dup = csv("ObjectUrl,ObjectUrl\nhttps://storage.cloud.google.com/b-1/a.mp4,x\n");
    CHECK(codes(dup) == V{"csv.column.duplicate"});
    CHECK(codes(csv("")) == V{"csv.empty"});
}

TEST_CASE("CSV: groups by title, titles at most 300 characters", "[manifest][validate][csv]") {
    auto g =
        csv("ObjectUrl,Image group "
            "title\nhttps://storage.cloud.google.com/b-1/1.jpg,g1\nhttps://storage.cloud.google.com/b-1/2.jpg,g1\n"
            "https://storage.cloud.google.com/b-1/3.jpg,g2\nhttps://storage.cloud.google.com/b-1/4.jpg,\n");
    REQUIRE(codes(g) == V{"csv.group.missing-title"});
    CHECK(g.diagnostics[0].field == "Image group title");
    CHECK(g.summary.items == 2);
    CHECK(g.summary.collections.at("image_groups") == 2);
    auto t = csv("ObjectUrl,Video title\nhttps://storage.cloud.google.com/b-1/1.mp4," + std::string(301, 'a') + "\n");
    REQUIRE(codes(t) == V{"manifest.title.too-long"});
    CHECK(t.diagnostics[0].field == "Video title");
}

TEST_CASE("CSV: syntax findings pass through; entries and strict access", "[manifest][validate][csv]") {
    auto q = csv("ObjectUrl\n\"https://storage.cloud.google.com/b-1/1.mp4\n");
    CHECK(find(q, "csv.unterminated-quote"));
    std::string many = "ObjectUrl\n";
    for (int i = 0; i < 10001; ++i) many += "https://storage.cloud.google.com/b-1/" + std::to_string(i) + ".mp4\n";
    auto m = csv(many);
    REQUIRE(codes(m) == V{"manifest.limit.csv-entries"});
    CHECK(m.diagnostics[0].row == 10001u);
    ValidateOptions o;
    o.strict_client_only = true;
    CHECK(codes(csv("ObjectUrl,Image title\nhttps://storage.cloud.google.com/b-1/a.jpg,a\n", o)) ==
          V{"manifest.strict.csv"});
}

TEST_CASE("CSV: every truncation and mutation is safe", "[manifest][validate][csv][robust]") {
    std::string text =
        "ObjectUrl,Image group title\n\"https://storage.cloud.google.com/b-1/1.jpg\",\"g \"\"1\"\"\"\n"
        "gs://b-1/2.jpg,g1\nhttps://storage.cloud.google.com/B/3.jpg,\xC3\xA9\n";
    for (std::size_t n = 0; n <= text.size(); ++n) {
        auto r = csv(text.substr(0, n));
        for (const auto& d : r.diagnostics) REQUIRE_FALSE(d.code.empty());
    }
}

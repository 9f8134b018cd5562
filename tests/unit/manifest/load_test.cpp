// Reading manifests into the model, from JSON and CSV.
#include "manifest/load.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "manifest/write.hpp"

using namespace eic;
using namespace eic::manifest;

namespace {

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(EIC_TEST_DATA) + "/" + name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const Diagnostic* find(const Diagnostics& ds, const std::string& code) {
    for (const auto& d : ds)
        if (d.code == code) return &d;
    return nullptr;
}

}  // namespace

TEST_CASE("load json: collections, items, fields and places") {
    std::string in = R"({
  "videos": [
    {"objectUrl": "gs://b/v.mp4", "title": "V", "clientMetadata": {"k": 1},
     "videoMetadata": {"fps": 25, "fileSize": 10, "mime_type": "video/mp4"}, "extraField": [1, 2]}
  ],
  "image_groups": [
    {"title": "g", "createVideo": true, "objectUrl_1": "u1", "objectUrl_0": "u0", "objectUrl_10": "u10"}
  ],
  "skip_duplicate_urls": true,
  "upsert_metadata": false
})";
    auto r = load_json(in);
    REQUIRE(r.manifest);
    CHECK(r.diagnostics.empty());
    const Manifest& m = *r.manifest;
    REQUIRE(m[Collection::videos].size() == 1);
    const Item& v = m[Collection::videos][0];
    CHECK(v.urls == std::vector<std::string>{"gs://b/v.mp4"});
    CHECK(v.title == std::string("V"));
    CHECK(v.client_metadata == nlohmann::ordered_json::parse(R"({"k":1})"));
    CHECK(v.metadata.dump() == R"({"videoMetadata":{"fps":25,"file_size":10,"mime_type":"video/mp4"}})");
    CHECK(v.extra.dump() == R"({"extraField":[1,2]})");
    CHECK(v.source.line == 3);
    CHECK(v.source.column == 5);
    CHECK(in[v.source.offset] == '{');
    CHECK(in[v.source.end - 1] == '}');
    const Item& g = m[Collection::image_groups][0];
    CHECK(g.urls == std::vector<std::string>{"u0", "u1", "u10"});
    CHECK(g.create_video == true);
    CHECK(m.skip_duplicate_urls == true);
    CHECK(m.extra.dump() == R"({"upsert_metadata":false})");
    CHECK(m.order == std::vector<Collection>{Collection::videos, Collection::image_groups});
    CHECK(m.item_count() == 2);
    CHECK(m.url_count() == 4);
}

TEST_CASE("load json: snake_case item keys are read and kept as written; structured names stay as written") {
    // No source says Encord reads these spellings, so the loader never renames them: the validator warns
    // (manifest.item.field-spelling, manifest.unknown-key) and writing gives back what was read.
    const std::string in =
        R"({"imageGroups":[{"title":"t","objectUrl_0":"a"}],"image_groups":[{"title":"g",)"
        R"("object_url_0":"b","create_video":true}],"audio":[{"object_url":"x","client_metadata":{"a":true},)"
        R"("audio_metadata":{"sampleRate":44100},"audioMetadata":{"sampleRate":8000}}],"skipDuplicateUrls":false})";
    auto r = load_json(in);
    REQUIRE(r.manifest);
    CHECK(r.diagnostics.empty());
    const Manifest& m = *r.manifest;
    REQUIRE(m[Collection::image_groups].size() == 1);
    const Item& g = m[Collection::image_groups][0];
    CHECK(g.urls == std::vector<std::string>{"b"});
    CHECK(g.create_video == true);
    CHECK(g.spelling.snake_url);
    CHECK(g.spelling.snake_create_video);
    const Item& a = m[Collection::audio][0];
    CHECK(a.urls == std::vector<std::string>{"x"});
    CHECK(a.client_metadata["a"] == true);
    CHECK(a.spelling.snake_client_metadata);
    CHECK(a.metadata.dump() == R"({"audioMetadata":{"sample_rate":8000}})");
    CHECK(a.extra.dump() == R"({"audio_metadata":{"sampleRate":44100}})");
    CHECK_FALSE(m.skip_duplicate_urls);
    CHECK(m.extra.dump() == R"({"imageGroups":[{"title":"t","objectUrl_0":"a"}],"skipDuplicateUrls":false})");
    // written back, every spelling is as it was
    auto back = load_json(write_json(m, {false}));
    REQUIRE(back.manifest);
    const std::string out = write_json(*back.manifest, {false});
    for (const char* key : {"\"object_url_0\"", "\"create_video\"", "\"object_url\"", "\"client_metadata\"",
                            "\"audio_metadata\"", "\"imageGroups\"", "\"skipDuplicateUrls\""})
        CHECK(out.find(key) != std::string::npos);
    CHECK(out.find("\"objectUrl\"") == std::string::npos);
}

TEST_CASE("load json: wrong shapes are reported, not fatal") {
    std::string in =
        R"({"videos": {"a": 1}, "images": [1, {"objectUrl": 5, "title": "t", "title": "u"}, {"objectUrl": "ok"}],
"image_groups": [{"objectUrl_01": "x", "objectUrl_0": "y", "objectUrl_0": "z"}], "skip_duplicate_urls": "yes"})";
    auto r = load_json(in);
    REQUIRE(r.manifest);
    const auto& ds = r.diagnostics;
    auto* c = find(ds, "load.collection");
    REQUIRE(c);
    CHECK(c->pointer == std::string("/videos"));
    CHECK(c->line == 1);
    CHECK(c->column == 12);
    auto* it = find(ds, "load.item");
    REQUIRE(it);
    CHECK(it->pointer == std::string("/images/0"));
    auto* ft = find(ds, "load.field-type");
    REQUIRE(ft);
    CHECK(ft->pointer == std::string("/images/1/objectUrl"));
    CHECK(find(ds, "load.duplicate-key"));
    CHECK(find(ds, "load.url-index"));
    const auto& images = (*r.manifest)[Collection::images];
    REQUIRE(images.size() == 2);
    CHECK(images[0].title == std::string("u"));
    CHECK(images[0].extra["objectUrl"] == 5);
    CHECK(images[1].urls == std::vector<std::string>{"ok"});
    const auto& groups = (*r.manifest)[Collection::image_groups];
    CHECK(groups[0].urls == std::vector<std::string>{"z"});
    CHECK(groups[0].extra.contains("objectUrl_01"));
    CHECK_FALSE(r.manifest->skip_duplicate_urls);
    CHECK(r.manifest->extra["skip_duplicate_urls"] == "yes");
}

TEST_CASE("load json: syntax errors and a non-object document") {
    auto r = load_json("{\"videos\": [\n  {\"objectUrl\": \"x\"},\n]}");
    CHECK_FALSE(r.manifest);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code.rfind("json.", 0) == 0);
    CHECK(r.diagnostics[0].line == 3);
    r = load_json("[1,2]");
    REQUIRE(r.manifest);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == "load.top-level");
    CHECK(r.manifest->item_count() == 0);
    r = load_json("{\"x\": 1e999}");
    CHECK(find(r.diagnostics, "load.number"));
}

TEST_CASE("load csv: image groups grouped by title in row order") {
    auto r = load_csv(fixture("csv/image_groups.csv"));
    REQUIRE(r.manifest);
    CHECK(r.diagnostics.empty());
    const auto& g = (*r.manifest)[Collection::image_groups];
    REQUIRE(g.size() == 2);
    CHECK(g[0].title == std::string("group one"));
    CHECK(g[0].urls == std::vector<std::string>{"gs://b/g1/0.jpg", "gs://b/g1/1.jpg"});
    CHECK(g[1].title == std::string("group, two"));
    CHECK(g[1].urls == std::vector<std::string>{"gs://b/g2/0.jpg", "gs://b/g2/1.jpg"});
    CHECK(g[0].source.row == 1u);
    CHECK(g[0].source.last_row == 3u);
    CHECK(g[1].source.line == 3);
    CHECK_FALSE(g[0].create_video);
}

TEST_CASE("load csv: a single ObjectUrl column is videos; BOM; image titles") {
    auto r = load_csv(fixture("csv/videos_bom.csv"));
    REQUIRE(r.manifest);
    CHECK(r.diagnostics.empty());
    const auto& v = (*r.manifest)[Collection::videos];
    REQUIRE(v.size() == 2);
    CHECK(v[0].urls[0] == "https://storage.cloud.google.com/b/v1.mp4");
    CHECK_FALSE(v[0].title);
    r = load_csv(fixture("csv/images.csv"));
    REQUIRE(r.manifest);
    const auto& im = (*r.manifest)[Collection::images];
    REQUIRE(im.size() == 3);
    CHECK(im[0].title == std::string("first \"one\""));
    CHECK_FALSE(im[1].title);
    CHECK(im[2].title == std::string("multi\nline"));
    CHECK(im[2].source.row == 3u);
    CHECK(im[2].source.line == 4);
}

TEST_CASE("load csv: image sequences, DICOM series, audio") {
    auto r = load_csv("ObjectUrl,Image sequence title\na,s\nb,s\n");
    REQUIRE(r.manifest);
    const auto& g = (*r.manifest)[Collection::image_groups];
    REQUIRE(g.size() == 1);
    CHECK(g[0].create_video == true);
    CHECK(g[0].urls.size() == 2);
    r = load_csv("DICOM series title,ObjectUrl\ns1,a\ns2,b\ns1,c\n");
    REQUIRE(r.manifest);
    CHECK((*r.manifest)[Collection::dicom_series].size() == 2);
    CHECK((*r.manifest)[Collection::dicom_series][0].urls == std::vector<std::string>{"a", "c"});
    r = load_csv("ObjectUrl,Audio title\na,x\n");
    REQUIRE(r.manifest);
    CHECK((*r.manifest)[Collection::audio].size() == 1);
}

TEST_CASE("load csv: header problems") {
    auto r = load_csv("Url,Image title\na,b\n");
    CHECK_FALSE(r.manifest);
    auto* d = find(r.diagnostics, "csv.column.missing-url");
    REQUIRE(d);
    CHECK(d->line == 1);
    CHECK(find(r.diagnostics, "csv.column.unknown"));
    r = load_csv("object_url,image title,Notes\na,b,c\n");
    REQUIRE(r.manifest);
    CHECK((*r.manifest)[Collection::images].size() == 1);
    d = find(r.diagnostics, "csv.column.spelling");
    REQUIRE(d);
    CHECK(d->field == std::string("object_url"));
    d = find(r.diagnostics, "csv.column.unknown");
    REQUIRE(d);
    CHECK(d->column == 24);
    CHECK(d->severity == Severity::warning);
    r = load_csv("ObjectUrl,Image title,Video title,ObjectUrl\na,b,,d\ne,f,g,h\n");
    REQUIRE(r.manifest);
    CHECK(find(r.diagnostics, "csv.column.duplicate"));
    CHECK((*r.manifest)[Collection::images][0].urls[0] == "a");
    // the second row fills two title columns: left out, with a warning at its row
    d = find(r.diagnostics, "csv.row.type-ambiguous");
    REQUIRE(d);
    CHECK(d->row == 2u);
    CHECK(d->severity == Severity::warning);
    CHECK(d->message.find("leaves the row out") != std::string::npos);
    CHECK(r.manifest->item_count() == 1);
    r = load_csv("");
    CHECK_FALSE(r.manifest);
    CHECK(find(r.diagnostics, "csv.empty"));
}

TEST_CASE("load csv: row problems carry row and field") {
    auto r = load_csv("ObjectUrl,Image group title\na,g\n,g\nb,\nc\n");
    REQUIRE(r.manifest);
    auto* d = find(r.diagnostics, "csv.url.empty");
    REQUIRE(d);
    CHECK(d->row == 2u);
    CHECK(d->field == std::string("ObjectUrl"));
    CHECK(d->line == 3);
    CHECK(d->column == 1);
    d = find(r.diagnostics, "csv.group.missing-title");
    REQUIRE(d);
    CHECK(d->row == 3u);
    CHECK(d->field == std::string("Image group title"));
    CHECK(d->column == 3);
    d = find(r.diagnostics, "csv.ragged-row");
    REQUIRE(d);
    CHECK(d->row == 4u);
    CHECK((*r.manifest)[Collection::image_groups].size() == 1);
}

TEST_CASE("load: format detection") {
    CHECK(detect_format("{}", "a.CSV") == Format::csv);
    CHECK(detect_format("ObjectUrl\n", "m.Json") == Format::json);
    CHECK(detect_format("\xEF\xBB\xBF \n{\"videos\":[]}") == Format::json);
    CHECK(detect_format("ObjectUrl\nx\n") == Format::csv);
}

TEST_CASE("load csv: truncating at every byte never crashes") {
    std::string in = fixture("csv/image_groups.csv") + "\"open,x\nbad\"q,z\n";
    for (std::size_t n = 0; n <= in.size(); ++n) {
        auto r = load_csv(in.substr(0, n));
        if (r.manifest) CHECK(r.manifest->url_count() <= 6);
    }
}

TEST_CASE("load json: truncating at every byte never crashes") {
    std::string in =
        R"({"videos":[{"objectUrl":"a","clientMetadata":{"x":[1,2.5,{"y":null}]}}],"image_groups":[{"objectUrl_0":"b"}],"z":true})";
    for (std::size_t n = 0; n <= in.size(); ++n) {
        auto r = load_json(in.substr(0, n));
        CHECK((r.manifest.has_value() || !r.diagnostics.empty()));
    }
}

// Writing the model as JSON and CSV; what CSV refuses.
#include "manifest/write.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "csv/reader.hpp"
#include "manifest/load.hpp"

using namespace eic;
using namespace eic::manifest;

namespace {

Manifest from_json(const std::string& s) {
    auto r = load_json(s);
    REQUIRE(r.manifest);
    REQUIRE(r.diagnostics.empty());
    return *r.manifest;
}

std::vector<std::string> codes(const Diagnostics& ds) {
    std::vector<std::string> out;
    for (const auto& d : ds) out.push_back(d.code);
    return out;
}

}  // namespace

TEST_CASE("write json: canonical field order, snake_case metadata, flags and unknown keys kept") {
    Manifest m = from_json(R"({"upsert_metadata": true, "image_groups": [{"objectUrl_1": "b", "objectUrl_0": "a",
        "createVideo": false, "title": "g", "x": 1}], "videos": [{"title": "t", "videoMetadata": {"fileSize": 3},
        "objectUrl": "v", "clientMetadata": {}}], "skip_duplicate_urls": true})");
    CHECK(write_json(m, {false}) ==
          R"({"image_groups":[{"title":"g","createVideo":false,"objectUrl_0":"a","objectUrl_1":"b","x":1}],)"
          R"("videos":[{"objectUrl":"v","title":"t","clientMetadata":{},"videoMetadata":{"file_size":3}}],)"
          R"("skip_duplicate_urls":true,"upsert_metadata":true})");
    std::string pretty = write_json(m);
    CHECK(pretty.back() == '\n');
    CHECK(pretty.find("\n  \"image_groups\": [") != std::string::npos);
    // the output reads back to the same model
    auto again = load_json(pretty);
    REQUIRE(again.manifest);
    CHECK(write_json(*again.manifest, {false}) == write_json(m, {false}));
}

TEST_CASE("write json: empty collections are kept, items in memory have no place") {
    Manifest m;
    m[Collection::audio].push_back(Item{});
    m[Collection::audio][0].urls = {"a"};
    m.order = {Collection::images};
    CHECK(write_json(m, {false}) == R"({"images":[],"audio":[{"objectUrl":"a"}]})");
}

TEST_CASE("write csv: each data type with its title column") {
    auto w = write_csv(from_json(R"({"videos":[{"objectUrl":"a"},{"objectUrl":"b"}]})"));
    REQUIRE(w.bytes);
    CHECK(*w.bytes == "ObjectUrl\na\nb\n");
    w = write_csv(from_json(R"({"videos":[{"objectUrl":"a","title":"x, y"},{"objectUrl":"b"}]})"));
    REQUIRE(w.bytes);
    CHECK(*w.bytes == "ObjectUrl,Video title\na,\"x, y\"\nb,\n");
    w = write_csv(from_json(R"({"images":[{"objectUrl":"a"}]})"), {true, true});
    REQUIRE(w.bytes);
    CHECK(*w.bytes == "\xEF\xBB\xBFObjectUrl,Image title\r\na,\r\n");
    w = write_csv(
        from_json(R"({"image_groups":[{"title":"g","createVideo":true,"objectUrl_0":"a","objectUrl_1":"b"}]})"));
    REQUIRE(w.bytes);
    CHECK(*w.bytes == "ObjectUrl,Image sequence title\na,g\nb,g\n");
    w = write_csv(from_json(R"({"dicom_series":[{"title":"s","objectUrl_0":"a"}],"skip_duplicate_urls":false})"));
    REQUIRE(w.bytes);
    CHECK(*w.bytes == "ObjectUrl,DICOM series title\na,s\n");
    w = write_csv(from_json(R"({"audio":[{"objectUrl":"a","title":"t","clientMetadata":{}}]})"));
    REQUIRE(w.bytes);
    CHECK(*w.bytes == "ObjectUrl,Audio title\na,t\n");
    CHECK(w.diagnostics.empty());
}

TEST_CASE("write csv: refuses what CSV cannot hold, one diagnostic per item, with its place") {
    std::string in = R"({"videos": [
  {"objectUrl": "a", "clientMetadata": {"k": 1}},
  {"objectUrl": "b", "videoMetadata": {"fps": 1}},
  {"objectUrl": "c", "foo": 1},
  {"objectUrl": "d"}
]})";
    auto w = write_csv(from_json(in));
    CHECK_FALSE(w.bytes);
    REQUIRE(w.diagnostics.size() == 3);
    CHECK(codes(w.diagnostics) == std::vector<std::string>{"convert.csv.client-metadata", "convert.csv.media-metadata",
                                                           "convert.csv.unknown-field"});
    CHECK(w.diagnostics[0].line == 2);
    CHECK(w.diagnostics[0].column == 3);
    CHECK(w.diagnostics[0].pointer == std::string("/videos/0"));
    CHECK(w.diagnostics[0].collection == std::string("videos"));
    CHECK(w.diagnostics[1].item == 1u);
    CHECK(w.diagnostics[2].message.find("\"foo\"") != std::string::npos);
}

TEST_CASE("write csv: refusals of structure") {
    auto w = write_csv(from_json(R"({"text":[{"objectUrl":"a"}]})"));
    CHECK(codes(w.diagnostics) == std::vector<std::string>{"convert.csv.collection"});
    w = write_csv(from_json(R"({"videos":[{"objectUrl":"a"}],"skip_duplicate_urls":true,"upsert_metadata":true})"));
    CHECK(codes(w.diagnostics) == std::vector<std::string>{"convert.csv.top-level", "convert.csv.top-level"});
    w = write_csv(from_json(R"({"image_groups":[{"title":"g","objectUrl_0":"a"},{"title":"g","objectUrl_0":"b"},
        {"objectUrl_0":"c"},{"title":"s","createVideo":true,"objectUrl_0":"d"},{"title":"e"}]})"));
    CHECK_FALSE(w.bytes);
    CHECK(codes(w.diagnostics) ==
          std::vector<std::string>{"convert.csv.duplicate-title", "convert.csv.group-title", "convert.csv.no-url"});
    w = write_csv(from_json(R"({"videos":[{"objectUrl":"a","createVideo":true}]})"));
    CHECK(codes(w.diagnostics) == std::vector<std::string>{"convert.csv.unknown-field"});
}

TEST_CASE("write csv: several data types make one mixed CSV, a title column each") {
    // Encord's GCP import guide: "combine multiple data types in a single CSV file"
    auto w = write_csv(
        from_json(R"({"videos":[{"objectUrl":"gs://b/v.mp4","title":"v"}],"images":[{"objectUrl":"gs://b/a.jpg"}],
        "image_groups":[{"title":"g","objectUrl_0":"gs://b/1.jpg","objectUrl_1":"gs://b/2.jpg"},
                        {"title":"s","createVideo":true,"objectUrl_0":"gs://b/3.jpg"}]})"));
    REQUIRE(w.bytes);
    CHECK(*w.bytes ==
          "ObjectUrl,Video title,Image title,Image group title,Image sequence title\n"
          "gs://b/v.mp4,v,,,\n"
          "gs://b/a.jpg,,/a.jpg,,\n"
          "gs://b/1.jpg,,,g,\n"
          "gs://b/2.jpg,,,g,\n"
          "gs://b/3.jpg,,,,s\n");
    // the untitled image had to get a title (its type is the title column it fills): said, at its item
    REQUIRE(codes(w.diagnostics) == std::vector<std::string>{"convert.csv.title-filled"});
    CHECK(w.diagnostics[0].severity == Severity::warning);
    CHECK(w.diagnostics[0].pointer == std::string("/images/0"));
    // read back, every item keeps its type
    auto back = load_csv(*w.bytes);
    REQUIRE(back.manifest);
    CHECK(back.diagnostics.empty());
    CHECK((*back.manifest)[Collection::videos].size() == 1);
    CHECK((*back.manifest)[Collection::images].size() == 1);
    REQUIRE((*back.manifest)[Collection::image_groups].size() == 2);
    CHECK((*back.manifest)[Collection::image_groups][0].urls.size() == 2);
    CHECK((*back.manifest)[Collection::image_groups][1].create_video == true);
    // one type alone keeps the plain form: untitled videos are the lone ObjectUrl file
    auto plain = write_csv(from_json(R"({"videos":[{"objectUrl":"gs://b/v.mp4"}]})"));
    REQUIRE(plain.bytes);
    CHECK(*plain.bytes == "ObjectUrl\ngs://b/v.mp4\n");
    CHECK(plain.diagnostics.empty());
}

TEST_CASE("write csv: more than 10,000 rows is a warning") {
    Manifest m;
    for (int i = 0; i < 10001; ++i) {
        Item it;
        it.urls = {"u" + std::to_string(i)};
        m[Collection::videos].push_back(it);
    }
    auto w = write_csv(m);
    REQUIRE(w.bytes);
    CHECK(codes(w.diagnostics) == std::vector<std::string>{"convert.csv.entries"});
    m[Collection::videos].pop_back();
    CHECK(write_csv(m).diagnostics.empty());
}

TEST_CASE("round trip: CSV -> JSON -> CSV gives the same bytes") {
    for (const char* in : {"ObjectUrl\na\nb\n", "ObjectUrl,Image title\n\"a,1\",\"t \"\"q\"\"\"\nb,\n",
                           "ObjectUrl,Image group title\na,g1\nb,g2\nc,g1\n",
                           "ObjectUrl,Image sequence title\na,s\nb,s\n", "ObjectUrl,DICOM series title\na,s\n",
                           "ObjectUrl,Audio title\na,\"multi\nline\"\n", "ObjectUrl,Video title\na,v\n"}) {
        auto loaded = load_csv(in);
        REQUIRE(loaded.manifest);
        REQUIRE(loaded.diagnostics.empty());
        auto json = write_json(*loaded.manifest);
        auto back = load_json(json);
        REQUIRE(back.manifest);
        auto w = write_csv(*back.manifest);
        REQUIRE(w.bytes);
        std::string expected = in;
        if (expected == "ObjectUrl,Image group title\na,g1\nb,g2\nc,g1\n")
            expected = "ObjectUrl,Image group title\na,g1\nc,g1\nb,g2\n";  // rows of a group come together
        CHECK(*w.bytes == expected);
    }
}

// The rules corrected against Encord's guide, docs and SDK: no false errors on files Encord accepts,
// and the two things Encord refuses that eic used to miss.
#include <catch2/catch.hpp>

#include "validate_support.hpp"

using namespace eic;
using namespace eic::manifest;
using namespace eic::manifest::test;

namespace {
using V = std::vector<std::string>;
const std::string kGcs = "https://storage.cloud.google.com/b-1/";

ValidationResult csv(const std::string& text, ValidateOptions o = {}) {
    o.format = InputFormat::csv;
    return validate(text, o);
}
std::size_t errors(const ValidationResult& r) { return std::size_t(r.summary.errors); }
}  // namespace

TEST_CASE("snake_case item fields: a warning each, read as the documented field", "[manifest][validate][format]") {
    const std::string text = "{\"images\": [{\"object_url\": \"" + kGcs + "a.jpg\",\n \"client_metadata\": {}}]}";
    auto r = validate(text);
    REQUIRE(codes(r) == V{"manifest.item.field-spelling", "manifest.item.field-spelling"});
    CHECK(errors(r) == 0);  // no missing-url: the URL is read
    CHECK(r.summary.urls == 1);
    CHECK(r.diagnostics[0].severity == Severity::warning);
    CHECK(r.diagnostics[0].pointer == "/images/0/object_url");
    CHECK(r.diagnostics[0].line == 1);
    CHECK(r.diagnostics[0].column == 14);
    CHECK(r.diagnostics[0].message.find("\"objectUrl\"") != std::string::npos);
    CHECK(r.diagnostics[1].pointer == "/images/0/client_metadata");
    CHECK(r.diagnostics[1].line == 2);
    // the URL under the undocumented name is still checked
    auto bad = validate("{\"images\": [{\"object_url\": \"" + kGcs + "a b.jpg\"}]}");
    CHECK(codes(bad) == V{"manifest.item.field-spelling", "manifest.url.whitespace"});
    auto group = validate("{\"image_groups\": [{\"title\": \"g\", \"object_url_0\": \"" + kGcs + "a.jpg\"}]}");
    CHECK(codes(group) == V{"manifest.item.field-spelling"});
    CHECK(group.diagnostics[0].pointer == "/image_groups/0/object_url_0");
}

TEST_CASE("video options are accepted on videos and in clientMetadata.config", "[manifest][validate][format]") {
    const std::string item = "{\"objectUrl\": \"" + kGcs +
                             "v.mp4\", \"sampling_rate\": 0, \"keyframe_mode\": \"seconds\", "
                             "\"clientMetadata\": {\"config\": {\"sampling_rate\": 0}}}";
    auto r =
        validate("{\"videos\": [" + item + "]}", with_schema(R"({"split": {"ty": "variant", "hint": "varchar"}})"));
    CHECK(codes(r).empty());
    // on images the same names are unknown fields (a warning)
    auto img = validate("{\"images\": [{\"objectUrl\": \"" + kGcs + "a.jpg\", \"sampling_rate\": 1}]}");
    CHECK(codes(img) == V{"manifest.item.unknown-field"});
}

TEST_CASE("group numbering: gaps, numbering from 1 and bad suffixes are warnings", "[manifest][validate][format]") {
    auto from_one = validate("{\"image_groups\": [{\"title\": \"g\", \"objectUrl_1\": \"" + kGcs + "a.jpg\"}]}");
    REQUIRE(codes(from_one) == V{"manifest.group.url-gap"});
    CHECK(from_one.diagnostics[0].severity == Severity::warning);
    CHECK(from_one.diagnostics[0].pointer == "/image_groups/0");
    auto index = validate("{\"image_groups\": [{\"title\": \"g\", \"objectUrl_0\": \"" + kGcs +
                          "a.jpg\", \"objectUrl_01\": \"" + kGcs + "b.jpg\"}]}");
    REQUIRE(codes(index) == V{"manifest.group.url-index"});
    CHECK(index.diagnostics[0].severity == Severity::warning);
    CHECK(index.diagnostics[0].pointer == "/image_groups/0/objectUrl_01");
    auto none = validate("{\"image_groups\": [{\"title\": \"g\"}]}");
    CHECK(codes(none) == V{"manifest.group.no-urls"});
    CHECK(errors(none) == 0);
}

TEST_CASE("URL schemes other than https and gs are warnings", "[manifest][validate][format]") {
    auto r = validate("{\"images\": [{\"objectUrl\": \"http://example.com/a.jpg\"}]}");
    REQUIRE(codes(r) == V{"manifest.url.scheme"});
    CHECK(r.diagnostics[0].severity == Severity::warning);
    CHECK(r.diagnostics[0].pointer == "/images/0/objectUrl");
    auto s3 = validate("{\"images\": [{\"objectUrl\": \"s3://bucket/a.jpg\"}]}");
    CHECK(codes(s3) == V{"manifest.url.scheme"});
    CHECK(errors(s3) == 0);
    CHECK(codes(validate("{\"images\": [{\"objectUrl\": \"" + kGcs + "a.jpg\"}]}")).empty());
}

TEST_CASE("unknown and repeated top-level keys are warnings: Encord ignores them", "[manifest][validate][format]") {
    auto r = validate("{\"imageGroups\": [], \"images\": [{\"objectUrl\": \"" + kGcs + "a.jpg\"}], \"foo\": 1}");
    REQUIRE(codes(r) == V{"manifest.unknown-key", "manifest.unknown-key"});
    CHECK(errors(r) == 0);
    CHECK(r.diagnostics[0].pointer == "/imageGroups");
    CHECK(r.diagnostics[0].message.find("\"image_groups\"") != std::string::npos);
    auto twice = validate("{\"images\": [], \"images\": [{\"objectUrl\": \"" + kGcs + "a.jpg\"}]}");
    CHECK(codes(twice) == V{"manifest.duplicate-key"});
    CHECK(errors(twice) == 0);
}

TEST_CASE("image sequences under strict client-only access: a warning citing the guide",
          "[manifest][validate][format]") {
    ValidateOptions strict;
    strict.strict_client_only = true;
    const std::string seq =
        "{\"image_groups\": [{\"title\": \"s\", \"createVideo\": true, \"objectUrl_0\": \"" + kGcs + "a.jpg\"}]}";
    auto r = validate(seq, strict);
    REQUIRE(codes(r) == V{"manifest.strict.image-sequence"});
    CHECK(r.diagnostics[0].severity == Severity::warning);
    CHECK(r.diagnostics[0].pointer == "/image_groups/0");
    CHECK(r.diagnostics[0].message.find("GCP import guide") != std::string::npos);
    CHECK(codes(validate(seq)).empty());  // not strict: nothing
    const std::string group =
        "{\"image_groups\": [{\"title\": \"s\", \"createVideo\": false, \"objectUrl_0\": \"" + kGcs + "a.jpg\"}]}";
    CHECK(codes(validate(group, strict)).empty());
    auto rows = csv("ObjectUrl,Image sequence title\n" + kGcs + "a.jpg,s\n" + kGcs + "b.jpg,s\n", strict);
    REQUIRE(codes(rows) == V{"manifest.strict.image-sequence"});
    CHECK(rows.diagnostics[0].row == 1u);
}

TEST_CASE("a DICOM series without a title: a warning citing the SDK", "[manifest][validate][format]") {
    auto r = validate("{\"dicom_series\": [{\"objectUrl_0\": \"" + kGcs + "a.dcm\"}]}");
    REQUIRE(codes(r) == V{"manifest.group.missing-title"});
    CHECK(r.diagnostics[0].severity == Severity::warning);
    CHECK(r.diagnostics[0].pointer == "/dicom_series/0");
    CHECK(r.diagnostics[0].message.find("DataUploadDicomSeries") != std::string::npos);
    CHECK(codes(validate("{\"dicom_series\": [{\"title\": \"s\", \"objectUrl_0\": \"" + kGcs + "a.dcm\"}]}")).empty());
}

TEST_CASE("mixed CSV: each row's type is the title column it fills", "[manifest][validate][csv][format]") {
    const std::string text = "ObjectUrl,Image title,Video title,Image group title\n" + kGcs + "a.jpg,a,,\n" + kGcs +
                             "v.mp4,,v,\n" + kGcs + "g1.jpg,,,g\n" + kGcs + "g2.jpg,,,g\n";
    auto r = csv(text);
    CHECK(codes(r).empty());
    CHECK(r.summary.collections ==
          std::map<std::string, std::uint64_t>{{"images", 1}, {"videos", 1}, {"image_groups", 1}});
    CHECK(r.summary.items == 3);
    CHECK(r.summary.urls == 4);
}

TEST_CASE("mixed CSV: a row filling two title cells, or none, is a warning at its row",
          "[manifest][validate][csv][format]") {
    const std::string text =
        "ObjectUrl,Image title,Video title\n" + kGcs + "a.jpg,a,v\n" + kGcs + "b.jpg,,\n" + kGcs + "c.jpg,c,\n";
    auto r = csv(text);
    REQUIRE(codes(r) == V{"csv.row.type-ambiguous", "csv.row.type-missing"});
    CHECK(errors(r) == 0);
    const Diagnostic& two = r.diagnostics[0];
    CHECK(two.row == 1u);
    CHECK(two.line == 2);
    CHECK(two.field == "Image title");
    CHECK(two.message.find("\"Image title\" and \"Video title\"") != std::string::npos);
    const Diagnostic& none = r.diagnostics[1];
    CHECK(none.row == 2u);
    CHECK(none.line == 3);
    CHECK(none.column == 1);
    CHECK(r.summary.items == 1);  // only the typed row
    // one title column: an empty title is fine (the column names the type)
    CHECK(codes(csv("ObjectUrl,Image title\n" + kGcs + "a.jpg,\n")).empty());
}

TEST_CASE("a lone ObjectUrl column means videos: other types are Encord's error", "[manifest][validate][csv][format]") {
    auto r = csv("ObjectUrl\n" + kGcs + "v.mp4\n" + kGcs + "a.jpg\n" + kGcs + "noext\n" + kGcs + "s.WAV\n");
    REQUIRE(codes(r) == V{"csv.video-expected", "csv.video-expected"});
    const Diagnostic& d = r.diagnostics[0];
    CHECK(d.severity == Severity::error);
    CHECK(d.row == 2u);
    CHECK(d.line == 3);
    CHECK(d.column == 1);
    CHECK(d.field == "ObjectUrl");
    CHECK(d.collection == "videos");
    CHECK(d.item == 1u);
    CHECK(d.message.find("Expected a video, got a file of type jpg") != std::string::npos);
    CHECK(r.diagnostics[1].row == 4u);
    // with a title column the rows are typed by it: nothing to flag
    CHECK(codes(csv("ObjectUrl,Image title\n" + kGcs + "a.jpg,a\n")).empty());
}

TEST_CASE("CSV headers: any case, likely spellings, Create video", "[manifest][validate][csv][format]") {
    auto r = csv(" objecturl ,DICOM title\n" + kGcs + "a.dcm,s\n" + kGcs + "b.dcm,s\n");
    CHECK(codes(r).empty());
    CHECK(r.summary.collections == std::map<std::string, std::uint64_t>{{"dicom_series", 1}});
    auto seq = csv("ObjectUrl,Image group title,Create video\n" + kGcs + "a.jpg,g,TRUE\n" + kGcs + "b.jpg,h,maybe\n");
    REQUIRE(codes(seq) == V{"csv.create-video"});
    CHECK(seq.diagnostics[0].row == 2u);
    CHECK(seq.diagnostics[0].field == "Create video");
    CHECK(seq.diagnostics[0].severity == Severity::warning);
    auto orphan = csv("ObjectUrl,Create video\n" + kGcs + "a.mp4,TRUE\n");
    CHECK(codes(orphan) == V{"csv.create-video"});
    auto repeated = csv("ObjectUrl,Image title,image title\n" + kGcs + "a.jpg,a,b\n");
    REQUIRE(codes(repeated) == V{"csv.column.duplicate"});
    CHECK(errors(repeated) == 0);
    auto grouped = csv("ObjectUrl,Image group title\n" + kGcs + "a.jpg,\n");
    REQUIRE(codes(grouped) == V{"csv.group.missing-title"});  // a row was read: not empty
    CHECK(errors(grouped) == 0);
}

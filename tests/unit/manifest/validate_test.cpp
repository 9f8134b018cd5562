// The validator's structure and URL rules, with exact places.
#include <catch2/catch.hpp>

#include "validate_support.hpp"

using namespace eic;
using namespace eic::manifest;
using namespace eic::manifest::test;

namespace {
const char* kGood = "https://storage.cloud.google.com/my-bucket/images/1.jpg";
std::string image(const std::string& url) { return "{\"images\": [{\"objectUrl\": \"" + url + "\"}]}"; }
}  // namespace

TEST_CASE("a clean manifest has no findings and a full summary", "[manifest][validate]") {
    std::string text = R"({"videos": [{"objectUrl": "https://storage.cloud.google.com/b-1/v.mp4", "title": "v"}],
 "images": [{"objectUrl": "https://storage.cloud.google.com/b-1/1.jpg"}, {"objectUrl": "https://storage.cloud.google.com/b-1/2.jpg"}],
 "image_groups": [{"title": "g", "objectUrl_0": "https://storage.cloud.google.com/b-1/g0.jpg", "objectUrl_1": "https://storage.cloud.google.com/b-1/g1.jpg", "createVideo": false}],
 "skip_duplicate_urls": true})";
    auto r = validate(text);
    CHECK(codes(r).empty());
    CHECK(r.summary.items == 4);
    CHECK(r.summary.urls == 5);
    CHECK(r.summary.collections ==
          std::map<std::string, std::uint64_t>{{"videos", 1}, {"images", 2}, {"image_groups", 1}});
    CHECK(r.summary.errors == 0);
    CHECK(r.summary.batches == 1);
    CHECK(r.summary.bytes == text.size());
    CHECK_FALSE(r.has_errors());
}

TEST_CASE("syntax errors keep the JSON reader's code and place", "[manifest][validate]") {
    auto r = validate("{\"images\": [\n  {\"objectUrl\": 1,}\n]}");
    // the wrong type before the syntax error is still reported
    REQUIRE(codes(r) == std::vector<std::string>{"manifest.type", "json.syntax"});
    CHECK(r.diagnostics[1].line == 2);
    CHECK(r.diagnostics[1].column == 19);
    CHECK(r.diagnostics[0].pointer == "/images/0/objectUrl");
    CHECK(r.diagnostics[0].collection == "images");
    CHECK(r.diagnostics[0].item == 0u);

    auto t = validate("{\"images\": [");
    REQUIRE(codes(t) == std::vector<std::string>{"json.truncated"});
    CHECK(t.diagnostics[0].column == 13);
    CHECK(codes(validate("")) == std::vector<std::string>{"json.empty"});
}

TEST_CASE("the top level is an object of known collections", "[manifest][validate]") {
    auto arr = validate("[{\"objectUrl\": \"x\"}]");
    REQUIRE(codes(arr) == std::vector<std::string>{"manifest.top-level"});
    CHECK(arr.diagnostics[0].column == 1);
    CHECK(arr.diagnostics[0].pointer == "");
    CHECK(arr.diagnostics[0].message.find("wrap this array") != std::string::npos);
    CHECK(codes(validate("42")) == std::vector<std::string>{"manifest.top-level"});

    auto unknown = validate("{\"imagez\": []}");
    REQUIRE(codes(unknown) == std::vector<std::string>{"manifest.empty", "manifest.unknown-key"});
    CHECK(unknown.diagnostics[0].severity == Severity::warning);
    unknown.diagnostics.erase(unknown.diagnostics.begin());
    CHECK(unknown.diagnostics[0].severity == Severity::warning);  // Encord ignores unknown keys
    CHECK(unknown.diagnostics[0].column == 2);
    CHECK(unknown.diagnostics[0].pointer == "/imagez");
    CHECK(unknown.diagnostics[0].message.find("Did you mean \"images\"?") != std::string::npos);

    auto camel = validate("{\"imageGroups\": []}");
    REQUIRE(find(camel, "manifest.unknown-key"));
    CHECK(find(camel, "manifest.unknown-key")->message.find("\"image_groups\"") != std::string::npos);

    auto far = validate("{\"zzzzzzzz\": []}");
    CHECK(find(far, "manifest.unknown-key")->message.find("Did you mean") == std::string::npos);

    auto twice = validate("{\"images\": [], \"images\": []}");
    REQUIRE(find(twice, "manifest.duplicate-key"));
    CHECK(find(twice, "manifest.duplicate-key")->column == 16);
}

TEST_CASE("shapes: collections are arrays, items objects, flags booleans", "[manifest][validate]") {
    auto coll = validate("{\"images\": {}}");
    REQUIRE(find(coll, "manifest.type"));
    CHECK(find(coll, "manifest.type")->pointer == "/images");
    CHECK(find(coll, "manifest.type")->column == 12);

    auto item = validate("{\"images\": [\"https://x/y\"]}");
    REQUIRE(codes(item) == std::vector<std::string>{"manifest.item.type"});
    CHECK(item.diagnostics[0].pointer == "/images/0");
    CHECK(item.diagnostics[0].item == 0u);
    CHECK(item.diagnostics[0].collection == "images");

    auto skip = validate("{\"skip_duplicate_urls\": \"true\", \"images\": []}");
    REQUIRE(find(skip, "manifest.type"));
    CHECK(find(skip, "manifest.type")->pointer == "/skip_duplicate_urls");
    CHECK(find(skip, "manifest.type")->column == 25);
    CHECK_FALSE(find(validate("{\"skip_duplicate_urls\": false, \"images\": []}"), "manifest.type"));

    auto cv = validate(R"({"image_groups": [{"title": "t", "objectUrl_0": "gs://b-1/a", "createVideo": 1}]})");
    REQUIRE(find(cv, "manifest.type"));
    CHECK(find(cv, "manifest.type")->pointer == "/image_groups/0/createVideo");

    auto title = validate(R"({"images": [{"objectUrl": "https://storage.cloud.google.com/b-1/a", "title": 5}]})");
    CHECK(find(title, "manifest.type"));
}

TEST_CASE("items need objectUrl; groups need objectUrl_N without gaps", "[manifest][validate]") {
    auto missing = validate("{\"videos\": [{}, {\"title\": \"t\"}]}");
    REQUIRE(count(missing, "manifest.item.missing-url") == 2);
    CHECK(missing.diagnostics[1].pointer == "/videos/1");
    CHECK(missing.diagnostics[1].item == 1u);
    CHECK(missing.diagnostics[1].column == 17);

    auto none = validate("{\"image_groups\": [{\"title\": \"g\"}]}");
    REQUIRE(codes(none) == std::vector<std::string>{"manifest.group.no-urls"});
    CHECK(none.diagnostics[0].pointer == "/image_groups/0");

    auto gap =
        validate(R"({"dicom_series": [{"title": "s", "objectUrl_0": "gs://b-1/a", "objectUrl_3": "gs://b-1/b"}]})");
    REQUIRE(find(gap, "manifest.group.url-gap"));
    CHECK(find(gap, "manifest.group.url-gap")->message.find("objectUrl_1, objectUrl_2") != std::string::npos);
    CHECK(find(gap, "manifest.group.url-gap")->collection == "dicom_series");

    auto bad_index =
        validate(R"({"image_groups": [{"title": "s", "objectUrl_0": "gs://b-1/a", "objectUrl_01": "gs://b-1/b"}]})");
    CHECK(find(bad_index, "manifest.group.url-index"));

    auto untitled = validate(R"({"image_groups": [{"objectUrl_0": "gs://b-1/a"}]})");
    REQUIRE(find(untitled, "manifest.group.missing-title"));
    CHECK(find(untitled, "manifest.group.missing-title")->severity == Severity::warning);

    auto plain = validate(R"({"image_groups": [{"title": "g", "objectUrl": "gs://b-1/a"}]})");
    CHECK(find(plain, "manifest.item.unknown-field"));
    CHECK(find(plain, "manifest.group.no-urls"));

    // a second group reuses the state of the first correctly
    auto two = validate(R"({"image_groups": [{"title": "a", "objectUrl_0": "gs://b-1/a", "objectUrl_1": "gs://b-1/b"},
                                             {"title": "b", "objectUrl_0": "gs://b-1/c"}]})");
    CHECK_FALSE(find(two, "manifest.group.url-gap"));
}

TEST_CASE("unknown item fields are warnings with a suggestion", "[manifest][validate]") {
    auto r = validate(R"({"images": [{"objectUrl": "https://storage.cloud.google.com/b-1/a", "titel": "x"}]})");
    REQUIRE(codes(r) == std::vector<std::string>{"manifest.item.unknown-field"});
    CHECK(r.diagnostics[0].severity == Severity::warning);
    CHECK(r.diagnostics[0].message.find("Did you mean \"title\"?") != std::string::npos);
    CHECK(r.diagnostics[0].pointer == "/images/0/titel");

    auto dup = validate(
        R"({"images": [{"objectUrl": "https://storage.cloud.google.com/b-1/a", "title": "x", "title": "y"}]})");
    CHECK(codes(dup) == std::vector<std::string>{"manifest.item.duplicate-key"});
}

TEST_CASE("structured-form collections are accepted with a note", "[manifest][validate]") {
    auto r =
        validate(R"({"text": [{"objectUrl": "https://storage.cloud.google.com/b-1/a.txt"}], "pdf": [], "nifti": []})");
    CHECK(count(r, "manifest.structured-collection") == 3);
    CHECK(r.diagnostics[0].severity == Severity::info);
    CHECK_FALSE(r.has_errors());
    auto up = validate(R"({"upsert_metadata": true, "skip_duplicate_urls": true, "images": []})");
    CHECK(find(up, "manifest.upsert-metadata"));
    CHECK_FALSE(up.has_errors());
}

TEST_CASE("URL forms and schemes", "[manifest][validate][url]") {
    CHECK(codes(validate(image(kGood))).empty());
    auto gs = validate(
        "{\"images\": [{\"objectUrl\": \"gs://my-bucket/a.jpg\"}, {\"objectUrl\": \"gs://my-bucket/b.jpg\"}]}");
    REQUIRE(codes(gs) == std::vector<std::string>{"manifest.url.gs-form"});  // once per file
    CHECK(gs.diagnostics[0].severity == Severity::info);
    CHECK(gs.diagnostics[0].column == 27);
    CHECK(gs.diagnostics[0].pointer == "/images/0/objectUrl");
    CHECK(codes(validate(image("https://storage.googleapis.com/my-bucket/a.jpg"))) ==
          std::vector<std::string>{"manifest.url.googleapis-form"});
    CHECK(codes(validate(image("https://my-account.blob.core.windows.net/c/a.jpg"))).empty());
    CHECK(codes(validate(image("https://s3.amazonaws.com/bucket/a.jpg"))).empty());
    CHECK(codes(validate(image("http://storage.cloud.google.com/my-bucket/a.jpg"))) ==
          std::vector<std::string>{"manifest.url.scheme"});
    CHECK(codes(validate(image("s3://bucket/a.jpg"))) == std::vector<std::string>{"manifest.url.scheme"});
    CHECK(codes(validate(image("my-bucket/a.jpg"))) == std::vector<std::string>{"manifest.url.scheme"});
    CHECK(codes(validate(image(""))) == std::vector<std::string>{"manifest.url.empty"});
}

TEST_CASE("URL text rules: whitespace, length, escapes, dot segments, folders", "[manifest][validate][url]") {
    auto ws = validate(image("https://storage.cloud.google.com/my-bucket/a b.jpg"));
    REQUIRE(codes(ws) == std::vector<std::string>{"manifest.url.whitespace"});
    CHECK(codes(validate(image("https://storage.cloud.google.com/my-bucket/a\\tb.jpg"))) ==
          std::vector<std::string>{"manifest.url.whitespace"});
    CHECK(codes(validate(image("https://storage.cloud.google.com/my-bucket/a%20b.jpg"))).empty());

    std::string at_limit = "https://storage.cloud.google.com/my-bucket/";
    while (at_limit.size() < 1000) at_limit += "dir/";
    at_limit += "a.jpg";
    CHECK(codes(validate(image(at_limit))).empty());
    std::string other = "https://example.com/";
    while (other.size() < 16384) other += "abc/";
    other.back() = 'x';
    REQUIRE(other.size() == 16384);
    CHECK(codes(validate(image(other))).empty());
    CHECK(codes(validate(image(other + "a"))) == std::vector<std::string>{"manifest.url.too-long"});

    CHECK(codes(validate(image("https://storage.cloud.google.com/my-bucket/a%zz.jpg"))) ==
          std::vector<std::string>{"manifest.url.bad-escape"});
    CHECK(codes(validate(image("https://storage.cloud.google.com/my-bucket/a/../b.jpg"))) ==
          std::vector<std::string>{"manifest.url.dot-segment"});
    CHECK(codes(validate(image("https://storage.cloud.google.com/my-bucket/./b.jpg"))) ==
          std::vector<std::string>{"manifest.url.dot-segment"});
    CHECK(codes(validate(image("https://storage.cloud.google.com/my-bucket/a/%2E%2e/b.jpg"))) ==
          std::vector<std::string>{"manifest.url.dot-segment"});
    CHECK(codes(validate(image("https://storage.cloud.google.com/my-bucket/a/..b/c.jpg"))).empty());
    CHECK(codes(validate(image("https://storage.cloud.google.com/my-bucket/images/"))) ==
          std::vector<std::string>{"manifest.url.folder"});
    CHECK(codes(validate(image("https://storage.cloud.google.com/my-bucket"))) ==
          std::vector<std::string>{"manifest.url.no-object"});
    CHECK(codes(validate(image("https://storage.cloud.google.com/my-bucket/a.jpg?x=1"))) ==
          std::vector<std::string>{"manifest.url.query"});
}

TEST_CASE("URL names: bucket rules once per bucket, object rules per URL", "[manifest][validate][url]") {
    auto r = validate(
        "{\"images\": [{\"objectUrl\": \"gs://My_Bucket/a.jpg\"}, {\"objectUrl\": \"gs://My_Bucket/b.jpg\"}]}");
    CHECK(count(r, "gcs.bucket.character") == 1);
    CHECK(find(r, "gcs.bucket.character")->pointer == "/images/0/objectUrl");
    CHECK(codes(validate(image("https://storage.cloud.google.com/ab/a.jpg"))) ==
          std::vector<std::string>{"gcs.bucket.length"});
    CHECK(codes(validate(image("https://storage.cloud.google.com/my-bucket/a#1.jpg"))) ==
          std::vector<std::string>{"manifest.url.query"});
    CHECK(codes(validate(image("https://storage.cloud.google.com/my-bucket/a%231.jpg"))) ==
          std::vector<std::string>{"gcs.object.hash"});
    CHECK(codes(validate(image("https://storage.cloud.google.com/my-bucket/a%0Ab.jpg"))) ==
          std::vector<std::string>{"gcs.object.newline"});
    CHECK(codes(validate(image("https://storage.cloud.google.com/my-bucket/a%FF.jpg"))) ==
          std::vector<std::string>{"gcs.object.utf8"});
    std::string long_object = "https://storage.cloud.google.com/my-bucket/" + std::string(1025, 'a');
    auto lo = validate(image(long_object));
    CHECK(find(lo, "gcs.object.length"));
    CHECK(find(lo, "manifest.url.file-name-too-long"));
}

TEST_CASE("file names: title and the object's last segment at most 300 characters", "[manifest][validate]") {
    std::string name300;
    for (int i = 0; i < 300; ++i) name300 += "\xC3\xA9";  // 300 characters, 600 bytes
    std::string ok = R"({"images": [{"objectUrl": "https://storage.cloud.google.com/b-1/)" + name300 +
                     R"(", "title": ")" + name300 + "\"}]}";
    CHECK(codes(validate(ok)).empty());
    std::string over = R"({"images": [{"objectUrl": "https://storage.cloud.google.com/b-1/d/)" + name300 +
                       R"(x", "title": ")" + name300 + "y\"}]}";
    auto r = validate(over);
    CHECK(codes(r) == std::vector<std::string>{"manifest.url.file-name-too-long", "manifest.title.too-long"});
    CHECK(r.diagnostics[1].pointer == "/images/0/title");
}

TEST_CASE("duplicate URLs name the first place, across URL forms", "[manifest][validate][url]") {
    auto r = validate(
        "{\"images\": [\n{\"objectUrl\": \"https://storage.cloud.google.com/b-1/a.jpg\"},\n"
        "{\"objectUrl\": \"https://storage.cloud.google.com/b-1/a.jpg\"},\n"
        "{\"objectUrl\": \"gs://b-1/a.jpg\"},\n"
        "{\"objectUrl\": \"https://storage.cloud.google.com/b-1/a%2Ejpg\"},\n"
        "{\"objectUrl\": \"https://storage.cloud.google.com/b-1/b.jpg\"}]}");
    REQUIRE(count(r, "manifest.url.duplicate") == 3);
    const Diagnostic* d = find(r, "manifest.url.duplicate");
    CHECK(d->severity == Severity::warning);
    CHECK(d->line == 3);
    CHECK(d->column == 15);
    CHECK(d->item == 1u);
    CHECK(d->message.find("line 2, column 15") != std::string::npos);
    // many distinct URLs (the table grows) and no false duplicates
    std::string many = "{\"images\": [";
    for (int i = 0; i < 5000; ++i)
        many += std::string(i ? "," : "") + "{\"objectUrl\": \"https://storage.cloud.google.com/b-1/" +
                std::to_string(i) + "\"}";
    many += ",{\"objectUrl\": \"https://storage.cloud.google.com/b-1/4321\"}]}";
    auto m = validate(many);
    CHECK(codes(m) == std::vector<std::string>{"manifest.url.duplicate"});
}

// Most URLs take a one-pass path (plain bytes, no dot segment); these sit on its edges, where the
// general path must take over and give the findings.
TEST_CASE("URLs at the edges of the plain path", "[manifest][validate][url]") {
    const std::string base = "https://storage.cloud.google.com/my-bucket/";
    CHECK(codes(validate(image(base + std::string(300, 'f')))).empty());
    CHECK(codes(validate(image(base + "d/" + std::string(301, 'f')))) ==
          std::vector<std::string>{"manifest.url.file-name-too-long"});
    CHECK(codes(validate(image(base + "a*.jpg"))) == std::vector<std::string>{"gcs.object.wildcard"});
    CHECK(codes(validate(image(base + "a[1].jpg"))) == std::vector<std::string>{"gcs.object.wildcard"});
    CHECK(codes(validate(image(base + "a\u007f.jpg"))) == std::vector<std::string>{"gcs.object.control"});
    CHECK(codes(validate(image(base + "d/.hidden.jpg"))).empty());  // a dot file is no dot segment
    CHECK(codes(validate(image("https://example.com/"))) == std::vector<std::string>{"manifest.url.no-object"});
    CHECK(codes(validate(image("https://storage.cloud.google.com//a.jpg"))) ==
          std::vector<std::string>{"manifest.url.no-object"});
    // Upper-case schemes and hosts are the same URL; other clouds' URLs match only themselves.
    auto r = validate(
        "{\"images\": [{\"objectUrl\": \"HTTPS://Storage.Cloud.Google.com/b-1/a.jpg\"},\n"
        "{\"objectUrl\": \"https://storage.cloud.google.com/b-1/a.jpg\"},\n"
        "{\"objectUrl\": \"https://example.com/b-1/a.jpg\"},\n"
        "{\"objectUrl\": \"https://example.com/b-1/a.jpg\"}]}");
    REQUIRE(count(r, "manifest.url.duplicate") == 2);
    CHECK(r.diagnostics[0].message.find("(same bucket and object)") != std::string::npos);
    CHECK(r.diagnostics[1].line == 4);
    CHECK(r.diagnostics[1].message.find("line 3, column 15") != std::string::npos);
    CHECK(r.diagnostics[1].message.find("same bucket") == std::string::npos);
}

TEST_CASE("the diagnostics cap counts the rest per code", "[manifest][validate]") {
    std::string text = "{\"images\": [";
    for (int i = 0; i < 50; ++i) text += std::string(i ? "," : "") + "{}";
    text += "]}";
    ValidateOptions o;
    o.max_diagnostics = 10;
    auto r = validate(text, o);
    REQUIRE(r.diagnostics.size() == 11);
    CHECK(r.diagnostics.back().code == "manifest.capped");
    CHECK(r.summary.errors == 50);
    CHECK(r.summary.suppressed.at("manifest.item.missing-url") == 40);
    o.max_diagnostics = 0;
    CHECK(validate(text, o).diagnostics.size() == 50);
}

TEST_CASE("progress is reported and can cancel", "[manifest][validate]") {
    std::string text = "{\"images\": [";
    for (int i = 0; i < 200; ++i)
        text += std::string(i ? "," : "") + "{\"objectUrl\": \"https://storage.cloud.google.com/b-1/" +
                std::to_string(i) + "\"}";
    text += "]}";
    ValidateOptions o;
    o.progress_every = 1000;
    int calls = 0;
    o.progress = [&](std::size_t done, std::size_t total) {
        CHECK(done <= total);
        return ++calls < 3;
    };
    auto r = validate(text, o);
    CHECK(calls == 3);
    CHECK(r.summary.cancelled);
    CHECK(r.summary.items < 200);
    CHECK(codes(r).empty());
}

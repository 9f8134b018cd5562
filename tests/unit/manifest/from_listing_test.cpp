// Manifests built from a listing (core/manifest/from_listing.hpp), each proved by running eic's own
// validator on the JSON written.
#include "manifest/from_listing.hpp"

#include <catch2/catch.hpp>

#include "manifest/codes.hpp"
#include "manifest/validate.hpp"

using namespace eic;
using manifest::Collection;
using manifest::ListingGrouping;
using manifest::SkipReason;

namespace {

gcs::ListedObject obj(std::string name, std::uint64_t size = 100, std::string content_type = "") {
    gcs::ListedObject o;
    o.name = std::move(name);
    o.size = size;
    o.content_type = std::move(content_type);
    return o;
}

manifest::FromListingOptions opts(ListingGrouping grouping = ListingGrouping::none) {
    manifest::FromListingOptions o;
    o.bucket = "b-1";
    o.grouping = grouping;
    return o;
}

// The validator's findings on the JSON written, as "severity code" lines.
std::vector<std::string> findings(const std::string& json) {
    manifest::ValidateOptions o;
    o.format = manifest::InputFormat::json;
    const auto r = manifest::validate_manifest(json, o);
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics) out.push_back(std::string(severity_name(d.severity)) + " " + d.code);
    return out;
}

std::vector<std::string> skipped(const manifest::FromListingResult& r) {
    std::vector<std::string> out;
    for (const auto& s : r.skipped) out.push_back(s.name + ": " + manifest::skip_reason_name(s.reason));
    return out;
}

}  // namespace

TEST_CASE("from listing: one item per file, titled by file name, URLs percent-encoded", "[listing]") {
    const auto r = manifest::manifest_from_listing(
        {obj("b/2.jpg"), obj("a/clip.mp4"), obj("a/x y \xC3\xA9&.png"), obj("a/song.mp3")}, opts());
    CHECK(r.skipped.empty());
    CHECK(r.warnings.empty());
    CHECK(r.json ==
          "{\n"
          "  \"videos\": [\n"
          "    {\n"
          "      \"objectUrl\": \"https://storage.cloud.google.com/b-1/a/clip.mp4\",\n"
          "      \"title\": \"clip.mp4\"\n"
          "    }\n"
          "  ],\n"
          "  \"images\": [\n"
          "    {\n"
          "      \"objectUrl\": \"https://storage.cloud.google.com/b-1/a/x%20y%20%C3%A9%26.png\",\n"
          "      \"title\": \"x y \xC3\xA9&.png\"\n"
          "    },\n"
          "    {\n"
          "      \"objectUrl\": \"https://storage.cloud.google.com/b-1/b/2.jpg\",\n"
          "      \"title\": \"2.jpg\"\n"
          "    }\n"
          "  ],\n"
          "  \"audio\": [\n"
          "    {\n"
          "      \"objectUrl\": \"https://storage.cloud.google.com/b-1/a/song.mp3\",\n"
          "      \"title\": \"song.mp3\"\n"
          "    }\n"
          "  ]\n"
          "}\n");
    CHECK(findings(r.json).empty());
}

TEST_CASE("from listing: titles shared by two files become their full names; titles can be left out", "[listing]") {
    auto r = manifest::manifest_from_listing({obj("x/1.jpg"), obj("y/1.jpg"), obj("y/2.jpg")}, opts());
    const auto& images = r.manifest[Collection::images];
    REQUIRE(images.size() == 3);
    CHECK(*images[0].title == "x/1.jpg");
    CHECK(*images[1].title == "y/1.jpg");
    CHECK(*images[2].title == "2.jpg");
    auto o = opts();
    o.titles = false;
    r = manifest::manifest_from_listing({obj("x/1.jpg")}, o);
    CHECK_FALSE(r.manifest[Collection::images][0].title);
    CHECK(findings(r.json).empty());
}

TEST_CASE("from listing: image groups by folder, files in name order, titled by folder", "[listing]") {
    const auto r =
        manifest::manifest_from_listing({obj("s/cam1/f002.jpg"), obj("s/cam1/f001.jpg"), obj("s/cam2/f001.png"),
                                         obj("t/cam2/a.jpg"), obj("top.jpg"), obj("s/cam1/clip.mp4")},
                                        opts(ListingGrouping::image_groups));
    const auto& groups = r.manifest[Collection::image_groups];
    REQUIRE(groups.size() == 4);
    CHECK(*groups[0].title == "b-1");  // objects at the top of the bucket
    CHECK(groups[0].urls == std::vector<std::string>{"https://storage.cloud.google.com/b-1/top.jpg"});
    CHECK(*groups[1].title == "cam1");
    CHECK(groups[1].urls == std::vector<std::string>{"https://storage.cloud.google.com/b-1/s/cam1/f001.jpg",
                                                     "https://storage.cloud.google.com/b-1/s/cam1/f002.jpg"});
    CHECK(*groups[2].title == "s/cam2");  // two folders are named cam2
    CHECK(*groups[3].title == "t/cam2");
    for (const auto& g : groups) CHECK(g.create_video == false);
    CHECK(r.manifest[Collection::videos].size() == 1);  // videos stay videos
    CHECK(r.manifest[Collection::images].empty());
    CHECK(r.json.find("\"objectUrl_1\": \"https://storage.cloud.google.com/b-1/s/cam1/f002.jpg\"") !=
          std::string::npos);
    CHECK(r.json.find("\"createVideo\": false") != std::string::npos);
    CHECK(findings(r.json).empty());
}

TEST_CASE("from listing: image sequences are image groups with createVideo true", "[listing]") {
    // Encord needs one size for every frame of a sequence (mixed sizes make several sequences); a listing
    // has names only, so these frames of unknown sizes make one sequence, and sizes are a matter for the
    // media metadata checks.
    const auto r = manifest::manifest_from_listing(
        {obj("run/0001_640x480.jpg", 1000), obj("run/0002_1920x1080.jpg", 90000), obj("run/0003.png", 5)},
        opts(ListingGrouping::image_sequences));
    const auto& groups = r.manifest[Collection::image_groups];
    REQUIRE(groups.size() == 1);
    CHECK(groups[0].create_video == true);
    CHECK(groups[0].urls.size() == 3);
    CHECK(*groups[0].title == "run");
    CHECK(r.json.find("\"createVideo\": true") != std::string::npos);
    CHECK(findings(r.json).empty());
}

TEST_CASE("from listing: DICOM files make one series per folder", "[listing]") {
    const auto r = manifest::manifest_from_listing(
        {obj("ct/study1/a.dcm"), obj("ct/study1/b.dcm"), obj("ct/study2/a.DCM")}, opts());
    const auto& series = r.manifest[Collection::dicom_series];
    REQUIRE(series.size() == 2);
    CHECK(*series[0].title == "study1");
    CHECK(series[0].urls.size() == 2);
    CHECK_FALSE(series[0].create_video);
    CHECK(findings(r.json).empty());
}

TEST_CASE("from listing: what is skipped is listed with the reason", "[listing]") {
    std::vector<gcs::ListedObject> listing = {obj("a/", 0),
                                              obj("a/b/", 0),
                                              obj("a/notes.xyz"),
                                              obj("a/README"),
                                              obj("a/doc.pdf"),
                                              obj("a/t.txt"),
                                              obj("a/" + std::string(301, 'n') + ".jpg"),
                                              obj("a/ok.jpg")};
    auto r = manifest::manifest_from_listing(listing, opts());
    CHECK(skipped(r) == std::vector<std::string>{"a/: folder", "a/README: unknown type", "a/b/: folder",
                                                 "a/doc.pdf: structured form only",
                                                 "a/" + std::string(301, 'n') + ".jpg: URL refused",
                                                 "a/notes.xyz: unknown type", "a/t.txt: structured form only"});
    CHECK(r.skipped[0].detail == "A folder placeholder (a name ending in '/', 0 bytes).");
    CHECK(r.skipped[1].detail ==
          "Neither its extension (none) nor its content type (not listed) names a media kind Encord imports.");
    CHECK(r.skipped[5].detail ==
          "Neither its extension (.xyz) nor its content type (not listed) names a media kind Encord imports.");
    CHECK(r.skipped[4].detail.find("300") != std::string::npos);
    CHECK(r.manifest.item_count() == 1);
    CHECK(findings(r.json).empty());

    // Asked for, text and PDF files go into Encord's structured-form collections, which the validator notes.
    auto o = opts();
    o.include_structured_only = true;
    r = manifest::manifest_from_listing(listing, o);
    CHECK(r.manifest[Collection::pdf].size() == 1);
    CHECK(r.manifest[Collection::text].size() == 1);
    CHECK(findings(r.json) == std::vector<std::string>{"info " + std::string(manifest::code::structured_collection),
                                                       "info " + std::string(manifest::code::structured_collection)});
}

TEST_CASE("from listing: the content type decides the kind over the extension, and disagreements are listed",
          "[listing]") {
    const auto r = manifest::manifest_from_listing(
        {obj("clip.jpg", 9, "video/mp4"), obj("blob", 9, "image/png; charset=binary"),
         obj("x.jpg", 9, "application/octet-stream"), obj("y.png", 9, "image/jpeg"), obj("z.bin", 9, "audio/wav")},
        opts());
    CHECK(r.manifest[Collection::videos].size() == 1);
    CHECK(r.manifest[Collection::images].size() == 3);  // blob, x.jpg, y.png
    CHECK(r.manifest[Collection::audio].size() == 1);
    REQUIRE(r.disagreements.size() == 1);
    CHECK(r.disagreements[0].name == "clip.jpg");
    CHECK(r.disagreements[0].content_type == "video/mp4");
    CHECK(r.disagreements[0].by_extension == manifest::format::ExtensionKind::image);
    CHECK(r.disagreements[0].by_content_type == manifest::format::ExtensionKind::video);
    CHECK(r.skipped.empty());
    CHECK(findings(r.json).empty());
}

TEST_CASE("from listing: gs:// URLs keep names raw; a name gs:// cannot carry is skipped", "[listing]") {
    auto o = opts(ListingGrouping::image_groups);
    o.url_form = manifest::ListingUrlForm::gs;
    o.skip_duplicate_urls = true;
    const auto r = manifest::manifest_from_listing(
        {obj("caf\xC3\xA9/1.jpg"), obj("caf\xC3\xA9/50%.jpg"), obj("caf\xC3\xA9/a b.jpg")}, o);
    const auto& groups = r.manifest[Collection::image_groups];
    REQUIRE(groups.size() == 1);
    CHECK(groups[0].urls == std::vector<std::string>{"gs://b-1/caf\xC3\xA9/1.jpg", "gs://b-1/caf\xC3\xA9/50%.jpg"});
    CHECK(skipped(r) == std::vector<std::string>{"caf\xC3\xA9/a b.jpg: URL refused"});
    CHECK(r.skipped[0].detail.find("whitespace") != std::string::npos);
    CHECK(r.json.find("\"skip_duplicate_urls\": true") != std::string::npos);
    // Encord documents the https form: the validator notes gs:// once, and nothing else.
    CHECK(findings(r.json) == std::vector<std::string>{"info " + std::string(manifest::code::url_gs_form)});
}

TEST_CASE("from listing: over Encord's recommended batch is a warning to split", "[listing]") {
    std::vector<gcs::ListedObject> listing;
    for (int i = 0; i < 101; ++i) listing.push_back(obj("v/" + std::to_string(1000 + i) + ".mp4"));
    const auto r = manifest::manifest_from_listing(listing, opts());
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0] ==
          "101 videos and 0 other items: Encord recommends uploading at most 100 videos and 1000 images at a time, "
          "so split into 2 batches (eic split).");
    CHECK(r.manifest[Collection::videos].size() == 101);
}

TEST_CASE("from listing: an empty listing is an empty manifest", "[listing]") {
    const auto r = manifest::manifest_from_listing({}, opts());
    CHECK(r.json == "{}\n");
    CHECK(r.skipped.empty());
}

TEST_CASE("from listing: the media kind of a content type", "[listing]") {
    using manifest::format::content_type_kind;
    using K = manifest::format::ExtensionKind;
    CHECK(content_type_kind("video/mp4") == K::video);
    CHECK(content_type_kind(" Image/PNG ; q=1") == K::image);
    CHECK(content_type_kind("audio/x-wav") == K::audio);
    CHECK(content_type_kind("application/pdf") == K::pdf);
    CHECK(content_type_kind("application/DICOM") == K::dicom);
    CHECK(content_type_kind("text/plain; charset=utf-8") == K::text);
    CHECK(content_type_kind("application/octet-stream") == K::unknown);
    CHECK(content_type_kind("") == K::unknown);
    CHECK(content_type_kind("video") == K::unknown);
    CHECK(content_type_kind("/mp4") == K::unknown);
}

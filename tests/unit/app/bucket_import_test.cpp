// A manifest from a bucket prefix (core/app/bucket_import.hpp): listed, built, and each image's and video's
// metadata read from its header by ranged GETs, over a fake transport serving the media fixtures.
#include "app/bucket_import.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>

#include "../helpers/fake_bucket.hpp"
#include "../helpers/fake_http.hpp"
#include "../helpers/stub_signer.hpp"
#include "../media/media_fixtures.hpp"
#include "gcs/media_probe_codes.hpp"
#include "gcs/object_url.hpp"

using namespace eic;

using test::Bucket;

TEST_CASE("bucket import: a prefix becomes a manifest with its media metadata", "[app][bucket-import]") {
    Bucket bucket;
    bucket.objects["images/photo.png"] = test::media_fixture("image.png");
    bucket.objects["images/pic.jpg"] = test::media_fixture("baseline.jpg");
    bucket.objects["images/broken.png"] = "not a png at all, just text";
    bucket.objects["videos/clip.mp4"] = test::media_fixture("faststart.mp4");
    bucket.objects["notes.txt"] = "hello";
    test::FakeHttp http;
    http.respond = [&](const net::HttpRequest& r) { return bucket(r); };
    test::StubSigner signer;
    double now = 0;
    app::BucketImportOptions o;
    o.bucket = "bkt";
    o.steady = [&] { return now; };
    o.wall = [&] { return 1700000000.0 + now; };
    app::BucketImportJob job(http, signer, o);
    for (int i = 0; i < 10000 && !job.finished(); ++i) {
        job.step(1 << 16);
        now += 0.05;
    }
    REQUIRE(job.finished());
    const app::BucketImportResult& r = job.result();
    REQUIRE(r.error.empty());
    CHECK(r.listed == 5);
    CHECK(r.items == 4);
    CHECK(r.with_metadata == 3);
    REQUIRE(r.skipped.size() == 1);
    CHECK(r.skipped[0].name == "notes.txt");
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].item.find("broken.png") != std::string::npos);
    CHECK(r.findings[0].diagnostic.code.rfind("media.", 0) == 0);
    CHECK(r.findings[0].url == "https://storage.cloud.google.com/bkt/images/broken.png");

    // Opened as a tab, the finding lands on broken.png's row, whatever number the document gives it.
    app::ManifestDocument doc;
    doc.open("bkt.json", r.json, schema::Schema{}, {});
    while (doc.validating()) doc.step(1 << 20);
    const auto placed = app::place_import_findings(doc, r.findings);
    REQUIRE(placed.size() == 1);
    CHECK_FALSE(placed[0].whole_check);
    REQUIRE(doc.item(placed[0].unit));
    CHECK(doc.item(placed[0].unit)->urls.front() == r.findings[0].url);
    CHECK(placed[0].diagnostic.code == r.findings[0].diagnostic.code);

    const auto m = nlohmann::json::parse(r.json);
    std::map<std::string, nlohmann::json> images;
    for (const auto& item : m["images"]) images[item["objectUrl"].get<std::string>()] = item;
    const auto& png = images.at("https://storage.cloud.google.com/bkt/images/photo.png");
    CHECK(png["imageMetadata"]["width"] == 37);
    CHECK(png["imageMetadata"]["height"] == 23);
    CHECK(png["imageMetadata"]["mime_type"] == "image/png");
    CHECK(png["imageMetadata"]["file_size"] == bucket.objects["images/photo.png"].size());
    CHECK(images.at("https://storage.cloud.google.com/bkt/images/pic.jpg")["imageMetadata"]["mime_type"] ==
          "image/jpeg");
    CHECK_FALSE(images.at("https://storage.cloud.google.com/bkt/images/broken.png").contains("imageMetadata"));
    const auto& video = m["videos"][0];
    CHECK(video["videoMetadata"]["width"] == 40);
    CHECK(video["videoMetadata"]["height"] == 24);
    CHECK(video["videoMetadata"]["fps"].get<double>() == Approx(29.97).epsilon(0.01));
    CHECK(video["videoMetadata"]["mime_type"] == "video/mp4");
}

TEST_CASE("bucket import: a listing GCS refuses gives no manifest and says why", "[app][bucket-import]") {
    test::FakeHttp http;
    http.table[gcs::xml_api_url("bkt", "")] = {
        test::answer(404, {}, "<Error><Code>NoSuchBucket</Code><Message>The bucket does not exist.</Message></Error>")};
    test::StubSigner signer;
    double now = 0;
    app::BucketImportOptions o;
    o.bucket = "bkt";
    o.fill_metadata = false;
    o.steady = [&] { return now; };
    o.wall = [&] { return 1700000000.0; };
    app::BucketImportJob job(http, signer, o);
    for (int i = 0; i < 1000 && !job.finished(); ++i) job.step(1 << 16), now += 0.1;
    REQUIRE(job.finished());
    CHECK(job.result().json.empty());
    CHECK(job.result().error.find("NoSuchBucket") != std::string::npos);
}

TEST_CASE("bucket import: a finding whose row is gone stays, naming its item", "[app][bucket-import]") {
    app::ManifestDocument doc;
    doc.open("m.json", R"({"images": [{"objectUrl": "gs://bkt/a.jpg"}]})", schema::Schema{}, {});
    while (doc.validating()) doc.step(1 << 20);
    app::ImportFinding f;
    f.item = "images: b.jpg";
    f.url = "gs://bkt/b.jpg";
    f.diagnostic.code = "media.unreadable";
    f.diagnostic.message = "not an image";
    const auto placed = app::place_import_findings(doc, {f});
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].whole_check);
    CHECK(placed[0].diagnostic.message == "images: b.jpg: not an image");
}

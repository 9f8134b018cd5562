// A manifest from a bucket prefix (core/app/bucket_import.hpp): listed, built, and each image's and video's
// metadata read from its header by ranged GETs, over a fake transport serving the media fixtures.
#include "app/bucket_import.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>

#include "../helpers/fake_http.hpp"
#include "../helpers/stub_signer.hpp"
#include "../media/media_fixtures.hpp"
#include "gcs/media_probe_codes.hpp"
#include "gcs/object_url.hpp"

using namespace eic;

namespace {

struct Bucket {
    std::map<std::string, std::string> objects;  // name -> bytes

    std::string listing() const {
        std::string xml =
            "<?xml version='1.0' encoding='UTF-8'?><ListBucketResult "
            "xmlns=\"http://doc.s3.amazonaws.com/2006-03-01\"><Name>bkt</Name><IsTruncated>false"
            "</IsTruncated>";
        for (const auto& [name, bytes] : objects)
            xml += "<Contents><Key>" + name + "</Key><Size>" + std::to_string(bytes.size()) +
                   "</Size><LastModified>2026-01-02T03:04:05.000Z</LastModified></Contents>";
        return xml + "</ListBucketResult>";
    }

    std::optional<test::FakeAnswer> operator()(const net::HttpRequest& r) const {
        const std::string url = r.url.substr(0, r.url.find('?'));
        if (url == gcs::xml_api_url("bkt", "")) return test::answer(200, {}, listing());
        for (const auto& [name, bytes] : objects) {
            if (url != gcs::xml_api_url("bkt", name)) continue;
            std::string range;
            for (const auto& [n, v] : r.headers)
                if (n == "Range") range = v;
            const std::uint64_t first = std::stoull(range.substr(6));
            const std::uint64_t last =
                std::min<std::uint64_t>(std::stoull(range.substr(range.find('-') + 1)), bytes.size() - 1);
            return test::answer(206,
                                {{"content-range", "bytes " + std::to_string(first) + "-" + std::to_string(last) + "/" +
                                                       std::to_string(bytes.size())}},
                                bytes.substr(first, last - first + 1));
        }
        return test::answer(404);
    }
};

}  // namespace

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

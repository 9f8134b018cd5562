// Manifest URL -> (bucket, object) for probes (core/gcs/object_url.hpp).
#include "gcs/object_url.hpp"

#include <catch2/catch.hpp>

using namespace eic::gcs;

TEST_CASE("object URL: every GCS form gives bucket and object", "[gcs][check]") {
    for (const char* url : {"https://storage.cloud.google.com/my-bucket/a/b%20c.jpg",
                            "https://storage.googleapis.com/my-bucket/a/b%20c.jpg",
                            "https://my-bucket.storage.googleapis.com/a/b%20c.jpg", "gs://my-bucket/a/b c.jpg",
                            "HTTPS://Storage.Cloud.Google.com/my-bucket/a/b%20c.jpg?authuser=1#x"}) {
        INFO(url);
        const ObjectUrl u = parse_object_url(url);
        CHECK(u.status == ObjectUrlStatus::ok);
        CHECK(u.checkable());
        CHECK(u.bucket == "my-bucket");
        CHECK(u.object == "a/b c.jpg");
        CHECK(u.reason.empty());
    }
    // gs:// names are raw: a '%' is part of the name.
    CHECK(parse_object_url("gs://b-1/100%25.txt").object == "100%25.txt");
    CHECK(parse_object_url("https://storage.googleapis.com/b-1/100%25.txt").object == "100%.txt");
    // A dotted bucket, virtual-hosted.
    const ObjectUrl dotted = parse_object_url("https://my.bucket.storage.googleapis.com/x");
    CHECK(dotted.bucket == "my.bucket");
    CHECK(dotted.object == "x");
    // Encoded slashes become part of the name; the probe path keeps '/' as the separator.
    CHECK(parse_object_url("https://storage.googleapis.com/b-1/a%2Fb").object == "a/b");
    CHECK(xml_api_url("b-1", "a b/c&d.txt") == "https://storage.googleapis.com/b-1/a%20b/c%26d.txt");
}

TEST_CASE("object URL: other URLs and broken GCS URLs are not checkable, with a reason", "[gcs][check]") {
    for (const char* url : {"https://example.com/b/o", "s3://bucket/key", "file.jpg", "",
                            "https://s3.amazonaws.com/b/o", "http://storage.googleapis.com/b/o"}) {
        INFO(url);
        const ObjectUrl u = parse_object_url(url);
        CHECK(u.status == ObjectUrlStatus::not_gcs);
        CHECK_FALSE(u.checkable());
        CHECK_FALSE(u.reason.empty());
    }
    for (const char* url : {"gs://bucket-only", "gs://bucket-only/", "https://storage.googleapis.com/bucket-only",
                            "https://storage.googleapis.com/", "https://storage.cloud.google.com/b-1/bad%2",
                            "https://storage.googleapis.com/b-1/x%zz", "gs://Upper_Case/x",
                            "https://storage.googleapis.com/goog-bucket/x"}) {
        INFO(url);
        const ObjectUrl u = parse_object_url(url);
        CHECK(u.status == ObjectUrlStatus::malformed);
        CHECK_FALSE(u.reason.empty());
    }
}

TEST_CASE("object URL: . and .. segments are not addressable by path", "[gcs][check]") {
    for (const char* url :
         {"gs://b-1/a/../c", "gs://b-1/./c", "gs://b-1/..", "gs://b-1/a/.",
          "https://storage.googleapis.com/b-1/a/%2e%2E/c", "https://storage.cloud.google.com/b-1/a%2F..%2Fc"}) {
        INFO(url);
        const ObjectUrl u = parse_object_url(url);
        CHECK(u.status == ObjectUrlStatus::dot_segment);
        CHECK(u.bucket == "b-1");
        CHECK(u.reason.find("cannot be addressed by path") != std::string::npos);
    }
    // Dots inside a segment are fine.
    CHECK(parse_object_url("gs://b-1/a/..c/.d/e.").checkable());
}

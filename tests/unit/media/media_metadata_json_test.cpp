// Media metadata into manifest items (core/manifest/media_metadata_json.hpp): the objects written, their
// spelling, and that the validator takes them under strict client-only access.
#include "manifest/media_metadata_json.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "manifest/validate.hpp"
#include "manifest/write.hpp"
#include "media_fixtures.hpp"

using namespace eic;
using manifest::Collection;
using media::MediaKind;

namespace {

media::MediaInfo read_fixture(MediaKind kind, const char* name) {
    int reads = 0;
    const media::ReadStep s = test::read_as_server(kind, test::media_fixture(name), {}, reads);
    REQUIRE(s.verdict == media::ReadVerdict::ok);
    return s.info;
}

}  // namespace

TEST_CASE("media metadata json: the kind's fields in snake_case, with their JSON types", "[media]") {
    const auto image = manifest::media_metadata_json(read_fixture(MediaKind::image, "image.png"));
    CHECK(image.dump() == R"({"width":37,"height":23,"file_size":287,"mime_type":"image/png"})");
    const auto video = manifest::media_metadata_json(read_fixture(MediaKind::video, "clip.mov"));
    CHECK(video.dump() ==
          R"({"fps":25.0,"duration":0.4,"width":40,"height":24,"file_size":1354,"mime_type":"video/quicktime"})");
    const auto mp4 = manifest::media_metadata_json(read_fixture(MediaKind::video, "faststart.mp4"));
    CHECK(mp4["fps"].get<double>() == 30000.0 / 1001.0);
    CHECK(mp4["width"].is_number_integer());
    CHECK(mp4["duration"].is_number_float());
}

TEST_CASE("media metadata json: set on items of the matching collection only", "[media]") {
    manifest::Item item;
    const media::MediaInfo png = read_fixture(MediaKind::image, "image.png");
    CHECK_FALSE(manifest::set_media_metadata(item, Collection::videos, png));
    CHECK_FALSE(manifest::set_media_metadata(item, Collection::image_groups, png));
    CHECK(item.metadata.is_null());
    CHECK(manifest::set_media_metadata(item, Collection::images, png));
    CHECK(item.metadata["imageMetadata"]["mime_type"] == "image/png");
    // Replaces what was there.
    const media::MediaInfo gif = read_fixture(MediaKind::image, "image.gif");
    CHECK(manifest::set_media_metadata(item, Collection::images, gif));
    CHECK(item.metadata.size() == 1);
    CHECK(item.metadata["imageMetadata"]["mime_type"] == "image/gif");
    CHECK(manifest::media_kind_of(Collection::videos) == MediaKind::video);
    CHECK_FALSE(manifest::media_kind_of(Collection::audio));
}

TEST_CASE("media metadata json: a manifest filled from the fixtures passes strict client-only validation", "[media]") {
    manifest::Manifest m;
    for (const char* name : {"baseline.jpg", "image.png", "lossless.webp", "image.tiff", "image.bmp", "image.gif"}) {
        manifest::Item item;
        item.urls = {std::string("https://storage.cloud.google.com/bucket-1/") + name};
        REQUIRE(manifest::set_media_metadata(item, Collection::images, read_fixture(MediaKind::image, name)));
        m[Collection::images].push_back(std::move(item));
    }
    for (const char* name : {"faststart.mp4", "clip.mov"}) {
        manifest::Item item;
        item.urls = {std::string("https://storage.cloud.google.com/bucket-1/") + name};
        REQUIRE(manifest::set_media_metadata(item, Collection::videos, read_fixture(MediaKind::video, name)));
        m[Collection::videos].push_back(std::move(item));
    }
    const std::string json = manifest::write_json(m);
    CHECK(json.find("\"file_size\"") != std::string::npos);
    CHECK(json.find("fileSize") == std::string::npos);
    manifest::ValidateOptions o;
    o.strict_client_only = true;
    const auto result = manifest::validate_manifest(json, o);
    for (const auto& d : result.diagnostics) {
        INFO(d.code << ": " << d.message);
        CHECK(d.code.rfind("manifest.media.", 0) != 0);
        CHECK(d.code.rfind("manifest.strict", 0) != 0);
        CHECK(d.severity != Severity::error);
    }
}

TEST_CASE("media metadata json: both spellings are accepted when reading", "[media]") {
    manifest::ValidateOptions o;
    o.strict_client_only = true;
    const char* camel = R"({"images": [{"objectUrl": "https://storage.cloud.google.com/bucket-1/a.png",
        "imageMetadata": {"mimeType": "image/png", "fileSize": 287, "width": 37, "height": 23}}]})";
    for (const auto& d : manifest::validate_manifest(camel, o).diagnostics) {
        INFO(d.code << ": " << d.message);
        CHECK(d.code.rfind("manifest.media.", 0) != 0);
    }
}

// Media metadata for an open manifest (core/app/media_fill.hpp): which items are read, what is written (one
// undo step), what is left alone, and what an unreadable header or an edit made meanwhile leaves.
#include "app/media_fill.hpp"

#include <catch2/catch.hpp>

#include "../helpers/fake_bucket.hpp"
#include "../helpers/stub_signer.hpp"
#include "../media/media_fixtures.hpp"

using namespace eic;

namespace {

constexpr const char* kManifest = R"({
  "images": [
    {"objectUrl": "https://storage.cloud.google.com/bkt/a.png", "title": "a"},
    {"objectUrl": "gs://bkt/b.jpg", "title": "b"},
    {"objectUrl": "gs://bkt/broken.png", "title": "broken"},
    {"objectUrl": "gs://bkt/has.png", "title": "has",
     "imageMetadata": {"width": 1, "height": 1, "mime_type": "image/png", "file_size": 1}},
    {"objectUrl": "https://example.com/elsewhere.png", "title": "elsewhere"}
  ],
  "image_groups": [{"title": "g", "objectUrl_0": "gs://bkt/a.png"}],
  "videos": [{"objectUrl": "gs://bkt/clip.mp4", "title": "clip"}]
})";

struct Rig {
    test::Bucket bucket;
    test::FakeHttp http;
    test::StubSigner signer;
    double now = 0;
    app::ManifestDocument doc;
    Rig() {
        bucket.objects["a.png"] = test::media_fixture("image.png");
        bucket.objects["b.jpg"] = test::media_fixture("baseline.jpg");
        bucket.objects["broken.png"] = "not a png at all, only text";
        bucket.objects["has.png"] = test::media_fixture("image.png");
        bucket.objects["clip.mp4"] = test::media_fixture("faststart.mp4");
        http.respond = [this](const net::HttpRequest& r) { return bucket(r); };
        doc.open("m.json", kManifest, schema::Schema{}, {});
        while (doc.validating()) doc.step(1 << 20);
    }
    app::MediaFillOptions options(bool refill = false) {
        app::MediaFillOptions o;
        o.refill = refill;
        o.steady = [this] { return now; };
        o.wall = [this] { return 1700000000.0 + now; };
        return o;
    }
    void run(app::MediaFillJob& job) {
        for (int i = 0; i < 10000 && !job.finished(); ++i) job.step(1 << 16), now += 0.05;
        REQUIRE(job.finished());
    }
    const manifest::Item& item(std::uint32_t unit) { return *doc.item(unit); }
};

}  // namespace

TEST_CASE("media fill: images and videos without metadata are read and filled as one undo step", "[app][media-fill]") {
    Rig rig;
    app::MediaFillJob job(rig.doc, rig.http, rig.signer, rig.options());
    CHECK(job.counts().targets == 4);  // a, b, broken, clip
    CHECK(job.counts().had_metadata == 1);
    CHECK(job.counts().not_in_gcs == 1);
    rig.run(job);
    CHECK(job.apply(rig.doc) == 3);
    CHECK(job.apply(rig.doc) == 0);  // once
    CHECK(job.counts().filled == 3);
    CHECK(rig.doc.undo_label() == "Fill the media metadata of 3 items");

    const auto& a = rig.item(0).metadata["imageMetadata"];
    CHECK(a["width"] == 37);
    CHECK(a["height"] == 23);
    CHECK(a["mime_type"] == "image/png");
    CHECK(a["file_size"] == rig.bucket.objects["a.png"].size());
    CHECK(rig.item(1).metadata["imageMetadata"]["mime_type"] == "image/jpeg");
    CHECK_FALSE(rig.item(2).metadata.is_object());               // unreadable: nothing half filled
    CHECK(rig.item(3).metadata["imageMetadata"]["width"] == 1);  // had its own: left alone
    CHECK(rig.item(6).metadata["videoMetadata"]["width"] == 40);

    REQUIRE(job.findings().size() == 1);
    CHECK(job.findings()[0].url == "gs://bkt/broken.png");
    CHECK(job.findings()[0].item == "images: broken");
    const auto placed = app::place_import_findings(rig.doc, job.findings());
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].unit == 2);

    rig.doc.undo();
    CHECK_FALSE(rig.item(0).metadata.is_object());
    CHECK_FALSE(rig.item(6).metadata.is_object());
}

TEST_CASE("media fill: refill reads items that have metadata; an item edited meanwhile is not written",
          "[app][media-fill]") {
    Rig rig;
    app::MediaFillJob job(rig.doc, rig.http, rig.signer, rig.options(true));
    CHECK(job.counts().targets == 5);
    rig.run(job);
    // While the headers were read, the user pointed "a" at another object.
    app::Column url;
    url.kind = app::ColumnKind::url;
    REQUIRE(rig.doc.set_cell(0, url, "gs://bkt/b.jpg").empty());
    CHECK(job.apply(rig.doc) == 3);
    CHECK(job.counts().changed_since == 1);
    CHECK_FALSE(rig.item(0).metadata.is_object());
    CHECK(rig.item(3).metadata["imageMetadata"]["width"] == 37);  // refilled with the truth
}

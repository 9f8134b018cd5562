// The manifest model: collection names, counts, writing order, snake_case.
#include "manifest/model.hpp"

#include <catch2/catch.hpp>

using namespace eic::manifest;

TEST_CASE("model: collection keys both ways") {
    for (Collection c : kAllCollections) CHECK(collection_from_key(collection_key(c)) == c);
    // structured-form names are not file-form keys: Encord's file form ignores them
    CHECK_FALSE(collection_from_key("imageGroups"));
    CHECK_FALSE(collection_from_key("dicomSeries"));
    CHECK_FALSE(collection_from_key("Videos"));
    CHECK_FALSE(collection_from_key("video"));
    CHECK(is_grouped(Collection::image_groups));
    CHECK(is_grouped(Collection::dicom_series));
    CHECK_FALSE(is_grouped(Collection::videos));
    CHECK(std::string(metadata_key(Collection::audio)) == "audioMetadata");
    CHECK(std::string(metadata_key(Collection::nifti)).empty());
}

TEST_CASE("model: counts and writing order") {
    Manifest m;
    CHECK(m.item_count() == 0);
    CHECK(m.collections().empty());
    Item g;
    g.urls = {"a", "b", "c"};
    m[Collection::image_groups].push_back(g);
    Item v;
    v.urls = {"x"};
    m[Collection::videos].push_back(v);
    m.order = {Collection::audio, Collection::image_groups};
    CHECK(m.item_count() == 2);
    CHECK(m.url_count() == 4);
    // listed collections first (even empty), then the others with items
    CHECK(m.collections() == std::vector<Collection>{Collection::audio, Collection::image_groups, Collection::videos});
}

TEST_CASE("model: snake_case of metadata field names") {
    CHECK(snake_case("fileSize") == "file_size");
    CHECK(snake_case("mimeType") == "mime_type");
    CHECK(snake_case("numChannels") == "num_channels");
    CHECK(snake_case("file_size") == "file_size");
    CHECK(snake_case("fps") == "fps");
    CHECK(snake_case("") == "");
}

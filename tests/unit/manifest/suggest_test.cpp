#include "manifest/suggest.hpp"

#include <catch2/catch.hpp>

using namespace eic::manifest;

TEST_CASE("edit distance", "[manifest][suggest]") {
    CHECK(edit_distance("", "") == 0);
    CHECK(edit_distance("images", "imagez") == 1);
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("abc", "") == 3);
    CHECK(edit_distance(std::string(300, 'a'), "a") == 300);  // long strings are not compared
}

TEST_CASE("the closest name: case and punctuation first, then a small edit distance", "[manifest][suggest]") {
    const std::vector<std::string> splits{"train", "val", "test"};
    CHECK(closest_name("TRAIN", splits) == "train");  // distance 5, but the same word
    CHECK(closest_name("trian", splits) == "train");
    CHECK(closest_name("vall", splits) == "val");
    CHECK_FALSE(closest_name("production", splits));
    CHECK_FALSE(closest_name("", splits));
    CHECK_FALSE(closest_name("train", {}));
    const std::vector<std::string> fields{"objectUrl", "title", "clientMetadata"};
    CHECK(closest_name("object_url", fields) == "objectUrl");
    CHECK(closest_name("client_metadata", fields) == "clientMetadata");
    CHECK(closest_name("titel", fields) == "title");
}

#include "schema/namespaces.hpp"

#include <catch2/catch.hpp>

using namespace eic::schema;

TEST_CASE("keys are grouped by their dotted prefix", "[schema][namespaces]") {
    Schema s;
    for (const char* k : {"team.video.fps", "team.video.codec", "team", "team.owner", "solo", "other.a"})
        s.put(k, KeyEntry::live(KeyType::variant(ScalarHint::text)));
    s.put("team.gone", KeyEntry::hard_deleted());

    NamespaceNode root = namespace_tree(s);
    CHECK(root.key_count == 6);
    REQUIRE(root.children.size() == 3);
    CHECK(root.children[0].name == "other");
    CHECK(root.children[1].name == "solo");
    CHECK(root.children[1].key == "solo");
    const NamespaceNode& team = root.children[2];
    CHECK(team.path == "team");
    CHECK(team.key == "team");  // a key and a namespace at once
    CHECK(team.key_count == 4);
    REQUIRE(team.children.size() == 2);
    CHECK(team.children[0].name == "owner");
    const NamespaceNode& video = team.children[1];
    CHECK(video.path == "team.video");
    CHECK_FALSE(video.key);
    REQUIRE(video.children.size() == 2);
    CHECK(video.children[0].path == "team.video.codec");
    CHECK(video.children[0].key == "team.video.codec");

    NamespaceNode all = namespace_tree(s, true);
    CHECK(all.key_count == 7);
}

TEST_CASE("empty segments are kept so every key appears once", "[schema][namespaces]") {
    Schema s;
    for (const char* k : {".a", "a..b", "a."}) s.put(k, KeyEntry::live(KeyType::geospatial()));
    NamespaceNode root = namespace_tree(s);
    REQUIRE(root.children.size() == 2);
    CHECK(root.children[0].name.empty());
    CHECK(root.children[0].children[0].key == ".a");
    CHECK(root.children[0].children[0].path == ".a");
    const NamespaceNode& a = root.children[1];
    REQUIRE(a.children.size() == 1);  // "a." and "a..b" share the empty segment
    CHECK(a.children[0].key == "a.");
    CHECK(a.children[0].children[0].key == "a..b");
}

#include "app/file_kind.hpp"

#include <catch2/catch.hpp>

using eic::app::FileKind;
using eic::app::sniff_file_kind;

TEST_CASE("dropped files go to the panel they belong to", "[app][file-kind]") {
    CHECK(sniff_file_kind("m.json", R"({"images": [{"objectUrl": "x"}]})") == FileKind::manifest);
    CHECK(sniff_file_kind("m.json", "\xEF\xBB\xBF\n  {\"skip_duplicate_urls\": true, \"videos\": []}") ==
          FileKind::manifest);
    CHECK(sniff_file_kind("m.CSV", R"({"fps": {"ty": "variant"}})") == FileKind::manifest);
    CHECK(sniff_file_kind("data.txt", "ObjectUrl,Image title\nhttps://x/y.jpg,y\n") == FileKind::manifest);
    CHECK(sniff_file_kind("s.json", R"({"fps": {"ty": "variant", "hint": "number"}})") == FileKind::schema);
    CHECK(sniff_file_kind("d.eic-schema.json", R"({"format": "eic-schema-draft", "version": 1})") == FileKind::schema);
    CHECK(sniff_file_kind("empty.json", "") == FileKind::schema);
    CHECK(sniff_file_kind("broken.json", "{\"images\": [") == FileKind::manifest);  // the validator says what is wrong
    CHECK(sniff_file_kind("null.json", "null") == FileKind::schema);
    // The first key decides, even when a nested object has a manifest-like key.
    CHECK(sniff_file_kind("s.json", R"({"team": {"images": 1}})") == FileKind::schema);
}

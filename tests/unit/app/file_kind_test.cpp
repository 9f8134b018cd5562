#include "app/file_kind.hpp"

#include <catch2/catch.hpp>
#include <string>

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

TEST_CASE("dropped key files go to the window that takes them", "[app][file-kind]") {
    CHECK(sniff_file_kind("id_ed25519", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n") ==
          FileKind::encord_key);
    CHECK(sniff_file_kind("key.txt", "\r\n  -----BEGIN OPENSSH PRIVATE KEY-----\n") == FileKind::encord_key);
    CHECK(sniff_file_kind("sa.json", R"({"type": "service_account", "project_id": "p", "private_key": "x"})") ==
          FileKind::service_account);
    // Not keys: another PEM, a JSON key of another type, a wire map with a key named "type".
    CHECK(sniff_file_kind("k.pem", "-----BEGIN PRIVATE KEY-----\n") == FileKind::schema);
    CHECK(sniff_file_kind("u.json", R"({"type": "authorized_user", "client_id": "x"})") == FileKind::schema);
    CHECK(sniff_file_kind("s.json", R"({"type": {"ty": "enum", "values": ["service_account"]}})") == FileKind::schema);
    CHECK(sniff_file_kind("m.json", R"({"type": "service_account"})") == FileKind::service_account);
    // Google's conformance key puts a comment first.
    CHECK(sniff_file_kind("k.json", R"({"comment": "inactive", "type": "service_account", "project_id": "p"})") ==
          FileKind::service_account);
    // After an object value, nothing more is read: a wire map is a schema whatever follows.
    CHECK(sniff_file_kind("s.json", R"({"a": {"ty": "number"}, "type": "service_account"})") == FileKind::schema);
}

TEST_CASE("the sniff reads no further than the first member's value", "[app][file-kind]") {
    // A first member whose value is a large array: the rest (here broken on purpose) is never read.
    std::string big = R"({"images": [)";
    for (int i = 0; i < 1000; ++i) big += R"({"objectUrl": "gs://b/o.jpg"},)";
    CHECK(sniff_file_kind("m.json", big) == FileKind::manifest);
    CHECK(sniff_file_kind("s.json", R"({"team.fps": {"ty": "number"}, "images": []})") == FileKind::schema);
}

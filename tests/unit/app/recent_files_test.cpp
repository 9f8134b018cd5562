#include "app/recent_files.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "app/manifest_autosave.hpp"

using namespace eic::app;

TEST_CASE("recent files: newest first, one entry per name and kind, at most max_entries", "[app][recent_files]") {
    RecentLimits limits;
    limits.max_entries = 3;
    RecentFiles r(limits);
    r.opened("a.json", RecentKind::manifest, 10, 1);
    r.opened("draft.json", RecentKind::schema, 20, 2);
    r.opened("a.json", RecentKind::schema, 30, 3);  // the same name as a schema: a separate entry
    REQUIRE(r.entries().size() == 3);
    const RecentChange again = r.opened("a.json", RecentKind::manifest, 11, 4);
    REQUIRE(r.entries().size() == 3);
    CHECK(r.entries()[0].name == "a.json");
    CHECK(r.entries()[0].kind == RecentKind::manifest);
    CHECK(r.entries()[0].bytes == 11);
    CHECK(again.added.id == 4);
    CHECK(again.dropped_copies == std::vector<std::uint64_t>{1});  // the earlier copy of a.json
    const RecentChange fourth = r.opened("b.csv", RecentKind::manifest, 5, 5);
    CHECK(r.entries().size() == 3);
    CHECK(fourth.dropped_copies == std::vector<std::uint64_t>{2});  // draft.json fell off the end
    CHECK(r.find(2) == nullptr);
    CHECK(r.find(4)->name == "a.json");
}

TEST_CASE("recent files keep copies within the manifest autosave's limits", "[app][recent_files]") {
    const RecentLimits defaults;
    CHECK(defaults.max_copy_bytes == AutosaveLimits{}.max_tab_bytes);
    CHECK(defaults.max_total_bytes == AutosaveLimits{}.max_total_bytes);
    RecentLimits limits;
    limits.max_copy_bytes = 100;
    limits.max_total_bytes = 250;
    RecentFiles r(limits);
    CHECK(r.opened("big.json", RecentKind::manifest, 101, 1).added.kept == false);
    CHECK(r.opened("one.json", RecentKind::manifest, 100, 2).added.kept);
    CHECK(r.opened("two.json", RecentKind::manifest, 100, 3).added.kept);
    // 300 bytes kept would be over 250: the oldest copy goes, the entry stays without one.
    const RecentChange c = r.opened("three.json", RecentKind::manifest, 100, 4);
    CHECK(c.added.kept);
    CHECK(c.dropped_copies == std::vector<std::uint64_t>{2});
    REQUIRE(r.entries().size() == 4);
    CHECK_FALSE(r.entries()[2].kept);  // one.json
    CHECK(r.entries()[2].name == "one.json");
    CHECK(r.remove(3) == std::vector<std::uint64_t>{3});
    CHECK(r.remove(3).empty());
    CHECK(r.clear() == std::vector<std::uint64_t>{4});
    CHECK(r.entries().empty());
}

TEST_CASE("the recent files record round-trips; ids go on from the record's nextId", "[app][recent_files]") {
    RecentFiles r;
    r.opened("m.csv", RecentKind::manifest, 42, 1700000000.5);
    r.opened("draft.json", RecentKind::schema, 7, 1700000001);
    const std::string record = r.write();
    RecentFiles back;
    CHECK(back.read(record).empty());
    REQUIRE(back.entries().size() == 2);
    CHECK(back.entries()[0].name == "draft.json");
    CHECK(back.entries()[0].kind == RecentKind::schema);
    CHECK(back.entries()[1].bytes == 42);
    CHECK(back.entries()[1].opened_at == 1700000000.5);
    CHECK(back.entries()[1].kept);
    CHECK(back.write() == record);
    CHECK(back.opened("n.json", RecentKind::manifest, 1, 2).added.id == 3);
    CHECK(recent_copy_key(3) == "recent/3");
}

TEST_CASE("a recent files record is data: anything odd is refused with its place", "[app][recent_files]") {
    RecentFiles r;
    r.opened("keep.json", RecentKind::manifest, 1, 1);
    CHECK(r.read("not json") == "the recent files record is not a JSON object");
    CHECK(r.entries().empty());
    CHECK(r.read(R"({"version":2,"nextId":1,"files":[]})") == "/version: not a recent files record of version 1");
    CHECK(r.read(R"({"version":1,"nextId":-1,"files":[]})") == "/nextId: not a count");
    CHECK(r.read(R"({"version":1,"nextId":5,"files":{}})") == "/files: not an array");
    const std::string ok = R"({"id":1,"name":"a","kind":"manifest","bytes":1,"openedAt":1,"kept":true})";
    CHECK(r.read(R"({"version":1,"nextId":5,"files":[)" + ok + "]}") == "");
    CHECK(r.read(R"({"version":1,"nextId":1,"files":[)" + ok + "]}") == "/files/0/id: not an id below nextId");
    CHECK(r.read(R"({"version":1,"nextId":5,"files":[)" + ok + "," + ok + "]}") ==
          "/files/1/id: the same as an earlier entry's");
    CHECK(
        r.read(
            R"({"version":1,"nextId":5,"files":[{"id":1,"name":"","kind":"manifest","bytes":1,"openedAt":1,"kept":true}]})") ==
        "/files/0/name: not a file name");
    CHECK(
        r.read(
            R"({"version":1,"nextId":5,"files":[{"id":1,"name":"a","kind":"key","bytes":1,"openedAt":1,"kept":true}]})") ==
        "/files/0/kind: neither \"schema\" nor \"manifest\"");
    CHECK(
        r.read(
            R"({"version":1,"nextId":5,"files":[{"id":1,"name":"a","kind":"schema","bytes":1.5,"openedAt":1,"kept":true}]})") ==
        "/files/0/bytes: not a count");
    CHECK(
        r.read(
            R"({"version":1,"nextId":5,"files":[{"id":1,"name":"a","kind":"schema","bytes":1,"openedAt":"x","kept":true}]})") ==
        "/files/0/openedAt: not a time");
    CHECK(
        r.read(
            R"({"version":1,"nextId":5,"files":[{"id":1,"name":"a","kind":"schema","bytes":1,"openedAt":1,"kept":1}]})") ==
        "/files/0/kept: not true or false");
    CHECK(r.entries().empty());
}

TEST_CASE("a recent entry's label says its kind, size, age and whether a copy is kept", "[app][recent_files]") {
    RecentFile f;
    f.name = "batch.csv";
    f.kind = RecentKind::manifest;
    f.bytes = 1234567;
    f.opened_at = 1000;
    f.kept = true;
    CHECK(recent_label(f, 1030) == "batch.csv (manifest, 1.2 MB, just now)");
    CHECK(recent_label(f, 1000 + 5 * 60 + 10) == "batch.csv (manifest, 1.2 MB, 5 min ago)");
    CHECK(recent_label(f, 1000 + 3 * 3600) == "batch.csv (manifest, 1.2 MB, 3 h ago)");
    f.kind = RecentKind::schema;
    f.kept = false;
    f.bytes = 1;
    CHECK(recent_label(f, 1000 + 2 * 86400) == "batch.csv (schema, 1 byte, 2 d ago, not kept)");
    CHECK(recent_label(f, 10) == "batch.csv (schema, 1 byte, just now, not kept)");  // a clock set back
}

// Splitting manifests into parts under a limits profile.
#include "manifest/split.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/commands.hpp"
#include "manifest/load.hpp"

using namespace eic;
using namespace eic::manifest;

namespace {

std::string videos_json(int n, bool skip = true) {
    std::string s = "{\"videos\": [";
    for (int i = 0; i < n; ++i)
        s += std::string(i ? "," : "") + "{\"objectUrl\": \"gs://b/v" + std::to_string(i) + ".mp4\"}";
    s += "]";
    if (skip) s += ", \"skip_duplicate_urls\": true";
    return s + "}";
}

// A name of our own under build/, so that test runs in parallel (other build trees) do not collide.
std::string unique(const std::string& stem) {
    return stem + "_" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
}

Manifest parse(const std::string& bytes) {
    auto r = load(bytes, detect_format(bytes));
    REQUIRE(r.manifest);
    return *r.manifest;
}

}  // namespace

TEST_CASE("split: part names") {
    CHECK(part_name("dir/sub/data.json", 1, 12, Format::json) == "data.part-001-of-012.json");
    CHECK(part_name("a.b.csv", 7, 7, Format::csv) == "a.b.part-007-of-007.csv");
    CHECK(part_name("noext", 2, 1000, Format::json) == "noext.part-0002-of-1000.json");
    CHECK(part_name("", 1, 1, Format::json) == "manifest.part-001-of-001.json");
}

TEST_CASE("split: --max-items cuts in order and keeps flags in every part") {
    SplitOptions o;
    o.profile = max_items_profile(2);
    o.file_name = "in/vids.json";
    auto r = split(videos_json(5), o);
    CHECK(r.diagnostics.empty());
    REQUIRE(r.parts.size() == 3);
    CHECK(r.parts[0].name == "vids.part-001-of-003.json");
    CHECK(r.parts[2].name == "vids.part-003-of-003.json");
    CHECK(r.parts[0].items == 2);
    CHECK(r.parts[2].items == 1);
    int seen = 0;
    for (const auto& p : r.parts) {
        Manifest m = parse(p.bytes);
        CHECK(m.skip_duplicate_urls == true);
        for (const auto& it : m[Collection::videos]) CHECK(it.urls[0] == "gs://b/v" + std::to_string(seen++) + ".mp4");
    }
    CHECK(seen == 5);
    // deterministic
    auto again = split(videos_json(5), o);
    REQUIRE(again.parts.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) CHECK(again.parts[i].bytes == r.parts[i].bytes);
    // exactly at the limit: one part
    o.profile = max_items_profile(5);
    CHECK(split(videos_json(5), o).parts.size() == 1);
    o.profile = max_items_profile(4);
    CHECK(split(videos_json(5), o).parts.size() == 2);
}

TEST_CASE("split: never splits an image group, sequence or DICOM series") {
    std::string in = R"({"image_groups": [
      {"title": "a", "objectUrl_0": "1", "objectUrl_1": "2", "objectUrl_2": "3"},
      {"title": "b", "createVideo": true, "objectUrl_0": "4", "objectUrl_1": "5"}],
      "dicom_series": [{"title": "d", "objectUrl_0": "6", "objectUrl_1": "7"}], "upsert_metadata": true})";
    Manifest m = parse(in);
    SplitProfile p = max_items_profile(0);
    p.max_urls = 2;  // smaller than the first group
    Diagnostics ds;
    auto parts = split_manifest(m, p, Format::json, {}, ds);
    REQUIRE(parts.size() == 3);
    CHECK(parts[0][Collection::image_groups].size() == 1);
    CHECK(parts[0][Collection::image_groups][0].urls.size() == 3);
    CHECK(parts[1][Collection::image_groups][0].create_video == true);
    CHECK(parts[1][Collection::image_groups][0].urls.size() == 2);
    CHECK(parts[2][Collection::dicom_series][0].urls.size() == 2);
    for (const auto& part : parts) CHECK(part.extra["upsert_metadata"] == true);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].code == "split.item-too-large");
    CHECK(ds[0].severity == Severity::warning);
    CHECK(ds[0].pointer == std::string("/image_groups/0"));
    CHECK(ds[0].line == 2);
}

TEST_CASE("split: recommended profile counts videos and other items apart, and media bytes") {
    std::string in = "{\"videos\": [";
    for (int i = 0; i < 150; ++i) in += std::string(i ? "," : "") + "{\"objectUrl\": \"v" + std::to_string(i) + "\"}";
    in += "], \"images\": [";
    for (int i = 0; i < 1500; ++i) in += std::string(i ? "," : "") + "{\"objectUrl\": \"i" + std::to_string(i) + "\"}";
    in += "]}";
    Diagnostics ds;
    auto parts = split_manifest(parse(in), *split_profile("recommended"), Format::json, {}, ds);
    CHECK(ds.empty());
    // 100 videos | 50 videos + 950 images ... greedy: part 1 = 100 videos; part 2 = 50 videos + 1000 images;
    // part 3 = 500 images
    REQUIRE(parts.size() == 3);
    CHECK(parts[0][Collection::videos].size() == 100);
    CHECK(parts[1][Collection::videos].size() == 50);
    CHECK(parts[1][Collection::images].size() == 1000);
    CHECK(parts[2][Collection::images].size() == 500);

    std::string big = R"({"videos": [
      {"objectUrl": "a", "videoMetadata": {"file_size": 1500000000}},
      {"objectUrl": "b", "videoMetadata": {"fileSize": 500000000}},
      {"objectUrl": "c", "videoMetadata": {"file_size": 1}},
      {"objectUrl": "d", "videoMetadata": {"file_size": 3000000000}}]})";
    ds.clear();
    parts = split_manifest(parse(big), *split_profile("recommended"), Format::json, {}, ds);
    REQUIRE(parts.size() == 3);  // a+b = exactly 2 GB | c | d alone (too large)
    CHECK(parts[0][Collection::videos].size() == 2);
    CHECK(parts[1][Collection::videos].size() == 1);
    CHECK(parts[2][Collection::videos].size() == 1);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].item == 3u);
}

TEST_CASE("split: plan profiles and byte limits") {
    CHECK(split_profile("enterprise")->max_items == 10000);
    CHECK(split_profile("team")->max_items == 2500);
    CHECK(split_profile("free")->max_bytes == 10000000);
    CHECK_FALSE(split_profile("gold"));
    SplitProfile p;
    p.name = "bytes";
    p.max_bytes = 400;
    SplitOptions o;
    o.profile = p;
    auto r = split(videos_json(20), o);
    REQUIRE(r.parts.size() > 1);
    for (const auto& part : r.parts) CHECK(part.bytes.size() <= 400);
    o.json.pretty = false;
    r = split(videos_json(20), o);
    REQUIRE(r.parts.size() > 1);
    for (const auto& part : r.parts) CHECK(part.bytes.size() <= 400);
}

TEST_CASE("split: CSV in, CSV parts; groups of rows stay together") {
    std::string in = "ObjectUrl,Image group title\na,g1\nb,g1\nc,g2\nd,g3\ne,g3\n";
    SplitOptions o;
    o.profile = max_items_profile(2);
    o.file_name = "groups.csv";
    auto r = split(in, o);
    REQUIRE(r.parts.size() == 2);
    CHECK(r.parts[0].name == "groups.part-001-of-002.csv");
    CHECK(r.parts[0].bytes == "ObjectUrl,Image group title\na,g1\nb,g1\nc,g2\n");
    CHECK(r.parts[1].bytes == "ObjectUrl,Image group title\nd,g3\ne,g3\n");
    CHECK(r.parts[0].urls == 3);
}

TEST_CASE("split: input errors give no parts; empty input gives a warning") {
    SplitOptions o;
    o.profile = max_items_profile(1);
    auto r = split("{\"videos\": [", o);
    CHECK(r.parts.empty());
    CHECK(has_error(r.diagnostics));
    r = split("{\"videos\": []}", o);
    CHECK(r.parts.empty());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == "split.empty");
}

TEST_CASE("eic split: writes parts, exit codes") {
    const std::string dir = std::string(EIC_TEST_DATA) + "/../../build";
    const std::string stem = unique("split_test_in");
    const std::string in = dir + "/" + stem + ".json";
    {
        std::ofstream f(in, std::ios::binary);
        f << videos_json(3);
    }
    std::ostringstream out, err;
    CHECK(cli::dispatch({"split", in, "--max-items", "2"}, out, err) == 0);
    CHECK(out.str().find(stem + ".part-001-of-002.json: 2 items, 2 URLs") != std::string::npos);
    std::ifstream p2(dir + "/" + stem + ".part-002-of-002.json");
    CHECK(p2.good());
    std::ostringstream o2, e2;
    CHECK(cli::dispatch({"split", in, "--profile", "gold"}, o2, e2) == 2);
    CHECK(cli::dispatch({"split", in}, o2, e2) == 2);
    CHECK(cli::dispatch({"split", in, "--max-items", "0"}, o2, e2) == 2);
    CHECK(cli::dispatch({"split", in, "--max-items", "1", "--profile", "team"}, o2, e2) == 2);
    {
        std::ofstream f(in, std::ios::binary);
        f << "{\"videos\": [}";
    }
    std::ostringstream o3, e3;
    CHECK(cli::dispatch({"split", in, "--profile", "team", "--out-dir", dir}, o3, e3) == 1);
    CHECK(o3.str().empty());
    std::remove(in.c_str());
    std::remove((dir + "/" + stem + ".part-001-of-002.json").c_str());
    std::remove((dir + "/" + stem + ".part-002-of-002.json").c_str());
}

// Conversion between JSON and CSV, as a library call and as `eic convert`.
#include "manifest/convert.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "../helpers/cli_run.hpp"
#include "cli/commands.hpp"
#include "manifest/validate.hpp"

using namespace eic;
using namespace eic::manifest;

namespace {

using Run = eic::test::CliRun;
Run eic_cli(const std::vector<std::string>& args) { return eic::test::run_cli(cli::dispatch, args); }

// A name of our own under build/, so that test runs in parallel (other build trees) do not collide.
std::string unique(const std::string& stem) {
    return stem + "_" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
}

std::string temp_path(const std::string& name) { return std::string(EIC_TEST_DATA) + "/../../build/" + name; }

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("convert: CSV to JSON and back") {
    ConvertOptions o;
    o.to = Format::json;
    auto r = convert("ObjectUrl,Image group title\na,g\nb,g\n", o);
    REQUIRE(r.bytes);
    CHECK(r.from == Format::csv);
    CHECK(*r.bytes ==
          "{\n  \"image_groups\": [\n    {\n      \"title\": \"g\",\n      \"objectUrl_0\": \"a\",\n"
          "      \"objectUrl_1\": \"b\"\n    }\n  ]\n}\n");
    o.to = Format::csv;
    auto back = convert(*r.bytes, o);
    REQUIRE(back.bytes);
    CHECK(back.from == Format::json);
    CHECK(*back.bytes == "ObjectUrl,Image group title\na,g\nb,g\n");
}

TEST_CASE("convert: a mixed CSV gives every collection, and eic validate finds no error") {
    const std::string mixed = std::string(EIC_TEST_DATA) + "/manifest/mixed.csv";
    auto r = eic_cli({"convert", mixed, "--to", "json", "--compact"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.err.empty());
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["images"].size() == 2);
    CHECK(j["videos"].size() == 1);
    REQUIRE(j["image_groups"].size() == 2);
    CHECK(j["image_groups"][0]["objectUrl_1"] == "https://storage.cloud.google.com/eic-demo/groups/scan-a/1.jpg");
    CHECK_FALSE(j["image_groups"][0].contains("createVideo"));
    CHECK(j["image_groups"][1]["createVideo"] == true);
    auto v = eic_cli({"validate", mixed, "--output", "json"});
    CHECK(v.code == 0);
    auto s = nlohmann::json::parse(v.out)["summary"];
    CHECK(s["errors"] == 0);
    CHECK(s["collections"]["image_groups"] == 2);
    // and back to one mixed CSV
    ConvertOptions o;
    o.to = Format::csv;
    auto back = convert(r.out, o);
    REQUIRE(back.bytes);
    CHECK(back.bytes->rfind("ObjectUrl,Image title,Video title,Image group title,Image sequence title\n", 0) == 0);
}

TEST_CASE("convert: snake_case item fields are kept as written, as eic validate warns") {
    ConvertOptions o;
    o.to = Format::json;
    o.json.pretty = false;
    const std::string in = R"({"images":[{"object_url":"gs://b-1/a.jpg","client_metadata":{"k":1}}]})";
    auto r = convert(in, o);
    REQUIRE(r.bytes);
    CHECK(*r.bytes == in);
    auto v = validate_manifest(in);
    CHECK(v.summary.errors == 0);
    CHECK(v.summary.warnings == 2);  // manifest.item.field-spelling, once per field
}

TEST_CASE("convert: refusals and read errors produce no bytes") {
    ConvertOptions o;
    o.to = Format::csv;
    auto r = convert(R"({"videos":[{"objectUrl":"a","clientMetadata":{"k":1}}]})", o);
    CHECK_FALSE(r.bytes);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == "convert.csv.client-metadata");
    o.to = Format::json;
    r = convert("ObjectUrl\na\n\"b\n", o);  // unterminated quote
    CHECK_FALSE(r.bytes);
    r = convert("ObjectUrl,Notes\na,b\n", o);  // an unknown column is only a warning
    REQUIRE(r.bytes);
    CHECK(r.diagnostics.size() == 1);
    o.from = Format::json;
    r = convert("ObjectUrl\na\n", o);
    CHECK_FALSE(r.bytes);
    CHECK(r.diagnostics[0].code.rfind("json.", 0) == 0);
}

TEST_CASE("eic convert: exit codes, output file, usage") {
    const std::string in = temp_path(unique("convert_test_in") + ".csv");
    const std::string out = temp_path(unique("convert_test_out") + ".json");
    {
        std::ofstream f(in, std::ios::binary);
        f << "ObjectUrl,Image title\ngs://b/a.jpg,A\n";
    }
    auto r = eic_cli({"convert", in, "--to", "json", "--compact"});
    CHECK(r.code == 0);
    CHECK(r.out == R"({"images":[{"objectUrl":"gs://b/a.jpg","title":"A"}]})");
    r = eic_cli({"convert", in, "--to=json", "-o", out});
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    CHECK(slurp(out).find("\"objectUrl\": \"gs://b/a.jpg\"") != std::string::npos);
    r = eic_cli({"convert", out, "--to", "csv", "--crlf"});
    CHECK(r.code == 0);
    CHECK(r.out == "ObjectUrl,Image title\r\ngs://b/a.jpg,A\r\n");
    {
        std::ofstream f(out, std::ios::binary);
        f << R"({"images":[{"objectUrl":"a","imageMetadata":{"width":1}}]})";
    }
    r = eic_cli({"convert", out, "--to", "csv"});
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("convert.csv.media-metadata") != std::string::npos);
    CHECK(eic_cli({"convert", in}).code == 2);
    CHECK(eic_cli({"convert", in, "--to", "xml"}).code == 2);
    CHECK(eic_cli({"convert", in, "--to", "json", "--nope"}).code == 2);
    CHECK(eic_cli({"convert", temp_path("does-not-exist.csv"), "--to", "json"}).code == 2);
    CHECK(eic_cli({"convert", "--help"}).code == 0);
    std::remove(in.c_str());
    std::remove(out.c_str());
}

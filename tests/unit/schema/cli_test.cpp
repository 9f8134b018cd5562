#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <tuple>

#include "../helpers/cli_run.hpp"
#include "cli/schema_cmd.hpp"
#include "diag/codes.hpp"
#include "schema/codes.hpp"

using nlohmann::ordered_json;

namespace {

using Run = eic::test::CliRun;
Run run(const std::vector<std::string>& args) { return eic::test::run_cli(eic::run_schema_command, args); }

std::string data(const char* name) { return std::string(EIC_TEST_DATA) + "/schema/" + name; }

}  // namespace

TEST_CASE("schema check reports each refusal of the fixture draft as an error with its line", "[schema][cli]") {
    Run r = run({"check", data("refusals.eic-schema.json"), "--output", "json"});
    INFO(r.out << r.err);
    CHECK(r.code == 1);
    auto o = ordered_json::parse(r.out);
    CHECK(o["summary"]["file"] == data("refusals.eic-schema.json"));
    CHECK(o["summary"]["kind"] == "draft");
    CHECK(o["summary"]["target"] == "active");  // from the draft
    CHECK(o["summary"]["errors"] == 4);
    std::vector<std::pair<std::string, int>> found;
    for (const auto& d : o["diagnostics"]) {
        CHECK(d["severity"] == "error");
        REQUIRE(d["line"].is_number());
        CHECK(d["column"].is_number());
        found.emplace_back(d["code"].get<std::string>(), d["line"].get<int>());
    }
    // Lines of tests/data/schema/refusals.eic-schema.json, sorted by place.
    CHECK(found == std::vector<std::pair<std::string, int>>{{"schema.key.character", 10},
                                                            {"schema.enum.too-many", 11},
                                                            {"schema.embedding.active-size", 12},
                                                            {"schema.type.change", 13}});
}

TEST_CASE("schema check in text: FILE:LINE:COL lines and a summary", "[schema][cli]") {
    const std::string file = data("refusals.eic-schema.json");
    Run r = run({"check", file});
    CHECK(r.code == 1);
    CHECK(r.out.find(file + ":10:5: error schema.key.character: key \"team/bad\"") != std::string::npos);
    CHECK(r.out.find("4 errors, 0 warnings, 0 infos (target active)") != std::string::npos);
}

TEST_CASE("schema check: the flag overrides the draft's target", "[schema][cli]") {
    Run r = run({"check", data("refusals.eic-schema.json"), "--target=index", "--output", "json"});
    auto o = ordered_json::parse(r.out);
    CHECK(o["summary"]["target"] == "index");
    CHECK(o["summary"]["errors"] == 3);  // the embedding of 3000 is fine for Index
    CHECK(o["summary"]["infos"] == 1);
}

TEST_CASE("schema check: a clean wire map exits 0, SARIF on request", "[schema][cli]") {
    Run r = run({"check", data("sdk-sample.json"), "--output", "json"});
    INFO(r.out);
    CHECK(r.code == 0);
    auto o = ordered_json::parse(r.out);
    CHECK(o["summary"]["kind"] == "wire");
    CHECK(o["summary"]["keys"] == 6);
    CHECK(o["diagnostics"].empty());
    Run s = run({"check", data("sdk-sample.json"), "--output", "sarif"});
    CHECK(s.code == 0);
    CHECK(ordered_json::parse(s.out)["version"] == "2.1.0");
}

TEST_CASE("schema check: a wire map's Unicode keys and repeated options are warnings, exit 0", "[schema][cli]") {
    // tests/data/schema/sdk-unicode.json: keys and an enum that Encord's SDK can save.
    Run r = run({"check", data("sdk-unicode.json"), "--output", "json"});
    INFO(r.out << r.err);
    CHECK(r.code == 0);
    auto o = ordered_json::parse(r.out);
    CHECK(o["summary"]["kind"] == "wire");
    CHECK(o["summary"]["errors"] == 0);
    std::vector<std::tuple<std::string, std::string, std::string, int>> found;
    for (const auto& d : o["diagnostics"])
        found.emplace_back(d["severity"].get<std::string>(), d["code"].get<std::string>(),
                           d["pointer"].get<std::string>(), d["line"].get<int>());
    CHECK(found == std::vector<std::tuple<std::string, std::string, std::string, int>>{
                       {"warning", "schema.key.non-ascii",
                        "/\xC3\x9Cn\xC3\xAF"
                        "code",
                        2},
                       {"warning", "schema.key.non-ascii", "/\xE6\x97\xA5\xE6\x9C\xAC", 3},
                       {"warning", "schema.wire.enum-repeat", "/tags/values", 4}});

    // `schema wire` writes back exactly what Encord holds, repeat included.
    Run w = run({"wire", data("sdk-unicode.json")});
    CHECK(w.code == 0);
    std::ifstream in(data("sdk-unicode.json"));
    std::stringstream text;
    text << in.rdbuf();
    CHECK(nlohmann::json::parse(w.out) == nlohmann::json::parse(text.str()));
}

TEST_CASE("schema check: syntax errors are findings with a place", "[schema][cli]") {
    Run r = run({"check", data("broken.json"), "--output", "json"});
    CHECK(r.code == 1);
    auto o = ordered_json::parse(r.out);
    REQUIRE(o["diagnostics"].size() == 1);
    CHECK(o["diagnostics"][0]["line"] == 3);
    CHECK(o["summary"]["kind"].is_null());
}

TEST_CASE("schema commands: usage and I/O problems exit 2", "[schema][cli]") {
    CHECK(run({}).code == 2);
    CHECK(run({"frobnicate"}).code == 2);
    CHECK(run({"check"}).code == 2);
    CHECK(run({"check", data("sdk-sample.json"), "--target", "Active"}).code == 2);
    CHECK(run({"check", data("sdk-sample.json"), "--output", "xml"}).code == 2);
    CHECK(run({"check", data("sdk-sample.json"), "--color", "x"}).code == 2);
    CHECK(run({"check", data("sdk-sample.json"), "--output"}).code == 2);
    Run missing = run({"check", data("no-such-file.json")});
    CHECK(missing.code == 2);
    CHECK(missing.err.find("cannot read") != std::string::npos);
    CHECK(run({"diff", data("sdk-sample.json")}).code == 2);
    Run help = run({"--help"});
    CHECK(help.code == 0);
    CHECK(help.out.find("usage: eic schema check") == 0);
}

TEST_CASE("schema wire prints the map to POST, and refuses a schema with errors", "[schema][cli]") {
    Run r = run({"wire", data("sdk-sample.json")});
    CHECK(r.code == 0);
    std::ifstream in(data("sdk-sample.json"));
    std::stringstream text;
    text << in.rdbuf();
    CHECK(nlohmann::json::parse(r.out) == nlohmann::json::parse(text.str()));

    Run bad = run({"wire", data("refusals.eic-schema.json")});
    CHECK(bad.code == 1);
    CHECK(bad.out.empty());
    CHECK(bad.err.find("schema.enum.too-many") != std::string::npos);
}

TEST_CASE("schema diff: equal exits 0, differences exit 1", "[schema][cli]") {
    CHECK(run({"diff", data("sdk-sample.json"), data("sdk-sample.json")}).code == 0);
    Run r = run({"diff", data("remote.json"), data("edited.eic-schema.json")});
    INFO(r.out);
    CHECK(r.code == 1);
    CHECK(r.out.find("Changes from") != std::string::npos);
    CHECK(r.out.find("retyped") != std::string::npos);
}

TEST_CASE("schema diff uses the draft's own base, and --base over it", "[schema][cli]") {
    Run r = run({"diff", data("remote.json"), data("edited.eic-schema.json"), "--output", "json"});
    auto o = ordered_json::parse(r.out);
    INFO(r.out);
    CHECK(o["summary"]["base"] == "the base in " + data("edited.eic-schema.json"));
    // Encord gained "theirs" since the draft's base: kept, shown as a remote change, no conflict.
    REQUIRE(o["remoteChanges"].size() == 1);
    CHECK(o["remoteChanges"][0]["key"] == "theirs");
    std::vector<std::string> keys;
    for (const auto& c : o["changes"]) keys.push_back(c["key"].get<std::string>() + ":" + c["kind"].get<std::string>());
    CHECK(keys == std::vector<std::string>{"fps:retyped", "tags:options-added", "tmp:deleted-soft"});
    CHECK(o["changes"][0]["destructive"] == true);
    CHECK(o["changes"][0]["before"] == ordered_json::parse(R"({"ty": "variant", "hint": "text"})"));
    CHECK(o["conflicts"].empty());
    CHECK(o["summary"]["conflicts"] == 0);
    CHECK(o["post"]["theirs"] == ordered_json::parse(R"({"ty": "geospatial"})"));
    CHECK(o["post"]["fps"] == ordered_json::parse(R"({"ty": "variant", "hint": "number"})"));

    // With the remote as base, "theirs" reads as dropped by the draft: refused, nothing to post.
    Run two = run({"diff", data("remote.json"), data("edited.eic-schema.json"), "--base", data("remote.json"),
                   "--output", "json"});
    auto t = ordered_json::parse(two.out);
    CHECK(two.code == 1);
    CHECK(t["post"].is_null());
    bool dropped = false;
    for (const auto& d : t["diagnostics"]) dropped = dropped || d["code"] == "schema.key.dropped";
    CHECK(dropped);
}

TEST_CASE("schema diff reports conflicts with the draft's lines", "[schema][cli]") {
    Run r = run({"diff", data("remote-conflict.json"), data("edited.eic-schema.json")});
    INFO(r.out);
    CHECK(r.code == 1);
    CHECK(r.out.find("edited.eic-schema.json:10:") != std::string::npos);
    CHECK(r.out.find("schema.plan.conflict") != std::string::npos);
}

TEST_CASE("every schema code is registered under Schema in docs/diagnostics.md", "[schema][cli]") {
    // docs/diagnostics.md is generated from the registry (tests/unit/diag/codes_test.cpp checks it is current).
    for (const char* code : eic::schema::code::all()) {
        INFO(code);
        const eic::diag::CodeInfo* info = eic::diag::find_code(code);
        REQUIRE(info != nullptr);
        CHECK(std::string(info->section) == "Schema");
    }
}

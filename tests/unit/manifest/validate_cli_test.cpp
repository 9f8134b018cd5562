// `eic validate` driven with string streams on the fixture manifests.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "../helpers/cli_run.hpp"
#include "cli/validate_cmd.hpp"
#include "diag/codes.hpp"
#include "gcs/names.hpp"
#include "json/error.hpp"
#include "manifest/codes.hpp"

using nlohmann::json;

namespace {

using Run = eic::test::CliRun;
Run run(const std::vector<std::string>& args) { return eic::test::run_cli(eic::cli::run_validate, args); }

std::string data(const char* name) { return std::string(EIC_TEST_DATA) + "/manifest/" + name; }

}  // namespace

TEST_CASE("validate: a clean manifest exits 0", "[manifest][cli]") {
    Run r = run({data("clean.json"), "--schema", data("schema.json"), "--strict-client-only", "--plan", "enterprise"});
    INFO(r.out << r.err);
    CHECK(r.code == 0);
    CHECK(r.out.find("0 errors, 0 warnings, 0 infos; 3 items") != std::string::npos);
}

TEST_CASE("validate: the error fixture as JSON has the contract's keys and every kind", "[manifest][cli]") {
    Run r = run({data("errors.json"), "--schema", data("schema.json"), "--output", "json"});
    INFO(r.err);
    CHECK(r.code == 1);
    json o = json::parse(r.out);
    const json& s = o["summary"];
    for (const char* k :
         {"file", "format", "bytes", "items", "urls", "collections", "errors", "warnings", "infos", "ms", "batches"})
        CHECK(s.contains(k));
    // url.scheme, url.dot-segment, group.url-gap, group.no-urls and unknown-key are warnings: no source
    // says Encord refuses them (docs/diagnostics.md)
    CHECK(s["errors"] == 14);
    CHECK(s["warnings"] == 10);
    CHECK(s["infos"] == 1);
    CHECK(s["items"] == 9);
    CHECK(s["collections"]["videos"] == 3);
    std::set<std::string> codes;
    for (const json& d : o["diagnostics"]) {
        for (const char* k :
             {"severity", "code", "message", "line", "column", "pointer", "row", "field", "collection", "item"})
            CHECK(d.contains(k));
        CHECK(d["row"].is_null());
        CHECK(d["pointer"].is_string());
        codes.insert(d["code"].get<std::string>());
    }
    for (const char* c : {"manifest.item.missing-url",
                          "manifest.url.scheme",
                          "manifest.url.whitespace",
                          "gcs.bucket.character",
                          "manifest.url.dot-segment",
                          "manifest.url.gs-form",
                          "manifest.metadata.type",
                          "manifest.metadata.enum",
                          "manifest.metadata.embedding-size",
                          "manifest.metadata.datetime",
                          "manifest.metadata.uuid",
                          "manifest.metadata.geo-range",
                          "manifest.metadata.deleted-key",
                          "manifest.metadata.unknown-key",
                          "manifest.metadata.keyframes",
                          "manifest.url.duplicate",
                          "manifest.media.incomplete",
                          "manifest.media.type",
                          "manifest.item.type",
                          "manifest.group.url-gap",
                          "manifest.group.no-urls",
                          "manifest.type",
                          "manifest.unknown-key",
                          "manifest.item.unknown-field"})
        CHECK(codes.count(c) == 1);
    const json& first = o["diagnostics"][0];
    CHECK(first["code"] == "manifest.item.missing-url");
    CHECK(first["line"] == 3);
    CHECK(first["column"] == 5);
    CHECK(first["pointer"] == "/videos/0");
    CHECK(first["collection"] == "videos");
    CHECK(first["item"] == 0);
}

TEST_CASE("validate: the cap keeps the summary's totals", "[manifest][cli]") {
    Run r = run({data("errors.json"), "--output", "json", "--max-diagnostics", "2"});
    json o = json::parse(r.out);
    CHECK(r.code == 1);
    CHECK(o["diagnostics"].size() == 3);
    CHECK(o["diagnostics"][2]["code"] == "manifest.capped");
    CHECK(o["summary"]["errors"].get<int>() > 2);
    CHECK(o["summary"]["suppressed"].size() > 0);
}

TEST_CASE("validate: SARIF 2.1.0 with results", "[manifest][cli]") {
    Run r = run({data("errors.json"), "--output", "sarif"});
    CHECK(r.code == 1);
    json o = json::parse(r.out);
    CHECK(o["version"] == "2.1.0");
    REQUIRE(o["runs"].size() == 1);
    CHECK(o["runs"][0]["results"].size() > 10);
    CHECK(o["runs"][0]["results"][0]["ruleId"] == "manifest.item.missing-url");
}

TEST_CASE("validate: text output and exit codes", "[manifest][cli]") {
    Run text = run({data("errors.json")});
    CHECK(text.code == 1);
    CHECK(text.out.find("errors.json:3:5: error manifest.item.missing-url:") != std::string::npos);
    CHECK(run({}).code == 2);
    CHECK(run({data("clean.json"), "--output", "xml"}).code == 2);
    CHECK(run({data("clean.json"), "--plan", "pro"}).code == 2);
    CHECK(run({data("clean.json"), "--max-diagnostics", "x"}).code == 2);
    CHECK(run({data("clean.json"), "--bogus", "1"}).code == 2);
    CHECK(run({data("clean.json"), data("errors.json")}).code == 2);
    Run missing = run({data("no-such-file.json")});
    CHECK(missing.code == 2);
    CHECK(missing.err.find("cannot read") != std::string::npos);
    Run folder = run({std::string(EIC_TEST_DATA) + "/manifest"});
    CHECK(folder.code == 2);
    CHECK(folder.err.find("it is a folder") != std::string::npos);
    CHECK(run({data("clean.json"), "--schema", data("no-such-schema.json")}).code == 2);
    CHECK(run({data("clean.json"), "--schema", data("errors.json")}).code == 2);  // not a schema
    CHECK(run({"--help"}).code == 0);
}

TEST_CASE("validate: a malformed file is a finding, not a usage error", "[manifest][cli]") {
    Run r = run({data("truncated.json"), "--output", "json"});
    CHECK(r.code == 1);
    json o = json::parse(r.out);
    CHECK(o["diagnostics"].back()["code"] == "json.truncated");
}

TEST_CASE("validate: warnings alone exit 0", "[manifest][cli]") {
    Run r = run({data("warnings.json")});
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(r.out.find("warning manifest.url.duplicate") != std::string::npos);
}

TEST_CASE("validate: a CSV file is checked as CSV", "[manifest][cli]") {
    Run r = run({data("errors.csv"), "--output", "json"});
    CHECK(r.code == 1);
    json o = json::parse(r.out);
    CHECK(o["summary"]["format"] == "csv");
    REQUIRE(o["diagnostics"].size() >= 1);
    CHECK(o["diagnostics"][0]["code"] == "manifest.url.whitespace");
    CHECK(o["diagnostics"][0]["row"] == 2);
    CHECK(o["diagnostics"][0]["field"] == "ObjectUrl");
    CHECK(o["diagnostics"][0]["pointer"].is_null());
}

TEST_CASE("every validator code is registered under Manifest or JSON syntax", "[manifest][cli]") {
    // docs/diagnostics.md is generated from the registry (tests/unit/diag/codes_test.cpp checks it is current).
    // The validator's own codes (manifest/codes.hpp), the reader's errors it passes on, and the GCS name
    // rules it applies to each URL's bucket and object.
    std::vector<std::string> codes(eic::manifest::code::all().begin(), eic::manifest::code::all().end());
    for (int e = int(eic::json::Errc::syntax); e <= int(eic::json::Errc::empty); ++e)
        codes.push_back(eic::json::errc_code(eic::json::Errc(e)));
    for (const char* bucket : {"Ab", "-a-", "192.168.1.1", "goog-x", "my_bucket", "a.b.c"})
        for (const auto& i : eic::gcs::check_bucket_name(bucket)) codes.push_back(i.code);
    for (const char* object : {"", "a\nb", ".", ".well-known/acme-challenge/x", "a\xc2\x80", "a#1", "a*", "\xff"})
        for (const auto& i : eic::gcs::check_object_name(object)) codes.push_back(i.code);
    CHECK(codes.size() > eic::manifest::code::all().size() + 8);
    for (const auto& code : codes) {
        INFO(code);
        const eic::diag::CodeInfo* info = eic::diag::find_code(code);
        REQUIRE(info != nullptr);
        const std::string section = info->section;
        CHECK((section == "Manifest" || section == "JSON syntax"));
    }
}

#include "diag/report.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>

using namespace eic;
using nlohmann::ordered_json;

static Diagnostics sample() {
    Diagnostics ds(3);
    ds[0].code = "schema.key.character";
    ds[0].message = "bad key";
    ds[0].line = 3;
    ds[0].column = 5;
    ds[0].pointer = "/schema/a~1b";
    ds[1].severity = Severity::warning;
    ds[1].code = "manifest.csv.x";
    ds[1].message = "csv thing";
    ds[1].row = 7;
    ds[1].field = "url";
    ds[1].collection = "videos";
    ds[1].item = 2;
    ds[2].severity = Severity::info;
    ds[2].code = "schema.wire.unknown-field";
    ds[2].message = "note";
    ds[2].pointer = "/k/x";
    return ds;
}

TEST_CASE("text lines read FILE:LINE:COL: severity CODE: message", "[diag][report]") {
    auto ds = sample();
    CHECK(report::text_line(ds[0], "d.json") == "d.json:3:5: error schema.key.character: bad key");
    CHECK(report::text_line(ds[1], "m.csv") == "m.csv: warning manifest.csv.x: csv thing [row 7, field url]");
    CHECK(report::text_line(ds[2], "w.json") == "w.json: info schema.wire.unknown-field: note [at /k/x]");
    std::ostringstream out;
    report::write_text(out, ds, "f");
    const std::string text = out.str();
    CHECK(std::count(text.begin(), text.end(), '\n') == 3);
}

TEST_CASE("JSON output follows the CLI contract, absent values as null", "[diag][report]") {
    ordered_json summary;
    summary["file"] = "d.json";
    summary["errors"] = 99;  // the counts win
    auto o = report::diagnostics_json(sample(), summary);
    CHECK(o["summary"] == ordered_json::parse(R"({"file": "d.json", "errors": 1, "warnings": 1, "infos": 1})"));
    REQUIRE(o["diagnostics"].size() == 3);
    CHECK(o["diagnostics"][0] == ordered_json::parse(R"({"severity": "error", "code": "schema.key.character",
        "message": "bad key", "line": 3, "column": 5, "pointer": "/schema/a~1b", "row": null, "field": null,
        "collection": null, "item": null})"));
    CHECK(o["diagnostics"][1] == ordered_json::parse(R"({"severity": "warning", "code": "manifest.csv.x",
        "message": "csv thing", "line": null, "column": null, "pointer": null, "row": 7, "field": "url",
        "collection": "videos", "item": 2})"));
    std::vector<std::string> names;
    for (auto it = o["diagnostics"][2].begin(); it != o["diagnostics"][2].end(); ++it) names.push_back(it.key());
    CHECK(names == std::vector<std::string>{"severity", "code", "message", "line", "column", "pointer", "row", "field",
                                            "collection", "item"});
    std::ostringstream out;
    report::write_json(out, {});
    CHECK(ordered_json::parse(out.str()) ==
          ordered_json::parse(R"({"summary": {"errors": 0, "warnings": 0, "infos": 0}, "diagnostics": []})"));
}

TEST_CASE("SARIF 2.1.0 output has one run, rules by code, regions only when known", "[diag][report]") {
    auto ds = sample();
    ds.push_back(ds[0]);
    std::ostringstream out;
    report::write_sarif(out, ds, "dir/my draft.json");
    auto log = ordered_json::parse(out.str());
    CHECK(log["version"] == "2.1.0");
    CHECK(log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
    REQUIRE(log["runs"].size() == 1);
    const auto& run = log["runs"][0];
    CHECK(run["tool"]["driver"]["name"] == "eic");
    CHECK(run["columnKind"] == "unicodeCodePoints");
    CHECK(run["tool"]["driver"]["rules"].size() == 3);  // distinct codes
    const auto& results = run["results"];
    REQUIRE(results.size() == 4);
    CHECK(results[0]["ruleId"] == "schema.key.character");
    CHECK(results[0]["ruleIndex"] == 0);
    CHECK(results[3]["ruleIndex"] == 0);
    CHECK(results[0]["level"] == "error");
    CHECK(results[1]["level"] == "warning");
    CHECK(results[2]["level"] == "note");
    CHECK(results[0]["message"]["text"] == "bad key");
    const auto& loc = results[0]["locations"][0]["physicalLocation"];
    CHECK(loc["artifactLocation"]["uri"] == "dir/my%20draft.json");
    CHECK(loc["region"] == ordered_json::parse(R"({"startLine": 3, "startColumn": 5})"));
    CHECK(results[0]["properties"]["pointer"] == "/schema/a~1b");
    CHECK_FALSE(results[1]["locations"][0]["physicalLocation"].contains("region"));
    CHECK(results[1]["properties"] ==
          ordered_json::parse(R"({"row": 7, "field": "url", "collection": "videos", "item": 2})"));
}

TEST_CASE("printers never throw on invalid UTF-8", "[diag][report]") {
    Diagnostics ds(1);
    ds[0].code = "x";
    ds[0].message = "bad \xFF byte";
    std::ostringstream out;
    REQUIRE_NOTHROW(report::write_json(out, ds));
    REQUIRE_NOTHROW(report::write_sarif(out, ds, "f\xFF"));
}

#include "manifest/api_json.hpp"

#include <catch2/catch.hpp>

using namespace eic::manifest;
using nlohmann::json;

namespace {
const char* kManifest = R"({
  "images": [
    {"objectUrl": "https://storage.cloud.google.com/my-bucket/a.jpg", "clientMetadata": {"fps": 30}},
    {"objectUrl": "https://storage.cloud.google.com/my-bucket/b.jpg", "clientMetadata": {"fps": "fast"}},
    {"objectUrl": "https://storage.cloud.google.com/my-bucket/c.jpg", "clientMetadata": {"fps": 25}}
  ]
})";
const char* kSchema = R"({"fps": {"ty": "variant", "hint": "number"}})";
}  // namespace

TEST_CASE("validate options: schema text, plan, format and cap are read; bad ones are refused", "[manifest][api]") {
    auto o = api::validate_options(
        json{{"schema", kSchema}, {"plan", "team"}, {"maxDiagnostics", 5}, {"strictClientOnly", true}});
    REQUIRE(o.schema.has_value());
    CHECK(o.schema->contains("fps"));
    CHECK(o.plan == Plan::team);
    CHECK(o.max_diagnostics == 5);
    CHECK(o.strict_client_only);
    // a file name goes to the one format detector (format::detect), which reads its extension first
    auto named = api::validate_options(json{{"fileName", "m.csv"}});
    CHECK(named.format == InputFormat::auto_detect);
    CHECK(named.file_name == "m.csv");
    CHECK(validate_manifest("{}", named).summary.format == "csv");
    CHECK(validate_manifest("{}", api::validate_options(json())).summary.format == "json");
    CHECK(api::validate_options(json()).format == InputFormat::auto_detect);
    CHECK_THROWS_AS(api::validate_options(json{{"plan", "gold"}}), api::BadOptions);
    CHECK_THROWS_AS(api::validate_options(json{{"format", "xml"}}), api::BadOptions);
    CHECK_THROWS_AS(api::validate_options(json{{"maxDiagnostics", -1}}), api::BadOptions);
    try {
        api::validate_options(json{{"schema", "{\"fps\": "}});
        FAIL("a truncated schema must be refused");
    } catch (const api::BadOptions& e) {
        CHECK(e.message.find("1:9") != std::string::npos);
    }
}

TEST_CASE("validation JSON has the CLI's shape and counts beyond the cap", "[manifest][api]") {
    auto options = api::validate_options(json{{"schema", kSchema}, {"maxDiagnostics", 0}});
    auto result = validate_manifest(kManifest, options);
    auto j = api::validation_json(result, "m.json");
    CHECK(j["summary"]["file"] == "m.json");
    CHECK(j["summary"]["items"] == 3);
    CHECK(j["summary"]["errors"].get<int>() >= 1);
    bool found = false;
    for (const auto& d : j["diagnostics"])
        if (d["pointer"] == "/images/1/clientMetadata/fps") {
            found = true;
            CHECK(d["line"] == 4);
            CHECK(d["collection"] == "images");
            CHECK(d["item"] == 1);
        }
    CHECK(found);
}

TEST_CASE("convert, split and infer through the JSON API", "[manifest][api]") {
    auto csv =
        api::convert_json("ObjectUrl,Image title\nhttps://storage.cloud.google.com/b1/x.jpg,x\n", json{{"to", "json"}});
    REQUIRE(csv["output"].is_string());
    CHECK(csv["from"] == "csv");
    CHECK(json::parse(csv["output"].get<std::string>())["images"].size() == 1);
    auto refused = api::convert_json(kManifest, json{{"to", "csv"}});
    CHECK(refused["output"].is_null());
    CHECK(refused["summary"]["errors"].get<int>() >= 1);
    CHECK_THROWS_AS(api::convert_json(kManifest, json{{"to", "xml"}}), api::BadOptions);

    auto parts = api::split_json(kManifest, json{{"maxItems", 2}, {"fileName", "m.json"}});
    REQUIRE(parts["parts"].size() == 2);
    CHECK(parts["parts"][0]["name"] == "m.part-001-of-002.json");
    CHECK(parts["parts"][1]["items"] == 1);
    CHECK(parts["summary"]["parts"] == 2);
    CHECK_THROWS_AS(api::split_json(kManifest, json{{"maxItems", 2}, {"profile", "team"}}), api::BadOptions);
    CHECK_THROWS_AS(api::split_json(kManifest, json{{"profile", "huge"}}), api::BadOptions);

    auto inferred = api::infer_json(kManifest, json{{"fileName", "m.json"}});
    CHECK(inferred["draft"]["format"] == "eic-schema-draft");
    CHECK(inferred["summary"]["items"] == 3);
    CHECK(inferred["summary"]["errors"].get<int>() >= 1);  // fps is a number and a string: a conflict
}

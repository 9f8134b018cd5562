// Inferring a schema draft from clientMetadata.
#include "manifest/infer.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/commands.hpp"
#include "schema/draft.hpp"

using namespace eic;
using namespace eic::manifest;
using eic::schema::KeyType;
using eic::schema::ScalarHint;

namespace {

// A JSON manifest of images whose clientMetadata are the given objects (JSON texts).
std::string images(const std::vector<std::string>& metas) {
    std::string s = "{\"images\": [\n";
    for (std::size_t i = 0; i < metas.size(); ++i)
        s += std::string(i ? ",\n" : "") + "  {\"objectUrl\": \"gs://b/" + std::to_string(i) +
             ".jpg\", \"clientMetadata\": " + metas[i] + "}";
    return s + "\n]}";
}

InferResult infer(const std::vector<std::string>& metas, InferOptions o = {}) { return infer_schema(images(metas), o); }

const KeyType* type_of(const InferResult& r, const std::string& key) {
    const auto* e = r.draft.schema.find(key);
    return e ? &e->type : nullptr;
}

const Diagnostic* find(const Diagnostics& ds, const std::string& code) {
    for (const auto& d : ds)
        if (d.code == code) return &d;
    return nullptr;
}

// A name of our own under build/, so that test runs in parallel (other build trees) do not collide.
std::string unique(const std::string& stem) {
    return stem + "_" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
}

std::string repeat(char c, std::size_t n) { return std::string(n, c); }

}  // namespace

TEST_CASE("infer: scalar types") {
    auto r = infer(
        {R"({"b": true, "n": 1, "d": "2024-01-02T03:04:05Z", "u": "3f0e8d5c-1b2a-4c3d-8e9f-0a1b2c3d4e5f", "s": "x1"})",
         R"({"b": false, "n": 2.5, "d": "2024-02-03", "u": "9b2e1c3d-4a5b-4c6d-9e7f-8a9b0c1d2e3f", "s": "x2"})"});
    CHECK(r.diagnostics.empty());
    CHECK(r.items_with_metadata == 2);
    CHECK(*type_of(r, "b") == KeyType::variant(ScalarHint::boolean));
    CHECK(*type_of(r, "n") == KeyType::variant(ScalarHint::number));
    CHECK(*type_of(r, "d") == KeyType::variant(ScalarHint::datetime));
    CHECK(*type_of(r, "u") == KeyType::variant(ScalarHint::uuid));
    CHECK(*type_of(r, "s") == KeyType::variant(ScalarHint::varchar));  // 2 distinct in 2: not repeated enough
    CHECK(r.draft.notes.at("n").find("number") != std::string::npos);
}

TEST_CASE("infer: mixed string forms fall back to varchar; UUIDs of other versions are varchar") {
    auto r = infer(
        {R"({"d": "2024-01-02", "u": "3f0e8d5c-1b2a-1c3d-8e9f-0a1b2c3d4e5f"})", R"({"d": "yesterday", "u": "x"})"});
    CHECK(*type_of(r, "d") == KeyType::variant(ScalarHint::varchar));
    CHECK(*type_of(r, "u") == KeyType::variant(ScalarHint::varchar));
    r = infer({R"({"u": "3f0e8d5c-1b2a-1c3d-8e9f-0a1b2c3d4e5f"})"});  // version 1
    CHECK(*type_of(r, "u") == KeyType::variant(ScalarHint::varchar));
}

TEST_CASE("infer: enum threshold: distinct values and repetition") {
    // 2 distinct in 4 occurrences: exactly 2x -> enum
    auto r = infer({R"({"c": "red"})", R"({"c": "blue"})", R"({"c": "red"})", R"({"c": "red"})"});
    REQUIRE(type_of(r, "c"));
    CHECK(*type_of(r, "c") == KeyType::enumeration({"blue", "red"}));
    // 2 distinct in 3 occurrences -> varchar
    r = infer({R"({"c": "red"})", R"({"c": "blue"})", R"({"c": "red"})"});
    CHECK(*type_of(r, "c") == KeyType::variant(ScalarHint::varchar));
    // 255 distinct values, each twice -> enum; 256 -> varchar
    for (int n : {255, 256}) {
        std::vector<std::string> metas;
        for (int rep = 0; rep < 2; ++rep)
            for (int i = 0; i < n; ++i) metas.push_back("{\"c\": \"v" + std::to_string(i) + "\"}");
        r = infer(metas);
        REQUIRE(type_of(r, "c"));
        if (n == 255) {
            CHECK(type_of(r, "c")->kind == schema::TypeKind::enumeration);
            CHECK(type_of(r, "c")->values.size() == 255);
        } else {
            CHECK(*type_of(r, "c") == KeyType::variant(ScalarHint::varchar));
        }
    }
}

TEST_CASE("infer: text threshold at 256 characters (code points)") {
    auto meta = [](const std::string& s) { return "{\"t\": \"" + s + "\"}"; };
    auto r = infer({meta(repeat('a', 255)), meta("b")});
    CHECK(*type_of(r, "t") == KeyType::variant(ScalarHint::varchar));
    r = infer({meta(repeat('a', 256)), meta("b")});
    CHECK(*type_of(r, "t") == KeyType::variant(ScalarHint::text));
    // 255 two-byte characters are 255 characters: still varchar
    std::string e;
    for (int i = 0; i < 255; ++i) e += "\xC3\xA9";
    r = infer({meta(e), meta("b")});
    CHECK(*type_of(r, "t") == KeyType::variant(ScalarHint::varchar));
    // a long repeated value is text, not enum
    r = infer({meta(repeat('a', 300)), meta(repeat('a', 300))});
    CHECK(*type_of(r, "t") == KeyType::variant(ScalarHint::text));
}

TEST_CASE("infer: embeddings and geospatial") {
    auto r = infer({R"({"e": [1, 2.5, -3], "g": {"latitude": 51.5, "longitude": -0.1}})",
                    R"({"e": [0, 0, 0], "g": {"longitude": 2, "latitude": 48}})"});
    CHECK(r.diagnostics.empty());
    CHECK(*type_of(r, "e") == KeyType::embedding(3));
    CHECK(*type_of(r, "g") == KeyType::geospatial());
    // lengths differ: reported, not guessed
    r = infer({R"({"e": [1, 2]})", R"({"e": [1, 2, 3]})"});
    CHECK_FALSE(type_of(r, "e"));
    auto* d = find(r.diagnostics, "infer.embedding-size");
    REQUIRE(d);
    CHECK(d->severity == Severity::error);
    CHECK(d->pointer == std::string("/images/1/clientMetadata/e"));
    CHECK(d->line == 3);
    // 4096 is the largest size; 4097 and 0 are refused
    auto arr = [](int n) {
        std::string s = "{\"e\": [";
        for (int i = 0; i < n; ++i) s += std::string(i ? "," : "") + "0";
        return s + "]}";
    };
    r = infer({arr(4096)});
    CHECK(*type_of(r, "e") == KeyType::embedding(4096));
    r = infer({arr(4097)});
    CHECK_FALSE(type_of(r, "e"));
    CHECK(find(r.diagnostics, "infer.embedding-size"));
    r = infer({arr(0)});
    CHECK_FALSE(type_of(r, "e"));
    // arrays of strings, other objects: unsupported warnings
    r = infer({R"({"a": ["x"], "o": {"latitude": 1}, "p": {"latitude": 1, "longitude": 2, "z": 3}})"});
    CHECK(r.draft.schema.empty());
    CHECK(r.diagnostics.size() == 3);
    for (const auto& diag : r.diagnostics) {
        CHECK(diag.code == "infer.unsupported");
        CHECK(diag.severity == Severity::warning);
    }
}

TEST_CASE("infer: conflicting types are reported with an example place of each") {
    auto r = infer({R"({"k": 1, "ok": 1})", R"({"k": "one", "ok": 2})", R"({"k": 2})"});
    CHECK_FALSE(type_of(r, "k"));
    CHECK(type_of(r, "ok"));
    REQUIRE(r.diagnostics.size() == 1);
    const Diagnostic& d = r.diagnostics[0];
    CHECK(d.code == "infer.conflict");
    CHECK(d.severity == Severity::error);
    CHECK(d.message.find("\"k\"") != std::string::npos);
    CHECK(d.message.find("number (2 items)") != std::string::npos);
    CHECK(d.message.find("string (1 item)") != std::string::npos);
    CHECK(d.message.find("line 2, /images/0/clientMetadata/k") != std::string::npos);
    CHECK(d.message.find("line 3, /images/1/clientMetadata/k") != std::string::npos);
    CHECK(d.line == 3);
    CHECK(d.pointer == std::string("/images/1/clientMetadata/k"));
    CHECK(d.collection == std::string("images"));
    CHECK(d.item == 1u);
}

TEST_CASE("infer: keyframes skipped, bad key names, nulls, non-object metadata, none at all") {
    auto r = infer({R"({"keyframes": [1, 5], "$x": 1, "key_frames": 2, "n": null, "v": null})", R"({"v": 3})", "[1]"});
    CHECK(r.draft.schema.size() == 1);
    CHECK(type_of(r, "v"));
    CHECK_FALSE(type_of(r, "keyframes"));
    std::vector<std::string> codes;
    for (const auto& d : r.diagnostics) codes.push_back(d.code);
    CHECK(codes == std::vector<std::string>{"infer.not-object", "infer.key-name", "infer.key-name", "infer.only-null"});
    r = infer_schema("ObjectUrl\na\n");
    CHECK(r.loaded);
    CHECK(r.draft.schema.empty());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == "infer.no-metadata");
    r = infer_schema("{\"images\": [");
    CHECK_FALSE(r.loaded);
}

TEST_CASE("infer: the draft file reads back through the draft codec") {
    InferOptions o;
    o.file_name = "m.json";
    auto r = infer({R"({"c": "a", "n": 1})", R"({"c": "a", "n": 2})"}, o);
    std::string bytes = write_draft_file(r.draft);
    auto doc = nlohmann::ordered_json::parse(bytes);
    CHECK(doc["format"] == "eic-schema-draft");
    CHECK(doc["version"] == 1);
    CHECK(doc["title"] == "Inferred from m.json");
    CHECK(doc["schema"]["c"]["ty"] == "enum");
    CHECK(doc["schema"]["n"]["hint"] == "number");
    auto back = schema::read_draft(doc);
    REQUIRE(back.draft);
    CHECK(back.draft->schema == r.draft.schema);
    CHECK(back.draft->notes.at("c").find("enum") != std::string::npos);
}

TEST_CASE("eic infer-schema: output and exit codes") {
    const std::string dir = std::string(EIC_TEST_DATA) + "/../../build";
    const std::string in = dir + "/" + unique("infer_test_in") + ".json";
    const std::string out_file = dir + "/" + unique("infer_test_out") + ".eic-schema.json";
    {
        std::ofstream f(in, std::ios::binary);
        f << images({R"({"n": 1})", R"({"n": 2})"});
    }
    std::ostringstream out, err;
    CHECK(cli::dispatch({"infer-schema", in}, out, err) == 0);
    CHECK(nlohmann::ordered_json::parse(out.str())["schema"]["n"]["hint"] == "number");
    CHECK(err.str().find("1 key inferred from 2 of 2 items") != std::string::npos);
    {
        std::ofstream f(in, std::ios::binary);
        f << images({R"({"n": 1})", R"({"n": "x"})"});
    }
    std::ostringstream o2, e2;
    CHECK(cli::dispatch({"infer-schema", in, "-o", out_file}, o2, e2) == 1);
    CHECK(e2.str().find("infer.conflict") != std::string::npos);
    std::ostringstream o3, e3;
    CHECK(cli::dispatch({"infer-schema"}, o3, e3) == 2);
    CHECK(cli::dispatch({"infer-schema", dir + "/nope.json"}, o3, e3) == 2);
    std::remove(in.c_str());
    std::remove(out_file.c_str());
}

#include "schema/wire.hpp"

#include <catch2/catch.hpp>

#include "support.hpp"

using namespace eic;
using namespace eic::schema;
using namespace eic::schema::test;

// as encord-client-python writes them (encord/orm/metadata_schema.py, pydantic model_dump).
static const char* kSdkSample = R"({"emb":{"ty":"embedding","size":512,"api":null},
 "en":{"ty":"enum","values":["a","b"]},
 "s":{"ty":"variant","hint":"varchar"},
 "geo":{"ty":"geospatial"},
 "x":{"ty":"tombstone","deleted_ty":{"ty":"variant","hint":"number"}},
 "d":{"ty":"tombstone","deleted_ty":null}})";

TEST_CASE("the SDK's documented sample reads and writes back as equal JSON", "[schema][wire]") {
    auto body = j(kSdkSample);
    WireRead r = read_wire(body);
    CHECK(r.diagnostics.empty());
    CHECK(r.broken_keys.empty());
    REQUIRE(r.schema.size() == 6);
    CHECK(*r.schema.find("emb") == KeyEntry::live(KeyType::embedding(512)));
    CHECK(*r.schema.find("en") == KeyEntry::live(KeyType::enumeration({"a", "b"})));
    CHECK(*r.schema.find("s") == KeyEntry::live(KeyType::variant(ScalarHint::varchar)));
    CHECK(*r.schema.find("geo") == KeyEntry::live(KeyType::geospatial()));
    CHECK(*r.schema.find("x") == KeyEntry::soft_deleted(KeyType::variant(ScalarHint::number)));
    CHECK(*r.schema.find("d") == KeyEntry::hard_deleted());

    nlohmann::json written = nlohmann::json::parse(write_wire(r.schema).dump());
    CHECK(written == nlohmann::json::parse(kSdkSample));      // JSON equality: key order does not matter
    CHECK(write_wire(r.schema)["d"].contains("deleted_ty"));  // null is kept, not dropped
}

TEST_CASE("the SDK test's variant round-trips", "[schema][wire]") {
    auto body = j(R"({"k":{"ty":"variant","hint":"number"}})");
    CHECK(nlohmann::json::parse(write_wire(read_wire(body).schema).dump()) == nlohmann::json::parse(body.dump()));
}

TEST_CASE("an empty or null body is the empty schema", "[schema][wire]") {
    for (const char* text : {"null", "{}"}) {
        WireRead r = read_wire(j(text));
        CHECK(r.schema.empty());
        CHECK(r.diagnostics.empty());
    }
    CHECK(write_wire(Schema{}).dump() == "{}");
}

TEST_CASE("the server's typed forms are read, defaults filled, and written with their fields", "[schema][wire]") {
    WireRead r = read_wire(j(R"({
        "n32": {"ty": "number", "format": "F32"}, "n": {"ty": "number"},
        "v": {"ty": "varchar", "max_length": 255}, "v0": {"ty": "varchar"},
        "dt": {"ty": "datetime", "timezone": "UTC"}, "b": {"ty": "boolean"}, "t": {"ty": "text"},
        "u": {"ty": "uuid"}, "who": {"ty": "user"}, "plain": {"ty": "variant"},
        "api": {"ty": "embedding", "size": 8, "api": {"url": "https://x", "client_only": true}},
        "gone": {"ty": "tombstone", "deleted_ty": {"ty": "varchar", "max_length": 12}}})"));
    REQUIRE(r.diagnostics.empty());
    CHECK(r.schema.find("n32")->type.format == NumberFormat::f32);
    CHECK(r.schema.find("n")->type.format == NumberFormat::f64);
    CHECK(r.schema.find("v")->type.max_length == 255);
    CHECK(r.schema.find("v0")->type.max_length == 8192);
    CHECK(r.schema.find("who")->type.kind == TypeKind::user);
    CHECK(r.schema.find("plain")->type.hint == ScalarHint::text);  // pydantic's default hint
    CHECK(r.schema.find("gone")->state == KeyState::soft_deleted);
    CHECK(r.schema.find("gone")->type.max_length == 12);

    auto out = write_wire(r.schema);
    CHECK(out["n"] == j(R"({"ty":"number","format":"F64"})"));
    CHECK(out["v0"] == j(R"({"ty":"varchar","max_length":8192})"));
    CHECK(out["dt"] == j(R"({"ty":"datetime","timezone":"UTC"})"));
    CHECK(out["who"] == j(R"({"ty":"user"})"));
    CHECK(out["plain"] == j(R"({"ty":"variant","hint":"text"})"));
    CHECK(out["api"]["api"] == j(R"({"url": "https://x", "client_only": true})"));
    CHECK(out["gone"] == j(R"({"ty":"tombstone","deleted_ty":{"ty":"varchar","max_length":12}})"));
}

TEST_CASE("enum options are written sorted", "[schema][wire]") {
    WireRead r = read_wire(j(R"({"e": {"ty": "enum", "values": ["b", "c", "a"]}})"));
    CHECK(write_wire(r.schema)["e"]["values"] == j(R"(["a", "b", "c"])"));
}

TEST_CASE("aliases in a hint are read with a warning and written under the new name", "[schema][wire]") {
    WireRead r =
        read_wire(j(R"({"s": {"ty": "variant", "hint": "string"}, "l": {"ty": "variant", "hint": "long_string"}})"));
    REQUIRE(codes(r.diagnostics) == Codes{"schema.type.alias", "schema.type.alias"});
    CHECK(*r.diagnostics[0].pointer == "/s/hint");
    auto out = write_wire(r.schema);
    CHECK(out["s"]["hint"] == "varchar");
    CHECK(out["l"]["hint"] == "text");
}

TEST_CASE("the deprecated flat form is read with a warning per key", "[schema][wire]") {
    WireRead r = read_wire(j(R"({"a": "string", "b": "number", "c": "long_string", "d": "geospatial",
                                 "e": "boolean", "f": "datetime", "g": {"ty": "variant", "hint": "uuid"}})"));
    CHECK(codes(r.diagnostics) == Codes(6, "schema.wire.legacy"));
    CHECK(r.diagnostics[0].severity == Severity::warning);
    CHECK(*r.diagnostics[0].pointer == "/a");
    auto out = write_wire(r.schema);
    CHECK(out["a"] == j(R"({"ty":"variant","hint":"varchar"})"));
    CHECK(out["c"] == j(R"({"ty":"variant","hint":"text"})"));
    CHECK(out["d"] == j(R"({"ty":"geospatial"})"));
}

TEST_CASE("the flat form cannot say an enum's options or an embedding's size", "[schema][wire]") {
    WireRead r = read_wire(j(R"({"e": "enum", "m": "embedding", "x": "float"})"));
    CHECK(codes(r.diagnostics) ==
          Codes{"schema.wire.legacy-incomplete", "schema.wire.legacy-incomplete", "schema.type.unknown"});
    CHECK(r.schema.empty());
    CHECK(r.broken_keys == std::set<std::string>{"e", "m", "x"});
}

TEST_CASE("malformed wire maps give diagnostics at the right pointer, never an exception", "[schema][wire]") {
    struct Case {
        const char* body;
        const char* code;
        const char* pointer;
    };
    for (const Case& c : std::vector<Case>{
             {R"([1])", "schema.wire.not-object", ""},
             {R"("text")", "schema.wire.not-object", ""},
             {R"({"k": 3})", "schema.wire.entry", "/k"},
             {R"({"k": []})", "schema.wire.entry", "/k"},
             {R"({"k": {}})", "schema.wire.missing-field", "/k"},
             {R"({"k": {"ty": 1}})", "schema.wire.field-value", "/k/ty"},
             {R"({"k": {"ty": "polygon"}})", "schema.wire.unknown-ty", "/k/ty"},
             {R"({"k": {"ty": "Variant"}})", "schema.wire.unknown-ty", "/k/ty"},
             {R"({"k": {"ty": "variant", "hint": 3}})", "schema.wire.field-value", "/k/hint"},
             {R"({"k": {"ty": "variant", "hint": "float"}})", "schema.type.unknown", "/k/hint"},
             {R"({"k": {"ty": "enum"}})", "schema.wire.missing-field", "/k"},
             {R"({"k": {"ty": "enum", "values": "a"}})", "schema.wire.field-value", "/k/values"},
             {R"({"k": {"ty": "enum", "values": ["a", 2]}})", "schema.wire.field-value", "/k/values/1"},
             {R"({"k": {"ty": "embedding"}})", "schema.wire.missing-field", "/k"},
             {R"({"k": {"ty": "embedding", "size": "8"}})", "schema.wire.field-value", "/k/size"},
             {R"({"k": {"ty": "embedding", "size": 8.5}})", "schema.wire.field-value", "/k/size"},
             {R"({"k": {"ty": "embedding", "size": 18446744073709551615}})", "schema.wire.field-value", "/k/size"},
             {R"({"k": {"ty": "embedding", "size": 8, "api": 1}})", "schema.wire.field-value", "/k/api"},
             {R"({"k": {"ty": "number", "format": "F16"}})", "schema.wire.field-value", "/k/format"},
             {R"({"k": {"ty": "varchar", "max_length": 9000}})", "schema.wire.field-value", "/k/max_length"},
             {R"({"k": {"ty": "varchar", "max_length": -1}})", "schema.wire.field-value", "/k/max_length"},
             {R"({"k": {"ty": "datetime", "timezone": "CET"}})", "schema.wire.field-value", "/k/timezone"},
             {R"({"k": {"ty": "tombstone"}})", "schema.wire.missing-field", "/k"},
             {R"({"k": {"ty": "tombstone", "deleted_ty": 1}})", "schema.wire.field-value", "/k/deleted_ty"},
             {R"({"k": {"ty": "tombstone", "deleted_ty": {"ty": "tombstone", "deleted_ty": null}}})",
              "schema.wire.field-value", "/k/deleted_ty"},
             {R"({"k": {"ty": "tombstone", "deleted_ty": {"ty": "enum", "values": [1]}}})", "schema.wire.field-value",
              "/k/deleted_ty/values/0"},
             {R"({"a~/b": {"ty": "nope"}})", "schema.wire.unknown-ty", "/a~0~1b/ty"},
         }) {
        INFO(c.body);
        WireRead r;
        REQUIRE_NOTHROW(r = read_wire(j(c.body)));
        REQUIRE(error_codes(r.diagnostics) == Codes{c.code});
        CHECK(*r.diagnostics[0].pointer == c.pointer);
        CHECK(r.schema.empty());
    }
}

TEST_CASE("one broken key does not hide the others", "[schema][wire]") {
    WireRead r = read_wire(j(R"({"bad": {"ty": "nope"}, "good": {"ty": "geospatial"}})"));
    CHECK(r.schema.contains("good"));
    CHECK(r.broken_keys == std::set<std::string>{"bad"});
}

TEST_CASE("out-of-range values that parse are kept for the rules to report", "[schema][wire]") {
    WireRead r = read_wire(j(R"({"e": {"ty": "embedding", "size": -4}, "big": {"ty": "enum", "values": []}})"));
    CHECK(r.diagnostics.empty());
    CHECK(r.schema.find("e")->type.size == -4);
    CHECK(r.schema.find("big")->type.values.empty());
}

TEST_CASE("unknown fields of type objects are kept, with a note", "[schema][wire]") {
    auto body = j(R"({"k": {"ty": "varchar", "max_length": 5, "collation": "C"},
                      "t": {"ty": "tombstone", "deleted_ty": null, "deletedAt": "2026-01-01"}})");
    WireRead r = read_wire(body);
    REQUIRE(codes(r.diagnostics) == Codes{"schema.wire.unknown-field", "schema.wire.unknown-field"});
    CHECK(r.diagnostics[0].severity == Severity::info);
    CHECK(*r.diagnostics[0].pointer == "/k/collation");
    CHECK(nlohmann::json::parse(write_wire(r.schema).dump()) == nlohmann::json::parse(body.dump()));
}

#include "schema/rules.hpp"

#include <catch2/catch.hpp>

#include "support.hpp"

using namespace eic;
using namespace eic::schema;
using namespace eic::schema::test;

static std::vector<std::string> options(std::size_t n) {
    std::vector<std::string> v;
    for (std::size_t i = 0; i < n; ++i) v.push_back("o" + std::to_string(i));
    return v;
}

TEST_CASE("scalar type names: the six canonical ones, silently", "[schema][rules]") {
    const std::pair<const char*, ScalarHint> names[] = {
        {"number", ScalarHint::number},   {"varchar", ScalarHint::varchar},   {"text", ScalarHint::text},
        {"boolean", ScalarHint::boolean}, {"datetime", ScalarHint::datetime}, {"uuid", ScalarHint::uuid}};
    for (const auto& [name, hint] : names) {
        Diagnostics ds;
        CHECK(parse_scalar_name(name, ds) == hint);
        CHECK(ds.empty());
    }
    Diagnostics ds;
    CHECK_FALSE(parse_scalar_name("Number", ds));  // names are lower case
    CHECK(codes(ds) == Codes{"schema.type.unknown"});
}

TEST_CASE("string and long_string are accepted with a warning recommending the new names", "[schema][rules]") {
    Diagnostics ds;
    CHECK(parse_scalar_name("string", ds) == ScalarHint::varchar);
    CHECK(parse_scalar_name("long_string", ds) == ScalarHint::text);
    REQUIRE(codes(ds) == Codes{"schema.type.alias", "schema.type.alias"});
    CHECK(ds[0].severity == Severity::warning);
    CHECK(ds[0].message.find("\"varchar\"") != std::string::npos);
    CHECK(ds[1].message.find("\"text\"") != std::string::npos);
}

TEST_CASE("enum, embedding and geospatial are not scalar type names", "[schema][rules]") {
    for (const char* name : {"enum", "embedding", "geospatial"}) {
        Diagnostics ds;
        CHECK_FALSE(parse_scalar_name(name, ds));
        CHECK(codes(ds) == Codes{"schema.type.not-scalar"});
    }
}

TEST_CASE("unknown scalar type names are refused, with a hint for the wrong case", "[schema][rules]") {
    Diagnostics ds;
    CHECK_FALSE(parse_scalar_name("Number", ds));
    CHECK_FALSE(parse_scalar_name("float", ds));
    REQUIRE(codes(ds) == Codes{"schema.type.unknown", "schema.type.unknown"});
    CHECK(ds[0].message.find("did you mean \"number\"") != std::string::npos);
    CHECK(ds[1].message.find("did you mean") == std::string::npos);
}

TEST_CASE("an enum has 1 to 255 options; 256 is refused with the reason", "[schema][rules]") {
    CHECK(check_enum_options("k", options(1)).empty());
    CHECK(check_enum_options("k", options(255)).empty());
    CHECK(codes(check_enum_options("k", {})) == Codes{"schema.enum.empty"});
    auto ds = check_enum_options("k", options(256));
    REQUIRE(codes(ds) == Codes{"schema.enum.too-many"});
    CHECK(ds[0].message.find("at most 255") != std::string::npos);
    CHECK(ds[0].message.find("256") != std::string::npos);
}

TEST_CASE("enum options must be distinct; each duplicate is named once", "[schema][rules]") {
    CHECK(check_enum_options("k", {"a", "A"}).empty());  // options are case sensitive
    auto ds = check_enum_options("k", {"b", "a", "b", "a", "b", "c"});
    REQUIRE(codes(ds) == Codes{"schema.enum.duplicate", "schema.enum.duplicate"});
    CHECK(ds[0].message.find("\"a\"") != std::string::npos);
    CHECK(ds[1].message.find("\"b\"") != std::string::npos);
}

TEST_CASE("a repeat Encord already holds is a warning; a repeat added to it is an error", "[schema][rules]") {
    auto held = check_enum_options("k", {"a", "a", "b"}, {"a", "a", "b"});
    REQUIRE(codes(held) == Codes{"schema.wire.enum-repeat"});
    CHECK(held[0].severity == Severity::warning);
    CHECK(held[0].message.find("\"a\" 2 times") != std::string::npos);
    CHECK(codes(check_enum_options("k", {"a", "a", "b", "c"}, {"a", "a", "b"})) == Codes{"schema.wire.enum-repeat"});
    // Encord holds "a" once (or not at all): repeating it is the caller's doing.
    CHECK(codes(check_enum_options("k", {"a", "a", "b"}, {"a", "b"})) == Codes{"schema.enum.duplicate"});
    CHECK(codes(check_enum_options("k", {"a", "a", "a"}, {"a", "a"})) == Codes{"schema.enum.duplicate"});
    CHECK(error_codes(check_enum_options("k", {"a", "a", "b"})) == Codes{"schema.enum.duplicate"});
}

TEST_CASE("an embedding's size is 1..4096, and at most 2000 for Active", "[schema][rules]") {
    for (std::int64_t ok : {1, 512, 2000}) {
        CHECK(check_embedding_size("e", ok, Target::index).empty());
        CHECK(check_embedding_size("e", ok, Target::active).empty());
    }
    for (std::int64_t bad : {0, -1, 4097, 100000}) {
        CHECK(codes(check_embedding_size("e", bad, Target::index)) == Codes{"schema.embedding.size"});
        CHECK(codes(check_embedding_size("e", bad, Target::active)) == Codes{"schema.embedding.size"});
    }
    for (std::int64_t big : {2001, 3000, 4096}) {
        auto active = check_embedding_size("e", big, Target::active);
        REQUIRE(codes(active) == Codes{"schema.embedding.active-size"});
        CHECK(active[0].severity == Severity::error);
        auto index = check_embedding_size("e", big, Target::index);
        REQUIRE(codes(index) == Codes{"schema.embedding.index-only"});
        CHECK(index[0].severity == Severity::info);
    }
}

TEST_CASE("targets by name", "[schema][rules]") {
    CHECK(target_from_name("active") == Target::active);
    CHECK(target_from_name("index") == Target::index);
    CHECK_FALSE(target_from_name("Active"));
    CHECK(std::string(target_name(Target::active)) == "active");
}

TEST_CASE("check_schema applies every key rule with pointers into the wire map", "[schema][rules]") {
    Schema s;
    s.put("ok", KeyEntry::live(KeyType::variant(ScalarHint::number)));
    s.put("a/b", KeyEntry::live(KeyType::geospatial()));
    s.put("big", KeyEntry::live(KeyType::enumeration(options(256))));
    s.put("emb", KeyEntry::live(KeyType::embedding(3000)));
    s.put("gone", KeyEntry::soft_deleted(KeyType::embedding(3000)));
    s.put("old", KeyEntry::soft_deleted(KeyType::enumeration({})));
    s.put("keyframes", KeyEntry::hard_deleted());

    auto ds = check_schema(s, Target::active);
    REQUIRE(codes(ds) == Codes{"schema.key.character", "schema.enum.too-many", "schema.embedding.active-size",
                               "schema.embedding.index-only", "schema.key.reserved", "schema.enum.empty"});
    CHECK(*ds[0].pointer == "/a~1b");
    CHECK(*ds[1].pointer == "/big/values");
    CHECK(*ds[2].pointer == "/emb/size");
    CHECK(*ds[3].pointer == "/gone/deleted_ty/size");  // a deleted embedding is not held to Active's limit
    CHECK(*ds[4].pointer == "/keyframes");
    CHECK(*ds[5].pointer == "/old/deleted_ty/values");
}

TEST_CASE("live keys that differ only by case are a warning; deleted ones are not", "[schema][rules]") {
    Schema s;
    s.put("Color", KeyEntry::live(KeyType::variant(ScalarHint::text)));
    s.put("color", KeyEntry::live(KeyType::variant(ScalarHint::text)));
    s.put("colour", KeyEntry::live(KeyType::variant(ScalarHint::text)));
    s.put("COLOUR", KeyEntry::soft_deleted(KeyType::variant(ScalarHint::text)));
    auto ds = check_schema(s, Target::index);
    REQUIRE(codes(ds) == Codes{"schema.key.case-collision"});
    CHECK(ds[0].severity == Severity::warning);
    CHECK(*ds[0].pointer == "/color");
    CHECK(ds[0].message.find("\"Color\"") != std::string::npos);
}

TEST_CASE("check_schema judges keys and repeats Encord holds by the SDK's looser rules", "[schema][rules]") {
    const std::string unicode =
        "\xC3\x9Cn\xC3\xAF"
        "code";  // Ünïcode
    Schema s;
    s.put(unicode, KeyEntry::live(KeyType::variant(ScalarHint::text)));
    s.put("a/b", KeyEntry::live(KeyType::geospatial()));
    s.put("en", KeyEntry::live(KeyType::enumeration({"b", "a", "a"})));
    s.put("old", KeyEntry::soft_deleted(KeyType::enumeration({"x", "x"})));

    // Nothing held: every key and option is the caller's addition.
    auto added = check_schema(s, Target::index);
    CHECK(error_codes(added) ==
          Codes{"schema.key.character", "schema.enum.duplicate", "schema.enum.duplicate", "schema.key.character"});

    // The map holds itself, as a wire map checked on its own does.
    Held held;
    held.schema = &s;
    auto ds = check_schema(s, Target::index, held);
    REQUIRE(codes(ds) == Codes{"schema.key.character", "schema.wire.enum-repeat", "schema.wire.enum-repeat",
                               "schema.key.non-ascii"});
    CHECK(ds[0].severity == Severity::error);  // "/" is refused by the SDK too
    CHECK(*ds[0].pointer == "/a~1b");
    CHECK(ds[1].severity == Severity::warning);
    CHECK(*ds[1].pointer == "/en/values");
    CHECK(*ds[2].pointer == "/old/deleted_ty/values");
    CHECK(ds[3].severity == Severity::warning);
    CHECK(*ds[3].pointer == "/" + unicode);

    // A key held only as unreadable still counts as held for its name.
    Held names;
    names.unreadable_keys = {unicode};
    Schema one;
    one.put(unicode, KeyEntry::live(KeyType::variant(ScalarHint::text)));
    CHECK(codes(check_schema(one, Target::index, names)) == Codes{"schema.key.non-ascii"});
}

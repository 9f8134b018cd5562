#include "schema/mutations.hpp"

#include <catch2/catch.hpp>

#include "support.hpp"

using namespace eic;
using namespace eic::schema;
using namespace eic::schema::test;

namespace {

std::vector<std::string> options(std::size_t n) {
    std::vector<std::string> v;
    for (std::size_t i = 0; i < n; ++i) v.push_back("o" + std::to_string(1000 + i));
    return v;
}

// Runs a mutation expected to be refused and checks it left the schema alone.
template <typename F>
Codes refused(Schema& s, F&& mutate) {
    Schema before = s;
    Diagnostics ds = mutate(s);
    CHECK(has_error(ds));
    CHECK(s == before);
    return error_codes(ds);
}

}  // namespace

TEST_CASE("set_scalar creates a variant key and changes its hint both ways", "[schema][mutations]") {
    Schema s;
    CHECK(set_scalar(s, "k", ScalarHint::number).empty());
    CHECK(*s.find("k") == KeyEntry::live(KeyType::variant(ScalarHint::number)));
    CHECK(set_scalar(s, "k", "text").empty());
    CHECK(s.find("k")->type.hint == ScalarHint::text);
    auto ds = set_scalar(s, "k", "long_string");  // as the SDK's test: number <-> text <-> long_string
    CHECK(codes(ds) == Codes{"schema.type.alias"});
    CHECK(s.find("k")->type.hint == ScalarHint::text);
    CHECK(codes(set_scalar(s, "k", "string")) == Codes{"schema.type.alias"});
    CHECK(s.find("k")->type.hint == ScalarHint::varchar);
    CHECK(set_scalar(s, "k", ScalarHint::number).empty());
    CHECK(s.find("k")->type.hint == ScalarHint::number);
}

TEST_CASE("set_scalar refuses bad names, unknown types and non-scalar type names", "[schema][mutations]") {
    Schema s;
    CHECK(refused(s, [](Schema& x) { return set_scalar(x, "keyframes", ScalarHint::number); }) ==
          Codes{"schema.key.reserved"});
    CHECK(refused(s, [](Schema& x) { return set_scalar(x, "", ScalarHint::number); }) == Codes{"schema.key.empty"});
    CHECK(refused(s, [](Schema& x) { return set_scalar(x, "$x", "number"); }) == Codes{"schema.key.dollar"});
    CHECK(refused(s, [](Schema& x) { return set_scalar(x, "k", "float"); }) == Codes{"schema.type.unknown"});
    CHECK(refused(s, [](Schema& x) { return set_scalar(x, "k", "embedding"); }) == Codes{"schema.type.not-scalar"});
    CHECK(refused(s, [](Schema& x) { return set_scalar(x, "k", "enum"); }) == Codes{"schema.type.not-scalar"});
    CHECK(refused(s, [](Schema& x) { return set_scalar(x, "k", "geospatial"); }) == Codes{"schema.type.not-scalar"});
    // A warning alone does not stop the edit.
    auto ds = set_scalar(s, " padded", ScalarHint::uuid);
    CHECK(codes(ds) == Codes{"schema.key.whitespace"});
    CHECK(s.contains(" padded"));
}

TEST_CASE("set_scalar refuses enum, embedding, geospatial and typed keys", "[schema][mutations]") {
    Schema s;
    REQUIRE(add_enum(s, "e", {"a"}).empty());
    REQUIRE(add_embedding(s, "m", 8, Target::index).empty());
    REQUIRE(add_geospatial(s, "g").empty());
    KeyType typed;
    typed.kind = TypeKind::varchar;
    s.put("t", KeyEntry::live(typed));
    for (const char* key : {"e", "m", "g", "t"}) {
        CHECK(refused(s, [&](Schema& x) { return set_scalar(x, key, ScalarHint::text); }) ==
              Codes{"schema.key.exists"});
    }
}

TEST_CASE("set_scalar re-creates a soft-deleted scalar with any hint, nothing else", "[schema][mutations]") {
    Schema s;
    REQUIRE(set_scalar(s, "b", ScalarHint::boolean).empty());
    REQUIRE(delete_key(s, "b", DeleteMode::soft).empty());
    CHECK(set_scalar(s, "b", ScalarHint::uuid).empty());  // the SDK's test turns a deleted boolean into uuid
    CHECK(*s.find("b") == KeyEntry::live(KeyType::variant(ScalarHint::uuid)));

    REQUIRE(add_enum(s, "e", {"a"}).empty());
    REQUIRE(delete_key(s, "e", DeleteMode::soft).empty());
    CHECK(refused(s, [](Schema& x) { return set_scalar(x, "e", ScalarHint::text); }) ==
          Codes{"schema.key.deleted-other-type"});

    REQUIRE(set_scalar(s, "h", ScalarHint::text).empty());
    REQUIRE(delete_key(s, "h", DeleteMode::hard).empty());
    CHECK(refused(s, [](Schema& x) { return set_scalar(x, "h", ScalarHint::text); }) ==
          Codes{"schema.key.hard-deleted"});
}

TEST_CASE("add_enum stores sorted options and enforces 1..255 distinct", "[schema][mutations]") {
    Schema s;
    CHECK(add_enum(s, "e", {"b", "a"}).empty());
    CHECK(s.find("e")->type.values == std::vector<std::string>{"a", "b"});
    CHECK(add_enum(s, "max", options(255)).empty());
    CHECK(refused(s, [](Schema& x) { return add_enum(x, "n", {}); }) == Codes{"schema.enum.empty"});
    CHECK(refused(s, [](Schema& x) { return add_enum(x, "n", options(256)); }) == Codes{"schema.enum.too-many"});
    CHECK(refused(s, [](Schema& x) { return add_enum(x, "n", {"a", "a"}); }) == Codes{"schema.enum.duplicate"});
    CHECK(refused(s, [](Schema& x) { return add_enum(x, "a:b", {"a"}); }) == Codes{"schema.key.character"});
}

TEST_CASE("add_enum, add_embedding and add_geospatial refuse a key that exists in any form", "[schema][mutations]") {
    Schema s;
    REQUIRE(set_scalar(s, "live", ScalarHint::text).empty());
    REQUIRE(set_scalar(s, "soft", ScalarHint::text).empty());
    REQUIRE(delete_key(s, "soft", DeleteMode::soft).empty());
    REQUIRE(set_scalar(s, "hard", ScalarHint::text).empty());
    REQUIRE(delete_key(s, "hard", DeleteMode::hard).empty());
    // Plain pairs, not structured bindings: C++17 lambdas (clang) cannot capture those.
    for (const auto& kc : {std::pair<std::string, std::string>{"live", "schema.key.exists"},
                           {"soft", "schema.key.exists"},
                           {"hard", "schema.key.hard-deleted"}}) {
        const std::string key = kc.first;
        CHECK(refused(s, [&](Schema& x) { return add_enum(x, key, {"a"}); }) == Codes{kc.second});
        CHECK(refused(s, [&](Schema& x) { return add_embedding(x, key, 4, Target::index); }) == Codes{kc.second});
        CHECK(refused(s, [&](Schema& x) { return add_geospatial(x, key); }) == Codes{kc.second});
    }
    // Existence is checked before the name, as in the SDK.
    CHECK(add_geospatial(s, "g").empty());
    CHECK(*s.find("g") == KeyEntry::live(KeyType::geospatial()));
}

TEST_CASE("add_embedding enforces 1..4096, and 2000 for Active", "[schema][mutations]") {
    Schema s;
    CHECK(add_embedding(s, "a", 4096, Target::index).size() == 1);  // the index-only note
    CHECK(s.find("a")->type.size == 4096);
    CHECK(s.find("a")->type.api.is_null());
    CHECK(add_embedding(s, "b", 2000, Target::active).empty());
    CHECK(refused(s, [](Schema& x) { return add_embedding(x, "c", 2001, Target::active); }) ==
          Codes{"schema.embedding.active-size"});
    CHECK(refused(s, [](Schema& x) { return add_embedding(x, "c", 0, Target::index); }) ==
          Codes{"schema.embedding.size"});
    CHECK(refused(s, [](Schema& x) { return add_embedding(x, "c", -3, Target::index); }) ==
          Codes{"schema.embedding.size"});
    CHECK(refused(s, [](Schema& x) { return add_embedding(x, "c", 4097, Target::index); }) ==
          Codes{"schema.embedding.size"});
}

TEST_CASE("add_enum_options appends, re-sorts and applies the same limits", "[schema][mutations]") {
    Schema s;
    REQUIRE(add_enum(s, "e", {"m"}).empty());
    CHECK(add_enum_options(s, "e", {"z", "a"}).empty());
    CHECK(s.find("e")->type.values == std::vector<std::string>{"a", "m", "z"});
    CHECK(refused(s, [](Schema& x) { return add_enum_options(x, "e", {}); }) == Codes{"schema.enum.empty"});
    CHECK(refused(s, [](Schema& x) { return add_enum_options(x, "e", {"m"}); }) == Codes{"schema.enum.duplicate"});
    CHECK(refused(s, [](Schema& x) { return add_enum_options(x, "e", options(253)); }) ==
          Codes{"schema.enum.too-many"});
    CHECK(add_enum_options(s, "e", options(252)).empty());  // 255 in all
    CHECK(s.find("e")->type.values.size() == 255);
}

TEST_CASE("add_enum_options refuses missing keys (not 'already defined') and non-enums", "[schema][mutations]") {
    Schema s;
    auto missing = refused(s, [](Schema& x) { return add_enum_options(x, "nope", {"a"}); });
    CHECK(missing == Codes{"schema.key.not-defined"});
    REQUIRE(set_scalar(s, "n", ScalarHint::number).empty());
    CHECK(refused(s, [](Schema& x) { return add_enum_options(x, "n", {"a"}); }) == Codes{"schema.enum.not-enum"});
    REQUIRE(add_enum(s, "e", {"a"}).empty());
    REQUIRE(delete_key(s, "e", DeleteMode::soft).empty());
    Diagnostics ds = add_enum_options(s, "e", {"b"});
    CHECK(error_codes(ds) == Codes{"schema.enum.not-enum"});
    CHECK(ds[0].message.find("restore it first") != std::string::npos);
}

TEST_CASE("delete_key soft keeps the type, hard keeps nothing; a tombstone cannot be deleted again",
          "[schema][mutations]") {
    Schema s;
    REQUIRE(add_enum(s, "e", {"a", "b"}).empty());
    REQUIRE(set_scalar(s, "n", ScalarHint::number).empty());
    CHECK(delete_key(s, "e", DeleteMode::soft).empty());
    CHECK(*s.find("e") == KeyEntry::soft_deleted(KeyType::enumeration({"a", "b"})));
    CHECK(delete_key(s, "n", DeleteMode::hard).empty());
    CHECK(*s.find("n") == KeyEntry::hard_deleted());

    CHECK(refused(s, [](Schema& x) { return delete_key(x, "e", DeleteMode::soft); }) ==
          Codes{"schema.key.already-deleted"});
    auto hard_on_soft = delete_key(s, "e", DeleteMode::hard);
    CHECK(error_codes(hard_on_soft) == Codes{"schema.key.already-deleted"});
    CHECK(hard_on_soft[0].message.find("restore it first") != std::string::npos);
    CHECK(refused(s, [](Schema& x) { return delete_key(x, "n", DeleteMode::hard); }) ==
          Codes{"schema.key.already-deleted"});
    CHECK(refused(s, [](Schema& x) { return delete_key(x, "zz", DeleteMode::soft); }) ==
          Codes{"schema.key.not-defined"});
}

TEST_CASE("restore_key brings back exactly the deleted type", "[schema][mutations]") {
    Schema s;
    REQUIRE(add_embedding(s, "m", 64, Target::index).empty());
    REQUIRE(delete_key(s, "m", DeleteMode::soft).empty());
    CHECK(restore_key(s, "m").empty());
    CHECK(*s.find("m") == KeyEntry::live(KeyType::embedding(64)));
    CHECK(refused(s, [](Schema& x) { return restore_key(x, "m"); }) == Codes{"schema.key.not-deleted"});
    CHECK(refused(s, [](Schema& x) { return restore_key(x, "zz"); }) == Codes{"schema.key.not-defined"});
    REQUIRE(delete_key(s, "m", DeleteMode::hard).empty());
    CHECK(refused(s, [](Schema& x) { return restore_key(x, "m"); }) == Codes{"schema.key.hard-deleted"});
    // Soft delete then restore, then hard delete: the SDK's way to hard-delete a soft-deleted key.
    REQUIRE(add_geospatial(s, "g").empty());
    REQUIRE(delete_key(s, "g", DeleteMode::soft).empty());
    REQUIRE(restore_key(s, "g").empty());
    CHECK(delete_key(s, "g", DeleteMode::hard).empty());
}

TEST_CASE("discard_key removes only keys the draft added", "[schema][mutations]") {
    Schema base;
    base.put("old", KeyEntry::live(KeyType::variant(ScalarHint::text)));
    Schema s = base;
    REQUIRE(set_scalar(s, "new", ScalarHint::text).empty());
    CHECK(discard_key(s, "new", base).empty());
    CHECK_FALSE(s.contains("new"));
    CHECK(refused(s, [&](Schema& x) { return discard_key(x, "old", base); }) == Codes{"schema.key.dropped"});
    CHECK(refused(s, [&](Schema& x) { return discard_key(x, "new", base); }) == Codes{"schema.key.not-defined"});
}

TEST_CASE("mutation diagnostics point at the key", "[schema][mutations]") {
    Schema s;
    auto ds = add_enum(s, "a/b", {});
    REQUIRE(ds.size() == 2);
    CHECK(*ds[0].pointer == "/a~1b");
    CHECK(*ds[1].pointer == "/a~1b");
}

TEST_CASE("check_new_key tells the add-key field what adding would be refused for", "[schema][mutations]") {
    Schema s;
    REQUIRE(set_scalar(s, "live", ScalarHint::text).empty());
    REQUIRE(add_geospatial(s, "soft").empty());
    REQUIRE(delete_key(s, "soft", DeleteMode::soft).empty());
    CHECK(check_new_key(s, "fresh").empty());
    CHECK(codes(check_new_key(s, "live")) == Codes{"schema.key.exists"});
    auto soft = check_new_key(s, "soft");
    REQUIRE(codes(soft) == Codes{"schema.key.exists"});
    CHECK(soft[0].message.find("restore it") != std::string::npos);
    CHECK(codes(check_new_key(s, "key.frames")) == Codes{"schema.key.reserved"});
    CHECK(codes(check_new_key(s, "x ")) == Codes{"schema.key.whitespace"});
    CHECK(*check_new_key(s, "a/b")[0].pointer == "/a~1b");
}

TEST_CASE("add_enum_options keeps the repeats Encord holds and refuses a new one", "[schema][mutations]") {
    Schema s;
    s.put("e", KeyEntry::live(KeyType::enumeration({"a", "a", "b"})));  // as the SDK can leave it
    CHECK(refused(s, [](Schema& x) { return add_enum_options(x, "e", {"a"}); }) == Codes{"schema.enum.duplicate"});
    CHECK(refused(s, [](Schema& x) { return add_enum_options(x, "e", {"c", "c"}); }) == Codes{"schema.enum.duplicate"});
    CHECK(add_enum_options(s, "e", {"c"}).empty());  // the old repeat is not this edit's doing
    CHECK(s.find("e")->type.values == std::vector<std::string>{"a", "a", "b", "c"});
}

TEST_CASE("a key added through the mutations may not have Unicode letters", "[schema][mutations]") {
    const std::string acute = "\xC3\xA9";  // é
    Schema s;
    CHECK(codes(check_new_key(s, acute)) == Codes{"schema.key.character"});
    CHECK(*check_new_key(s, acute)[0].pointer == "/" + acute);
    CHECK(refused(s, [&](Schema& x) { return add_enum(x, acute, {"a"}); }) == Codes{"schema.key.character"});
    CHECK(refused(s, [&](Schema& x) { return set_scalar(x, acute, ScalarHint::text); }) ==
          Codes{"schema.key.character"});
    // One that Encord already holds can still be edited: the name is not checked again.
    s.put(acute, KeyEntry::live(KeyType::variant(ScalarHint::number)));
    CHECK(set_scalar(s, acute, ScalarHint::text).empty());
    CHECK(delete_key(s, acute, DeleteMode::soft).empty());
}

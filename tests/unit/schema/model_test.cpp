#include "schema/model.hpp"

#include <catch2/catch.hpp>

using namespace eic::schema;

TEST_CASE("a schema copy shares its storage until one of them changes", "[schema][model]") {
    Schema a;
    a.put("x", KeyEntry::live(KeyType::variant(ScalarHint::number)));
    a.put("e", KeyEntry::live(KeyType::enumeration({"b", "a"})));
    Schema snapshot = a;                         // what the UI keeps for undo
    REQUIRE(snapshot.find("e") == a.find("e"));  // same entry object: nothing was copied

    a.put("x", KeyEntry::live(KeyType::variant(ScalarHint::text)));
    CHECK(snapshot.find("x")->type.hint == ScalarHint::number);  // the snapshot is untouched
    CHECK(a.find("x")->type.hint == ScalarHint::text);
    CHECK(snapshot.find("e") == a.find("e"));  // untouched entries stay shared
    CHECK(snapshot != a);

    a = snapshot;  // undo
    CHECK(a == snapshot);
    CHECK(a.erase("x"));
    CHECK_FALSE(a.erase("x"));
    CHECK(snapshot.contains("x"));
    CHECK(a.size() == 1);
}

TEST_CASE("enum options are kept sorted as the SDK stores them", "[schema][model]") {
    auto t = KeyType::enumeration({"b", "B", "a", "\xC3\xA9", "z"});
    CHECK(t.values == std::vector<std::string>{"B", "a", "b", "z", "\xC3\xA9"});  // code point order, as Python
}

TEST_CASE("equality compares what the kind uses, and tombstones by state", "[schema][model]") {
    CHECK(KeyType::variant(ScalarHint::number) == KeyType::variant(ScalarHint::number));
    CHECK(KeyType::variant(ScalarHint::number) != KeyType::variant(ScalarHint::text));
    CHECK(KeyType::embedding(3) != KeyType::embedding(4));
    CHECK(KeyEntry::hard_deleted() == KeyEntry::hard_deleted());
    CHECK(KeyEntry::soft_deleted(KeyType::geospatial()) != KeyEntry::live(KeyType::geospatial()));
    KeyType with_extra = KeyType::geospatial();
    with_extra.extra = nlohmann::ordered_json::object();
    CHECK(with_extra == KeyType::geospatial());  // an empty extra is no extra
    with_extra.extra["srid"] = 4326;
    CHECK(with_extra != KeyType::geospatial());
}

TEST_CASE("names and descriptions", "[schema][model]") {
    CHECK(hint_from_name("varchar") == ScalarHint::varchar);
    CHECK_FALSE(hint_from_name("Varchar"));
    CHECK_FALSE(hint_from_name("string"));  // aliases are the rules' business
    CHECK(kind_from_name("enum") == TypeKind::enumeration);
    CHECK_FALSE(kind_from_name("tombstone"));
    CHECK(describe(KeyType::enumeration({"a"})) == "enum with 1 option");
    CHECK(describe(KeyType::embedding(512)) == "embedding of size 512");
    CHECK(describe(KeyEntry::soft_deleted(KeyType::variant(ScalarHint::uuid))) == "soft-deleted uuid");
    CHECK(describe(KeyEntry::hard_deleted()) == "hard-deleted key");
    KeyType typed;
    typed.kind = TypeKind::number;
    typed.format = NumberFormat::f32;
    CHECK(describe(typed) == "typed number (F32)");
    CHECK(quote("a\"b\n") == "\"a\\\"b\\n\"");
    CHECK(quote("\xFF") == "\"\xEF\xBF\xBD\"");  // replaced, never thrown
}

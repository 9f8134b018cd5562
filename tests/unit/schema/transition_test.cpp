#include "schema/transition.hpp"

#include <catch2/catch.hpp>

#include "support.hpp"

using namespace eic;
using namespace eic::schema;
using namespace eic::schema::test;

namespace {

KeyEntry scalar(ScalarHint h) { return KeyEntry::live(KeyType::variant(h)); }
KeyEntry enumeration(std::vector<std::string> v) { return KeyEntry::live(KeyType::enumeration(std::move(v))); }
KeyType typed(TypeKind kind) {
    KeyType t;
    t.kind = kind;
    return t;
}

struct Outcome {
    ChangeKind kind;
    bool destructive;
    bool refused;
    Codes codes;
};

Outcome run(const KeyEntry* before, const KeyEntry* after) {
    Transition t = classify("k", before, after);
    REQUIRE(t.change);
    CHECK(t.change->refused == !t.refusals.empty());
    return {t.change->kind, t.change->destructive, t.change->refused, codes(t.refusals)};
}

}  // namespace

TEST_CASE("equal or both absent: no change", "[schema][transition]") {
    auto e = enumeration({"a"});
    CHECK_FALSE(classify("k", nullptr, nullptr).change);
    CHECK_FALSE(classify("k", &e, &e).change);
    auto hard = KeyEntry::hard_deleted();
    CHECK_FALSE(classify("k", &hard, &hard).change);
}

TEST_CASE("adding keys is safe; adding one hard-deleted reserves it and is destructive", "[schema][transition]") {
    auto n = scalar(ScalarHint::number);
    auto o = run(nullptr, &n);
    CHECK(o.kind == ChangeKind::added);
    CHECK_FALSE(o.destructive);
    CHECK(o.codes.empty());
    auto soft = KeyEntry::soft_deleted(KeyType::geospatial());
    CHECK(run(nullptr, &soft).kind == ChangeKind::deleted_soft);
    auto hard = KeyEntry::hard_deleted();
    o = run(nullptr, &hard);
    CHECK(o.kind == ChangeKind::deleted_hard);
    CHECK(o.destructive);
}

TEST_CASE("a key that vanishes is refused: Encord deletes with tombstones", "[schema][transition]") {
    for (const auto& e :
         {scalar(ScalarHint::text), KeyEntry::soft_deleted(KeyType::geospatial()), KeyEntry::hard_deleted()}) {
        auto o = run(&e, nullptr);
        CHECK(o.kind == ChangeKind::dropped);
        CHECK(o.refused);
        CHECK(o.codes == Codes{"schema.key.dropped"});
    }
}

TEST_CASE("a variant's hint may change to any scalar hint", "[schema][transition]") {
    auto n = scalar(ScalarHint::number), t = scalar(ScalarHint::text);
    auto o = run(&n, &t);
    CHECK(o.kind == ChangeKind::retyped);
    CHECK(o.destructive);  // values indexed as numbers may not read as text the same way
    CHECK(o.codes.empty());
    CHECK(run(&t, &n).codes.empty());
}

TEST_CASE("enum options may be added, never removed or renamed", "[schema][transition]") {
    auto ab = enumeration({"a", "b"}), abc = enumeration({"a", "b", "c"}), ac = enumeration({"a", "c"});
    auto o = run(&ab, &abc);
    CHECK(o.kind == ChangeKind::options_added);
    CHECK_FALSE(o.destructive);
    CHECK(classify("k", &ab, &abc).change->options_added == std::vector<std::string>{"c"});

    auto removed = classify("k", &abc, &ab);
    REQUIRE(codes(removed.refusals) == Codes{"schema.enum.option-removed"});
    CHECK(removed.refusals[0].message.find("Schema key options cannot be deleted") == 0);
    CHECK(*removed.refusals[0].pointer == "/k/values");
    CHECK(run(&ab, &ac).codes == Codes{"schema.enum.option-removed"});  // a rename is a removal
}

TEST_CASE("an enum with a repeated option (as Encord may hold it) loses no option by listing it once",
          "[schema][transition]") {
    auto aab = enumeration({"a", "a", "b"}), aabc = enumeration({"a", "a", "b", "c"}), ab = enumeration({"a", "b"});
    auto added = classify("k", &aab, &aabc);
    REQUIRE(added.change);
    CHECK(added.refusals.empty());
    CHECK(added.change->kind == ChangeKind::options_added);
    CHECK(added.change->options_added == std::vector<std::string>{"c"});

    auto once = run(&aab, &ab);
    CHECK(once.kind == ChangeKind::repeats_dropped);
    CHECK_FALSE(once.destructive);
    CHECK(once.codes.empty());
    CHECK(std::string(change_kind_name(ChangeKind::repeats_dropped)) == "repeats-dropped");
    CHECK(classify("k", &aab, &ab).change->summary.find("\"a\"") != std::string::npos);

    auto b = enumeration({"b"});
    auto gone = classify("k", &aab, &b);
    REQUIRE(codes(gone.refusals) == Codes{"schema.enum.option-removed"});
    CHECK(gone.refusals[0].message.find("no longer has \"a\".") != std::string::npos);  // named once
}

TEST_CASE("enum, embedding, geospatial and typed keys never change type", "[schema][transition]") {
    std::vector<KeyEntry> fixed = {enumeration({"a"}),
                                   KeyEntry::live(KeyType::embedding(8)),
                                   KeyEntry::live(KeyType::geospatial()),
                                   KeyEntry::live(typed(TypeKind::number)),
                                   KeyEntry::live(typed(TypeKind::varchar)),
                                   KeyEntry::live(typed(TypeKind::user))};
    auto scalar_text = scalar(ScalarHint::text);
    for (const auto& from : fixed) {
        CHECK(run(&from, &scalar_text).codes == Codes{"schema.type.change"});
        CHECK(run(&scalar_text, &from).codes == Codes{"schema.type.change"});
    }
    auto e8 = KeyEntry::live(KeyType::embedding(8)), e16 = KeyEntry::live(KeyType::embedding(16));
    CHECK(run(&e8, &e16).codes == Codes{"schema.type.change"});  // nor an embedding its size
    auto t = KeyEntry::live(typed(TypeKind::varchar));
    auto t2 = t;
    t2.type.max_length = 10;
    CHECK(run(&t, &t2).codes == Codes{"schema.type.change"});
}

TEST_CASE("deleting is destructive; hard delete is allowed from soft", "[schema][transition]") {
    auto n = scalar(ScalarHint::number);
    auto soft = KeyEntry::soft_deleted(n.type), hard = KeyEntry::hard_deleted();
    auto o = run(&n, &soft);
    CHECK(o.kind == ChangeKind::deleted_soft);
    CHECK(o.destructive);
    CHECK(o.codes.empty());
    o = run(&n, &hard);
    CHECK(o.kind == ChangeKind::deleted_hard);
    CHECK(o.codes.empty());
    CHECK(run(&soft, &hard).codes.empty());  // restore, then hard delete
    // Deleted with another type: the type rule still applies.
    auto e = enumeration({"a"});
    auto soft_text = KeyEntry::soft_deleted(KeyType::variant(ScalarHint::text));
    CHECK(run(&e, &soft_text).codes == Codes{"schema.type.change"});
}

TEST_CASE("restoring brings back the deleted type; scalars may come back as any scalar", "[schema][transition]") {
    auto e = enumeration({"a"});
    auto soft_e = KeyEntry::soft_deleted(e.type);
    auto o = run(&soft_e, &e);
    CHECK(o.kind == ChangeKind::restored);
    CHECK_FALSE(o.destructive);
    auto more = enumeration({"a", "b"});
    o = run(&soft_e, &more);  // restore, then add an option
    CHECK(o.kind == ChangeKind::restored);
    CHECK(o.codes.empty());

    auto soft_b = KeyEntry::soft_deleted(KeyType::variant(ScalarHint::boolean));
    auto uuid = scalar(ScalarHint::uuid);
    CHECK(run(&soft_b, &uuid).codes.empty());

    auto text = scalar(ScalarHint::text);
    CHECK(run(&soft_e, &text).codes == Codes{"schema.key.deleted-other-type"});
    auto soft_g = KeyEntry::soft_deleted(KeyType::geospatial());
    auto emb = KeyEntry::live(KeyType::embedding(3));
    CHECK(run(&soft_g, &emb).codes == Codes{"schema.key.deleted-other-type"});
    auto less = enumeration({});
    CHECK(run(&soft_e, &less).codes == Codes{"schema.enum.option-removed"});
}

TEST_CASE("a hard-deleted key never comes back", "[schema][transition]") {
    auto hard = KeyEntry::hard_deleted();
    auto n = scalar(ScalarHint::number);
    auto soft = KeyEntry::soft_deleted(n.type);
    auto o = run(&hard, &n);
    CHECK(o.kind == ChangeKind::restored);
    CHECK(o.codes == Codes{"schema.key.hard-deleted"});
    CHECK(run(&hard, &soft).codes == Codes{"schema.key.hard-deleted"});
}

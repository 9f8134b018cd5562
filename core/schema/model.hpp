// The custom metadata schema of an Encord organisation: keys mapped to types, with tombstones for
// deleted keys (encord-client-python: encord/metadata_schema.py, encord/orm/metadata_schema.py). This header holds only
// the data; the rules live in key_name.hpp, rules.hpp and transition.hpp, the mutations a user makes in mutations.hpp.
//
// Undo: a Schema is a persistent value. Copying one is O(1) (it shares its storage), and every change
// builds a new map that shares the untouched entries with the old one. The UI implements undo by keeping
// snapshots (plain copies) of the Schema before each mutation; no command/inverse bookkeeping is needed.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eic::schema {

// The hint of a `variant` key: the type the SDK creates for every scalar key.
enum class ScalarHint { number, varchar, text, boolean, datetime, uuid };

// The "ty" of a type object. The typed scalar forms (number .. user) are only ever returned by the
// server; eic, like the SDK, reads and keeps them but never creates them.
enum class TypeKind {
    variant,
    enumeration,
    embedding,
    geospatial,
    number,
    varchar,
    datetime,
    boolean,
    text,
    uuid,
    user
};

enum class NumberFormat { f32, f64 };

// A typed varchar's max_length: 0..8192, 8192 when absent (the SDK's typed models,
// encord/metadata_schema.py).
inline constexpr std::int64_t max_varchar_length = 8192;

// One type object. Only the fields of its kind are meaningful; the others keep their defaults, so that
// equality can compare them all.
struct KeyType {
    TypeKind kind = TypeKind::variant;
    ScalarHint hint = ScalarHint::text;            // variant (the SDK's default hint is text)
    std::vector<std::string> values;               // enumeration: kept sorted, as the SDK stores them
    std::int64_t size = 0;                         // embedding: valid 1..4096 (kept as read, so rules can report it)
    nlohmann::ordered_json api;                    // embedding: null, or the object as received (not modelled)
    NumberFormat format = NumberFormat::f64;       // number
    std::int64_t max_length = max_varchar_length;  // varchar: 0..max_varchar_length
    // Fields eic does not know, kept verbatim so that a round trip loses nothing (null when none).
    nlohmann::ordered_json extra;

    static KeyType variant(ScalarHint hint);
    static KeyType enumeration(std::vector<std::string> values);  // sorts them
    static KeyType embedding(std::int64_t size);
    static KeyType geospatial();
};

bool operator==(const KeyType& a, const KeyType& b);
inline bool operator!=(const KeyType& a, const KeyType& b) { return !(a == b); }

enum class KeyState { live, soft_deleted, hard_deleted };

// A key's entry: a live type, or a tombstone. A soft tombstone keeps the deleted type (so it can be
// restored); a hard tombstone keeps nothing and reserves the key name for ever.
struct KeyEntry {
    KeyState state = KeyState::live;
    KeyType type;                  // live type or deleted type; default and ignored when hard deleted
    nlohmann::ordered_json extra;  // unknown fields of the tombstone object itself (null when none)

    static KeyEntry live(KeyType type);
    static KeyEntry soft_deleted(KeyType type);
    static KeyEntry hard_deleted();
    bool is_live() const { return state == KeyState::live; }
};

bool operator==(const KeyEntry& a, const KeyEntry& b);
inline bool operator!=(const KeyEntry& a, const KeyEntry& b) { return !(a == b); }

// Keys (case sensitive, in byte order) to entries. Entries are immutable and shared between copies.
class Schema {
public:
    using Entries = std::map<std::string, std::shared_ptr<const KeyEntry>>;  // never holds null

    Schema();

    const KeyEntry* find(const std::string& key) const;
    bool contains(const std::string& key) const { return find(key) != nullptr; }
    std::size_t size() const { return entries_->size(); }
    bool empty() const { return entries_->empty(); }
    Entries::const_iterator begin() const { return entries_->begin(); }
    Entries::const_iterator end() const { return entries_->end(); }

    // Raw edits without any rule: for codecs and plan application. User edits go through mutations.hpp.
    void put(const std::string& key, KeyEntry entry);
    bool erase(const std::string& key);

private:
    std::shared_ptr<const Entries> entries_;
};

bool operator==(const Schema& a, const Schema& b);
inline bool operator!=(const Schema& a, const Schema& b) { return !(a == b); }

// Wire names: "number", "varchar", ... and "variant", "enum", "embedding", ...
const char* hint_name(ScalarHint hint);
std::optional<ScalarHint> hint_from_name(std::string_view name);  // canonical names only, case sensitive
const char* kind_name(TypeKind kind);
std::optional<TypeKind> kind_from_name(std::string_view name);
const char* format_name(NumberFormat format);  // "F32" / "F64"

// For messages: "number", "enum with 3 options", "embedding of size 512", "typed varchar (max length 255)".
std::string describe(const KeyType& type);
// "number", "soft-deleted number", "hard-deleted key".
std::string describe(const KeyEntry& entry);

// A key or value quoted for a message: JSON string syntax, so spaces and control characters are visible.
std::string quote(std::string_view text);

}  // namespace eic::schema

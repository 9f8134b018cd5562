#include "schema/model.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace eic::schema {

KeyType KeyType::variant(ScalarHint hint) {
    KeyType t;
    t.kind = TypeKind::variant;
    t.hint = hint;
    return t;
}

KeyType KeyType::enumeration(std::vector<std::string> values) {
    KeyType t;
    t.kind = TypeKind::enumeration;
    std::sort(values.begin(), values.end());  // byte order of UTF-8 is code point order, as Python sorts
    t.values = std::move(values);
    return t;
}

KeyType KeyType::embedding(std::int64_t size) {
    KeyType t;
    t.kind = TypeKind::embedding;
    t.size = size;
    return t;
}

KeyType KeyType::geospatial() {
    KeyType t;
    t.kind = TypeKind::geospatial;
    return t;
}

// Null and an empty object both mean "no unknown fields".
static bool same_extra(const nlohmann::ordered_json& a, const nlohmann::ordered_json& b) {
    bool a_none = a.is_null() || a.empty(), b_none = b.is_null() || b.empty();
    if (a_none || b_none) return a_none == b_none;
    return a == b;
}

bool operator==(const KeyType& a, const KeyType& b) {
    return a.kind == b.kind && a.hint == b.hint && a.values == b.values && a.size == b.size && a.api == b.api &&
           a.format == b.format && a.max_length == b.max_length && same_extra(a.extra, b.extra);
}

KeyEntry KeyEntry::live(KeyType type) { return KeyEntry{KeyState::live, std::move(type), {}}; }
KeyEntry KeyEntry::soft_deleted(KeyType type) { return KeyEntry{KeyState::soft_deleted, std::move(type), {}}; }
KeyEntry KeyEntry::hard_deleted() { return KeyEntry{KeyState::hard_deleted, KeyType{}, {}}; }

bool operator==(const KeyEntry& a, const KeyEntry& b) {
    if (a.state != b.state || !same_extra(a.extra, b.extra)) return false;
    return a.state == KeyState::hard_deleted || a.type == b.type;
}

Schema::Schema() : entries_(std::make_shared<const Entries>()) {}

const KeyEntry* Schema::find(const std::string& key) const {
    auto it = entries_->find(key);
    return it == entries_->end() ? nullptr : it->second.get();
}

void Schema::put(const std::string& key, KeyEntry entry) {
    auto next = std::make_shared<Entries>(*entries_);  // copies pointers, not entries
    (*next)[key] = std::make_shared<const KeyEntry>(std::move(entry));
    entries_ = std::move(next);
}

bool Schema::erase(const std::string& key) {
    if (!entries_->count(key)) return false;
    auto next = std::make_shared<Entries>(*entries_);
    next->erase(key);
    entries_ = std::move(next);
    return true;
}

bool operator==(const Schema& a, const Schema& b) {
    if (a.size() != b.size()) return false;
    for (auto ia = a.begin(), ib = b.begin(); ia != a.end(); ++ia, ++ib) {
        if (ia->first != ib->first) return false;
        if (ia->second != ib->second && *ia->second != *ib->second) return false;
    }
    return true;
}

const char* hint_name(ScalarHint hint) {
    switch (hint) {
        case ScalarHint::number:
            return "number";
        case ScalarHint::varchar:
            return "varchar";
        case ScalarHint::text:
            return "text";
        case ScalarHint::boolean:
            return "boolean";
        case ScalarHint::datetime:
            return "datetime";
        case ScalarHint::uuid:
            return "uuid";
    }
    return "text";
}

std::optional<ScalarHint> hint_from_name(std::string_view name) {
    for (auto h : {ScalarHint::number, ScalarHint::varchar, ScalarHint::text, ScalarHint::boolean, ScalarHint::datetime,
                   ScalarHint::uuid})
        if (name == hint_name(h)) return h;
    return std::nullopt;
}

const char* kind_name(TypeKind kind) {
    switch (kind) {
        case TypeKind::variant:
            return "variant";
        case TypeKind::enumeration:
            return "enum";
        case TypeKind::embedding:
            return "embedding";
        case TypeKind::geospatial:
            return "geospatial";
        case TypeKind::number:
            return "number";
        case TypeKind::varchar:
            return "varchar";
        case TypeKind::datetime:
            return "datetime";
        case TypeKind::boolean:
            return "boolean";
        case TypeKind::text:
            return "text";
        case TypeKind::uuid:
            return "uuid";
        case TypeKind::user:
            return "user";
    }
    return "variant";
}

std::optional<TypeKind> kind_from_name(std::string_view name) {
    for (auto k :
         {TypeKind::variant, TypeKind::enumeration, TypeKind::embedding, TypeKind::geospatial, TypeKind::number,
          TypeKind::varchar, TypeKind::datetime, TypeKind::boolean, TypeKind::text, TypeKind::uuid, TypeKind::user})
        if (name == kind_name(k)) return k;
    return std::nullopt;
}

const char* format_name(NumberFormat format) { return format == NumberFormat::f32 ? "F32" : "F64"; }

std::string describe(const KeyType& type) {
    switch (type.kind) {
        case TypeKind::variant:
            return hint_name(type.hint);
        case TypeKind::enumeration:
            return fmt::format("enum with {} option{}", type.values.size(), type.values.size() == 1 ? "" : "s");
        case TypeKind::embedding:
            return fmt::format("embedding of size {}", type.size);
        case TypeKind::geospatial:
            return "geospatial";
        case TypeKind::number:
            return fmt::format("typed number ({})", format_name(type.format));
        case TypeKind::varchar:
            return fmt::format("typed varchar (max length {})", type.max_length);
        case TypeKind::datetime:
            return "typed datetime";
        case TypeKind::boolean:
            return "typed boolean";
        case TypeKind::text:
            return "typed text";
        case TypeKind::uuid:
            return "typed uuid";
        case TypeKind::user:
            return "user";
    }
    return "?";
}

std::string describe(const KeyEntry& entry) {
    switch (entry.state) {
        case KeyState::live:
            return describe(entry.type);
        case KeyState::soft_deleted:
            return "soft-deleted " + describe(entry.type);
        case KeyState::hard_deleted:
            return "hard-deleted key";
    }
    return "?";
}

std::string quote(std::string_view text) {
    // replace: a message must never throw because a key holds invalid UTF-8.
    return nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace eic::schema

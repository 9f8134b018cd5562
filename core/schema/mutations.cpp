#include "schema/mutations.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "schema/codes.hpp"
#include "schema/key_name.hpp"

namespace eic::schema {
namespace {

Diagnostics one(const char* code, std::string message, const std::string& key) {
    Diagnostic d;
    d.code = code;
    d.message = std::move(message);
    d.pointer = "/" + pointer_escape(key);
    return {std::move(d)};
}

Diagnostics located(Diagnostics ds, const std::string& key) {
    for (auto& d : ds)
        if (!d.pointer) d.pointer = "/" + pointer_escape(key);
    return ds;
}

void append(Diagnostics& to, Diagnostics from) {
    for (auto& d : from) to.push_back(std::move(d));
}

// The refusal for creating `key` when it exists in any form; empty when it does not exist.
Diagnostics refuse_existing(const Schema& schema, const std::string& key) {
    const KeyEntry* e = schema.find(key);
    if (!e) return {};
    switch (e->state) {
        case KeyState::live:
            return one(code::key_exists,
                       fmt::format("key {} is already defined, with type {}", quote(key), describe(e->type)), key);
        case KeyState::soft_deleted:
            return one(
                code::key_exists,
                fmt::format("key {} already exists as a deleted key of type {}; restore it instead of adding it again",
                            quote(key), describe(e->type)),
                key);
        case KeyState::hard_deleted:
            break;
    }
    return one(code::key_hard_deleted,
               fmt::format("key {} was hard deleted, which is permanent: it cannot be added again. Use another "
                           "key name",
                           quote(key)),
               key);
}

// Name errors, with warnings kept aside so a successful edit still reports them.
Diagnostics check_new_name(const std::string& key) { return located(validate_key_name(key), key); }

}  // namespace

Diagnostics check_new_key(const Schema& schema, const std::string& key) {
    if (auto refused = refuse_existing(schema, key); !refused.empty()) return refused;
    return check_new_name(key);
}

Diagnostics set_scalar(Schema& schema, const std::string& key, ScalarHint hint) {
    const KeyEntry* e = schema.find(key);
    Diagnostics out;
    if (!e) {
        out = check_new_name(key);
        if (has_error(out)) return out;
    } else if (e->state == KeyState::hard_deleted) {
        return refuse_existing(schema, key);
    } else if (e->type.kind != TypeKind::variant) {
        if (e->state == KeyState::live)
            return one(code::key_exists,
                       fmt::format("key {} is already defined, with type {}, and only a key created as a scalar can "
                                   "change to another scalar type; use a new key name",
                                   quote(key), describe(e->type)),
                       key);
        return one(code::key_deleted_other_type,
                   fmt::format("key {} was deleted with type {} and can only come back with that type (restore it); "
                               "it cannot be re-created with type {}",
                               quote(key), describe(e->type), hint_name(hint)),
                   key);
    }
    schema.put(key, KeyEntry::live(KeyType::variant(hint)));
    return out;
}

Diagnostics set_scalar(Schema& schema, const std::string& key, std::string_view type_name) {
    Diagnostics out;
    auto hint = parse_scalar_name(type_name, out);
    out = located(std::move(out), key);
    if (!hint) return out;
    append(out, set_scalar(schema, key, *hint));
    return out;
}

Diagnostics add_enum(Schema& schema, const std::string& key, std::vector<std::string> options) {
    if (auto refused = refuse_existing(schema, key); !refused.empty()) return refused;
    Diagnostics out = check_new_name(key);
    append(out, located(check_enum_options(key, options), key));
    if (!has_error(out)) schema.put(key, KeyEntry::live(KeyType::enumeration(std::move(options))));
    return out;
}

Diagnostics add_embedding(Schema& schema, const std::string& key, std::int64_t size, Target target) {
    if (auto refused = refuse_existing(schema, key); !refused.empty()) return refused;
    Diagnostics out = check_new_name(key);
    append(out, located(check_embedding_size(key, size, target), key));
    if (!has_error(out)) schema.put(key, KeyEntry::live(KeyType::embedding(size)));
    return out;
}

Diagnostics add_geospatial(Schema& schema, const std::string& key) {
    if (auto refused = refuse_existing(schema, key); !refused.empty()) return refused;
    Diagnostics out = check_new_name(key);
    if (!has_error(out)) schema.put(key, KeyEntry::live(KeyType::geospatial()));
    return out;
}

Diagnostics add_enum_options(Schema& schema, const std::string& key, std::vector<std::string> options) {
    const KeyEntry* e = schema.find(key);
    if (!e)  // the SDK says "already defined" here, which is wrong
        return one(code::key_not_defined, fmt::format("key {} is not defined; add it as an enum first", quote(key)),
                   key);
    if (e->state != KeyState::live || e->type.kind != TypeKind::enumeration) {
        std::string why =
            e->state == KeyState::live ? "its type is " + describe(e->type) : "it is deleted (" + describe(*e) + ")";
        if (e->state == KeyState::soft_deleted && e->type.kind == TypeKind::enumeration) why += "; restore it first";
        return one(code::enum_not_enum, fmt::format("cannot add options to key {}: {}", quote(key), why), key);
    }
    if (options.empty())
        return one(code::enum_empty, fmt::format("give at least 1 option to add to enum {}", quote(key)), key);
    std::vector<std::string> all = e->type.values;
    all.insert(all.end(), options.begin(), options.end());
    // Repeats the enum already has (Encord may hold some, see check_enum_options) are kept, as the
    // SDK keeps them, and not reported here: this edit did not make them. A repeat it adds is refused.
    Diagnostics out;
    for (auto& d : located(check_enum_options(key, all, e->type.values), key))
        if (d.code != code::wire_enum_repeat) out.push_back(std::move(d));
    if (has_error(out)) return out;
    KeyType type = e->type;
    type.values = KeyType::enumeration(std::move(all)).values;
    schema.put(key, KeyEntry::live(std::move(type)));
    return out;
}

Diagnostics delete_key(Schema& schema, const std::string& key, DeleteMode mode) {
    const KeyEntry* e = schema.find(key);
    if (!e) return one(code::key_not_defined, fmt::format("key {} is not defined", quote(key)), key);
    if (e->state == KeyState::hard_deleted)
        return one(code::key_already_deleted, fmt::format("key {} is already hard deleted", quote(key)), key);
    if (e->state == KeyState::soft_deleted)
        return one(code::key_already_deleted,
                   mode == DeleteMode::hard
                       ? fmt::format("key {} is already soft deleted; to hard-delete it, restore it first", quote(key))
                       : fmt::format("key {} is already soft deleted", quote(key)),
                   key);
    schema.put(key, mode == DeleteMode::soft ? KeyEntry::soft_deleted(e->type) : KeyEntry::hard_deleted());
    return {};
}

Diagnostics restore_key(Schema& schema, const std::string& key) {
    const KeyEntry* e = schema.find(key);
    if (!e) return one(code::key_not_defined, fmt::format("key {} is not defined", quote(key)), key);
    if (e->state == KeyState::live)
        return one(code::key_not_deleted,
                   fmt::format("key {} is not deleted, so there is nothing to restore", quote(key)), key);
    if (e->state == KeyState::hard_deleted)
        return one(code::key_hard_deleted,
                   fmt::format("key {} was hard deleted, which is permanent: it cannot be restored", quote(key)), key);
    schema.put(key, KeyEntry::live(e->type));
    return {};
}

Diagnostics discard_key(Schema& schema, const std::string& key, const Schema& base) {
    if (!schema.contains(key)) return one(code::key_not_defined, fmt::format("key {} is not defined", quote(key)), key);
    if (base.contains(key))
        return one(code::key_dropped,
                   fmt::format("key {} exists in Encord, which never forgets a key; delete it (soft or hard) instead "
                               "of removing it from the draft",
                               quote(key)),
                   key);
    schema.erase(key);
    return {};
}

}  // namespace eic::schema

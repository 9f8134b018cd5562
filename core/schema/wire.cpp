#include "schema/wire.hpp"

#include <fmt/format.h>

#include <limits>

#include "schema/codes.hpp"
#include "schema/rules.hpp"

namespace eic::schema {
namespace {

using ojson = nlohmann::ordered_json;

const char* json_kind(const ojson& v) {
    switch (v.type()) {
        case ojson::value_t::null:
            return "null";
        case ojson::value_t::object:
            return "an object";
        case ojson::value_t::array:
            return "an array";
        case ojson::value_t::string:
            return "a string";
        case ojson::value_t::boolean:
            return "a boolean";
        case ojson::value_t::number_float:
            return "a fractional number";
        default:
            return "a number";
    }
}

constexpr const char* kKnownTys =
    "variant, enum, embedding, geospatial, tombstone, number, varchar, datetime, boolean, text, uuid or user";

// Reads the type objects of one key. `broken` is set on any error that leaves the key unreadable.
class EntryReader {
public:
    EntryReader(const std::string& key, Diagnostics& out) : key_(key), out_(out) {}
    bool broken = false;

    std::optional<KeyEntry> read(const ojson& v, const std::string& at) {
        if (v.is_string()) return read_legacy(v.get<std::string>(), at);
        if (!v.is_object()) {
            fail(code::wire_entry,
                 fmt::format(
                     "key {}: its type must be an object such as {{\"ty\": \"variant\", \"hint\": \"varchar\"}}, "
                     "not {}",
                     quote(key_), json_kind(v)),
                 at);
            return std::nullopt;
        }
        auto ty = read_ty(v, at);
        if (!ty) return std::nullopt;
        if (*ty != "tombstone") {
            auto type = read_type(v, *ty, at);
            if (!type) return std::nullopt;
            return KeyEntry::live(std::move(*type));
        }
        KeyEntry entry;
        auto deleted = v.find("deleted_ty");
        if (deleted == v.end()) {
            // Guessing would be dangerous: a missing deleted_ty read as null would become a hard delete.
            fail(code::wire_missing_field,
                 fmt::format("key {}: a tombstone needs \"deleted_ty\" (the deleted type, or null for a hard delete)",
                             quote(key_)),
                 at);
            return std::nullopt;
        }
        if (deleted->is_null()) {
            entry.state = KeyState::hard_deleted;
        } else if (deleted->is_object()) {
            const std::string dat = at + "/deleted_ty";
            auto inner = read_ty(*deleted, dat);
            if (!inner) return std::nullopt;
            if (*inner == "tombstone") {
                fail(code::wire_field_value,
                     fmt::format("key {}: a tombstone's \"deleted_ty\" cannot be another tombstone", quote(key_)), dat);
                return std::nullopt;
            }
            auto type = read_type(*deleted, *inner, dat);
            if (!type) return std::nullopt;
            entry.state = KeyState::soft_deleted;
            entry.type = std::move(*type);
        } else {
            fail(code::wire_field_value,
                 fmt::format("key {}: \"deleted_ty\" must be a type object or null, not {}", quote(key_),
                             json_kind(*deleted)),
                 at + "/deleted_ty");
            return std::nullopt;
        }
        entry.extra = unknown_fields(v, {"ty", "deleted_ty"}, "tombstone", at);
        return entry;
    }

private:
    void fail(const char* code, std::string message, const std::string& at) {
        broken = true;
        note(Severity::error, code, std::move(message), at);
    }
    void note(Severity severity, const char* code, std::string message, const std::string& at) {
        Diagnostic d;
        d.severity = severity;
        d.code = code;
        d.message = std::move(message);
        d.pointer = at;
        out_.push_back(std::move(d));
    }

    std::optional<std::string> read_ty(const ojson& obj, const std::string& at) {
        auto ty = obj.find("ty");
        if (ty == obj.end()) {
            fail(code::wire_missing_field,
                 fmt::format("key {}: the type object has no \"ty\"; give one of {}", quote(key_), kKnownTys), at);
            return std::nullopt;
        }
        if (!ty->is_string()) {
            fail(code::wire_field_value,
                 fmt::format("key {}: \"ty\" must be a string, not {}", quote(key_), json_kind(*ty)), at + "/ty");
            return std::nullopt;
        }
        std::string name = ty->get<std::string>();
        if (name != "tombstone" && !kind_from_name(name)) {
            fail(code::wire_unknown_ty,
                 fmt::format("key {} has type {}, which eic does not know (it knows {}); check the spelling, or "
                             "update eic if Encord has added this type",
                             quote(key_), quote(name), kKnownTys),
                 at + "/ty");
            return std::nullopt;
        }
        return name;
    }

    std::optional<KeyType> read_type(const ojson& obj, const std::string& ty, const std::string& at) {
        KeyType t;
        t.kind = *kind_from_name(ty);
        bool ok = true;
        switch (t.kind) {
            case TypeKind::variant:
                if (auto h = obj.find("hint"); h != obj.end()) {
                    if (!h->is_string()) {
                        ok = bad(at + "/hint",
                                 fmt::format("\"hint\" must be a scalar type name, not {}", json_kind(*h)));
                    } else {
                        Diagnostics found;
                        auto hint = parse_scalar_name(h->get<std::string>(), found);
                        for (auto& d : found) {
                            d.pointer = at + "/hint";
                            d.message = fmt::format("key {}: {}", quote(key_), d.message);
                            if (d.severity == Severity::error) broken = true;
                            out_.push_back(std::move(d));
                        }
                        if (!hint) return std::nullopt;
                        t.hint = *hint;
                    }
                }
                break;
            case TypeKind::enumeration: {
                auto values = obj.find("values");
                if (values == obj.end()) {
                    fail(code::wire_missing_field,
                         fmt::format("key {}: an enum needs \"values\", its list of options", quote(key_)), at);
                    return std::nullopt;
                }
                if (!values->is_array()) {
                    ok = bad(at + "/values",
                             fmt::format("\"values\" must be a list of strings, not {}", json_kind(*values)));
                    break;
                }
                std::vector<std::string> options;
                for (std::size_t i = 0; i < values->size(); ++i) {
                    const auto& v = (*values)[i];
                    if (v.is_string())
                        options.push_back(v.get<std::string>());
                    else
                        ok = bad(fmt::format("{}/values/{}", at, i),
                                 fmt::format("an enum option must be a string, not {}", json_kind(v)));
                }
                t.values = KeyType::enumeration(std::move(options)).values;
                break;
            }
            case TypeKind::embedding: {
                auto size = obj.find("size");
                if (size == obj.end()) {
                    fail(code::wire_missing_field, fmt::format("key {}: an embedding needs \"size\"", quote(key_)), at);
                    return std::nullopt;
                }
                ok = read_integer(*size, at + "/size", "\"size\"", t.size);
                if (auto api = obj.find("api"); api != obj.end()) {
                    if (api->is_null() || api->is_object())
                        t.api = *api;
                    else
                        ok =
                            bad(at + "/api", fmt::format("\"api\" must be an object or null, not {}", json_kind(*api)));
                }
                break;
            }
            case TypeKind::number:
                if (auto f = obj.find("format"); f != obj.end()) {
                    if (*f == "F32")
                        t.format = NumberFormat::f32;
                    else if (*f == "F64")
                        t.format = NumberFormat::f64;
                    else
                        ok = bad(at + "/format", "\"format\" must be \"F32\" or \"F64\"");
                }
                break;
            case TypeKind::varchar:
                if (auto m = obj.find("max_length"); m != obj.end()) {
                    ok = read_integer(*m, at + "/max_length", "\"max_length\"", t.max_length);
                    if (ok && (t.max_length < 0 || t.max_length > max_varchar_length))
                        ok = bad(at + "/max_length", fmt::format("\"max_length\" must be between 0 and {}, not {}",
                                                                 max_varchar_length, t.max_length));
                }
                break;
            case TypeKind::datetime:
                if (auto z = obj.find("timezone"); z != obj.end() && *z != "UTC")
                    ok = bad(at + "/timezone", "\"timezone\" must be \"UTC\"");
                break;
            default:
                break;
        }
        if (!ok) return std::nullopt;
        t.extra = unknown_fields(obj, known_fields(t.kind), ty.c_str(), at);
        return t;
    }

    static std::vector<std::string> known_fields(TypeKind kind) {
        switch (kind) {
            case TypeKind::variant:
                return {"ty", "hint"};
            case TypeKind::enumeration:
                return {"ty", "values"};
            case TypeKind::embedding:
                return {"ty", "size", "api"};
            case TypeKind::number:
                return {"ty", "format"};
            case TypeKind::varchar:
                return {"ty", "max_length"};
            case TypeKind::datetime:
                return {"ty", "timezone"};
            default:
                return {"ty"};
        }
    }

    ojson unknown_fields(const ojson& obj, const std::vector<std::string>& known, const char* ty,
                         const std::string& at) {
        ojson extra;
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            bool is_known = false;
            for (const auto& k : known) is_known = is_known || k == it.key();
            if (is_known) continue;
            extra[it.key()] = it.value();
            note(Severity::info, code::wire_unknown_field,
                 fmt::format("key {}: field {} of a {} type is unknown to eic; it is kept unchanged", quote(key_),
                             quote(it.key()), ty),
                 at + "/" + pointer_escape(it.key()));
        }
        return extra;
    }

    bool read_integer(const ojson& v, const std::string& at, const char* what, std::int64_t& out) {
        if (v.is_number_unsigned() && v.get<std::uint64_t>() > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
            return bad(at, fmt::format("{} is far too large", what));
        if (!v.is_number_integer())
            return bad(at, fmt::format("{} must be a whole number, not {}", what, json_kind(v)));
        out = v.get<std::int64_t>();
        return true;
    }

    bool bad(const std::string& at, const std::string& message) {
        fail(code::wire_field_value, fmt::format("key {}: {}", quote(key_), message), at);
        return false;
    }

    // The deprecated v1 body: {"key":
    // "number"|"string"|"boolean"|"datetime"|"geospatial"|"enum"|"embedding"|"long_string"}.
    std::optional<KeyEntry> read_legacy(const std::string& name, const std::string& at) {
        if (name == "enum" || name == "embedding") {
            fail(code::wire_legacy_incomplete,
                 fmt::format(
                     "key {} uses the deprecated flat form \"{}\", which does not say {}; write it as {}", quote(key_),
                     name, name == "enum" ? "the enum's options" : "the embedding's size",
                     name == "enum" ? "{\"ty\": \"enum\", \"values\": [...]}" : "{\"ty\": \"embedding\", \"size\": N}"),
                 at);
            return std::nullopt;
        }
        KeyType type;
        if (name == "geospatial") {
            type = KeyType::geospatial();
        } else {
            Diagnostics ignored_alias_warning;  // the legacy warning below already names the new form
            auto hint = parse_scalar_name(name, ignored_alias_warning);
            if (!hint) {
                for (auto& d : ignored_alias_warning) {
                    d.pointer = at;
                    d.message = fmt::format("key {}: {}", quote(key_), d.message);
                    out_.push_back(std::move(d));
                }
                broken = true;
                return std::nullopt;
            }
            type = KeyType::variant(*hint);
        }
        note(Severity::warning, code::wire_legacy,
             fmt::format("key {} uses the deprecated flat form {}; eic reads it as {} and writes that form",
                         quote(key_), quote(name), write_type(type).dump()),
             at);
        return KeyEntry::live(std::move(type));
    }

    const std::string& key_;
    Diagnostics& out_;
};

}  // namespace

WireRead read_wire(const ojson& body) {
    WireRead r;
    if (body.is_null()) return r;
    if (!body.is_object()) {
        Diagnostic d;
        d.code = code::wire_not_object;
        d.message = fmt::format("a schema must be a JSON object mapping each key to its type, not {}", json_kind(body));
        d.pointer = "";
        r.diagnostics.push_back(std::move(d));
        return r;
    }
    for (auto it = body.begin(); it != body.end(); ++it) {
        EntryReader reader(it.key(), r.diagnostics);
        auto entry = reader.read(it.value(), "/" + pointer_escape(it.key()));
        if (entry && !reader.broken)
            r.schema.put(it.key(), std::move(*entry));
        else
            r.broken_keys.insert(it.key());
    }
    return r;
}

ojson write_type(const KeyType& type) {
    ojson o;
    o["ty"] = kind_name(type.kind);
    switch (type.kind) {
        case TypeKind::variant:
            o["hint"] = hint_name(type.hint);
            break;
        case TypeKind::enumeration:
            o["values"] = type.values;
            break;
        case TypeKind::embedding:
            o["size"] = type.size;
            o["api"] = type.api;
            break;
        case TypeKind::number:
            o["format"] = format_name(type.format);
            break;
        case TypeKind::varchar:
            o["max_length"] = type.max_length;
            break;
        case TypeKind::datetime:
            o["timezone"] = "UTC";
            break;
        default:
            break;
    }
    if (type.extra.is_object())
        for (auto it = type.extra.begin(); it != type.extra.end(); ++it) o[it.key()] = it.value();
    return o;
}

ojson write_entry(const KeyEntry& entry) {
    if (entry.state == KeyState::live) return write_type(entry.type);
    ojson o;
    o["ty"] = "tombstone";
    o["deleted_ty"] = entry.state == KeyState::soft_deleted ? write_type(entry.type) : ojson(nullptr);
    if (entry.extra.is_object())
        for (auto it = entry.extra.begin(); it != entry.extra.end(); ++it) o[it.key()] = it.value();
    return o;
}

ojson write_wire(const Schema& schema) {
    ojson o = ojson::object();
    for (const auto& [key, entry] : schema) o[key] = write_entry(*entry);
    return o;
}

}  // namespace eic::schema

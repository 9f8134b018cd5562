#include "schema/rules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "schema/codes.hpp"
#include "schema/key_name.hpp"

namespace eic::schema {
namespace {

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// Options listed more than once, each once with its count, in byte order.
std::vector<std::pair<std::string, std::size_t>> repeats(const std::vector<std::string>& options) {
    std::map<std::string, std::size_t> counts;
    for (const auto& o : options) ++counts[o];
    std::vector<std::pair<std::string, std::size_t>> out;
    for (auto& [option, count] : counts)
        if (count > 1) out.emplace_back(option, count);
    return out;
}

}  // namespace

bool Held::has_key(const std::string& key) const {
    return (schema && schema->contains(key)) || unreadable_keys.count(key) > 0;
}

const std::vector<std::string>& Held::options_of(const std::string& key) const {
    static const std::vector<std::string> none;
    const KeyEntry* e = schema ? schema->find(key) : nullptr;
    if (!e || e->state == KeyState::hard_deleted || e->type.kind != TypeKind::enumeration) return none;
    return e->type.values;
}

const char* target_name(Target target) { return target == Target::active ? "active" : "index"; }

std::optional<Target> target_from_name(std::string_view name) {
    if (name == "index") return Target::index;
    if (name == "active") return Target::active;
    return std::nullopt;
}

std::optional<ScalarHint> parse_scalar_name(std::string_view name, Diagnostics& out) {
    if (auto hint = hint_from_name(name)) return hint;
    if (name == "string" || name == "long_string") {
        const char* now = name == "string" ? "varchar" : "text";
        out.push_back(Diagnostic::warning(
            code::type_alias, fmt::format("\"{}\" is the old name of \"{}\"; Encord strongly recommends the new name, "
                                          "and eic writes \"{}\"",
                                          name, now, now)));
        return name == "string" ? ScalarHint::varchar : ScalarHint::text;
    }
    if (name == "enum")
        out.push_back(
            Diagnostic::error(code::type_not_scalar,
                              "an enum needs its options, so it cannot be made from a scalar type name: add it as an "
                              "enum with its options"));
    else if (name == "embedding")
        out.push_back(
            Diagnostic::error(code::type_not_scalar,
                              "an embedding needs a size, so it cannot be made from a scalar type name: add it as an "
                              "embedding with its size"));
    else if (name == "geospatial")
        out.push_back(Diagnostic::error(code::type_not_scalar,
                                        "geospatial is not a scalar type: add the key as a geospatial key"));
    else {
        std::string message = fmt::format(
            "{} is not a scalar type: use number, varchar, text, boolean, datetime "
            "or uuid",
            quote(name));
        std::string lower = ascii_lower(name);
        if (hint_from_name(lower) || lower == "string" || lower == "long_string")
            message += fmt::format(" (type names are lower case: did you mean \"{}\"?)", lower);
        out.push_back(Diagnostic::error(code::type_unknown, std::move(message)));
    }
    return std::nullopt;
}

Diagnostics check_enum_options(const std::string& key, const std::vector<std::string>& options,
                               const std::vector<std::string>& held) {
    Diagnostics out;
    if (options.empty())
        out.push_back(Diagnostic::error(code::enum_empty,
                                        fmt::format("enum {} has no options; an enum needs at least 1", quote(key))));
    if (options.size() > max_enum_options)
        out.push_back(Diagnostic::error(
            code::enum_too_many,
            fmt::format("enum {} has {} options, and Encord accepts at most {}: its SDK refuses a 256th option (its "
                        "documentation and message say \"256\", but the check counts 256 as too many); remove {} "
                        "or split the key",
                        quote(key), options.size(), max_enum_options, options.size() - max_enum_options)));
    for (const auto& [option, count] : repeats(options)) {
        const auto held_count = static_cast<std::size_t>(std::count(held.begin(), held.end(), option));
        if (count <= held_count)
            out.push_back(Diagnostic::warning(
                code::wire_enum_repeat,
                fmt::format("enum {} lists option {} {} times. Encord's SDK appends options without "
                            "removing repeats, so Encord can hold it that way; eic keeps the list "
                            "as it is (the repeat is harmless)",
                            quote(key), quote(option), count)));
        else if (held_count > 1)
            out.push_back(Diagnostic::error(
                code::enum_duplicate,
                fmt::format("enum {} lists option {} {} times, and Encord holds it {} times: keep the "
                            "repeats Encord has, but do not add one",
                            quote(key), quote(option), count, held_count)));
        else
            out.push_back(Diagnostic::error(code::enum_duplicate,
                                            fmt::format("enum {} lists option {} more than once; list each option once",
                                                        quote(key), quote(option))));
    }
    return out;
}

Diagnostics check_embedding_size(const std::string& key, std::int64_t size, Target target) {
    Diagnostics out;
    if (size < 1 || size > max_embedding_size)
        out.push_back(Diagnostic::error(
            code::embedding_size, fmt::format("embedding {} has size {}; an embedding's size must be between 1 and {}",
                                              quote(key), size, max_embedding_size)));
    else if (size > max_active_embedding_size && target == Target::active)
        out.push_back(
            Diagnostic::error(code::embedding_active_size,
                              fmt::format("embedding {} has size {}, but Active accepts at most {} (Index accepts up "
                                          "to {}); reduce the size, or target Index",
                                          quote(key), size, max_active_embedding_size, max_embedding_size)));
    else if (size > max_active_embedding_size)
        out.push_back(
            Diagnostic::info(code::embedding_index_only,
                             fmt::format("embedding {} has size {}: Index accepts it, Active would not (at most {})",
                                         quote(key), size, max_active_embedding_size)));
    return out;
}

Diagnostics check_schema(const Schema& schema, Target target, const Held& held) {
    Diagnostics out;
    std::map<std::string, std::string> first_by_lower;  // case-folded live key -> first key seen
    for (const auto& [key, entry] : schema) {
        const std::string at = "/" + pointer_escape(key);
        for (auto d : validate_key_name(key, held.has_key(key) ? KeyOrigin::held : KeyOrigin::added)) {
            d.pointer = at;
            out.push_back(std::move(d));
        }
        if (entry->state == KeyState::hard_deleted) continue;
        const std::string type_at = entry->is_live() ? at : at + "/deleted_ty";
        Diagnostics found;
        if (entry->type.kind == TypeKind::enumeration) {
            found = check_enum_options(key, entry->type.values, held.options_of(key));
            for (auto& d : found) d.pointer = type_at + "/values";
        } else if (entry->type.kind == TypeKind::embedding) {
            // A deleted embedding is not indexed, so Active's limit does not bite until it is restored.
            found = check_embedding_size(key, entry->type.size, entry->is_live() ? target : Target::index);
            for (auto& d : found) d.pointer = type_at + "/size";
        }
        for (auto& d : found) out.push_back(std::move(d));

        if (!entry->is_live()) continue;
        auto [it, inserted] = first_by_lower.emplace(ascii_lower(key), key);
        if (!inserted)
            out.push_back(Diagnostic::warning(
                              code::key_case_collision,
                              fmt::format("key {} differs from key {} only by case; Encord treats them as two keys, "
                                          "which manifests easily mix up",
                                          quote(key), quote(it->second)))
                              .at_pointer(at));
    }
    return out;
}

}  // namespace eic::schema

#include "schema/transition.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <set>

#include "schema/codes.hpp"

namespace eic::schema {
namespace {

// The wire map's pointer to a key ("/" + the escaped key), and to a part of its entry (`suffix`).
std::string key_pointer(const std::string& key, const char* suffix = "") { return "/" + pointer_escape(key) + suffix; }

std::string join_quoted(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + quote(items[i]);
    return out;
}

// Sorted inputs (enum values are kept sorted). Multisets: an option listed twice in `a` and once in
// `b` is in the result once.
std::vector<std::string> minus(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<std::string> out;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

// The options of `from` that `to` does not list at all. An option listed fewer times is not removed:
// Encord may hold repeats (the SDK's add_enum_options appends without removing them), and listing
// one once more or less loses no option.
std::vector<std::string> removed_options(const std::vector<std::string>& from, const std::vector<std::string>& to) {
    std::vector<std::string> out;
    for (const auto& option : minus(from, to))
        if (!std::binary_search(to.begin(), to.end(), option) && (out.empty() || out.back() != option))
            out.push_back(option);
    return out;
}

// How an enum's option list changed, when no option was removed.
struct OptionChange {
    std::vector<std::string> added;    // new options, and new repeats of listed ones
    std::vector<std::string> dropped;  // repeats listed fewer times (each option still listed)
};

// Whether a key of type `from` may become `to`. Fills `options` for enums; returns the refusal if not.
std::optional<Diagnostic> compatible(const std::string& key, const KeyType& from, const KeyType& to,
                                     const std::string& path, OptionChange& options) {
    if (from.kind == TypeKind::variant && to.kind == TypeKind::variant) return std::nullopt;
    if (from.kind == TypeKind::enumeration && to.kind == TypeKind::enumeration && from.extra == to.extra) {
        auto removed = removed_options(from.values, to.values);
        if (removed.empty()) {
            options.added = minus(to.values, from.values);
            options.dropped = minus(from.values, to.values);
            return std::nullopt;
        }
        auto d =
            Diagnostic::error(code::enum_option_removed,
                              fmt::format("Schema key options cannot be deleted: enum {} no longer has {}. Encord can "
                                          "add options to an enum but never remove or rename one (a rename removes the "
                                          "old name); put {} back",
                                          quote(key), join_quoted(removed), removed.size() == 1 ? "it" : "them"))
                .at_pointer(key_pointer(key));
        d.pointer = *d.pointer + path + "/values";
        return d;
    }
    if (from == to) return std::nullopt;
    return Diagnostic::error(
               code::type_change,
               fmt::format("key {} has type {} in Encord and cannot change to {}: only a key created as a scalar can "
                           "change to another scalar type; an enum, embedding, geospatial or typed key keeps "
                           "its type (and an embedding its size). Use a new key name instead",
                           quote(key), describe(from), describe(to)))
        .at_pointer(key_pointer(key));
}

// "; fewer repeats of "a"" (empty when none), for a summary.
std::string dropped_note(const std::vector<std::string>& dropped) {
    if (dropped.empty()) return "";
    std::vector<std::string> distinct;
    std::unique_copy(dropped.begin(), dropped.end(), std::back_inserter(distinct));
    return "; fewer repeats of " + join_quoted(distinct) + " (each still listed)";
}

std::string arrow(const KeyType& a, const KeyType& b) { return describe(a) + " -> " + describe(b); }

}  // namespace

const char* change_kind_name(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::added:
            return "added";
        case ChangeKind::retyped:
            return "retyped";
        case ChangeKind::options_added:
            return "options-added";
        case ChangeKind::repeats_dropped:
            return "repeats-dropped";
        case ChangeKind::deleted_soft:
            return "deleted-soft";
        case ChangeKind::deleted_hard:
            return "deleted-hard";
        case ChangeKind::restored:
            return "restored";
        case ChangeKind::dropped:
            return "dropped";
    }
    return "?";
}

Transition classify(const std::string& key, const KeyEntry* before, const KeyEntry* after) {
    Transition t;
    if (!before && !after) return t;
    if (before && after && *before == *after) return t;

    Change c;
    c.key = key;
    if (before) c.before = *before;
    if (after) c.after = *after;
    auto refuse = [&](Diagnostic d) {
        c.refused = true;
        t.refusals.push_back(std::move(d));
    };

    if (!before) {
        c.kind = after->state == KeyState::live           ? ChangeKind::added
                 : after->state == KeyState::soft_deleted ? ChangeKind::deleted_soft
                                                          : ChangeKind::deleted_hard;
        c.destructive = after->state == KeyState::hard_deleted;  // reserves the name for ever
        c.summary = after->state == KeyState::live ? describe(after->type) : "added as " + describe(*after);
    } else if (!after) {
        c.kind = ChangeKind::dropped;
        c.destructive = true;
        c.summary = describe(*before) + " -> (absent)";
        refuse(
            Diagnostic::error(code::key_dropped,
                              fmt::format("key {} ({}) is missing: Encord never removes a key from its schema, and a "
                                          "push overwrites the whole schema. Delete the key (soft or hard) instead of "
                                          "removing it",
                                          quote(key), describe(*before)))
                .at_pointer(key_pointer(key)));
    } else if (before->state == KeyState::hard_deleted) {
        c.kind = after->state == KeyState::live ? ChangeKind::restored : ChangeKind::retyped;
        c.summary = describe(*before) + " -> " + describe(*after);
        refuse(
            Diagnostic::error(code::key_hard_deleted,
                              fmt::format("key {} was hard deleted, which is permanent: it can be neither restored nor "
                                          "added again. Use another key name",
                                          quote(key)))
                .at_pointer(key_pointer(key)));
    } else if (after->state == KeyState::hard_deleted) {
        c.kind = ChangeKind::deleted_hard;
        c.destructive = true;
        c.summary = describe(*before) + " -> hard deleted (permanent)";
    } else if (before->state == KeyState::live) {
        const char* path = after->state == KeyState::live ? "" : "/deleted_ty";
        OptionChange options;
        auto d = compatible(key, before->type, after->type, path, options);
        c.options_added = options.added;
        const bool only_options = !d && before->type.kind == TypeKind::enumeration;
        if (after->state == KeyState::soft_deleted) {
            c.kind = ChangeKind::deleted_soft;
            c.destructive = true;
            c.summary = describe(*before) + " -> soft deleted (can be restored)";
            if (before->type != after->type) c.summary = arrow(before->type, after->type) + ", then soft deleted";
        } else if (only_options && !options.added.empty()) {
            c.kind = ChangeKind::options_added;
            c.summary = "+ " + join_quoted(options.added) + dropped_note(options.dropped);
        } else if (only_options && !options.dropped.empty()) {
            c.kind = ChangeKind::repeats_dropped;
            c.summary = dropped_note(options.dropped).substr(2);
        } else {
            c.kind = ChangeKind::retyped;
            c.destructive = true;
            c.summary = arrow(before->type, after->type);
        }
        if (d) refuse(std::move(*d));
    } else {  // soft deleted before
        const char* path = after->state == KeyState::live ? "" : "/deleted_ty";
        OptionChange options;
        auto d = compatible(key, before->type, after->type, path, options);
        c.options_added = options.added;
        if (after->state == KeyState::live) {
            c.kind = ChangeKind::restored;
            c.destructive = before->type.kind == TypeKind::variant && before->type.hint != after->type.hint;
            c.summary = before->type == after->type
                            ? "restored as " + describe(after->type)
                            : "restored as " + describe(after->type) + " (was " + describe(before->type) + ")";
        } else {
            c.kind = ChangeKind::retyped;
            c.destructive = true;
            c.summary = "deleted " + arrow(before->type, after->type);
        }
        if (d && d->code == code::type_change)
            d = Diagnostic::error(
                    code::key_deleted_other_type,
                    fmt::format("key {} was deleted with type {} and can only come back with that type (restore "
                                "it); it cannot be re-created with type {}. Use a new key name for the new type",
                                quote(key), describe(before->type), describe(after->type)))
                    .at_pointer(key_pointer(key));
        if (d) refuse(std::move(*d));
    }
    t.change = std::move(c);
    return t;
}

std::vector<Change> changes_between(const Schema& before, const Schema& after) {
    std::set<std::string> keys;
    for (const Schema* s : {&before, &after})
        for (const auto& kv : *s) keys.insert(kv.first);
    std::vector<Change> out;
    for (const auto& key : keys)
        if (auto c = classify(key, before.find(key), after.find(key)).change) out.push_back(std::move(*c));
    return out;
}

}  // namespace eic::schema

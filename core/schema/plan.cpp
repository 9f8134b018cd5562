#include "schema/plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <set>

#include "schema/codes.hpp"
#include "schema/wire.hpp"

namespace eic::schema {
namespace {

bool same(const KeyEntry* a, const KeyEntry* b) { return a == b || (a && b && *a == *b); }

bool live_enum(const KeyEntry* e) { return e && e->is_live() && e->type.kind == TypeKind::enumeration; }

bool includes(const KeyType& big, const KeyType& small) {
    return std::includes(big.values.begin(), big.values.end(), small.values.begin(), small.values.end());
}

// Both sides only added options to an enum: the union is what both meant.
std::optional<KeyEntry> merge_enum_options(const KeyEntry* b, const KeyEntry* d, const KeyEntry* r) {
    if (!live_enum(b) || !live_enum(d) || !live_enum(r)) return std::nullopt;
    if (!includes(d->type, b->type) || !includes(r->type, b->type)) return std::nullopt;
    if (d->type.extra != b->type.extra || r->type.extra != b->type.extra) return std::nullopt;
    KeyType merged = r->type;
    merged.values.clear();
    std::set_union(d->type.values.begin(), d->type.values.end(), r->type.values.begin(), r->type.values.end(),
                   std::back_inserter(merged.values));
    return KeyEntry::live(std::move(merged));
}

std::string shown(const KeyEntry* e) { return e ? describe(*e) : "nothing"; }

std::optional<KeyEntry> copy(const KeyEntry* e) { return e ? std::optional<KeyEntry>(*e) : std::nullopt; }

}  // namespace

Plan make_plan(const Schema& draft, const Schema* base_or_null, const Schema& remote) {
    const Schema& base = base_or_null ? *base_or_null : remote;
    Plan p;
    p.remote = remote;
    p.result = remote;

    std::set<std::string> keys;
    for (const Schema* s : {&draft, &base, &remote})
        for (const auto& kv : *s) keys.insert(kv.first);

    p.remote_changes = changes_between(base, remote);
    for (const auto& key : keys) {
        const KeyEntry *b = base.find(key), *d = draft.find(key), *r = remote.find(key);
        if (same(b, d)) continue;  // the draft did not touch it: Encord's version stays

        std::optional<KeyEntry> target = copy(d);
        if (!same(b, r) && !same(d, r)) {
            target = merge_enum_options(b, d, r);
            if (!target) {
                Conflict c{key, copy(b), copy(d), copy(r), {}};
                c.message = fmt::format(
                    "key {} changed both in this draft and in Encord since the draft's base: the "
                    "base had {}, Encord now has {}, the draft has {}. Fetch Encord's schema again "
                    "and redo the change on top of it",
                    quote(key), shown(b), shown(r), shown(d));
                Diagnostic diag;
                diag.code = code::plan_conflict;
                diag.message = c.message;
                diag.pointer = "/" + pointer_escape(key);
                p.diagnostics.push_back(std::move(diag));
                p.conflicts.push_back(std::move(c));
                continue;
            }
        }
        Transition t = classify(key, r, target ? &*target : nullptr);
        for (auto& diag : t.refusals) p.diagnostics.push_back(std::move(diag));
        if (!t.change) continue;
        if (!t.change->refused) {
            if (target)
                p.result.put(key, *target);
            else
                p.result.erase(key);
        }
        p.changes.push_back(std::move(*t.change));
    }
    return p;
}

std::optional<nlohmann::ordered_json> apply_plan(const Plan& plan) {
    if (!plan.applicable()) return std::nullopt;
    Schema body = plan.remote;
    for (const auto& c : plan.changes) {
        if (c.after)
            body.put(c.key, *c.after);
        else
            body.erase(c.key);
    }
    return write_wire(body);
}

}  // namespace eic::schema

#include "schema/change_words.hpp"

namespace eic::schema {

namespace {
const char* verb(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::added:
            return "add";
        case ChangeKind::retyped:
            return "change";
        case ChangeKind::options_added:
            return "add options to";
        case ChangeKind::repeats_dropped:
            return "list fewer repeats in";
        case ChangeKind::deleted_soft:
        case ChangeKind::deleted_hard:
            return "delete";
        case ChangeKind::restored:
            return "restore";
        case ChangeKind::dropped:
            return "remove";
    }
    return "change";
}
}  // namespace

std::string change_words(const Change& c) { return std::string(verb(c.kind)) + " " + quote(c.key) + ": " + c.summary; }

std::string destructive_consequence(const Change& c) {
    if (!c.destructive) return "";
    switch (c.kind) {
        case ChangeKind::deleted_soft:
            return "data indexed under it may stop being usable until the key is restored";
        case ChangeKind::deleted_hard:
            return c.before ? "Encord stops indexing the key, and it can never be restored nor its name used again"
                            : "the name can never be used for a key";
        case ChangeKind::dropped:
            return "Encord never removes a key from its schema";
        case ChangeKind::retyped:
        case ChangeKind::restored:
            return "values already indexed under it may no longer fit its new type";
        case ChangeKind::added:
        case ChangeKind::options_added:
        case ChangeKind::repeats_dropped:
            break;
    }
    return "data indexed under it may stop being usable";
}

std::vector<std::string> destructive_changes(const Plan& plan) {
    std::vector<std::string> out;
    for (const auto& c : plan.changes)
        if (c.destructive) out.push_back(change_words(c) + " — " + destructive_consequence(c));
    return out;
}

}  // namespace eic::schema

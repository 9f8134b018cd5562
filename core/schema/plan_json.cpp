#include "schema/plan_json.hpp"

#include "schema/wire.hpp"

namespace eic::schema {
namespace {

using ojson = nlohmann::ordered_json;

ojson entry_json(const std::optional<KeyEntry>& e) { return e ? write_entry(*e) : ojson(nullptr); }

}  // namespace

ojson change_json(const Change& c) {
    ojson o;
    o["key"] = c.key;
    o["kind"] = change_kind_name(c.kind);
    o["destructive"] = c.destructive;
    o["refused"] = c.refused;
    o["before"] = entry_json(c.before);
    o["after"] = entry_json(c.after);
    o["optionsAdded"] = c.options_added;
    o["summary"] = c.summary;
    return o;
}

ojson conflict_json(const Conflict& c) {
    ojson o;
    o["key"] = c.key;
    o["base"] = entry_json(c.base);
    o["draft"] = entry_json(c.draft);
    o["remote"] = entry_json(c.remote);
    o["message"] = c.message;
    return o;
}

ojson plan_json(const Plan& plan) {
    ojson o;
    o["changes"] = ojson::array();
    for (const auto& c : plan.changes) o["changes"].push_back(change_json(c));
    o["remoteChanges"] = ojson::array();
    for (const auto& c : plan.remote_changes) o["remoteChanges"].push_back(change_json(c));
    o["conflicts"] = ojson::array();
    for (const auto& c : plan.conflicts) o["conflicts"].push_back(conflict_json(c));
    auto body = apply_plan(plan);
    o["post"] = body ? *body : ojson(nullptr);
    return o;
}

}  // namespace eic::schema

#include "schema/diff_report.hpp"

#include <algorithm>

#include "diag/report.hpp"
#include "schema/plan_json.hpp"

namespace eic::schema {

using nlohmann::ordered_json;

SchemaDiff diff_schemas(const DiffInput& from, const DiffInput& to, const std::optional<DiffInput>& base) {
    SchemaDiff d;
    d.inputs.push_back({from.name, load_schema_text(from.text)});
    d.inputs.push_back({to.name, load_schema_text(to.text)});
    if (base) d.inputs.push_back({base->name, load_schema_text(base->text)});

    // Only reading problems block the diff; the rules about each file are `schema check`'s business,
    // and the plan reports every refused change.
    for (const auto& in : d.inputs)
        if (!in.load.file || has_error(in.load.diagnostics)) return d;
    const SchemaFile& a = *d.inputs[0].load.file;
    const SchemaFile& b = *d.inputs[1].load.file;
    const Schema* base_schema = nullptr;
    if (base) {
        base_schema = &d.inputs[2].load.file->draft.schema;
        d.base_label = base->name;
    } else if (b.draft.base) {
        base_schema = &b.draft.base->schema;
        d.base_label = "the base in " + to.name;
    }
    d.plan = make_plan(b.draft.schema, base_schema, a.draft.schema);
    d.plan_diagnostics = d.plan->diagnostics;
    rebase(d.plan_diagnostics, b.is_draft ? "/schema" : "");
    locate(d.plan_diagnostics, d.inputs[1].load.locator);
    d.differs = d.plan->has_changes() || !d.plan->conflicts.empty() || !d.plan->applicable();
    return d;
}

ordered_json diff_json(const SchemaDiff& d) {
    ordered_json summary;
    summary["from"] = d.inputs[0].name;
    summary["to"] = d.inputs[1].name;
    summary["base"] = d.base_label;
    const auto& plan = d.plan;
    summary["changes"] = plan ? plan->changes.size() : 0;
    summary["destructive"] =
        plan ? std::count_if(plan->changes.begin(), plan->changes.end(), [](const Change& c) { return c.destructive; })
             : 0;
    summary["conflicts"] = plan ? plan->conflicts.size() : 0;
    Diagnostics all;
    ordered_json diags = ordered_json::array();
    auto add = [&](const Diagnostics& ds, const std::string& file) {
        for (const auto& diag : ds) {
            all.push_back(diag);
            auto j = report::diagnostic_json(diag);
            j["file"] = file;
            diags.push_back(std::move(j));
        }
    };
    for (const auto& in : d.inputs) add(in.load.diagnostics, in.name);
    add(d.plan_diagnostics, d.inputs[1].name);
    ordered_json o = report::diagnostics_json(all, std::move(summary));
    o["diagnostics"] = std::move(diags);
    o.update(plan ? plan_json(*plan)
                  : ordered_json{{"changes", ordered_json::array()},
                                 {"remoteChanges", ordered_json::array()},
                                 {"conflicts", ordered_json::array()},
                                 {"post", nullptr}});
    return o;
}

}  // namespace eic::schema

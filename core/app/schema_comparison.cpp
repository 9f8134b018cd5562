#include "app/schema_comparison.hpp"

#include "diag/report.hpp"
#include "schema/document.hpp"
#include "schema/plan_json.hpp"

namespace eic::app {

SchemaComparison compare_schema(const schema::Draft& draft, std::string_view other_text) {
    SchemaComparison out;
    schema::SchemaLoad load = schema::load_schema_text(other_text);
    out.load_errors = load.diagnostics;
    if (load.file && !has_error(load.diagnostics))
        out.plan = schema::make_plan(draft.schema, draft.base ? &draft.base->schema : nullptr, load.file->draft.schema);
    return out;
}

nlohmann::ordered_json comparison_json(const SchemaComparison& c) {
    nlohmann::ordered_json j;
    j["readable"] = c.plan.has_value();
    if (c.plan) {
        nlohmann::ordered_json plan = schema::plan_json(*c.plan);
        for (auto& [k, v] : plan.items()) j[k] = std::move(v);
    } else {
        j["diagnostics"] = report::diagnostics_json(c.load_errors)["diagnostics"];
    }
    return j;
}

}  // namespace eic::app

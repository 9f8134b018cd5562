#include "manifest/api_json.hpp"

#include "diag/report.hpp"
#include "manifest/convert.hpp"
#include "manifest/infer.hpp"
#include "manifest/split.hpp"
#include "schema/document.hpp"

namespace eic::manifest::api {
namespace {

using nlohmann::ordered_json;

std::string string_option(const nlohmann::json& o, const char* name, std::string fallback = {}) {
    if (!o.is_object() || !o.contains(name) || o[name].is_null()) return fallback;
    if (!o[name].is_string()) throw BadOptions{std::string("option ") + name + " must be a string"};
    return o[name].get<std::string>();
}

bool bool_option(const nlohmann::json& o, const char* name) {
    if (!o.is_object() || !o.contains(name) || o[name].is_null()) return false;
    if (!o[name].is_boolean()) throw BadOptions{std::string("option ") + name + " must be true or false"};
    return o[name].get<bool>();
}

std::optional<std::uint64_t> count_option(const nlohmann::json& o, const char* name) {
    if (!o.is_object() || !o.contains(name) || o[name].is_null()) return std::nullopt;
    if (!o[name].is_number_unsigned() && !(o[name].is_number_integer() && o[name].get<std::int64_t>() >= 0))
        throw BadOptions{std::string("option ") + name + " must be a whole number, 0 or more"};
    return o[name].get<std::uint64_t>();
}

std::optional<Format> format_option(const nlohmann::json& o, const char* name) {
    const std::string f = string_option(o, name, "auto");
    if (f == "json") return Format::json;
    if (f == "csv") return Format::csv;
    if (f == "auto") return std::nullopt;
    throw BadOptions{std::string("option ") + name + " must be \"json\", \"csv\" or \"auto\", not \"" + f + "\""};
}

ordered_json with_diagnostics(ordered_json out, const Diagnostics& ds, ordered_json summary = ordered_json::object()) {
    ordered_json d = report::diagnostics_json(ds, std::move(summary));
    out["summary"] = std::move(d["summary"]);
    out["diagnostics"] = std::move(d["diagnostics"]);
    return out;
}

}  // namespace

ValidateOptions validate_options(const nlohmann::json& o) {
    if (!o.is_null() && !o.is_object()) throw BadOptions{"the options must be an object"};
    ValidateOptions options;
    const std::string schema_text = string_option(o, "schema");
    if (!schema_text.empty()) {
        schema::SchemaLoad load = schema::load_schema_text(schema_text);
        if (!load.file || has_error(load.diagnostics)) {
            std::string why = load.diagnostics.empty() ? "it is not a schema" : load.diagnostics.front().message;
            if (!load.diagnostics.empty() && load.diagnostics.front().line)
                why = std::to_string(load.diagnostics.front().line) + ":" +
                      std::to_string(load.diagnostics.front().column) + ": " + why;
            throw BadOptions{"the schema option is not a usable schema (" + why + ")"};
        }
        options.schema = load.file->draft.schema;
    }
    const auto format = format_option(o, "format");
    options.format = !format ? InputFormat::auto_detect : *format == Format::csv ? InputFormat::csv : InputFormat::json;
    options.file_name = string_option(o, "fileName");
    options.strict_client_only = bool_option(o, "strictClientOnly");
    const std::string plan = string_option(o, "plan");
    if (!plan.empty()) {
        options.plan = plan_from_name(plan);
        if (!options.plan)
            throw BadOptions{"option plan must be \"enterprise\", \"team\" or \"free\", not \"" + plan + "\""};
    }
    if (auto max = count_option(o, "maxDiagnostics")) options.max_diagnostics = *max;
    return options;
}

ordered_json validation_json(const ValidationResult& r, std::string_view file) {
    ordered_json summary;
    summary["file"] = std::string(file);
    summary.update(summary_json(r.summary));
    report::Counts totals;
    totals.errors = r.summary.errors;
    totals.warnings = r.summary.warnings;
    totals.infos = r.summary.infos;
    return report::diagnostics_json(r.diagnostics, std::move(summary), totals);
}

ordered_json convert_json(std::string_view input, const nlohmann::json& o) {
    ConvertOptions options;
    const std::string to = string_option(o, "to");
    if (to == "json")
        options.to = Format::json;
    else if (to == "csv")
        options.to = Format::csv;
    else
        throw BadOptions{"option to must be \"json\" or \"csv\""};
    options.from = format_option(o, "from");
    options.file_name = string_option(o, "fileName");
    options.json.pretty = !o.contains("pretty") || bool_option(o, "pretty");
    ConvertResult r = convert(input, options);
    ordered_json out;
    out["output"] = r.bytes ? ordered_json(*r.bytes) : ordered_json(nullptr);
    out["from"] = r.from == Format::csv ? "csv" : "json";
    return with_diagnostics(std::move(out), r.diagnostics);
}

ordered_json split_json(std::string_view input, const nlohmann::json& o) {
    SplitOptions options;
    const auto max_items = count_option(o, "maxItems");
    const std::string profile = string_option(o, "profile", max_items ? "" : "recommended");
    if (max_items && !profile.empty()) throw BadOptions{"give either profile or maxItems, not both"};
    if (max_items) {
        if (*max_items == 0) throw BadOptions{"option maxItems must be at least 1"};
        options.profile = max_items_profile(*max_items);
    } else {
        auto p = split_profile(profile);
        if (!p)
            throw BadOptions{"option profile must be recommended, enterprise, team or free, not \"" + profile + "\""};
        options.profile = *p;
    }
    options.file_name = string_option(o, "fileName", "manifest.json");
    options.from = format_option(o, "from");
    options.json.pretty = !o.contains("pretty") || bool_option(o, "pretty");
    SplitResult r = split(input, options);
    ordered_json parts = ordered_json::array();
    for (auto& p : r.parts)
        parts.push_back({{"name", p.name}, {"text", std::move(p.bytes)}, {"items", p.items}, {"urls", p.urls}});
    const std::size_t count = parts.size();
    ordered_json out;
    out["parts"] = std::move(parts);
    return with_diagnostics(std::move(out), r.diagnostics, {{"parts", count}});
}

ordered_json infer_json(std::string_view input, const nlohmann::json& o) {
    InferOptions options;
    options.file_name = string_option(o, "fileName");
    options.title = string_option(o, "title");
    InferResult r = infer_schema(input, options);
    ordered_json out;
    const std::string text = write_draft_file(r.draft);
    out["draft"] = r.loaded ? ordered_json::parse(text) : ordered_json(nullptr);
    out["text"] = r.loaded ? ordered_json(text) : ordered_json(nullptr);
    return with_diagnostics(
        std::move(out), r.diagnostics,
        {{"items", r.items}, {"itemsWithMetadata", r.items_with_metadata}, {"keys", r.draft.schema.size()}});
}

}  // namespace eic::manifest::api

// The manifest functions of the JS API as JSON in, JSON out, so the browser glue stays a thin pass-
// through and every decision is tested natively: options objects are parsed here and results written
// in the same shapes as the CLI's --output json.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "manifest/validate.hpp"

namespace eic::manifest::api {

// Thrown for options a caller got wrong (unknown plan, schema that cannot be read, ...): the JS API
// rejects its promise with this message.
struct BadOptions {
    std::string message;
};

// {schema?: text (a wire map or a draft), format?: "json"|"csv"|"auto", strictClientOnly?: bool,
//  plan?: "enterprise"|"team"|"free", maxDiagnostics?: n, fileName?: "x.csv"}
ValidateOptions validate_options(const nlohmann::json& options);
// {"summary": {file, format, bytes, items, ..., errors, warnings, infos}, "diagnostics": [...]}:
// the document `eic validate --output json` prints; the counts include findings beyond the cap.
nlohmann::ordered_json validation_json(const ValidationResult& result, std::string_view file);

// {to: "json"|"csv", from?, fileName?, pretty?} -> {"output": text|null, "from", "summary", "diagnostics"}
nlohmann::ordered_json convert_json(std::string_view input, const nlohmann::json& options);
// {profile?: "recommended"|"enterprise"|"team"|"free", maxItems?: n, fileName?, pretty?}
//   -> {"parts": [{"name", "text", "items", "urls"}], "summary", "diagnostics"}
nlohmann::ordered_json split_json(std::string_view input, const nlohmann::json& options);
// {fileName?, title?} -> {"draft": <draft file object>, "text": <draft file>, "items", "summary", "diagnostics"}
nlohmann::ordered_json infer_json(std::string_view input, const nlohmann::json& options);

}  // namespace eic::manifest::api

// Prints diagnostics for people and machines: text (FILE:LINE:COL: error CODE: message), the JSON of
// the design doc's CLI contract, and SARIF 2.1.0 for code-scanning tools. Shared by every command
// that reports findings (schema check, manifest validation).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "version.hpp"

namespace eic::report {

struct Counts {
    std::size_t errors = 0, warnings = 0, infos = 0;
};
Counts count(const Diagnostics& diagnostics);

// "FILE:LINE:COL: error CODE: message". Without a line: "FILE: error CODE: message", followed by the
// pointer or CSV row/field in brackets when there is one, so the finding can still be found.
std::string text_line(const Diagnostic& d, std::string_view file);
void write_text(std::ostream& out, const Diagnostics& diagnostics, std::string_view file);

// {"severity","code","message","line","column","pointer","row","field","collection","item"}, every
// name present, absent values (and line/column 0) as null.
nlohmann::ordered_json diagnostic_json(const Diagnostic& d);
// {"summary": <summary, then "errors", "warnings", "infos">, "diagnostics": [...]}. The counts
// overwrite fields of the same name in `summary`.
nlohmann::ordered_json diagnostics_json(const Diagnostics& diagnostics,
                                        nlohmann::ordered_json summary = nlohmann::ordered_json::object());
void write_json(std::ostream& out, const Diagnostics& diagnostics,
                nlohmann::ordered_json summary = nlohmann::ordered_json::object());
// Same, with the counts given rather than counted: for a list capped below the number of findings
// (the manifest validator's --max-diagnostics), whose summary must still count every finding.
nlohmann::ordered_json diagnostics_json(const Diagnostics& diagnostics, nlohmann::ordered_json summary,
                                        const Counts& totals);
void write_json(std::ostream& out, const Diagnostics& diagnostics, nlohmann::ordered_json summary,
                const Counts& totals);

struct SarifTool {
    std::string name = "eic";
    std::string version = eic::version();
    std::string information_uri;  // omitted when empty
};
struct FileFindings {
    std::string file;  // a path as the user gave it; written as a relative URI reference
    const Diagnostics* diagnostics = nullptr;
};
// One run; results carry the pointer, row, field, collection and item as properties. Columns are
// counted in Unicode code points, as the run's columnKind says.
nlohmann::ordered_json sarif(const std::vector<FileFindings>& files, const SarifTool& tool = {});
void write_sarif(std::ostream& out, const Diagnostics& diagnostics, std::string_view file, const SarifTool& tool = {});

// Serialises for output; invalid UTF-8 inside strings is replaced rather than thrown on.
std::string dump(const nlohmann::ordered_json& value, int indent = 2);

}  // namespace eic::report

#include "diag/report.hpp"

#include <fmt/format.h>

namespace eic::report {
namespace {

using ojson = nlohmann::ordered_json;

template <typename T>
ojson or_null(const std::optional<T>& v) {
    return v ? ojson(*v) : ojson(nullptr);
}

const char* sarif_level(Severity s) {
    switch (s) {
        case Severity::error:
            return "error";
        case Severity::warning:
            return "warning";
        case Severity::info:
            return "note";
    }
    return "error";
}

// A file path as a URI reference: unreserved characters and "/" stay, everything else is %XX.
std::string uri_reference(std::string_view path) {
    std::string out;
    for (unsigned char c : path) {
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '.' || c == '_' || c == '~' || c == '/';
        out += keep ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
    }
    return out;
}

}  // namespace

Counts count(const Diagnostics& diagnostics) {
    Counts c;
    for (const auto& d : diagnostics) {
        if (d.severity == Severity::error)
            ++c.errors;
        else if (d.severity == Severity::warning)
            ++c.warnings;
        else
            ++c.infos;
    }
    return c;
}

std::string text_line(const Diagnostic& d, std::string_view file) {
    std::string place(file);
    if (d.line) place += fmt::format(":{}:{}", d.line, d.column ? d.column : 1);
    std::string line = fmt::format("{}: {} {}: {}", place, severity_name(d.severity), d.code, d.message);
    if (!d.line) {
        if (d.row)
            line += fmt::format(" [row {}{}]", *d.row, d.field ? ", field " + *d.field : "");
        else if (d.pointer && !d.pointer->empty())
            line += " [at " + *d.pointer + "]";
    }
    return line;
}

void write_text(std::ostream& out, const Diagnostics& diagnostics, std::string_view file) {
    for (const auto& d : diagnostics) out << text_line(d, file) << '\n';
}

ojson diagnostic_json(const Diagnostic& d) {
    ojson o;
    o["severity"] = severity_name(d.severity);
    o["code"] = d.code;
    o["message"] = d.message;
    o["line"] = d.line ? ojson(d.line) : ojson(nullptr);
    o["column"] = d.line && d.column ? ojson(d.column) : ojson(nullptr);
    o["pointer"] = or_null(d.pointer);
    o["row"] = or_null(d.row);
    o["field"] = or_null(d.field);
    o["collection"] = or_null(d.collection);
    o["item"] = or_null(d.item);
    return o;
}

ojson diagnostics_json(const Diagnostics& diagnostics, ojson summary) {
    return diagnostics_json(diagnostics, std::move(summary), count(diagnostics));
}

ojson diagnostics_json(const Diagnostics& diagnostics, ojson summary, const Counts& c) {
    if (!summary.is_object()) summary = ojson::object();
    summary["errors"] = c.errors;
    summary["warnings"] = c.warnings;
    summary["infos"] = c.infos;
    ojson list = ojson::array();
    for (const auto& d : diagnostics) list.push_back(diagnostic_json(d));
    ojson o;
    o["summary"] = std::move(summary);
    o["diagnostics"] = std::move(list);
    return o;
}

void write_json(std::ostream& out, const Diagnostics& diagnostics, ojson summary) {
    out << dump(diagnostics_json(diagnostics, std::move(summary))) << '\n';
}

void write_json(std::ostream& out, const Diagnostics& diagnostics, ojson summary, const Counts& totals) {
    out << dump(diagnostics_json(diagnostics, std::move(summary), totals)) << '\n';
}

ojson sarif(const std::vector<FileFindings>& files, const SarifTool& tool) {
    ojson rules = ojson::array();
    std::vector<std::string> rule_ids;
    auto rule_index = [&](const std::string& id) {
        for (std::size_t i = 0; i < rule_ids.size(); ++i)
            if (rule_ids[i] == id) return i;
        rule_ids.push_back(id);
        rules.push_back({{"id", id}});
        return rule_ids.size() - 1;
    };

    ojson results = ojson::array();
    for (const auto& f : files) {
        if (!f.diagnostics) continue;
        for (const auto& d : *f.diagnostics) {
            ojson result;
            result["ruleId"] = d.code;
            result["ruleIndex"] = rule_index(d.code);
            result["level"] = sarif_level(d.severity);
            result["message"] = {{"text", d.message}};
            ojson physical;
            physical["artifactLocation"] = {{"uri", uri_reference(f.file)}};
            if (d.line) {
                physical["region"] = {{"startLine", d.line}};
                if (d.column) physical["region"]["startColumn"] = d.column;
            }
            result["locations"] = ojson::array({{{"physicalLocation", std::move(physical)}}});
            ojson props = ojson::object();
            if (d.pointer) props["pointer"] = *d.pointer;
            if (d.row) props["row"] = *d.row;
            if (d.field) props["field"] = *d.field;
            if (d.collection) props["collection"] = *d.collection;
            if (d.item) props["item"] = *d.item;
            if (!props.empty()) result["properties"] = std::move(props);
            results.push_back(std::move(result));
        }
    }

    ojson driver;
    driver["name"] = tool.name;
    driver["version"] = tool.version;
    if (!tool.information_uri.empty()) driver["informationUri"] = tool.information_uri;
    driver["rules"] = std::move(rules);
    ojson run;
    run["tool"] = {{"driver", std::move(driver)}};
    run["columnKind"] = "unicodeCodePoints";
    run["results"] = std::move(results);
    ojson log;
    log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    log["version"] = "2.1.0";
    log["runs"] = ojson::array({std::move(run)});
    return log;
}

void write_sarif(std::ostream& out, const Diagnostics& diagnostics, std::string_view file, const SarifTool& tool) {
    out << dump(sarif({FileFindings{std::string(file), &diagnostics}}, tool)) << '\n';
}

std::string dump(const ojson& value, int indent) {
    return value.dump(indent, ' ', false, ojson::error_handler_t::replace);
}

}  // namespace eic::report

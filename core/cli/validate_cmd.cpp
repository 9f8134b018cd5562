#include "cli/validate_cmd.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "diag/report.hpp"
#include "manifest/validate.hpp"
#include "schema/document.hpp"

namespace eic::cli {
namespace {

constexpr const char* kUsage =
    "usage: eic validate FILE [--schema S] [--format json|csv|auto] [--strict-client-only]\n"
    "                         [--plan enterprise|team|free] [--max-diagnostics N] [--output text|json|sarif]\n"
    "S is an Encord wire schema (GET client-metadata-schema-v2) or a schema draft (*.eic-schema.json).\n"
    "--max-diagnostics: findings listed (default 1000, 0 = all); the rest are counted per code.\n";

struct Usage {
    std::string message;
};

bool read_whole(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    in.seekg(0, std::ios::end);
    auto size = in.tellg();
    if (size < 0) return false;
    out.resize(std::size_t(size));
    in.seekg(0, std::ios::beg);
    if (size > 0) in.read(&out[0], size);
    return bool(in) || in.eof();
}

std::string plural(std::uint64_t n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

}  // namespace

int run_validate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::string file, schema_path, format = "auto", output = "text", plan;
    manifest::ValidateOptions options;
    try {
        for (std::size_t i = 0; i < args.size(); ++i) {
            std::string a = args[i], value;
            if (a == "--help" || a == "-h") {
                out << kUsage;
                return kExitClean;
            }
            if (a == "--strict-client-only") {
                options.strict_client_only = true;
                continue;
            }
            if (a.size() > 2 && a.compare(0, 2, "--") == 0) {
                std::string name = a.substr(2);
                if (auto eq = name.find('='); eq != std::string::npos) {
                    value = name.substr(eq + 1);
                    name.resize(eq);
                } else if (i + 1 < args.size()) {
                    value = args[++i];
                } else {
                    throw Usage{fmt::format("--{} needs a value", name)};
                }
                if (name == "schema") schema_path = value;
                else if (name == "format") format = value;
                else if (name == "output") output = value;
                else if (name == "plan") plan = value;
                else if (name == "max-diagnostics") {
                    if (value.empty() || value.size() > 9 || value.find_first_not_of("0123456789") != std::string::npos)
                        throw Usage{"--max-diagnostics takes a number (0 = no limit)"};
                    options.max_diagnostics = std::stoul(value);
                } else {
                    throw Usage{fmt::format("unknown option --{}", name)};
                }
                continue;
            }
            if (!file.empty()) throw Usage{"validate takes one FILE"};
            file = a;
        }
        if (file.empty()) throw Usage{"validate needs a FILE"};
        if (format != "auto" && format != "json" && format != "csv") throw Usage{"--format must be json, csv or auto"};
        if (output != "text" && output != "json" && output != "sarif") throw Usage{"--output must be text, json or sarif"};
        if (!plan.empty()) {
            options.plan = manifest::plan_from_name(plan);
            if (!options.plan) throw Usage{"--plan must be enterprise, team or free"};
        }
    } catch (const Usage& u) {
        err << "eic validate: " << u.message << '\n' << kUsage;
        return kExitUsage;
    }
    options.format = format == "json" ? manifest::InputFormat::json
                     : format == "csv" ? manifest::InputFormat::csv
                                       : manifest::InputFormat::auto_detect;
    if (options.format == manifest::InputFormat::auto_detect && file.size() >= 4) {
        std::string ext = file.substr(file.size() - 4);
        for (char& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
        if (ext == ".csv") options.format = manifest::InputFormat::csv;
    }

    if (!schema_path.empty()) {
        std::string text;
        if (!read_whole(schema_path, text)) {
            err << "eic validate: cannot read " << schema_path << '\n';
            return kExitUsage;
        }
        schema::SchemaLoad load = schema::load_schema_text(text);
        if (!load.file || has_error(load.diagnostics)) {
            report::write_text(err, load.diagnostics, schema_path);
            err << "eic validate: " << schema_path << " is not a usable schema (run eic schema check)\n";
            return kExitUsage;
        }
        options.schema = load.file->draft.schema;
    }

    std::string bytes;
    if (!read_whole(file, bytes)) {
        err << "eic validate: cannot read " << file << '\n';
        return kExitUsage;
    }
    manifest::ValidationResult r = manifest::validate_manifest(bytes, options);
    if (output == "json") {
        nlohmann::ordered_json summary;
        summary["file"] = file;
        summary.update(manifest::summary_json(r.summary));
        report::Counts totals;
        totals.errors = r.summary.errors;
        totals.warnings = r.summary.warnings;
        totals.infos = r.summary.infos;
        report::write_json(out, r.diagnostics, std::move(summary), totals);
    } else if (output == "sarif") {
        report::write_sarif(out, r.diagnostics, file);
    } else {
        report::write_text(out, r.diagnostics, file);
        const auto& s = r.summary;
        std::string collections;
        for (const auto& [name, n] : s.collections) collections += fmt::format("{}{} {}", collections.empty() ? "" : ", ", n, name);
        out << fmt::format("{}: {}, {}, {}; {} ({}), {} in {:.1f} ms; {} at the recommended size\n", file, plural(s.errors, "error"),
                           plural(s.warnings, "warning"), plural(s.infos, "info"), plural(s.items, "item"),
                           collections.empty() ? "none" : collections, plural(s.bytes, "byte"), s.ms,
                           s.batches == 1 ? std::string("1 batch") : fmt::format("{} batches", s.batches));
    }
    return r.summary.errors ? kExitFindings : kExitClean;
}

}  // namespace eic::cli

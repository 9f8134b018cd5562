#include "cli/validate_cmd.hpp"

#include <fmt/format.h>

#include <cctype>
#include <optional>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/file_io.hpp"
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

std::string plural(std::uint64_t n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

}  // namespace

int run_validate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::string file, schema_path, format, output;
    manifest::ValidateOptions options;
    try {
        Args a(args, {"schema", "format", "output", "plan", "max-diagnostics"}, {"strict-client-only", "help"},
               {{"-h", "help"}});
        if (a.flag("help")) {
            out << kUsage;
            return kExitClean;
        }
        if (a.positional().empty()) throw UsageError{"validate needs a FILE"};
        if (a.positional().size() > 1) throw UsageError{"validate takes one FILE"};
        file = a.positional()[0];
        schema_path = a.get("schema").value_or("");
        format = a.choice("format", {"json", "csv", "auto"}, "auto");
        output = a.choice("output", {"text", "json", "sarif"});
        options.strict_client_only = a.flag("strict-client-only");
        if (auto plan = a.get("plan")) {
            options.plan = manifest::plan_from_name(*plan);
            if (!options.plan) throw UsageError{"--plan must be enterprise, team or free"};
        }
        if (auto max = a.get("max-diagnostics")) {
            if (max->empty() || max->size() > 9 || max->find_first_not_of("0123456789") != std::string::npos)
                throw UsageError{"--max-diagnostics takes a number (0 = no limit)"};
            options.max_diagnostics = std::stoul(*max);
        }
    } catch (const UsageError& u) {
        err << "eic validate: " << u.message << '\n' << kUsage;
        return kExitUsage;
    }
    options.format = format == "json"  ? manifest::InputFormat::json
                     : format == "csv" ? manifest::InputFormat::csv
                                       : manifest::InputFormat::auto_detect;
    options.file_name = file;

    std::optional<FileBytes> bytes;
    try {
        if (!schema_path.empty()) {
            schema::SchemaLoad load = schema::load_schema_text(read_file(schema_path));
            if (!load.file || has_error(load.diagnostics)) {
                report::write_text(err, load.diagnostics, schema_path);
                err << "eic validate: " << schema_path << " is not a usable schema (run eic schema check)\n";
                return kExitUsage;
            }
            options.schema = load.file->draft.schema;
        }
        bytes.emplace(file);
    } catch (const IoError& e) {
        err << "eic validate: " << e.message << '\n';
        return kExitUsage;
    }
    manifest::ValidationResult r = manifest::validate_manifest(bytes->view(), options);
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
        for (const auto& [name, n] : s.collections)
            collections += fmt::format("{}{} {}", collections.empty() ? "" : ", ", n, name);
        out << fmt::format("{}: {}, {}, {}; {} ({}), {} in {:.1f} ms; {} at the recommended size\n", file,
                           plural(s.errors, "error"), plural(s.warnings, "warning"), plural(s.infos, "info"),
                           plural(s.items, "item"), collections.empty() ? "none" : collections, plural(s.bytes, "byte"),
                           s.ms, s.batches == 1 ? std::string("1 batch") : fmt::format("{} batches", s.batches));
    }
    return r.summary.errors ? kExitFindings : kExitClean;
}

}  // namespace eic::cli

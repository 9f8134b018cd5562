#include "cli/convert_cmd.hpp"

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/file_io.hpp"
#include "diag/report.hpp"
#include "manifest/convert.hpp"

namespace eic::cli {

namespace {

constexpr const char* kUsage =
    "usage: eic convert IN --to json|csv [-o OUT] [--from json|csv] [--compact] [--crlf] [--bom]\n"
    "Converts an import manifest between Encord's JSON and CSV. Writing CSV refuses what CSV cannot hold\n"
    "(metadata, clientMetadata, unknown fields, several data types): then nothing is written (exit 1).\n"
    "--compact: JSON on one line; --crlf, --bom: CSV line ends and byte order mark.\n";

std::optional<manifest::Format> parse_format(const std::optional<std::string>& v, const char* option) {
    if (!v) return std::nullopt;
    if (*v == "json") return manifest::Format::json;
    if (*v == "csv") return manifest::Format::csv;
    throw UsageError{std::string("--") + option + " must be json or csv"};
}

}  // namespace

int run_convert(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    try {
        Args a(args, {"to", "from", "out"}, {"compact", "crlf", "bom", "help"}, {{"-o", "out"}, {"-h", "help"}});
        if (a.flag("help")) {
            out << kUsage;
            return kExitClean;
        }
        if (a.positional().size() != 1) throw UsageError{"convert takes one input file"};
        auto to = parse_format(a.get("to"), "to");
        if (!to) throw UsageError{"--to json|csv is required"};
        const std::string& path = a.positional()[0];
        manifest::ConvertOptions o;
        o.to = *to;
        o.from = parse_format(a.get("from"), "from");
        o.file_name = path;
        o.json.pretty = !a.flag("compact");
        o.csv.crlf = a.flag("crlf");
        o.csv.bom = a.flag("bom");
        std::string input = read_file(path);
        manifest::ConvertResult r = manifest::convert(input, o);
        report::write_text(err, r.diagnostics, path);
        if (!r.bytes) {
            err << "eic convert: " << path << " was not converted to " << manifest::format_name(o.to)
                << ": see the errors above\n";
            return kExitFindings;
        }
        if (auto target = a.get("out"))
            write_file(*target, *r.bytes);
        else
            out << *r.bytes;
        return kExitClean;
    } catch (const UsageError& e) {
        err << "eic convert: " << e.message << "\n" << kUsage;
        return kExitUsage;
    } catch (const IoError& e) {
        err << "eic convert: " << e.message << "\n";
        return kExitUsage;
    }
}

}  // namespace eic::cli

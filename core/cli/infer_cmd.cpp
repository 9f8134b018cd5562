#include "cli/infer_cmd.hpp"

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/file_io.hpp"
#include "diag/report.hpp"
#include "manifest/infer.hpp"

namespace eic::cli {

namespace {

constexpr const char* kUsage =
    "usage: eic infer-schema IN [-o OUT] [--title T]\n"
    "Infers a metadata schema draft (*.eic-schema.json) from the clientMetadata of an import manifest.\n"
    "Keys whose values disagree on their type are left out and reported (exit 1).\n";

}  // namespace

int run_infer_schema(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    try {
        Args a(args, {"out", "title"}, {"help"}, {{"-o", "out"}, {"-h", "help"}});
        if (a.flag("help")) {
            out << kUsage;
            return kExitClean;
        }
        if (a.positional().size() != 1) throw UsageError{"infer-schema takes one input file"};
        const std::string& path = a.positional()[0];
        manifest::InferOptions o;
        o.file_name = base_name(path);
        o.title = a.get("title").value_or("");
        std::string input = read_file(path);
        manifest::InferResult r = manifest::infer_schema(input, o);
        report::write_text(err, r.diagnostics, path);
        if (!r.loaded) {
            err << "eic infer-schema: " << path << " could not be read; no draft was written\n";
            return kExitFindings;
        }
        std::string bytes = manifest::write_draft_file(r.draft);
        if (auto target = a.get("out"))
            write_file(*target, bytes);
        else
            out << bytes;
        err << path << ": " << r.draft.schema.size() << (r.draft.schema.size() == 1 ? " key" : " keys")
            << " inferred from " << r.items_with_metadata << " of " << r.items << " items\n";
        return has_error(r.diagnostics) ? kExitFindings : kExitClean;
    } catch (const UsageError& e) {
        err << "eic infer-schema: " << e.message << "\n" << kUsage;
        return kExitUsage;
    } catch (const IoError& e) {
        err << "eic infer-schema: " << e.message << "\n";
        return kExitUsage;
    }
}

}  // namespace eic::cli

#include "cli/docs_cmd.hpp"

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "diag/codes.hpp"

namespace eic::cli {
namespace {

constexpr const char* kUsage =
    "usage: eic docs diagnostics\n"
    "Prints docs/diagnostics.md (every diagnostic code with its severity, source and meaning), generated\n"
    "from the registry in core/diag/codes.cpp. scripts/gen-docs writes the file with it.\n";

}  // namespace

int run_docs(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (!args.empty() && (args[0] == "help" || args[0] == "--help" || args[0] == "-h")) {
        out << kUsage;
        return kExitClean;
    }
    try {
        Args a(args, {});
        if (a.positional().size() != 1) throw UsageError{"give one document: diagnostics"};
        if (a.positional()[0] != "diagnostics")
            throw UsageError{"unknown document '" + a.positional()[0] + "' (the one document is diagnostics)"};
        out << diag::diagnostics_markdown();
        return kExitClean;
    } catch (const UsageError& e) {
        err << "eic docs: " << e.message << '\n' << kUsage;
        return kExitUsage;
    }
}

}  // namespace eic::cli

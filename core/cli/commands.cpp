#include "cli/commands.hpp"

#include <functional>

#include "cli/convert_cmd.hpp"
#include "cli/docs_cmd.hpp"
#include "cli/infer_cmd.hpp"
#include "cli/schema_cmd.hpp"
#include "cli/sign_request_cmd.hpp"
#include "cli/sign_url_cmd.hpp"
#include "cli/split_cmd.hpp"
#include "cli/validate_cmd.hpp"
#include "crypto/crypto.hpp"
#include "version.hpp"

namespace eic::cli {
namespace {

using Run = std::function<int(const std::vector<std::string>&, std::ostream&, std::ostream&)>;
struct Command {
    const char* name;
    const char* usage;
    const char* summary;
    Run run;
};

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"convert", "convert IN --to json|csv [-o OUT]", "convert an import manifest between JSON and CSV",
         run_convert},
        {"split", "split IN (--profile recommended|enterprise|team|free | --max-items N) [--out-dir D]",
         "split an import manifest into batches within a limits profile", run_split},
        {"infer-schema", "infer-schema IN [-o OUT] [--title T]",
         "infer a metadata schema draft from the clientMetadata of a manifest", run_infer_schema},
        {"schema",
         "schema check FILE [--target index|active] [--output text|json] | schema wire FILE | schema diff A B [--base "
         "C] [--output text|json]",
         "check a schema draft or Encord wire map, print its wire map, or diff two schemas", run_schema_command},
        {"validate",
         "validate FILE [--schema S] [--format json|csv|auto] [--strict-client-only] [--plan enterprise|team|free] "
         "[--max-diagnostics N] [--output text|json|sarif]",
         "check an import manifest against Encord's rules, the GCS naming rules, a metadata schema and plan limits",
         run_validate},
        {"sign-url",
         "sign-url --key SA.json --bucket B [--object O] --method M --expires SECONDS --timestamp RFC3339 [--header "
         "NAME:VALUE]... [--query NAME=VALUE]... [--query-json JSON] [--scheme https|http] [--endpoint "
         "SCHEME://HOST[:PORT]] [--url-style path|virtual-hosted|bucket-bound] [--bucket-bound-hostname H] "
         "[--universe-domain D]",
         "print a GCS V4 signed URL, signed with a service-account key file",
         [](const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
             return run_sign_url(args, out, err, crypto::platform());
         }},
        {"sign-request",
         "sign-request --key ED25519_OPENSSH_FILE --method M --url URL [--body-file F] [--created UNIX] [--output "
         "text|json]",
         "print the headers that sign an Encord v2 API request, signed with an Ed25519 OpenSSH key file",
         [](const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
             return run_sign_request(args, out, err, crypto::platform());
         }},
        {"docs", "docs diagnostics", "print docs/diagnostics.md, generated from the registry of diagnostic codes",
         run_docs},
    };
    return table;
}

void print_help(std::ostream& out) {
    out << "eic — Encord Import Console, the command line for pipelines\n\n"
           "usage: eic COMMAND [ARGS...]\n"
           "       eic --help | --version\n\n";
    if (!commands().empty()) out << "commands:\n";
    for (const auto& c : commands()) out << "  " << c.usage << "\n      " << c.summary << "\n";
    out << "\nexit status: 0 clean, 1 findings (at least one error), 2 usage or I/O error\n";
}

}  // namespace

int dispatch(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty()) {
        print_help(err);
        return kExitUsage;
    }
    const std::string& name = args[0];
    if (name == "--help" || name == "-h" || name == "help") {
        print_help(out);
        return kExitClean;
    }
    if (name == "--version") {
        out << "eic " << eic::version() << "\n";
        return kExitClean;
    }
    for (const auto& c : commands())
        if (name == c.name) return c.run(std::vector<std::string>(args.begin() + 1, args.end()), out, err);
    err << "eic: unknown command '" << name << "' (see eic --help)\n";
    return kExitUsage;
}

}  // namespace eic::cli

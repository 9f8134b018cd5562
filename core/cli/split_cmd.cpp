#include "cli/split_cmd.hpp"

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/file_io.hpp"
#include "diag/report.hpp"
#include "manifest/split.hpp"

namespace eic::cli {

namespace {

constexpr const char* kUsage =
    "usage: eic split IN (--profile recommended|enterprise|team|free | --max-items N) [--out-dir D] [--compact]\n"
    "Splits an import manifest into parts that stay within a limits profile, never splitting an image group,\n"
    "image sequence or DICOM series, and copying skip_duplicate_urls into every part. Parts are written to D\n"
    "(default: IN's directory) as NAME.part-001-of-012.json (or .csv, for a CSV input).\n";

std::uint64_t parse_count(const std::string& v) {
    if (v.empty() || v.size() > 12 || v.find_first_not_of("0123456789") != std::string::npos)
        throw UsageError{"--max-items must be a whole number from 1"};
    std::uint64_t n = std::stoull(v);
    if (n == 0) throw UsageError{"--max-items must be a whole number from 1"};
    return n;
}

}  // namespace

int run_split(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    try {
        Args a(args, {"profile", "max-items", "out-dir"}, {"compact", "help"}, {{"-h", "help"}});
        if (a.flag("help")) {
            out << kUsage;
            return kExitClean;
        }
        if (a.positional().size() != 1) throw UsageError{"split takes one input file"};
        const std::string& path = a.positional()[0];
        manifest::SplitOptions o;
        auto profile = a.get("profile");
        auto max_items = a.get("max-items");
        if (profile.has_value() == max_items.has_value()) throw UsageError{"give one of --profile and --max-items"};
        if (profile) {
            auto p = manifest::split_profile(*profile);
            if (!p) throw UsageError{"--profile must be recommended, enterprise, team or free"};
            o.profile = *p;
        } else {
            o.profile = manifest::max_items_profile(parse_count(*max_items));
        }
        o.file_name = path;
        o.json.pretty = !a.flag("compact");
        std::string dir = a.get("out-dir").value_or("");
        if (dir.empty()) {
            auto slash = path.find_last_of("/\\");
            dir = slash == std::string::npos ? "." : path.substr(0, slash);
        }
        std::string input = read_file(path);
        manifest::SplitResult r = manifest::split(input, o);
        report::write_text(err, r.diagnostics, path);
        if (has_error(r.diagnostics)) {
            err << "eic split: " << path << " has errors; no part was written\n";
            return kExitFindings;
        }
        for (const auto& p : r.parts) {
            std::string target = dir + "/" + p.name;
            write_file(target, p.bytes);
            out << target << ": " << p.items << (p.items == 1 ? " item, " : " items, ") << p.urls
                << (p.urls == 1 ? " URL, " : " URLs, ") << p.bytes.size() << " bytes\n";
        }
        return kExitClean;
    } catch (const UsageError& e) {
        err << "eic split: " << e.message << "\n" << kUsage;
        return kExitUsage;
    } catch (const IoError& e) {
        err << "eic split: " << e.message << "\n";
        return kExitUsage;
    }
}

}  // namespace eic::cli

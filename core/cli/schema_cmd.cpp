#include "cli/schema_cmd.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "cli/args.hpp"
#include "cli/file_io.hpp"
#include "diag/report.hpp"
#include "schema/diff_report.hpp"
#include "schema/document.hpp"
#include "schema/plan.hpp"
#include "schema/plan_json.hpp"
#include "schema/wire.hpp"

namespace eic {
namespace {

using cli::Args;
using cli::IoError;
using cli::read_file;
using cli::UsageError;
using nlohmann::ordered_json;
using namespace eic::schema;

constexpr const char* kUsage =
    "usage: eic schema check FILE [--target index|active] [--output text|json|sarif]\n"
    "       eic schema wire FILE [--target index|active]\n"
    "       eic schema diff A B [--base C] [--output text|json]\n"
    "FILE, A, B and C are schema drafts (*.eic-schema.json) or Encord wire maps. `diff` shows what pushing B\n"
    "to an Encord that has A would change; the base is C, else B's own base, else A.\n";

// The options after the subcommand's name.
Args options_of(const std::vector<std::string>& args, const std::vector<std::string>& valued) {
    return Args(std::vector<std::string>(args.begin() + 1, args.end()), valued);
}

std::optional<Target> target_option(const Args& a) {
    auto v = a.get("target");
    if (!v) return std::nullopt;
    auto t = target_from_name(*v);
    if (!t) throw UsageError{"--target must be index or active"};
    return t;
}

// Known places first, in file order; findings without a line keep their order at the end.
void sort_by_place(Diagnostics& ds) {
    std::stable_sort(ds.begin(), ds.end(), [](const Diagnostic& a, const Diagnostic& b) {
        auto key = [](const Diagnostic& d) { return std::make_pair(d.line ? d.line : UINT32_MAX, d.column); };
        return key(a) < key(b);
    });
}

struct Checked {
    SchemaLoad load;
    Diagnostics diagnostics;  // loading and rules, located and sorted
    Target target = Target::index;
};

Checked load_and_check(const std::string& path, std::optional<Target> chosen) {
    Checked c;
    c.load = load_schema_text(read_file(path));
    c.diagnostics = c.load.diagnostics;
    if (c.load.file) {
        c.target = effective_target(*c.load.file, chosen);
        Diagnostics found = check_schema_file(*c.load.file, c.target);
        locate(found, c.load.locator);
        c.diagnostics.insert(c.diagnostics.end(), found.begin(), found.end());
    }
    sort_by_place(c.diagnostics);
    return c;
}

std::string plural(std::size_t n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

int check(const std::vector<std::string>& args, std::ostream& out) {
    Args a = options_of(args, {"target", "output"});
    if (a.positional().size() != 1) throw UsageError{"schema check takes one FILE"};
    const std::string& path = a.positional()[0];
    const std::string output = a.choice("output", {"text", "json", "sarif"});
    Checked c = load_and_check(path, target_option(a));

    if (output == "json") {
        ordered_json summary;
        summary["file"] = path;
        summary["kind"] = !c.load.file ? ordered_json(nullptr) : ordered_json(c.load.file->is_draft ? "draft" : "wire");
        summary["target"] = target_name(c.target);
        summary["keys"] = c.load.file ? ordered_json(c.load.file->draft.schema.size()) : ordered_json(nullptr);
        report::write_json(out, c.diagnostics, std::move(summary));
    } else if (output == "sarif") {
        report::write_sarif(out, c.diagnostics, path);
    } else {
        report::write_text(out, c.diagnostics, path);
        auto n = report::count(c.diagnostics);
        out << fmt::format("{}: {}, {}, {} (target {})\n", path, plural(n.errors, "error"),
                           plural(n.warnings, "warning"), plural(n.infos, "info"), target_name(c.target));
    }
    return has_error(c.diagnostics) ? 1 : 0;
}

int wire(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Args a = options_of(args, {"target"});
    if (a.positional().size() != 1) throw UsageError{"schema wire takes one FILE"};
    const std::string& path = a.positional()[0];
    Checked c = load_and_check(path, target_option(a));
    report::write_text(err, c.diagnostics, path);
    if (has_error(c.diagnostics) || !c.load.file) {
        err << path << ": not printing a wire map for a schema with errors\n";
        return 1;
    }
    out << report::dump(write_wire(c.load.file->draft.schema)) << '\n';
    return 0;
}

void print_changes(std::ostream& out, const std::vector<Change>& changes) {
    for (const auto& c : changes)
        out << fmt::format("  {:<14} {}: {}{}{}\n", change_kind_name(c.kind), quote(c.key), c.summary,
                           c.destructive ? "  [destructive]" : "", c.refused ? "  [refused]" : "");
}

int diff(const std::vector<std::string>& args, std::ostream& out) {
    Args a = options_of(args, {"base", "output"});
    if (a.positional().size() != 2) throw UsageError{"schema diff takes two files, A and B"};
    const std::string output = a.choice("output", {"text", "json"});
    const std::string text_a = read_file(a.positional()[0]), text_b = read_file(a.positional()[1]);
    std::string text_c;
    std::optional<DiffInput> base;
    if (auto path = a.get("base")) {
        text_c = read_file(*path);
        base = DiffInput{*path, text_c};
    }
    const SchemaDiff d = diff_schemas({a.positional()[0], text_a}, {a.positional()[1], text_b}, base);
    if (output == "json") {
        out << report::dump(diff_json(d)) << '\n';
        return d.differs ? 1 : 0;
    }

    const auto& plan = d.plan;
    const auto& inputs = d.inputs;
    const std::string& base_label = d.base_label;
    const Diagnostics& plan_diags = d.plan_diagnostics;
    for (const auto& in : inputs) report::write_text(out, in.load.diagnostics, in.name);
    if (!plan) {
        out << "cannot compare: fix the errors above first\n";
        return 1;
    }
    if (!plan->remote_changes.empty()) {
        out << fmt::format("Changed in {} since the base ({}):\n", inputs[0].name, base_label);
        print_changes(out, plan->remote_changes);
    }
    if (plan->changes.empty() && plan->conflicts.empty())
        out << fmt::format("No changes from {} to {}.\n", inputs[0].name, inputs[1].name);
    if (!plan->changes.empty()) {
        out << fmt::format("Changes from {} to {}:\n", inputs[0].name, inputs[1].name);
        print_changes(out, plan->changes);
    }
    report::write_text(out, plan_diags, inputs[1].name);
    return d.differs ? 1 : 0;
}

}  // namespace

int run_schema_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty()) {
        err << kUsage;
        return 2;
    }
    const std::string& sub = args[0];
    if (sub == "help" || sub == "--help" || sub == "-h") {
        out << kUsage;
        return 0;
    }
    try {
        if (sub == "check") return check(args, out);
        if (sub == "wire") return wire(args, out, err);
        if (sub == "diff") return diff(args, out);
        throw UsageError{fmt::format("unknown schema command {}", quote(sub))};
    } catch (const UsageError& e) {
        err << "eic schema: " << e.message << '\n' << kUsage;
        return 2;
    } catch (const IoError& e) {
        err << "eic schema: " << e.message << '\n';
        return 2;
    }
}

}  // namespace eic

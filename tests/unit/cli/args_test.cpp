// The argument parser every eic command shares.
#include "cli/args.hpp"

#include <catch2/catch.hpp>

#include "../helpers/cli_run.hpp"
#include "cli/commands.hpp"

using eic::cli::Args;
using eic::cli::UsageError;

namespace {
std::string refusal(const std::vector<std::string>& args) {
    try {
        Args a(args, {"to", "out"}, {"compact", "help"}, {{"-o", "out"}, {"-h", "help"}});
    } catch (const UsageError& e) {
        return e.message;
    }
    return "";
}
}  // namespace

TEST_CASE("args: positionals, valued options in both spellings, aliases and flags", "[cli][args]") {
    Args a({"in.json", "--to", "csv", "-", "--compact", "-o", "out.csv"}, {"to", "out"}, {"compact"}, {{"-o", "out"}});
    CHECK(a.positional() == std::vector<std::string>{"in.json", "-"});  // "-" is a file name
    CHECK(a.get("to") == "csv");
    CHECK(a.get("out") == "out.csv");
    CHECK(a.flag("compact"));
    CHECK_FALSE(a.flag("help"));
    CHECK_FALSE(a.get("missing"));
    Args b({"--to=json=yes", "--out="}, {"to", "out"});
    CHECK(b.get("to") == "json=yes");  // split at the first '='
    CHECK(b.get("out") == "");
}

TEST_CASE("args: a repeatable option keeps every value in order", "[cli][args]") {
    Args a({"--header", "a:1", "--query=b=2", "--header", "c:3", "--key", "k"}, {"key"}, {}, {}, {"header", "query"});
    CHECK(a.all("header") == std::vector<std::string>{"a:1", "c:3"});
    CHECK(a.all("query") == std::vector<std::string>{"b=2"});
    CHECK(a.all("missing").empty());
    CHECK(a.get("key") == "k");
    CHECK_FALSE(a.get("header"));  // repeatable values are read with all()
}

TEST_CASE("args: each mistake has its own message", "[cli][args]") {
    CHECK(refusal({"--bogus", "1"}) == "unknown option --bogus");
    CHECK(refusal({"--bogus"}) == "unknown option --bogus");
    CHECK(refusal({"-x"}) == "unknown option -x");
    CHECK(refusal({"-o=x"}) == "unknown option -o=x");  // aliases match whole words only
    CHECK(refusal({"--to"}) == "--to needs a value");
    CHECK(refusal({"--to", "a", "--to=b"}) == "--to given twice");
    CHECK(refusal({"--compact=yes"}) == "--compact takes no value");
    CHECK(refusal({"--"}) == "unknown option --");
    CHECK(refusal({"-h", "in.json"}).empty());
}

TEST_CASE("args: a choice is one of its values, with a fallback when not given", "[cli][args]") {
    Args a({"--output", "xml"}, {"output", "format"});
    CHECK(a.choice("format", {"json", "csv", "auto"}, "auto") == "auto");
    CHECK(a.choice("format", {"json", "csv"}) == "json");
    try {
        a.choice("output", {"text", "json", "sarif"});
        FAIL("xml was accepted");
    } catch (const UsageError& e) {
        CHECK(e.message == "--output must be text, json or sarif");
    }
    CHECK(eic::cli::one_of({"a"}) == "a");
    CHECK(eic::cli::one_of({"a", "b"}) == "a or b");
}

TEST_CASE("args: every command words its usage errors the same way", "[cli][args]") {
    const auto err = [](const std::vector<std::string>& args) {
        auto r = eic::test::run_cli(eic::cli::dispatch, args);
        CHECK(r.code == 2);
        return r.err.substr(0, r.err.find('\n'));
    };
    CHECK(err({"validate", "m.json", "--output", "xml"}) == "eic validate: --output must be text, json or sarif");
    CHECK(err({"validate", "m.json", "--format", "yaml"}) == "eic validate: --format must be json, csv or auto");
    CHECK(err({"validate", "m.json", "--bogus", "1"}) == "eic validate: unknown option --bogus");
    CHECK(err({"validate", "a.json", "b.json"}) == "eic validate: validate takes one FILE");
    CHECK(err({"validate"}) == "eic validate: validate needs a FILE");
    CHECK(err({"validate", "m.json", "--schema"}) == "eic validate: --schema needs a value");
    CHECK(err({"validate", "no-such-file.json"}) == "eic validate: cannot read no-such-file.json");
    CHECK(err({"schema", "check", "s.json", "--color", "x"}) == "eic schema: unknown option --color");
    CHECK(err({"schema", "check", "s.json", "--output", "xml"}) == "eic schema: --output must be text, json or sarif");
    CHECK(err({"schema", "diff", "a.json", "b.json", "--base", "c", "--base", "d"}) ==
          "eic schema: --base given twice");
    CHECK(err({"convert", "m.json"}) == "eic convert: --to json|csv is required");
    CHECK(err({"split", "m.json", "--compact=1"}) == "eic split: --compact takes no value");
    CHECK(err({"infer-schema", "-x"}) == "eic infer-schema: unknown option -x");
}

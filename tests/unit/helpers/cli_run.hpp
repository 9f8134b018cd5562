// Runs an eic command with string streams, as the CLI tests drive every command.
#pragma once

#include <ostream>
#include <sstream>
#include <string>
#include <vector>

namespace eic::test {

struct CliRun {
    int code;
    std::string out, err;
};

using CliCommand = int (*)(const std::vector<std::string>&, std::ostream&, std::ostream&);

inline CliRun run_cli(CliCommand command, const std::vector<std::string>& args) {
    std::ostringstream out, err;
    const int code = command(args, out, err);
    return {code, out.str(), err.str()};
}

}  // namespace eic::test

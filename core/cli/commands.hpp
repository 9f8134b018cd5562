// The table of `eic` subcommands. Each takes the arguments after its name.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace eic::cli {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;

int dispatch(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace eic::cli

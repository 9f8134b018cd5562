// The native `eic` command for pipelines. Exit codes: 0 clean, 1 findings, 2 usage or I/O.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    return eic::cli::dispatch(args, std::cout, std::cerr);
}

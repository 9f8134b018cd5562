// `eic docs diagnostics`: prints docs/diagnostics.md, generated from the code registry
// (core/diag/codes.hpp). scripts/gen-docs writes the file with it. Exit 0, or 2 for a usage error.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace eic::cli {

int run_docs(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace eic::cli

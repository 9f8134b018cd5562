// `eic convert IN --to json|csv [-o OUT] [--from json|csv] [--compact] [--crlf] [--bom]`: converts a
// manifest between Encord's JSON file form and CSV (core/manifest/convert.hpp). Without -o the result
// goes to standard output; findings go to standard error as text. Exit 0 converted (warnings allowed),
// 1 refused or lost something (nothing is written), 2 usage or I/O.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace eic::cli {

int run_convert(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace eic::cli

// `eic split IN (--profile recommended|enterprise|team|free | --max-items N) [--out-dir D] [--compact]`:
// splits a manifest into parts Encord accepts (core/manifest/split.hpp) and writes them into D (default:
// the directory of IN) as IN-STEM.part-001-of-012.EXT, printing one line per part. Exit 0 written
// (warnings allowed), 1 when the input has errors (nothing is written), 2 usage or I/O.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace eic::cli {

int run_split(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace eic::cli

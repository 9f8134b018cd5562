// `eic schema check|wire|diff`: the schema draft tools for pipelines. main.cpp passes the arguments
// after `eic schema`. Exit codes: 0 clean (or equal), 1 findings with an error (or differences),
// 2 usage or I/O.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace eic {

int run_schema_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace eic

// Whole-file reads and writes for the CLI commands; failures throw IoError (exit 2).
#pragma once

#include <string>

namespace eic::cli {

// Sized up front and read in one go: a 1 GB manifest is not copied through a string stream.
std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& bytes);
// The last path segment ("dir/a.json" -> "a.json").
std::string base_name(const std::string& path);

}  // namespace eic::cli

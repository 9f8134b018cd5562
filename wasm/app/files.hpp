// Files in the browser, callback-based like ImHex's file API: ask for a file and get its bytes later
// through the handler registered for that purpose; save by offering a download.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace eic::web {

enum class FilePurpose { open_schema = 1, compare_schema = 2, dropped = 3, open_manifest = 4 };

using FileHandler = std::function<void(FilePurpose, const std::string& name, std::string bytes)>;
void set_file_handler(FileHandler handler);

void request_open_file(FilePurpose purpose, const char* accept);
void save_file(const std::string& name, const std::string& mime, std::string_view bytes);

// Called from the exported entry point when the page delivers a file.
void deliver_file(FilePurpose purpose, const std::string& name, std::string bytes);

}  // namespace eic::web

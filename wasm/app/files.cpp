#include "app/files.hpp"

extern "C" {
void eic_js_open_file(int purpose, const char* accept);
void eic_js_save_file(const char* name, const char* mime, const char* data, int length);
}

namespace eic::web {
namespace {
FileHandler g_handler;
}

void set_file_handler(FileHandler handler) { g_handler = std::move(handler); }

void request_open_file(FilePurpose purpose, const char* accept) { eic_js_open_file((int)purpose, accept); }

void save_file(const std::string& name, const std::string& mime, std::string_view bytes) {
    eic_js_save_file(name.c_str(), mime.c_str(), bytes.data(), (int)bytes.size());
}

void deliver_file(FilePurpose purpose, const std::string& name, std::string bytes) {
    if (g_handler) g_handler(purpose, name, std::move(bytes));
}

}  // namespace eic::web

#include "app/files.hpp"

#include <new>
#include <stdexcept>

#include "app/browser_limits.hpp"

extern "C" {
void eic_js_open_file(int purpose, const char* accept);
void eic_js_fetch_file(int purpose, const char* url);
void eic_js_download(const char* name, const char* mime, const char* data, std::size_t length);
void eic_js_download_zip(const char* zip_name, const void* entries, int count);
void eic_js_share_link(const char* name, const char* text, std::size_t length);
}

namespace eic::web {
namespace {
FileHandler g_handler;
FileProblemHandler g_problem_handler;
std::uint64_t g_max_file_bytes = app::kBrowserMaxFileBytes;
std::string g_incoming;

// One entry of the table eic_js_download_zip reads: four 32-bit words (wasm32 pointers and sizes).
struct ZipEntry {
    const char* name;
    std::size_t name_length;
    const char* data;
    std::size_t data_length;
};
static_assert(sizeof(ZipEntry) == 16 || sizeof(void*) != 4, "web/file-bridge.js reads 16-byte entries");
}  // namespace

void set_file_handler(FileHandler handler) { g_handler = std::move(handler); }
void set_file_problem_handler(FileProblemHandler handler) { g_problem_handler = std::move(handler); }

void request_open_file(FilePurpose purpose, const char* accept) { eic_js_open_file((int)purpose, accept); }

void fetch_file(FilePurpose purpose, const std::string& url) { eic_js_fetch_file((int)purpose, url.c_str()); }

void download(const std::string& name, const std::string& mime, std::string_view bytes) {
    eic_js_download(name.c_str(), mime.c_str(), bytes.data(), bytes.size());
}

void download_zip(const std::string& zip_name, const std::vector<std::pair<std::string, std::string>>& files) {
    std::vector<ZipEntry> table;
    table.reserve(files.size());
    for (const auto& [name, bytes] : files) table.push_back({name.data(), name.size(), bytes.data(), bytes.size()});
    eic_js_download_zip(zip_name.c_str(), table.data(), (int)table.size());
}

void share_link(const std::string& name, std::string_view text) {
    eic_js_share_link(name.c_str(), text.data(), text.size());
}

std::uint64_t max_file_bytes() { return g_max_file_bytes; }
void set_max_file_bytes(std::uint64_t bytes) { g_max_file_bytes = bytes; }

bool file_fits(FilePurpose purpose, const std::string& name, std::uint64_t size) {
    auto refusal = app::too_large_for_browser(name, size, g_max_file_bytes);
    if (!refusal) return true;
    deliver_file_problem(purpose, {name, *refusal, 0});
    return false;
}

char* begin_incoming_file(std::size_t size) {
    try {
        g_incoming.assign(size, '\0');
    } catch (const std::bad_alloc&) {
        g_incoming = std::string();
        return nullptr;
    } catch (const std::length_error&) {
        return nullptr;
    }
    return g_incoming.data();
}

std::string take_incoming_file() { return std::exchange(g_incoming, std::string()); }

void deliver_file(FilePurpose purpose, const std::string& name, std::string bytes) {
    if (g_handler) g_handler(purpose, name, std::move(bytes));
}

void deliver_file_problem(FilePurpose purpose, FileProblem problem) {
    if (g_problem_handler) g_problem_handler(purpose, problem);
}

}  // namespace eic::web

// Files in the browser, callback-based like ImHex's file API: ask for a file (the picker, a URL) and
// get its bytes later through the handler registered for that purpose, or a problem through the
// problem handler; save by offering a download. The page side is web/file-bridge.js.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eic::web {

// recent_schema: a draft from File > Open recent, which asks first over unsaved changes (the picker's
// Open… asks before the picker opens). web/file-bridge.js's FilePurpose has the same numbers.
enum class FilePurpose { open_schema = 1, compare_schema = 2, dropped = 3, open_manifest = 4, recent_schema = 5 };

// What the file pickers offer for each kind of file.
inline constexpr const char* kSchemaAccept = ".json,application/json";
inline constexpr const char* kManifestAccept = ".json,.csv,application/json,text/csv";

using FileHandler = std::function<void(FilePurpose, const std::string& name, std::string bytes)>;
void set_file_handler(FileHandler handler);

// Why a requested file never arrived. `source` is the file name or the URL without its query (a
// signed URL's query is a credential); `message` is a sentence for the user that names it;
// `http_status` is 0 when there was no HTTP answer.
struct FileProblem {
    std::string source;
    std::string message;
    int http_status = 0;
};
using FileProblemHandler = std::function<void(FilePurpose, const FileProblem&)>;
void set_file_problem_handler(FileProblemHandler handler);

void request_open_file(FilePurpose purpose, const char* accept);
// fetch()es the URL without credentials; the bytes arrive like a picked file's. Which origins work
// is up to the page's Content-Security-Policy (connect-src) and the server's CORS headers.
void fetch_file(FilePurpose purpose, const std::string& url);

// Offers bytes as a download: copied once out of wasm memory into a Blob, so `bytes` may go away
// as soon as this returns.
void download(const std::string& name, const std::string& mime, std::string_view bytes);
// The files as one uncompressed zip (see web/zip-blobs.js for why "store"); copied once, as above.
void download_zip(const std::string& zip_name, const std::vector<std::pair<std::string, std::string>>& files);

// Asks the page for a link that holds this schema draft (web/share-link.js); the page answers through
// the export eic_app_share_link_made, and the app decides there whether it is short enough to copy.
void share_link(const std::string& name, std::string_view text);

// The largest file read into wasm memory (app::kBrowserMaxFileBytes; tests lower it).
std::uint64_t max_file_bytes();
void set_max_file_bytes(std::uint64_t bytes);
// Whether a file of `size` bytes may be read; when not, reports why through the problem handler.
bool file_fits(FilePurpose purpose, const std::string& name, std::uint64_t size);

// The page reads a file straight into a buffer C++ owns (no second copy in wasm memory), then hands
// it over. begin returns nullptr when the buffer cannot be allocated.
char* begin_incoming_file(std::size_t size);
std::string take_incoming_file();

// Called from the exported entry points when the page delivers a file or gives up on one.
void deliver_file(FilePurpose purpose, const std::string& name, std::string bytes);
void deliver_file_problem(FilePurpose purpose, FileProblem problem);

}  // namespace eic::web

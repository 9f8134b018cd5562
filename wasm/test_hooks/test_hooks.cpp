// The test build's extra C ABI (app.debug.* in web/encord-console.js beyond items()): the file plumbing
// the panels' buttons use, driven directly, and the insight views on a synthetic manifest. Compiled only
// into build/web-test/ (wasm/web.cmake, EIC_TEST_HOOKS), never into the page users load.
#include <emscripten/emscripten.h>

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/files.hpp"
#include "test_hooks/insight_demo.hpp"

namespace {
std::string g_out;
const char* out(std::string s) {
    g_out = std::move(s);
    return g_out.c_str();
}
// Made on first use, inside the app's ImGui context; a wasm module never runs static destructors, and
// the module is dropped with the instance (destroy()).
eic::ui::InsightDemo& insight_demo() {
    static auto* demo = new eic::ui::InsightDemo();
    return *demo;
}
}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void eic_app_debug_set_max_file_bytes(double bytes) {
    eic::web::set_max_file_bytes(bytes > 0 ? (std::uint64_t)bytes : 0);
}

EMSCRIPTEN_KEEPALIVE void eic_app_debug_download(const char* name, const char* mime, const char* data, int length) {
    eic::web::download(name ? name : "", mime ? mime : "", std::string_view(data, length > 0 ? length : 0));
}

// files_json: [{"name", "text"}...]; returns "" or why the list was refused.
EMSCRIPTEN_KEEPALIVE const char* eic_app_debug_download_zip(const char* zip_name, const char* files_json) {
    auto list = nlohmann::json::parse(files_json ? files_json : "", nullptr, false);
    if (!list.is_array()) return out("downloadZip takes an array of {name, text}");
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& f : list) {
        if (!f.is_object() || !f.value("name", nlohmann::json()).is_string() ||
            !f.value("text", nlohmann::json()).is_string())
            return out("downloadZip takes an array of {name, text}");
        files.emplace_back(f["name"].get<std::string>(), f["text"].get<std::string>());
    }
    eic::web::download_zip(zip_name ? zip_name : "files.zip", files);
    return out("");
}

EMSCRIPTEN_KEEPALIVE void eic_app_debug_fetch(int purpose, const char* url) {
    eic::web::fetch_file((eic::web::FilePurpose)purpose, url ? url : "");
}

// The insight views on a synthetic manifest of n units (0 closes it), and what they show and did.
EMSCRIPTEN_KEEPALIVE void eic_app_debug_insight_demo(double n) {
    insight_demo().open(n > 0 && n <= 5e6 ? (std::size_t)n : 0);
}

EMSCRIPTEN_KEEPALIVE const char* eic_app_debug_insight_demo_state() { return out(insight_demo().state().dump()); }

}  // extern "C"

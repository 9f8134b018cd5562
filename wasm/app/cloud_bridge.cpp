#include "app/cloud_bridge.hpp"

#include <algorithm>
#include <cstddef>

extern "C" {
void eic_js_cloud_open_key();
void eic_js_cloud_use_key_text(const char* name, const char* text, std::size_t length);
void eic_js_cloud_forget_key();
void eic_js_cloud_sign(int tag, const char* request);
void eic_js_cloud_inspect(int tag, const char* url, const char* method);
}

namespace eic::web {
void cloud_open_key() { eic_js_cloud_open_key(); }
void cloud_use_key_text(const std::string& name, std::string& text) {
    eic_js_cloud_use_key_text(name.c_str(), text.data(), text.size());
    std::fill(text.begin(), text.end(), '\0');
}
void cloud_forget_key() { eic_js_cloud_forget_key(); }
void cloud_sign(int tag, const std::string& request_json) { eic_js_cloud_sign(tag, request_json.c_str()); }
void cloud_inspect(int tag, const std::string& url, const std::string& method) {
    eic_js_cloud_inspect(tag, url.c_str(), method.c_str());
}
}  // namespace eic::web

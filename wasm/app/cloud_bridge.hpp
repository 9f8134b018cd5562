// The Cloud window's requests to the page (wasm/app/eic_app_lib.js, web/encord-console.js): open or
// forget a service-account key (kept by JavaScript as a non-extractable CryptoKey, never in wasm
// memory), sign a V4 URL and read one back. Answers arrive later, tagged, through eic_app_cloud_key and
// eic_app_cloud_answer (exports.cpp), because WebCrypto answers with promises.
#pragma once

#include <string>

namespace eic::web {
void cloud_open_key();
// A service-account key file's text that reached wasm (a file dropped on the canvas): handed to the page
// to import as the picked one is, then wiped here.
void cloud_use_key_text(const std::string& name, std::string& text);
void cloud_forget_key();
void cloud_sign(int tag, const std::string& request_json);
void cloud_inspect(int tag, const std::string& url, const std::string& method);
}  // namespace eic::web

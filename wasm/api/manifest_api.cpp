// Manifest functions of the headless JS API (prefix eic_manifest_). The manifest arrives as bytes
// already in wasm memory (the page copies a Blob in chunks, never as one string); options and results
// are JSON. A result of {"error": message} means the options were wrong: the JS API rejects with it.
#include <emscripten/emscripten.h>

#include <string>
#include <string_view>

#include "diag/report.hpp"
#include "manifest/api_json.hpp"

namespace {

std::string g_result;

template <class Fn>
const char* respond(const char* options, Fn fn) {
    try {
        const auto parsed = nlohmann::json::parse(options ? options : "null");
        g_result = eic::report::dump(fn(parsed), -1);
    } catch (const eic::manifest::api::BadOptions& e) {
        g_result = nlohmann::json{{"error", e.message}}.dump();
    } catch (const nlohmann::json::exception& e) {
        g_result = nlohmann::json{{"error", std::string("the options are not valid JSON: ") + e.what()}}.dump();
    }
    return g_result.c_str();
}

std::string_view view(const char* data, int length) { return {data, (std::size_t)(length > 0 ? length : 0)}; }

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* eic_manifest_validate(const char* data, int length, const char* options) {
    return respond(options, [&](const nlohmann::json& o) {
        auto r = eic::manifest::validate_manifest(view(data, length), eic::manifest::api::validate_options(o));
        const std::string file = o.is_object() && o.contains("fileName") && o["fileName"].is_string()
                                     ? o["fileName"].get<std::string>()
                                     : "manifest";
        return eic::manifest::api::validation_json(r, file);
    });
}

EMSCRIPTEN_KEEPALIVE const char* eic_manifest_convert(const char* data, int length, const char* options) {
    return respond(options,
                   [&](const nlohmann::json& o) { return eic::manifest::api::convert_json(view(data, length), o); });
}

EMSCRIPTEN_KEEPALIVE const char* eic_manifest_split(const char* data, int length, const char* options) {
    return respond(options,
                   [&](const nlohmann::json& o) { return eic::manifest::api::split_json(view(data, length), o); });
}

EMSCRIPTEN_KEEPALIVE const char* eic_manifest_infer(const char* data, int length, const char* options) {
    return respond(options,
                   [&](const nlohmann::json& o) { return eic::manifest::api::infer_json(view(data, length), o); });
}

}  // extern "C"

#include "gcs/google_error.hpp"

#include <nlohmann/json.hpp>

namespace eic::gcs {

std::optional<GoogleError> read_google_error(std::string_view body) {
    const auto doc = nlohmann::json::parse(body, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
    const auto it = doc.find("error");
    if (it == doc.end() || !it->is_object()) return std::nullopt;
    const nlohmann::json& e = *it;
    const auto text = [&e](const char* name) {
        const auto f = e.find(name);
        return f != e.end() && f->is_string() ? f->get<std::string>() : std::string();
    };
    GoogleError out;
    if (const auto c = e.find("code"); c != e.end() && c->is_number_integer()) out.code = c->get<int>();
    out.message = text("message");
    out.status = text("status");
    if (const auto errors = e.find("errors"); errors != e.end() && errors->is_array() && !errors->empty()) {
        const nlohmann::json& first = errors->front();
        if (first.is_object())
            if (const auto r = first.find("reason"); r != first.end() && r->is_string())
                out.reason = r->get<std::string>();
    }
    return out;
}

}  // namespace eic::gcs

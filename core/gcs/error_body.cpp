#include "gcs/error_body.hpp"

#include <cstring>
#include <nlohmann/json.hpp>
#include <utility>

namespace eic::gcs {

std::optional<std::string> xml_element(const std::string& xml, const char* tag) {
    const std::string open = std::string("<") + tag + ">", close = std::string("</") + tag + ">";
    const std::size_t a = xml.find(open);
    if (a == std::string::npos) return std::nullopt;
    const std::size_t b = xml.find(close, a + open.size());
    if (b == std::string::npos) return std::nullopt;
    static const std::pair<const char*, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    std::string out;
    for (std::size_t i = a + open.size(); i < b; ++i) {
        bool replaced = false;
        if (xml[i] == '&')
            for (const auto& [entity, c] : kEntities)
                if (xml.compare(i, std::strlen(entity), entity) == 0) {
                    out += c;
                    i += std::strlen(entity) - 1;
                    replaced = true;
                    break;
                }
        if (!replaced) out += xml[i];
    }
    return out;
}

GcsError read_error_body(const std::string& body, ProbeApi api) {
    GcsError e;
    if (api == ProbeApi::xml) {
        e.code = xml_element(body, "Code").value_or("");
        e.message = xml_element(body, "Message").value_or("");
        return e;
    }
    const nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
    if (!j.is_object() || !j.contains("error") || !j["error"].is_object()) return e;
    const nlohmann::json& err = j["error"];
    if (err.contains("message") && err["message"].is_string()) e.message = err["message"].get<std::string>();
    if (err.contains("errors") && err["errors"].is_array() && !err["errors"].empty()) {
        const nlohmann::json& first = err["errors"][0];
        if (first.is_object() && first.contains("reason") && first["reason"].is_string())
            e.code = first["reason"].get<std::string>();
    }
    return e;
}

}  // namespace eic::gcs

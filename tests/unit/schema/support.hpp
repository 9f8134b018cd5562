// Helpers shared by the schema tests.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"

namespace eic::schema::test {

inline std::vector<std::string> codes(const Diagnostics& ds) {
    std::vector<std::string> out;
    for (const auto& d : ds) out.push_back(d.code);
    return out;
}

inline std::vector<std::string> error_codes(const Diagnostics& ds) {
    std::vector<std::string> out;
    for (const auto& d : ds)
        if (d.severity == Severity::error) out.push_back(d.code);
    return out;
}

inline const Diagnostic* find_code(const Diagnostics& ds, const std::string& code) {
    for (const auto& d : ds)
        if (d.code == code) return &d;
    return nullptr;
}

inline nlohmann::ordered_json j(const char* text) { return nlohmann::ordered_json::parse(text); }

using Codes = std::vector<std::string>;

}  // namespace eic::schema::test

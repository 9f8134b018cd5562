// Helpers for the manifest validator tests.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "manifest/validate.hpp"
#include "schema/document.hpp"

namespace eic::manifest::test {

inline ValidationResult validate(std::string_view text, ValidateOptions o = {}) { return validate_manifest(text, o); }

inline std::vector<std::string> codes(const ValidationResult& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics) out.push_back(d.code);
    return out;
}

inline const Diagnostic* find(const ValidationResult& r, std::string_view code) {
    for (const auto& d : r.diagnostics)
        if (d.code == code) return &d;
    return nullptr;
}

inline std::size_t count(const ValidationResult& r, std::string_view code) {
    return std::size_t(
        std::count_if(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) { return d.code == code; }));
}

inline schema::Schema wire_schema(std::string_view wire) {
    auto load = schema::load_schema_text(wire);
    return load.file ? load.file->draft.schema : schema::Schema();
}

inline ValidateOptions with_schema(std::string_view wire) {
    ValidateOptions o;
    o.schema = wire_schema(wire);
    return o;
}

}  // namespace eic::manifest::test

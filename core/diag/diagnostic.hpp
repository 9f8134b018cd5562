// A finding about user input, with the place it was found. Shared by the schema and manifest layers,
// the CLI printers and the JS API, so every surface reports the same fields.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace eic {

enum class Severity { error, warning, info };

const char* severity_name(Severity s);

struct Diagnostic {
    Severity severity = Severity::error;
    std::string code;     // stable, documented in docs/diagnostics.md
    std::string message;  // says what is wrong and what to do
    // Place. line/column are 1-based (column in characters); 0 means unknown.
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::optional<std::string> pointer;  // JSON pointer (RFC 6901) for JSON input
    std::optional<std::uint64_t> row;    // CSV: 1-based data row
    std::optional<std::string> field;    // CSV: column name
    std::optional<std::string> collection;
    std::optional<std::uint64_t> item;  // 0-based index within the collection
};

using Diagnostics = std::vector<Diagnostic>;

inline bool has_error(const Diagnostics& ds) {
    for (const auto& d : ds)
        if (d.severity == Severity::error) return true;
    return false;
}

// Escapes one reference token for a JSON pointer ("~" -> "~0", "/" -> "~1").
std::string pointer_escape(const std::string& token);

}  // namespace eic

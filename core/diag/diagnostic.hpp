// A finding about user input, with the place it was found. Shared by the schema and manifest layers,
// the CLI printers and the JS API, so every surface reports the same fields.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
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

    // Building one in a single expression, with only the places that are known:
    //   out.push_back(Diagnostic::warning(code::x, "...").at(line, column).at_pointer("/a/0"));
    static Diagnostic of(Severity severity, std::string code, std::string message);
    static Diagnostic error(std::string code, std::string message) {
        return of(Severity::error, std::move(code), std::move(message));
    }
    static Diagnostic warning(std::string code, std::string message) {
        return of(Severity::warning, std::move(code), std::move(message));
    }
    static Diagnostic info(std::string code, std::string message) {
        return of(Severity::info, std::move(code), std::move(message));
    }
    Diagnostic&& at(std::uint32_t line_, std::uint32_t column_) && {
        line = line_;
        column = column_;
        return std::move(*this);
    }
    // RFC 6901: "" is the whole document, not "no pointer".
    Diagnostic&& at_pointer(std::string pointer_) && {
        pointer = std::move(pointer_);
        return std::move(*this);
    }
    Diagnostic&& at_row(std::optional<std::uint64_t> row_) && {
        row = row_;
        return std::move(*this);
    }
    Diagnostic&& in_item(std::string collection_, std::uint64_t item_) && {
        collection = std::move(collection_);
        item = item_;
        return std::move(*this);
    }
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

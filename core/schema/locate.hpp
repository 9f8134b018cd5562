// Gives diagnostics their line and column from their JSON pointer. The schema layer reasons in
// pointers; whoever parsed the text knows where each pointer is, and lends that knowledge as a Locator.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "diag/diagnostic.hpp"

namespace eic::schema {

using LinePosition = std::pair<std::uint32_t, std::uint32_t>;  // 1-based line, column (in characters)

struct Locator {
    // Where the value at a pointer starts; nullopt when the pointer does not exist.
    std::function<std::optional<LinePosition>(const std::string& pointer)> value_at;
    // Where the member name of the value at a pointer starts; may be empty (value_at is used then).
    std::function<std::optional<LinePosition>(const std::string& pointer)> key_at;
};

// Fills line/column of every diagnostic that has a pointer but no line yet. A pointer that does not
// exist (a missing field) falls back to its nearest existing parent. Key-level diagnostics (codes
// "schema.key.*") point at the member name, the others at the value.
void locate(Diagnostics& diagnostics, const Locator& locator);

// Puts `prefix` (a pointer, e.g. "/schema") in front of every pointer.
void rebase(Diagnostics& diagnostics, const std::string& prefix);

}  // namespace eic::schema

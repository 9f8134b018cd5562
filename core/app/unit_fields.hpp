// Reads one field of a unit's JSON text without building the item, with the streaming reader: sorting,
// filtering and the insight views touch every unit of a manifest of a million, where building each
// item would take seconds.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace eic::app {

enum class FieldKind { title, url, metadata };

// The field's value as text: strings decoded, numbers as written, true/false; an object or a list
// gives nullopt, as does a missing field. url is objectUrl, or objectUrl_0 for a group.
std::optional<std::string> field_value(std::string_view unit, FieldKind kind, std::string_view key = {});

// clientMetadata[key] as a finite number.
std::optional<double> metadata_number(std::string_view unit, std::string_view key);

// clientMetadata[key] as a list of exactly `dim` finite numbers, written to out[0..dim). False otherwise.
bool metadata_embedding(std::string_view unit, std::string_view key, std::size_t dim, float* out);

}  // namespace eic::app

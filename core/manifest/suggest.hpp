// "Did you mean": the one function that picks the name a user probably meant, for the validator's
// messages and the editor's quick fixes alike (a message that suggests a name the fix does not offer,
// or the other way round, would be two rules for one thing).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eic::manifest {

// Levenshtein distance (insert, delete, substitute; bytes). Strings over 256 bytes count as their
// longer length apart, so a suggestion never costs more than a few hundred thousand steps.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The name in `names` that `name` most likely meant: one equal to it when case and punctuation are
// ignored ("TRAIN" -> "train", "object_url" -> "objectUrl"), else the nearest within an edit distance
// of max(2, length / 3); nullopt when none is that close.
std::optional<std::string> closest_name(std::string_view name, const std::vector<std::string>& names);

}  // namespace eic::manifest

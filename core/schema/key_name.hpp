// The rules for a metadata key's name, cheap enough to run on every keystroke.
#pragma once

#include <string_view>

#include "diag/diagnostic.hpp"

namespace eic::schema {

// Checks one key name; an empty result means the name is fine. The diagnostics carry no place (the
// caller sets `pointer`). Rules, from reference/encord-api.md §2.4:
// - empty, or starting with "$": refused (SDK);
// - characters: ASCII letters, digits, space, "-", "_" and "." only. The SDK also accepts any Unicode
//   letter or digit, the documentation does not: eic follows the stricter documentation;
// - nothing but separators ("-", "_", space, "."): refused (SDK);
// - "keyframes" once the separators are removed ("key_frames", "key.frames"): reserved. Case
//   sensitive like every key, so "Keyframes" is allowed;
// - a leading or trailing space: a warning, because it is invisible in most tools.
Diagnostics validate_key_name(std::string_view name);

}  // namespace eic::schema

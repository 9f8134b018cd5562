// The rules for a metadata key's name, cheap enough to run on every keystroke.
#pragma once

#include <string_view>

#include "diag/diagnostic.hpp"

namespace eic::schema {

// Where a key name comes from. It decides how non-ASCII characters are judged, because Encord's
// documentation and its SDK disagree about them: the documentation
// (https://docs.encord.com/sdk-documentation/index-sdk/custom-metadata/sdk-index-metadata-schema) allows
// only a-z, A-Z, 0-9, space, "-", "_" and "."; the SDK's `_is_valid_metadata_key`
// (encord/metadata_schema.py in encord-team/encord-client-python) uses Python's str.isalnum, which
// accepts any Unicode letter or digit. Whatever the SDK can save may be in Encord's map, and refusing
// what Encord holds would be a false error, so the looser rule applies to held keys.
enum class KeyOrigin {
    added,  // a key a draft or an edit adds: the documentation's rule (non-ASCII is an error)
    held,   // a key Encord already holds (a wire map, a draft's base): non-ASCII is only a warning
};

// Checks one key name; an empty result means the name is fine. The diagnostics carry no place (the
// caller sets `pointer`). Rules (sources above):
// - empty, or starting with "$": refused (SDK);
// - characters: ASCII letters, digits, space, "-", "_" and "." only. Other ASCII characters ("/", ":")
//   and bytes that are not UTF-8 are refused (the SDK refuses them too). Any other UTF-8 code point
//   might be a Unicode letter or digit, which the SDK accepts: schema.key.character (error) in an added
//   key, schema.key.non-ascii (warning) in a held one;
// - nothing but separators ("-", "_", space, "."): refused (SDK);
// - "keyframes" once the separators are removed ("key_frames", "key.frames"): reserved. Case
//   sensitive like every key, so "Keyframes" is allowed;
// - a leading or trailing space: a warning, because it is invisible in most tools.
Diagnostics validate_key_name(std::string_view name, KeyOrigin origin = KeyOrigin::added);

}  // namespace eic::schema

// Keys grouped by their dotted prefix ("team.video.fps" sits under "team" > "video"), as Encord's
// documentation recommends naming them, so a schema of hundreds of keys can be shown as a tree.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "schema/model.hpp"

namespace eic::schema {

struct NamespaceNode {
    std::string name;  // this segment ("video"); empty for the root
    std::string path;  // the dotted prefix up to here ("team.video"); empty for the root
    // Set when a key is exactly `path` ("team" may be a key and a namespace at once).
    std::optional<std::string> key;
    std::vector<NamespaceNode> children;  // sorted by name (byte order)
    std::size_t key_count = 0;            // keys at or below this node
};

// Splits each key at every "."; empty segments ("a..b", ".a") are kept as empty names, so every key
// appears exactly once. Hard-deleted keys are left out unless asked for (they cannot be used again).
NamespaceNode namespace_tree(const Schema& schema, bool include_hard_deleted = false);

}  // namespace eic::schema

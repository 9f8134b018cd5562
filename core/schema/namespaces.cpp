#include "schema/namespaces.hpp"

#include <algorithm>

namespace eic::schema {
namespace {

NamespaceNode& child(NamespaceNode& parent, const std::string& name, const std::string& path) {
    auto it = std::lower_bound(parent.children.begin(), parent.children.end(), name,
                               [](const NamespaceNode& n, const std::string& s) { return n.name < s; });
    if (it != parent.children.end() && it->name == name) return *it;
    NamespaceNode node;
    node.name = name;
    node.path = path;
    return *parent.children.insert(it, std::move(node));
}

}  // namespace

NamespaceNode namespace_tree(const Schema& schema, bool include_hard_deleted) {
    NamespaceNode root;
    for (const auto& [key, entry] : schema) {
        if (entry->state == KeyState::hard_deleted && !include_hard_deleted) continue;
        NamespaceNode* node = &root;
        ++root.key_count;
        std::size_t start = 0;
        while (true) {
            std::size_t dot = key.find('.', start);
            const std::size_t end = dot == std::string::npos ? key.size() : dot;
            node = &child(*node, key.substr(start, end - start), key.substr(0, end));
            ++node->key_count;
            if (dot == std::string::npos) break;
            start = dot + 1;
        }
        node->key = key;
    }
    return root;
}

}  // namespace eic::schema

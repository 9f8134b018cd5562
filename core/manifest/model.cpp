#include "manifest/model.hpp"

#include <algorithm>

namespace eic::manifest {

const char* collection_key(Collection c) { return format::info(c).key.data(); }

std::optional<Collection> collection_from_key(std::string_view key) {
    if (const format::CollectionInfo* c = format::find_collection(key)) return c->id;
    return std::nullopt;
}

bool is_grouped(Collection c) { return format::info(c).grouped; }

const char* metadata_key(Collection c) { return format::info(c).metadata_key.data(); }

std::size_t Manifest::item_count() const {
    std::size_t n = 0;
    for (const auto& list : items) n += list.size();
    return n;
}

std::size_t Manifest::url_count() const {
    std::size_t n = 0;
    for (const auto& list : items)
        for (const auto& item : list) n += item.urls.size();
    return n;
}

std::vector<Collection> Manifest::collections() const {
    std::vector<Collection> out;
    for (Collection c : order)
        if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    for (Collection c : kAllCollections)
        if (!(*this)[c].empty() && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    return out;
}

std::string snake_case(std::string_view name) {
    std::string out;
    out.reserve(name.size() + 4);
    for (char c : name) {
        if (c >= 'A' && c <= 'Z') {
            if (!out.empty()) out += '_';
            out += char(c - 'A' + 'a');
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace eic::manifest

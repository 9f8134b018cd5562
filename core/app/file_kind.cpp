#include "app/file_kind.hpp"

#include <string>

#include "json/reader.hpp"
#include "manifest/model.hpp"

namespace eic::app {
namespace {

bool ends_with_ci(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
        char c = s[s.size() - suffix.size() + i];
        if (c >= 'A' && c <= 'Z') c = char(c + 32);
        if (c != suffix[i]) return false;
    }
    return true;
}

// Stops at the first key of the top-level object.
struct FirstKey : json::VirtualHandler {
    int depth = 0;
    std::string first;
    bool begin_object(std::size_t) override { return ++depth, true; }
    bool begin_array(std::size_t) override { return ++depth, true; }
    bool end_object(std::size_t) override { return --depth, true; }
    bool end_array(std::size_t) override { return --depth, true; }
    bool key(std::string_view name, std::size_t) override {
        if (depth != 1) return true;
        first = std::string(name);
        return false;
    }
};

}  // namespace

FileKind sniff_file_kind(std::string_view name, std::string_view bytes) {
    if (ends_with_ci(name, ".csv")) return FileKind::manifest;
    std::size_t i = 0;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) ++i;
    if (i < bytes.size() && bytes[i] != '{' && bytes[i] != '[' && bytes[i] != '"' && bytes[i] != 'n')
        return FileKind::manifest;  // a CSV header
    FirstKey sniff;
    json::read(bytes, sniff);
    const std::string& first = sniff.first;
    if (first == "skip_duplicate_urls" || manifest::collection_from_key(first)) return FileKind::manifest;
    return FileKind::schema;
}

}  // namespace eic::app

#include "app/file_kind.hpp"

#include <string>

#include "json/reader.hpp"
#include "manifest/format.hpp"

namespace eic::app {
namespace {

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
    namespace fmt = manifest::format;
    if (fmt::detect(bytes, name) == fmt::FileFormat::csv) return FileKind::manifest;  // a CSV header
    FirstKey sniff;
    json::read(bytes, sniff);
    const std::string& first = sniff.first;
    if (fmt::find_collection(first) || fmt::file_form_of_structured(first) || first == fmt::kSkipDuplicateUrls ||
        first == fmt::kUpsertMetadata)
        return FileKind::manifest;
    return FileKind::schema;
}

}  // namespace eic::app

#include "app/file_kind.hpp"

#include <string>

#include "encord/openssh_key.hpp"
#include "gcs/service_account.hpp"
#include "json/reader.hpp"
#include "manifest/format.hpp"

namespace eic::app {
namespace {

// Reads the top-level object's leading members while their values are scalars (a key file's are all
// strings), up to kMaxLeading; it stops at the first object or array value (a manifest's collection, a
// wire map's key), so a large file is never read through. The first key is kept, and whether a member
// "type" had the value "service_account".
constexpr int kMaxLeading = 16;
struct LeadingMembers : json::VirtualHandler {
    int depth = 0;
    int members = 0;
    std::string first, last_key;
    bool service_account = false;
    bool begin_object(std::size_t) override { return depth == 0 && (++depth, true); }
    bool begin_array(std::size_t) override { return false; }
    bool end_object(std::size_t) override { return false; }
    bool key(std::string_view name, std::size_t) override {
        if (members++ == 0) first = std::string(name);
        last_key = std::string(name);
        return members <= kMaxLeading;
    }
    bool string(std::string_view s, std::size_t) override {
        if (last_key == "type" && s == gcs::kServiceAccountType) service_account = true;
        return depth == 1;
    }
    bool number(const json::Number&, std::size_t) override { return depth == 1; }
    bool boolean(bool, std::size_t) override { return depth == 1; }
    bool null(std::size_t) override { return depth == 1; }
};

bool starts_with_openssh_key(std::string_view bytes) {
    const std::size_t at = bytes.find_first_not_of(" \t\r\n");
    return at != std::string_view::npos &&
           bytes.substr(at, encord::kOpenSshKeyBegin.size()) == encord::kOpenSshKeyBegin;
}

}  // namespace

FileKind sniff_file_kind(std::string_view name, std::string_view bytes) {
    namespace fmt = manifest::format;
    if (starts_with_openssh_key(bytes)) return FileKind::encord_key;
    if (fmt::detect(bytes, name) == fmt::FileFormat::csv) return FileKind::manifest;  // a CSV header
    LeadingMembers sniff;
    json::read(bytes, sniff);
    const std::string& first = sniff.first;
    if (sniff.service_account) return FileKind::service_account;
    if (fmt::find_collection(first) || fmt::file_form_of_structured(first) || first == fmt::kSkipDuplicateUrls ||
        first == fmt::kUpsertMetadata)
        return FileKind::manifest;
    return FileKind::schema;
}

}  // namespace eic::app

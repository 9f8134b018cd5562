#include "gcs/json_api.hpp"

#include <nlohmann/json.hpp>

#include "gcs/v4_encoding.hpp"

namespace eic::gcs {
namespace {

std::string base(std::string_view endpoint) {
    std::string out(endpoint.empty() ? std::string_view(kJsonApiEndpoint) : endpoint);
    while (!out.empty() && out.back() == '/') out.pop_back();
    return out;
}

// A decimal string of at most 64 bits (the JSON API's uint64 form: "1234").
std::optional<std::uint64_t> parse_uint64(const std::string& s) {
    if (s.empty() || s.size() > 20) return std::nullopt;
    std::uint64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        const std::uint64_t digit = std::uint64_t(c - '0');
        if (v > (UINT64_MAX - digit) / 10) return std::nullopt;
        v = v * 10 + digit;
    }
    return v;
}

}  // namespace

std::string json_api_bucket_url(std::string_view endpoint, std::string_view bucket) {
    return base(endpoint) + "/storage/v1/b/" + percent_encode(bucket);
}

std::string json_api_objects_url(std::string_view endpoint, std::string_view bucket) {
    return json_api_bucket_url(endpoint, bucket) + "/o";
}

std::string json_api_object_url(std::string_view endpoint, std::string_view bucket, std::string_view object) {
    return json_api_objects_url(endpoint, bucket) + "/" + percent_encode(object);
}

std::string json_api_query(const NameValues& query) {
    std::string out;
    for (const auto& [name, value] : query) {
        if (!out.empty()) out += '&';
        out += percent_encode(name) + "=" + percent_encode(value);
    }
    return out;
}

std::optional<ObjectResource> read_object_resource(std::string_view body) {
    const auto doc = nlohmann::json::parse(body, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
    ObjectResource out;
    bool ok = true;
    const auto text = [&](const char* name, std::string& to) {
        const auto it = doc.find(name);
        if (it == doc.end()) return;
        if (!it->is_string()) {
            ok = false;
            return;
        }
        to = it->get<std::string>();
    };
    text("name", out.name);
    text("contentType", out.content_type);
    text("updated", out.updated);
    text("md5Hash", out.md5_hash);
    text("generation", out.generation);
    std::string size;
    text("size", size);
    if (!size.empty()) {
        out.size = parse_uint64(size);
        if (!out.size) ok = false;
    }
    if (!ok) return std::nullopt;
    return out;
}

}  // namespace eic::gcs

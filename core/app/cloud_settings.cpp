#include "app/cloud_settings.hpp"

#include <nlohmann/json.hpp>
#include <utility>

namespace eic::app {
namespace {

// Each field with its name in the record: one table for writing and reading.
template <typename S, typename F>
void each_field(S& s, F&& f) {
    f("endpoint", s.endpoint);
    f("bucket", s.bucket);
    f("object", s.object);
    f("signAs", s.sign_as);
    f("iamEndpoint", s.iam_endpoint);
    f("listBucket", s.list_bucket);
    f("listPrefix", s.list_prefix);
    f("corsBucket", s.cors_bucket);
    f("corsObject", s.cors_object);
}

}  // namespace

bool CloudSettings::operator==(const CloudSettings& o) const {
    return write_cloud_settings(*this) == write_cloud_settings(o);
}

std::string write_cloud_settings(const CloudSettings& s) {
    nlohmann::json out = nlohmann::json::object();
    each_field(s, [&](const char* name, const std::string& value) {
        if (!value.empty()) out[name] = value;
    });
    return out.dump();
}

CloudSettings read_cloud_settings(std::string_view record, std::string& error) {
    CloudSettings s;
    error.clear();
    const nlohmann::json doc = nlohmann::json::parse(record, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        error = "the saved Cloud settings are not a JSON object";
        return s;
    }
    each_field(s, [&](const char* name, std::string& value) {
        if (auto it = doc.find(name); it != doc.end() && it->is_string()) value = it->get<std::string>();
    });
    return s;
}

}  // namespace eic::app

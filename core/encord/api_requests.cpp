#include "encord/api_requests.hpp"

#include <algorithm>

#include "encord/python_json.hpp"
#include "json/reader.hpp"

namespace eic::encord {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kSchemaPath = "organisation/client-metadata-schema-v2";

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

ApiRequest request(const char* method, std::string path) {
    ApiRequest r;
    r.method = method;
    r.path = std::move(path);
    return r;
}

BuiltRequest built(ApiRequest r) {
    BuiltRequest b;
    b.request = std::move(r);
    return b;
}

BuiltRequest refused(std::string error) {
    BuiltRequest b;
    b.error = std::move(error);
    return b;
}

std::string not_uuid(std::string_view what, std::string_view text) {
    return std::string(what) + " \"" + std::string(text) +
           "\" is not a UUID (32 hexadecimal digits, as in 0a1b2c3d-4e5f-6789-abcd-ef0123456789).";
}

// The path of a folder's upload job, or an error.
std::optional<std::string> job_path(std::string_view folder, std::string_view job, std::string& error) {
    const auto f = canonical_uuid(folder);
    const auto j = canonical_uuid(job);
    if (!f) error = not_uuid("The folder", folder);
    if (f && !j) error = not_uuid("The upload job", job);
    if (!f || !j) return std::nullopt;
    return "storage/folders/" + *f + "/data-upload-jobs/" + *j;
}

// Whether `bytes` is one JSON object (RFC 8259); otherwise why not.
class ObjectRoot : public json::VirtualHandler {
public:
    bool begin_object(std::size_t) override { return first(true); }
    bool begin_array(std::size_t) override { return first(false); }
    bool string(std::string_view, std::size_t) override { return first(false); }
    bool number(const json::Number&, std::size_t) override { return first(false); }
    bool boolean(bool, std::size_t) override { return first(false); }
    bool null(std::size_t) override { return first(false); }
    bool is_object = false;

private:
    bool first(bool object) {
        if (seen_) return true;
        seen_ = true;
        is_object = object;
        return object;  // anything else: no need to read on
    }
    bool seen_ = false;
};

std::string_view trimmed_spec(std::string_view spec) {
    if (spec.size() >= 3 && spec.compare(0, 3, "\xEF\xBB\xBF") == 0) spec.remove_prefix(3);
    const auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!spec.empty() && ws(spec.front())) spec.remove_prefix(1);
    while (!spec.empty() && ws(spec.back())) spec.remove_suffix(1);
    return spec;
}

}  // namespace

std::optional<std::string> canonical_uuid(std::string_view text) {
    // uuid.UUID(hex): drops "urn:" and "uuid:", then surrounding braces, then every hyphen; 32 hex digits.
    std::string s(text);
    for (const char* prefix : {"urn:", "uuid:"}) {
        std::string::size_type at;
        while ((at = s.find(prefix)) != std::string::npos) s.erase(at, std::string_view(prefix).size());
    }
    while (!s.empty() && (s.front() == '{' || s.front() == '}')) s.erase(0, 1);
    while (!s.empty() && (s.back() == '{' || s.back() == '}')) s.pop_back();
    s.erase(std::remove(s.begin(), s.end(), '-'), s.end());
    if (s.size() != 32) return std::nullopt;
    std::string out;
    for (std::size_t i = 0; i < 32; ++i) {
        if (hex_value(s[i]) < 0) return std::nullopt;
        if (i == 8 || i == 12 || i == 16 || i == 20) out += '-';
        out += char(s[i] >= 'A' && s[i] <= 'F' ? s[i] - 'A' + 'a' : s[i]);
    }
    return out;
}

ApiRequest schema_get() { return request("GET", kSchemaPath); }

ApiRequest schema_post(const Json& map) {
    ApiRequest r = request("POST", kSchemaPath);
    r.body = python_json(map);
    return r;
}

BuiltRequest cloud_integrations_list(const IntegrationFilter& filter) {
    ApiRequest r = request("GET", "cloud-integrations");
    for (const auto& uuid : filter.uuids) {
        const auto canonical = canonical_uuid(uuid);
        if (!canonical) return refused(not_uuid("The integration", uuid));
        r.query.emplace_back("filterIntegrationUuids", *canonical);
    }
    for (const auto& title : filter.titles) r.query.emplace_back("filterIntegrationTitles", title);
    r.query.emplace_back("includeOrgAccess", python_bool(filter.include_org_access));
    return built(std::move(r));
}

BuiltRequest folders_list(const FolderListing& l) {
    if (l.page_size < 1 || l.page_size > 1000)
        return refused("The page size is " + std::to_string(l.page_size) + "; Encord takes 1 to 1000 folders a page.");
    std::string path = l.scope == FolderScope::search ? "storage/search/folders" : "storage/folders";
    if (l.scope == FolderScope::children) {
        const auto parent = canonical_uuid(l.parent);
        if (!parent) return refused(not_uuid("The parent folder", l.parent));
        path += "/" + *parent + "/folders";
    }
    ApiRequest r = request("GET", std::move(path));
    if (l.search) r.query.emplace_back("search", *l.search);
    r.query.emplace_back("isRecursive", python_bool(l.recursive));
    if (l.dataset_synced) r.query.emplace_back("datasetSynced", python_bool(*l.dataset_synced));
    if (l.include_org_access) r.query.emplace_back("includeOrgAccess", python_bool(*l.include_org_access));
    r.query.emplace_back("order", l.order == FolderOrder::name ? "name" : "createdAt");
    r.query.emplace_back("desc", python_bool(l.desc));
    if (l.page_token) r.query.emplace_back("pageToken", *l.page_token);
    r.query.emplace_back("pageSize", std::to_string(l.page_size));
    return built(std::move(r));
}

BuiltRequest folder_get(std::string_view folder_uuid) {
    const auto folder = canonical_uuid(folder_uuid);
    if (!folder) return refused(not_uuid("The folder", folder_uuid));
    return built(request("GET", "storage/folders/" + *folder));
}

BuiltRequest folder_create(const NewFolder& f) {
    // CreateStorageFolderPayload: name, description, parent, clientMetadata, cloudSyncedFolderParams.
    Json body = Json::object();
    body["name"] = f.name;
    if (f.description) body["description"] = *f.description;
    if (f.parent) {
        const auto parent = canonical_uuid(*f.parent);
        if (!parent) return refused(not_uuid("The parent folder", *f.parent));
        body["parent"] = *parent;
    }
    ApiRequest r = request("POST", "storage/folders");
    r.body = python_json(body);
    r.retries = false;
    return built(std::move(r));
}

BuiltRequest upload_job_start(const UploadJobStart& s) {
    const auto folder = canonical_uuid(s.folder_uuid);
    if (!folder) return refused(not_uuid("The folder", s.folder_uuid));
    std::optional<std::string> integration;
    if (s.integration_uuid) {
        integration = canonical_uuid(*s.integration_uuid);
        if (!integration) return refused(not_uuid("The integration", *s.integration_uuid));
    }
    const std::string_view spec = trimmed_spec(s.spec);
    ObjectRoot root;
    const json::ReadResult read = json::read(spec, root);
    if (read.error)
        return refused("The import manifest is not valid JSON (" + read.error.message + ", at byte " +
                       std::to_string(read.error.offset) + ").");
    if (!root.is_object) return refused("The import manifest is not a JSON object ({\"videos\": [...], ...}).");

    // PostUploadJobParams: dataItems (none here), externalFiles, integrationHash, ignoreErrors, fileName.
    ApiRequest r = request("POST", "storage/folders/" + *folder + "/data-upload-jobs");
    std::string& body = r.body;
    body.reserve(spec.size() + 160);
    body += "{\"externalFiles\": ";
    body += spec;
    if (integration) {
        body += ", \"integrationHash\": ";
        append_python_string(body, *integration);
    }
    body += ", \"ignoreErrors\": ";
    body += s.ignore_errors ? "true" : "false";
    if (s.file_name) {
        body += ", \"fileName\": ";
        append_python_string(body, *s.file_name);
    }
    body += '}';
    r.retries = false;
    return built(std::move(r));
}

BuiltRequest upload_job_poll(std::string_view folder_uuid, std::string_view job_uuid, int timeout_seconds) {
    std::string error;
    auto path = job_path(folder_uuid, job_uuid, error);
    if (!path) return refused(error);
    if (timeout_seconds < 0) return refused("The long-poll timeout must be 0 seconds or more.");
    ApiRequest r = request("GET", std::move(*path));
    r.query.emplace_back("timeoutSeconds", std::to_string(timeout_seconds));
    r.timeout_s = std::max(kRequestTimeoutS, double(timeout_seconds) + 30);
    return built(std::move(r));
}

BuiltRequest upload_job_cancel(std::string_view folder_uuid, std::string_view job_uuid) {
    std::string error;
    auto path = job_path(folder_uuid, job_uuid, error);
    if (!path) return refused(error);
    return built(request("POST", *path + "/cancel"));
}

PreparedRequest prepare(const ApiRequest& request, std::string_view domain) {
    const ApiUrl url = api_url(domain, request.path, request.query);
    PreparedRequest p;
    p.http.method = request.method;
    p.http.url = url.url;
    if (!request.body.empty()) p.http.headers.emplace_back("Content-Type", "application/json");
    p.http.body = request.body;
    p.request_target = url.request_target;
    return p;
}

}  // namespace eic::encord

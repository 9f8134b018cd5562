// The requests eic sends to Encord's v2 API, as descriptions (method, path, query, body, whether another
// send is allowed), built exactly as Encord's Python SDK builds them (encord-team/encord-client-python):
// paths from `encord/storage.py`, `encord/user_client.py` and `encord/metadata_schema.py`; query and body
// DTOs from `encord/orm/storage.py` and `encord/orm/cloud_integration.py`, dumped with camelCase names and
// without null fields (`BaseDTO.to_dict`: by_alias, exclude_none), in the DTO's field order, and sent as
// Python's json.dumps writes them (encord/python_json.hpp).
//
// UUIDs are read as Python's uuid.UUID reads them (hex digits with optional hyphens, braces or a
// "urn:uuid:" prefix) and written in the canonical lower-case form, as the SDK's UUID fields are.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "encord/endpoint.hpp"
#include "net/http.hpp"

namespace eic::encord {

// The SDK's read timeout for every request, in seconds (`encord/http/constants.py`, DEFAULT_READ_TIMEOUT).
inline constexpr double kRequestTimeoutS = 180;

struct ApiRequest {
    std::string method;  // "GET", "POST"
    std::string path;    // under v2/public/, e.g. "storage/folders"
    Query query;
    std::string body;     // JSON bytes as sent; empty: no body
    bool retries = true;  // false: never sent again (the SDK's allow_retries=False)
    double timeout_s = kRequestTimeoutS;
};

struct BuiltRequest {
    std::optional<ApiRequest> request;
    std::string error;  // why the request could not be built (an argument is not a UUID, ...)
    bool ok() const { return request.has_value(); }
};

// The canonical "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" form of a UUID as uuid.UUID(text) reads it; nullopt
// when it is not one.
std::optional<std::string> canonical_uuid(std::string_view text);

// ---- Custom metadata schema (`encord/metadata_schema.py`) ----------------------------------------
ApiRequest schema_get();
// POST the whole map (it replaces the organisation's schema): `map` is a wire map (schema/wire.hpp).
ApiRequest schema_post(const nlohmann::ordered_json& map);

// ---- Cloud integrations (`EncordUserClient.get_cloud_integrations`) ------------------------------
struct IntegrationFilter {
    std::vector<std::string> uuids;   // filterIntegrationUuids, repeated
    std::vector<std::string> titles;  // filterIntegrationTitles, repeated (exact match)
    bool include_org_access = false;  // always sent, as the SDK's default False
};
BuiltRequest cloud_integrations_list(const IntegrationFilter& filter = {});

// ---- Folders (`encord/storage.py`, `encord/user_client.py`; ListFoldersParams) -------------------
enum class FolderScope {
    top_level,  // GET storage/folders                   (list_storage_folders)
    search,     // GET storage/search/folders            (find_storage_folders)
    children,   // GET storage/folders/{parent}/folders  (list_subfolders; find_subfolders with recursive)
};
enum class FolderOrder { name, created_at };  // "name", "createdAt"

struct FolderListing {
    FolderScope scope = FolderScope::top_level;
    std::string parent;  // the folder UUID, for children
    std::optional<std::string> search;
    bool recursive = false;  // isRecursive, always sent (the DTO's default False)
    std::optional<bool> dataset_synced;
    std::optional<bool> include_org_access;
    FolderOrder order = FolderOrder::name;
    bool desc = false;
    std::optional<std::string> page_token;  // the previous page's nextPageToken
    int page_size = 100;                    // 1..1000, as the SDK checks
};
BuiltRequest folders_list(const FolderListing& listing);
BuiltRequest folder_get(std::string_view folder_uuid);

struct NewFolder {
    std::string name;
    std::optional<std::string> description;
    std::optional<std::string> parent;  // UUID; none: a top-level folder
};
// Never sent again (allow_retries=False): a second POST would make a second folder.
BuiltRequest folder_create(const NewFolder& folder);

// ---- Upload jobs (`StorageFolder._add_data_to_folder_start`, `_get_result`, `_job_cancel`) -------
struct UploadJobStart {
    std::string folder_uuid;
    std::string spec;                             // the JSON file form (one JSON object), embedded unchanged
    std::optional<std::string> integration_uuid;  // integrationHash
    bool ignore_errors = false;
    std::optional<std::string> file_name;  // fileName: the manifest's name, shown in Encord
};
// POST storage/folders/{folder}/data-upload-jobs with {"externalFiles": SPEC, "integrationHash",
// "ignoreErrors", "fileName"?}. Never sent again (allow_retries=False): a second POST would start a
// second job. The spec's bytes are spliced in as given (a leading byte order mark and surrounding
// whitespace left out): no parse into a DOM, so a 100 MB spec costs no more than its bytes, and its keys,
// numbers and escapes reach Encord exactly as validated. It is checked to be one JSON object first.
BuiltRequest upload_job_start(const UploadJobStart& start);

// GET storage/folders/{folder}/data-upload-jobs/{job}?timeoutSeconds=N: a long poll that Encord answers
// within N seconds. The request's own timeout is N plus 30 s, and never less than kRequestTimeoutS.
BuiltRequest upload_job_poll(std::string_view folder_uuid, std::string_view job_uuid, int timeout_seconds);
// POST .../data-upload-jobs/{job}/cancel, without a body (the SDK's default allow_retries).
BuiltRequest upload_job_cancel(std::string_view folder_uuid, std::string_view job_uuid);

// ---- Sending ------------------------------------------------------------------------------------
struct PreparedRequest {
    net::HttpRequest http;       // method, URL, Content-Type for a body, the body
    std::string request_target;  // path and query as sent: what the signature covers
};
// The request for `domain` (encord/endpoint.hpp), before signing.
PreparedRequest prepare(const ApiRequest& request, std::string_view domain);

}  // namespace eic::encord

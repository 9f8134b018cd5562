// Reading the answers of Encord's v2 API (the requests of encord/api_requests.hpp) into plain structs,
// with the shapes of the SDK's DTOs (encord-team/encord-client-python: `encord/orm/storage.py`,
// `encord/orm/dataset.py`, `encord/orm/cloud_integration.py`, `encord/http/v2/payloads.py`), which read
// camelCase names and ignore members they do not know (`extra="ignore"`).
//
// Parsers never throw. A body that is not JSON, or a member of the wrong type, gives an error that says
// what was expected and where (a JSON pointer, RFC 6901). Success is 200 or 204 (ApiClient._request);
// a 204 carries no content, which only the schema GET may answer (allow_none=True). Call these for a
// success; encord/api_errors.hpp reads the other answers.
//
// Which members are required: those eic relies on (a folder's uuid and name, a job's status and counts,
// ...) and those the SDK's DTO requires for the small answers; the folder's other members are read when
// present (the SDK requires them all, but eic only shows them), each checked for its type. UUIDs are
// checked and kept in canonical lower-case form; times are kept as the text sent.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "net/http.hpp"

namespace eic::encord {

struct ParseError {
    std::string message;  // what was expected, in user words
    std::string pointer;  // where in the body ("" is the whole body)
};

// The error as a finding (encord.api.malformed-answer). Its place is in Encord's answer, not in a file of
// the user's, so the pointer is in the message and the finding has none.
Diagnostic to_diagnostic(const ParseError& error);

template <class T>
struct Parsed {
    std::optional<T> value;
    ParseError error;  // when there is no value
    bool ok() const { return value.has_value(); }
};

// GET organisation/client-metadata-schema-v2: the wire map (read it with schema::read_wire). A 204 or a
// JSON null is the empty map.
Parsed<nlohmann::ordered_json> parse_schema(const net::HttpResponse& response);

// GET cloud-integrations: {"result": [{"integrationUuid", "title"}]}.
struct CloudIntegration {
    std::string uuid;
    std::string title;
};
Parsed<std::vector<CloudIntegration>> parse_integrations(const net::HttpResponse& response);

// A folder object (StorageFolder, PathElement).
struct PathElement {
    std::string uuid;
    std::optional<std::string> parent_uuid;
    std::string name;
    std::optional<std::string> synced_dataset_hash;
};
struct Folder {
    std::string uuid;
    std::optional<std::string> parent;
    std::string name;
    std::string description;
    std::optional<std::string> client_metadata;  // a JSON text, as Encord keeps it
    std::string owner;
    std::string created_at, last_edited_at;
    std::string user_role;  // "user", "admin"
    std::optional<std::string> synced_dataset_hash;
    std::vector<PathElement> path_to_root;
};
Parsed<Folder> parse_folder(const net::HttpResponse& response);  // GET storage/folders/{uuid}, POST storage/folders

// A page of folders (Page[StorageFolder]): {"results": [...], "nextPageToken": "..." | null}. Send the
// token back as pageToken (FolderListing::page_token) until it is absent.
struct FolderPage {
    std::vector<Folder> results;
    std::optional<std::string> next_page_token;
};
Parsed<FolderPage> parse_folder_page(const net::HttpResponse& response);

// POST .../data-upload-jobs: a bare JSON string, the job's UUID.
Parsed<std::string> parse_upload_job_id(const net::HttpResponse& response);

// GET .../data-upload-jobs/{job} (UploadLongPollingState).
enum class JobStatus { pending, done, error, cancelled };  // "PENDING", "DONE", "ERROR", "CANCELLED"
const char* job_status_name(JobStatus status);
bool is_final(JobStatus status);  // DONE, ERROR, CANCELLED: the SDK stops polling

struct ItemWithName {
    std::string item_uuid;
    std::string name;
};
// One unit that failed (DataUnitError): a unit is a video, an image, an image group or a DICOM series.
struct UnitError {
    std::vector<std::string> object_urls;  // one for a video or an image; the files of a group or series
    std::string error;
    std::string subtask_uuid;  // "Please quote this when contacting Encord support"
    std::string action_description;
};
struct UploadJobState {
    JobStatus status = JobStatus::pending;
    std::vector<ItemWithName> items_with_names;
    std::vector<std::string> errors;
    std::uint64_t units_pending = 0, units_done = 0, units_error = 0, units_cancelled = 0;
    std::vector<UnitError> unit_errors;
    std::optional<std::string> file_name;
};
Parsed<UploadJobState> parse_upload_job_state(const net::HttpResponse& response);

// POST .../cancel: {"unitsCancelledCount": N}.
Parsed<std::uint64_t> parse_cancel(const net::HttpResponse& response);

}  // namespace eic::encord

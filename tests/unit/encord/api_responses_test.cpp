// Reading Encord's answers (core/encord/api_responses.hpp): the SDK's DTO shapes, unknown members
// ignored, and a clear error with a JSON pointer for anything else, never a crash.
#include "encord/api_responses.hpp"

#include <catch2/catch.hpp>

using namespace eic;
using namespace eic::encord;

namespace {

net::HttpResponse ok(std::string body, int status = 200) {
    net::HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

constexpr const char* kFolderJson =
    R"({"uuid": "3F1E0000-0000-4000-8000-00000000ABCD", "parent": null, "name": "Scans", "description": "",
        "clientMetadata": "{\"k\": 1}", "owner": "a@b.c", "createdAt": "2024-05-01T10:00:00Z",
        "lastEditedAt": "2024-05-02T10:00:00Z", "userRole": "admin", "syncedDatasetHash": null,
        "pathToRoot": [{"uuid": "3f1e0000-0000-4000-8000-00000000abcd", "parentUuid": null, "name": "Scans",
                        "syncedDatasetHash": null}],
        "somethingNew": [1, 2, 3]})";

template <class T>
void check_error(const Parsed<T>& p, const std::string& pointer, const std::string& says) {
    INFO("message: " << p.error.message << "\npointer: " << p.error.pointer);
    CHECK_FALSE(p.ok());
    CHECK(p.error.pointer == pointer);
    CHECK(p.error.message.find(says) != std::string::npos);
}

}  // namespace

TEST_CASE("schema GET: a map, and null or 204 is the empty map", "[encord-api]") {
    const auto map = parse_schema(ok(R"({"b": {"ty": "variant", "hint": "number"}, "a": {"ty": "geospatial"}})"));
    REQUIRE(map.ok());
    CHECK(map.value->begin().key() == "b");  // order as sent
    CHECK((*map.value)["a"]["ty"] == "geospatial");
    for (const auto& empty : {ok("null"), ok("", 204), ok(" null\n")}) {
        const auto p = parse_schema(empty);
        REQUIRE(p.ok());
        CHECK(p.value->is_object());
        CHECK(p.value->empty());
    }
    check_error(parse_schema(ok("[1]")), "", "Expected the schema map (an object), found an array");
    check_error(parse_schema(ok("{\"a\": ")), "", "not JSON");
    check_error(parse_schema(ok("{}", 500)), "", "HTTP 500 is not a success");
    net::HttpResponse cut = ok("{\"a\": 1}");
    cut.body_truncated = true;
    check_error(parse_schema(cut), "", "only the start");
}

TEST_CASE("malformed JSON says why and where", "[encord-api]") {
    const auto p = parse_folder(ok("{\"uuid\": tru}"));
    check_error(p, "", "The answer is not JSON");
    CHECK(p.error.message.find("at byte") != std::string::npos);
    check_error(parse_folder(ok("")), "", "not JSON");
    check_error(parse_folder(ok("{\"a\": \"\xFF\"}")), "", "not JSON");
    check_error(parse_folder(ok("", 204)), "", "204 No Content");
}

TEST_CASE("cloud integrations", "[encord-api]") {
    const auto p = parse_integrations(
        ok(R"({"result": [{"integrationUuid": "AAAAAAAA-0000-4000-8000-000000000001", "title": "GCS prod", "x": 1},
                          {"integrationUuid": "bbbbbbbb-0000-4000-8000-000000000002", "title": ""}], "extra": true})"));
    REQUIRE(p.ok());
    REQUIRE(p.value->size() == 2);
    CHECK((*p.value)[0].uuid == "aaaaaaaa-0000-4000-8000-000000000001");
    CHECK((*p.value)[0].title == "GCS prod");
    CHECK((*p.value)[1].title.empty());
    CHECK(parse_integrations(ok(R"({"result": []})")).value->empty());

    check_error(parse_integrations(ok("[]")), "", "Expected an object, found an array");
    check_error(parse_integrations(ok("{}")), "", "\"result\" is missing");
    check_error(parse_integrations(ok(R"({"result": {}})")), "/result", "Expected an array, found an object");
    check_error(parse_integrations(ok(R"({"result": [7]})")), "/result/0", "found a number");
    check_error(parse_integrations(ok(R"({"result": [{"title": "t"}]})")), "/result/0",
                "\"integrationUuid\" is missing");
    check_error(parse_integrations(ok(R"({"result": [{"integrationUuid": "x", "title": "t"}]})")),
                "/result/0/integrationUuid", "Expected a UUID, found \"x\"");
    check_error(parse_integrations(
                    ok(R"({"result": [{"integrationUuid": "aaaaaaaa-0000-4000-8000-000000000001", "title": 3}]})")),
                "/result/0/title", "Expected a string, found a number");
}

TEST_CASE("a folder object", "[encord-api]") {
    const auto p = parse_folder(ok(kFolderJson));
    REQUIRE(p.ok());
    const Folder& f = *p.value;
    CHECK(f.uuid == "3f1e0000-0000-4000-8000-00000000abcd");
    CHECK_FALSE(f.parent);
    CHECK(f.name == "Scans");
    CHECK(f.client_metadata == std::optional<std::string>("{\"k\": 1}"));
    CHECK(f.owner == "a@b.c");
    CHECK(f.created_at == "2024-05-01T10:00:00Z");
    CHECK(f.user_role == "admin");
    REQUIRE(f.path_to_root.size() == 1);
    CHECK(f.path_to_root[0].name == "Scans");

    // Only uuid and name are required; what is there must have its type.
    const auto minimal = parse_folder(ok(R"({"uuid": "3f1e0000-0000-4000-8000-00000000abcd", "name": "n"})"));
    REQUIRE(minimal.ok());
    CHECK(minimal.value->path_to_root.empty());
    check_error(parse_folder(ok(R"({"name": "n"})")), "", "\"uuid\" is missing");
    check_error(parse_folder(ok(R"({"uuid": "3f1e0000-0000-4000-8000-00000000abcd"})")), "", "\"name\" is missing");
    check_error(parse_folder(ok(R"({"uuid": "3f1e0000-0000-4000-8000-00000000abcd", "name": "n", "parent": 5})")),
                "/parent", "Expected a UUID string, found a number");
    check_error(
        parse_folder(ok(R"({"uuid": "3f1e0000-0000-4000-8000-00000000abcd", "name": "n", "clientMetadata": {}})")),
        "/clientMetadata", "Expected a string or null, found an object");
    check_error(
        parse_folder(ok(R"({"uuid": "3f1e0000-0000-4000-8000-00000000abcd", "name": "n", "pathToRoot": [{}]})")),
        "/pathToRoot/0", "\"uuid\" is missing");
    check_error(parse_folder(ok(R"({"uuid": "3f1e0000-0000-4000-8000-00000000abcd", "name": "n", "pathToRoot": "x"})")),
                "/pathToRoot", "Expected an array, found a string");
}

TEST_CASE("a page of folders", "[encord-api]") {
    const auto p =
        parse_folder_page(ok(std::string(R"({"results": [)") + kFolderJson + R"(], "nextPageToken": "t2"})"));
    REQUIRE(p.ok());
    CHECK(p.value->results.size() == 1);
    CHECK(p.value->next_page_token == std::optional<std::string>("t2"));
    for (const char* last : {R"({"results": []})", R"({"results": [], "nextPageToken": null})"}) {
        const auto q = parse_folder_page(ok(last));
        REQUIRE(q.ok());
        CHECK_FALSE(q.value->next_page_token);
    }
    check_error(parse_folder_page(ok(R"({"results": [{"uuid": "3f1e0000-0000-4000-8000-00000000abcd", "name": 1}]})")),
                "/results/0/name", "Expected a string, found a number");
    check_error(parse_folder_page(ok(R"({"results": [], "nextPageToken": 3})")), "/nextPageToken",
                "Expected a string or null");
    check_error(parse_folder_page(ok(R"({"nextPageToken": null})")), "", "\"results\" is missing");
}

TEST_CASE("upload-job start answers with a bare UUID string", "[encord-api]") {
    const auto p = parse_upload_job_id(ok("\"AAAAAAAA-0000-4000-8000-000000000009\""));
    REQUIRE(p.ok());
    CHECK(*p.value == "aaaaaaaa-0000-4000-8000-000000000009");
    check_error(parse_upload_job_id(ok("{\"uuid\": \"aaaaaaaa-0000-4000-8000-000000000009\"}")), "",
                "Expected a UUID string, found an object");
    check_error(parse_upload_job_id(ok("\"job-1\"")), "", "Expected a UUID, found \"job-1\"");
    check_error(parse_upload_job_id(ok("aaaaaaaa-0000-4000-8000-000000000009")), "", "not JSON");
}

TEST_CASE("upload-job state (UploadLongPollingState)", "[encord-api]") {
    const std::string body = R"({
      "status": "ERROR", "itemsWithNames": [{"itemUuid": "cccccccc-0000-4000-8000-000000000001", "name": "v0.mp4"}],
      "errors": ["gs://b/missing.mp4: not found"], "unitsPendingCount": 0, "unitsDoneCount": 1,
      "unitsErrorCount": 1, "unitsCancelledCount": 0,
      "unitErrors": [{"objectUrls": ["gs://b/missing.mp4"], "error": "Object not found",
                      "subtaskUuid": "dddddddd-0000-4000-8000-000000000001", "actionDescription": "Uploading video",
                      "newField": 1}],
      "fileName": "m.part-001-of-001.json", "unknown": {"x": 1}})";
    const auto p = parse_upload_job_state(ok(body));
    REQUIRE(p.ok());
    const UploadJobState& s = *p.value;
    CHECK(s.status == JobStatus::error);
    CHECK(is_final(s.status));
    CHECK(s.units_done == 1);
    CHECK(s.units_error == 1);
    REQUIRE(s.items_with_names.size() == 1);
    CHECK(s.items_with_names[0].name == "v0.mp4");
    REQUIRE(s.unit_errors.size() == 1);
    CHECK(s.unit_errors[0].object_urls == std::vector<std::string>{"gs://b/missing.mp4"});
    CHECK(s.unit_errors[0].action_description == "Uploading video");
    CHECK(s.file_name == std::optional<std::string>("m.part-001-of-001.json"));

    const std::string pending = R"({"status": "PENDING", "itemsWithNames": [], "errors": [], "unitsPendingCount": 5,
      "unitsDoneCount": 0, "unitsErrorCount": 0, "unitsCancelledCount": 0, "unitErrors": []})";
    const auto q = parse_upload_job_state(ok(pending));
    REQUIRE(q.ok());
    CHECK(q.value->status == JobStatus::pending);
    CHECK_FALSE(is_final(q.value->status));
    CHECK(q.value->units_pending == 5);
    CHECK_FALSE(q.value->file_name);
    CHECK(std::string(job_status_name(JobStatus::cancelled)) == "CANCELLED");

    auto with = [&](const std::string& from, const std::string& to) {
        std::string b = pending;
        const auto at = b.find(from);
        REQUIRE(at != std::string::npos);
        return ok(b.replace(at, from.size(), to));
    };
    check_error(parse_upload_job_state(with("\"PENDING\"", "\"RUNNING\"")), "/status",
                "Expected PENDING, DONE, ERROR or CANCELLED, found \"RUNNING\"");
    check_error(parse_upload_job_state(with("\"unitsPendingCount\": 5", "\"unitsPendingCount\": \"5\"")),
                "/unitsPendingCount", "found a string");
    check_error(parse_upload_job_state(with("\"unitsPendingCount\": 5", "\"unitsPendingCount\": -1")),
                "/unitsPendingCount", "found -1");
    check_error(parse_upload_job_state(with("\"unitsPendingCount\": 5", "\"unitsPendingCount\": 1.5")),
                "/unitsPendingCount", "found 1.5");
    check_error(parse_upload_job_state(with("\"unitsPendingCount\": 5,", "")), "", "\"unitsPendingCount\" is missing");
    check_error(parse_upload_job_state(with("\"errors\": []", "\"errors\": [1]")), "/errors/0", "Expected a string");
    check_error(parse_upload_job_state(with("\"unitErrors\": []", "\"unitErrors\": [{\"objectUrls\": \"u\"}]")),
                "/unitErrors/0/objectUrls", "Expected an array, found a string");
    check_error(parse_upload_job_state(with("\"unitErrors\": []",
                                            R"("unitErrors": [{"objectUrls": [], "error": "e", "subtaskUuid": "s",
                                               "actionDescription": "a"}])")),
                "/unitErrors/0/subtaskUuid", "Expected a UUID");
    check_error(parse_upload_job_state(with("\"itemsWithNames\": []", "\"itemsWithNames\": [{\"name\": \"n\"}]")),
                "/itemsWithNames/0", "\"itemUuid\" is missing");
    check_error(parse_upload_job_state(ok("\"DONE\"")), "", "Expected an object, found a string");
}

TEST_CASE("upload-job cancel", "[encord-api]") {
    const auto p = parse_cancel(ok(R"({"unitsCancelledCount": 12})"));
    REQUIRE(p.ok());
    CHECK(*p.value == 12);
    check_error(parse_cancel(ok("{}")), "", "\"unitsCancelledCount\" is missing");
    check_error(parse_cancel(ok(R"({"unitsCancelledCount": null})")), "/unitsCancelledCount", "found null");
    check_error(parse_cancel(ok("12")), "", "Expected an object, found a number");
}

TEST_CASE("a parse error as a finding", "[encord-api]") {
    const auto p = parse_cancel(ok(R"({"unitsCancelledCount": "3"})"));
    REQUIRE_FALSE(p.ok());
    const Diagnostic d = to_diagnostic(p.error);
    CHECK(d.code == "encord.api.malformed-answer");
    CHECK(d.severity == Severity::error);
    CHECK_FALSE(d.pointer);
    CHECK(d.message ==
          "Encord's answer cannot be read: Expected a count (a whole number from 0), found a string (at "
          "/unitsCancelledCount in the answer).");
    CHECK(to_diagnostic(parse_cancel(ok("[")).error).message.find("cannot be read: The answer is not JSON") !=
          std::string::npos);
}

// The requests to Encord's v2 API (core/encord/api_requests.hpp). Expected URLs and bodies are what
// Encord's SDK (encord-client-python 0.1.190, with requests 2.34 and pydantic 2.13) prepares for the
// same call.
#include "encord/api_requests.hpp"

#include <catch2/catch.hpp>

using namespace eic;
using namespace eic::encord;
using Json = nlohmann::ordered_json;

namespace {

constexpr const char* kFolder = "3f1e0000-0000-4000-8000-00000000abcd";
constexpr const char* kJob = "aaaaaaaa-0000-4000-8000-000000000009";
constexpr const char* kDomain = "https://api.encord.com";

std::string url_of(const ApiRequest& r) { return prepare(r, kDomain).http.url; }

ApiRequest built(const BuiltRequest& b) {
    INFO(b.error);
    REQUIRE(b.ok());
    return *b.request;
}

}  // namespace

TEST_CASE("canonical UUIDs as uuid.UUID reads them", "[encord-api]") {
    CHECK(canonical_uuid("AAAAAAAA-0000-4000-8000-000000000001") == "aaaaaaaa-0000-4000-8000-000000000001");
    CHECK(canonical_uuid("{bbbbbbbb000040008000000000000002}") == "bbbbbbbb-0000-4000-8000-000000000002");
    CHECK(canonical_uuid("urn:uuid:3f1e0000-0000-4000-8000-00000000ABCD") == kFolder);
    for (const char* bad :
         {"", "3f1e0000-0000-4000-8000-00000000abc", "3f1e0000-0000-4000-8000-00000000abcde",
          "3f1e0000-0000-4000-8000-00000000abcg", "../../etc/passwd", "3f1e 0000-0000-4000-8000-00000000abcd"})
        CHECK_FALSE(canonical_uuid(bad));
}

TEST_CASE("schema GET and POST", "[encord-api]") {
    const ApiRequest get = schema_get();
    CHECK(get.method == "GET");
    CHECK(url_of(get) == "https://api.encord.com/v2/public/organisation/client-metadata-schema-v2");
    CHECK(get.body.empty());
    CHECK(get.retries);

    const Json map =
        Json::parse(R"({"emb":{"ty":"embedding","size":512,"api":null},"en":{"ty":"enum","values":["a","b"]},
                                    "s":{"ty":"variant","hint":"varchar"}})");
    const ApiRequest post = schema_post(map);
    CHECK(post.method == "POST");
    CHECK(post.path == "organisation/client-metadata-schema-v2");
    CHECK(post.body ==
          R"({"emb": {"ty": "embedding", "size": 512, "api": null}, "en": {"ty": "enum", "values": ["a", "b"]}, )"
          R"("s": {"ty": "variant", "hint": "varchar"}})");
    CHECK(post.retries);  // the SDK posts the schema with its default allow_retries
    const PreparedRequest p = prepare(post, kDomain);
    REQUIRE(p.http.headers.size() == 1);
    CHECK(p.http.headers[0] == std::make_pair(std::string("Content-Type"), std::string("application/json")));
    CHECK(p.http.body == post.body);
    CHECK(p.request_target == "/v2/public/organisation/client-metadata-schema-v2");
}

TEST_CASE("cloud integrations list", "[encord-api]") {
    CHECK(url_of(built(cloud_integrations_list())) ==
          "https://api.encord.com/v2/public/cloud-integrations?includeOrgAccess=False");
    IntegrationFilter f;
    f.uuids = {"AAAAAAAA-0000-4000-8000-000000000001", "{bbbbbbbb000040008000000000000002}"};
    f.titles = {"My GCS", "x&y"};
    CHECK(url_of(built(cloud_integrations_list(f))) ==
          "https://api.encord.com/v2/public/cloud-integrations?filterIntegrationUuids=aaaaaaaa-0000-4000-8000-"
          "000000000001&filterIntegrationUuids=bbbbbbbb-0000-4000-8000-000000000002&filterIntegrationTitles=My+GCS&"
          "filterIntegrationTitles=x%26y&includeOrgAccess=False");
    f.uuids = {"not-a-uuid"};
    const BuiltRequest bad = cloud_integrations_list(f);
    CHECK_FALSE(bad.ok());
    CHECK(bad.error.find("\"not-a-uuid\" is not a UUID") != std::string::npos);
}

TEST_CASE("folder listings: top level, search, children, paging", "[encord-api]") {
    FolderListing top;
    top.search = "abc";
    top.include_org_access = false;
    CHECK(url_of(built(folders_list(top))) ==
          "https://api.encord.com/v2/public/storage/folders?search=abc&isRecursive=False&includeOrgAccess=False&"
          "order=name&desc=False&pageSize=100");

    FolderListing search;
    search.scope = FolderScope::search;
    search.search = "a b/\xC3\xBC&x";
    search.dataset_synced = true;
    search.order = FolderOrder::created_at;
    search.desc = true;
    search.page_token = "tok/+=";
    search.page_size = 1000;
    CHECK(url_of(built(folders_list(search))) ==
          "https://api.encord.com/v2/public/storage/search/folders?search=a+b%2F%C3%BC%26x&isRecursive=False&"
          "datasetSynced=True&order=createdAt&desc=True&pageToken=tok%2F%2B%3D&pageSize=1000");

    FolderListing children;
    children.scope = FolderScope::children;
    children.parent = "3F1E0000-0000-4000-8000-00000000ABCD";
    children.recursive = true;  // find_subfolders
    const ApiRequest c = built(folders_list(children));
    CHECK(url_of(c) ==
          "https://api.encord.com/v2/public/storage/folders/3f1e0000-0000-4000-8000-00000000abcd/folders?"
          "isRecursive=True&order=name&desc=False&pageSize=100");
    CHECK(c.method == "GET");
    CHECK(c.retries);

    children.parent = "x";
    CHECK(folders_list(children).error.find("parent folder \"x\" is not a UUID") != std::string::npos);
    for (int size : {0, 1001, -5}) {
        FolderListing l;
        l.page_size = size;
        CHECK(folders_list(l).error.find("1 to 1000") != std::string::npos);
    }
}

TEST_CASE("folder get and create", "[encord-api]") {
    CHECK(url_of(built(folder_get(kFolder))) ==
          "https://api.encord.com/v2/public/storage/folders/3f1e0000-0000-4000-8000-00000000abcd");
    CHECK_FALSE(folder_get("nope").ok());

    NewFolder f;
    f.name = "Scans \xC3\xA9 \"2024\"";
    f.parent = "3F1E0000-0000-4000-8000-00000000ABCD";
    const ApiRequest r = built(folder_create(f));
    CHECK(r.method == "POST");
    CHECK(url_of(r) == "https://api.encord.com/v2/public/storage/folders");
    CHECK(r.body == R"({"name": "Scans \u00e9 \"2024\"", "parent": "3f1e0000-0000-4000-8000-00000000abcd"})");
    CHECK_FALSE(r.retries);  // a second POST would make a second folder

    NewFolder g;
    g.name = "n";
    g.description = "d";
    CHECK(built(folder_create(g)).body == R"({"name": "n", "description": "d"})");
    g.parent = "../x";
    CHECK_FALSE(folder_create(g).ok());
}

TEST_CASE("upload-job start embeds the spec's bytes unchanged", "[encord-api]") {
    UploadJobStart s;
    s.folder_uuid = kFolder;
    s.spec = R"({"videos": [{"objectUrl": "gs://b/v.mp4"}]})";
    s.integration_uuid = "AAAAAAAA-0000-4000-8000-000000000001";
    s.ignore_errors = true;
    s.file_name = "m.part-001-of-002.json";
    const ApiRequest r = built(upload_job_start(s));
    CHECK(r.method == "POST");
    CHECK(url_of(r) ==
          "https://api.encord.com/v2/public/storage/folders/3f1e0000-0000-4000-8000-00000000abcd/data-upload-jobs");
    // Byte for byte the SDK's body for the same call.
    CHECK(r.body ==
          R"({"externalFiles": {"videos": [{"objectUrl": "gs://b/v.mp4"}]}, "integrationHash": )"
          R"("aaaaaaaa-0000-4000-8000-000000000001", "ignoreErrors": true, "fileName": "m.part-001-of-002.json"})");
    CHECK_FALSE(r.retries);  // a second POST would start a second job

    // Key order, number spelling, escapes and inner whitespace of the spec survive; a BOM and the
    // surrounding whitespace do not; absent optional fields are left out (exclude_none).
    UploadJobStart t;
    t.folder_uuid = kFolder;
    t.spec = "\xEF\xBB\xBF \n{\"z\":1.50,\"a\":\"\\u00e9\",\n \"images\": []}\n\n";
    const ApiRequest u = built(upload_job_start(t));
    CHECK(u.body == "{\"externalFiles\": {\"z\":1.50,\"a\":\"\\u00e9\",\n \"images\": []}, \"ignoreErrors\": false}");
    CHECK(Json::parse(u.body)["externalFiles"]["a"] == "\xC3\xA9");
}

TEST_CASE("upload-job start refuses what is not one JSON object", "[encord-api]") {
    UploadJobStart s;
    s.folder_uuid = kFolder;
    struct Bad {
        const char* spec;
        const char* says;
    };
    for (const Bad& b : {Bad{"", "not valid JSON"}, Bad{"{\"videos\": [", "not valid JSON"},
                         Bad{"{\"a\": 1} {\"b\": 2}", "not valid JSON"}, Bad{"[1, 2]", "not a JSON object"},
                         Bad{"\"x\"", "not a JSON object"}, Bad{"null", "not a JSON object"}}) {
        INFO(b.spec);
        s.spec = b.spec;
        const BuiltRequest r = upload_job_start(s);
        CHECK_FALSE(r.ok());
        CHECK(r.error.find(b.says) != std::string::npos);
    }
    s.spec = "{}";
    s.folder_uuid = "f";
    CHECK(upload_job_start(s).error.find("folder \"f\"") != std::string::npos);
    s.folder_uuid = kFolder;
    s.integration_uuid = "i";
    CHECK(upload_job_start(s).error.find("integration \"i\"") != std::string::npos);
}

TEST_CASE("upload-job poll and cancel", "[encord-api]") {
    const ApiRequest poll = built(upload_job_poll(kFolder, kJob, 60));
    CHECK(poll.method == "GET");
    const PreparedRequest p = prepare(poll, kDomain);
    CHECK(p.http.url ==
          "https://api.encord.com/v2/public/storage/folders/3f1e0000-0000-4000-8000-00000000abcd/data-upload-jobs/"
          "aaaaaaaa-0000-4000-8000-000000000009?timeoutSeconds=60");
    CHECK(p.request_target ==
          "/v2/public/storage/folders/3f1e0000-0000-4000-8000-00000000abcd/data-upload-jobs/"
          "aaaaaaaa-0000-4000-8000-000000000009?timeoutSeconds=60");
    CHECK(p.http.headers.empty());
    CHECK(poll.retries);
    CHECK(poll.timeout_s == kRequestTimeoutS);
    CHECK(built(upload_job_poll(kFolder, kJob, 600)).timeout_s == 630);
    CHECK_FALSE(upload_job_poll(kFolder, kJob, -1).ok());
    CHECK(upload_job_poll(kFolder, "j", 60).error.find("upload job \"j\"") != std::string::npos);
    CHECK(upload_job_poll("f", kJob, 60).error.find("folder \"f\"") != std::string::npos);

    const ApiRequest cancel = built(upload_job_cancel(kFolder, kJob));
    CHECK(cancel.method == "POST");
    CHECK(url_of(cancel) ==
          "https://api.encord.com/v2/public/storage/folders/3f1e0000-0000-4000-8000-00000000abcd/data-upload-jobs/"
          "aaaaaaaa-0000-4000-8000-000000000009/cancel");
    CHECK(cancel.body.empty());
    CHECK(prepare(cancel, kDomain).http.headers.empty());
    CHECK(cancel.retries);
}

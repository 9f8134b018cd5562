// The one-shot Encord jobs (core/encord/api_job.hpp): parsed results, the schema push and its read-back,
// folder paging, a folder create sent once, and malformed answers reported with their JSON pointer.
#include "encord/api_job.hpp"

#include <catch2/catch.hpp>

#include "encord_client_fixture.hpp"

using namespace eic;
using namespace eic::encord;

namespace {
const std::string kSchemaUrl = std::string(test::kApi) + "organisation/client-metadata-schema-v2";
const std::string kFoldersUrl = std::string(test::kApi) + "storage/folders";

std::string folder(int n) {
    return R"({"uuid": "3f1e0000-0000-4000-8000-00000000000)" + std::to_string(n) + R"(", "name": "f)" +
           std::to_string(n) + "\"}";
}
}  // namespace

TEST_CASE("fetch schema and list integrations read their answers; malformed ones name the place", "[encord-client]") {
    test::EncordClientFixture f;
    f.http.table[kSchemaUrl] = {test::answer(200, {}, R"({"a": {"ty": "geospatial"}})")};
    FetchSchemaJob fetch(f.context());
    CHECK(f.run(fetch));
    REQUIRE(fetch.ok());
    CHECK(fetch.schema()->contains("a"));

    const std::string integrations = std::string(test::kApi) + "cloud-integrations";
    f.http.table[integrations] = {
        test::answer(200, {},
                     R"({"result": [{"integrationUuid": "aaaaaaaa-0000-4000-8000-000000000001", "title": "GCS"}]})"),
        test::answer(200, {}, R"({"result": [7]})")};
    ListIntegrationsJob list(f.context());
    CHECK(f.run(list));
    REQUIRE(list.ok());
    REQUIRE(list.integrations().size() == 1);
    CHECK(list.integrations()[0].title == "GCS");

    ListIntegrationsJob bad(f.context());
    CHECK(f.run(bad));
    CHECK_FALSE(bad.ok());
    REQUIRE(bad.failure());
    REQUIRE(bad.failure()->parse);
    CHECK(bad.failure()->parse->pointer == "/result/0");
    CHECK(bad.failure()->message().find("/result/0") != std::string::npos);

    f.http.table[kSchemaUrl] = {test::answer(200, {}, "not json")};
    FetchSchemaJob garbled(f.context());
    CHECK(f.run(garbled));
    CHECK(garbled.failure()->parse);
}

TEST_CASE("push schema POSTs the whole map once, reads it back and lists the keys that differ", "[encord-client]") {
    test::EncordClientFixture f;
    const auto pushed = nlohmann::ordered_json::parse(
        R"({"a": {"ty": "geospatial"}, "b": {"ty": "variant", "hint": "number"}, "c": {"ty": "text"}})");
    f.http.table["POST " + kSchemaUrl] = {test::answer(200, {}, "null")};
    // Encord keeps b's members in another order (same), changed c, dropped a, added d.
    f.http.table["GET " + kSchemaUrl] = {test::answer(
        200, {}, R"({"b": {"hint": "number", "ty": "variant"}, "c": {"ty": "varchar"}, "d": {"ty": "text"}})")};
    PushSchemaJob push(f.context(), pushed);
    CHECK(f.run(push));
    REQUIRE(push.ok());
    CHECK(push.pushed());
    CHECK_FALSE(push.verified());
    CHECK(push.differences() == std::vector<std::string>{"a", "c", "d"});
    CHECK(f.count_sent("POST", "client-metadata-schema-v2") == 1);
    CHECK(f.count_sent("GET", "client-metadata-schema-v2") == 1);

    f.http.table["GET " + kSchemaUrl] = {test::answer(200, {}, pushed.dump())};
    PushSchemaJob same(f.context(), pushed);
    CHECK(f.run(same));
    CHECK(same.verified());

    f.http.table["POST " + kSchemaUrl] = {test::answer(503)};
    PushSchemaJob refused(f.context(), pushed);
    CHECK(f.run(refused));
    CHECK_FALSE(refused.ok());
    CHECK_FALSE(refused.pushed());
    CHECK(f.count_sent("POST", "client-metadata-schema-v2") == 3);  // one per job, never again
    CHECK(f.count_sent("GET", "client-metadata-schema-v2") == 2);
}

TEST_CASE("list folders follows nextPageToken through every page, bounded", "[encord-client]") {
    test::EncordClientFixture f;
    f.http.respond = [&](const net::HttpRequest& r) -> std::optional<test::FakeAnswer> {
        if (r.url.find("pageToken=t2") != std::string::npos)
            return test::answer(200, {}, R"({"results": [)" + folder(3) + R"(], "nextPageToken": "t3"})");
        if (r.url.find("pageToken=t3") != std::string::npos)
            return test::answer(200, {}, R"({"results": [)" + folder(4) + R"(], "nextPageToken": null})");
        return test::answer(200, {}, R"({"results": [)" + folder(1) + "," + folder(2) + R"(], "nextPageToken": "t2"})");
    };
    ListFoldersJob all(f.context(), FolderListing{});
    CHECK(f.run(all));
    REQUIRE(all.ok());
    CHECK(all.pages() == 3);
    CHECK(all.folders().size() == 4);
    CHECK_FALSE(all.truncated());
    CHECK_FALSE(all.next_page_token());

    ListFoldersJob two(f.context(), FolderListing{}, 2);
    CHECK(f.run(two));
    CHECK(two.ok());
    CHECK(two.truncated());
    CHECK(two.folders().size() == 3);
    CHECK(two.next_page_token() == std::optional<std::string>("t3"));

    // A token that comes back again would page forever.
    f.http.respond = [&](const net::HttpRequest&) -> std::optional<test::FakeAnswer> {
        return test::answer(200, {}, R"({"results": [], "nextPageToken": "same"})");
    };
    ListFoldersJob loop(f.context(), FolderListing{});
    CHECK(f.run(loop));
    REQUIRE(loop.failure());
    CHECK(loop.failure()->parse->pointer == "/nextPageToken");
    CHECK(loop.pages() == 2);
}

TEST_CASE("create folder is sent once, even on 503; its answer is the folder", "[encord-client]") {
    test::EncordClientFixture f;
    f.http.table["POST " + kFoldersUrl] = {test::answer(503), test::answer(200, {}, folder(7))};
    CreateFolderJob first(f.context(), {"f7", std::nullopt, std::nullopt});
    CHECK(f.run(first));
    REQUIRE(first.failure());
    CHECK(first.failure()->api->status == 503);
    CHECK(f.http.sent.size() == 1);
    CreateFolderJob second(f.context(), {"f7", std::nullopt, std::nullopt});
    CHECK(f.run(second));
    REQUIRE(second.ok());
    CHECK(second.folder()->name == "f7");

    CreateFolderJob invalid(f.context(), {"x", std::nullopt, std::string("not-a-uuid")});
    CHECK(invalid.finished());
    CHECK(invalid.failure());
    CHECK(f.http.sent.size() == 2);
}

// The Folders tab's state (core/app/folder_browser.hpp) against the fake transport: which route each view
// lists, paging with nextPageToken, the breadcrumb from pathToRoot, a listing replaced while it runs, and a
// create that is sent once and, without an answer, keeps Create off until the folders are listed again.
#include "app/folder_browser.hpp"

#include <catch2/catch.hpp>

#include "../encord/encord_client_fixture.hpp"

using namespace eic;
using namespace eic::app;

namespace {
const std::string kTop = "aaaa0000-0000-4000-8000-000000000001";
const std::string kMid = "aaaa0000-0000-4000-8000-000000000002";
const std::string kLeaf = "aaaa0000-0000-4000-8000-000000000003";

std::string uuid(int n) {
    std::string s = std::to_string(n);
    return "3f1e0000-0000-4000-8000-" + std::string(12 - s.size(), '0') + s;
}
std::string folder_json(const std::string& id, const std::string& name, const std::string& parent = "") {
    return R"({"uuid": ")" + id + R"(", "name": ")" + name + R"(", "parent": )" +
           (parent.empty() ? "null" : "\"" + parent + "\"") + "}";
}
std::string page_json(int first, int count, const std::string& next) {
    std::string out = R"({"results": [)";
    for (int i = 0; i < count; ++i)
        out += (i ? "," : "") + folder_json(uuid(first + i), "f" + std::to_string(100 + first + i));
    return out + R"(], "nextPageToken": )" + (next.empty() ? "null" : "\"" + next + "\"") + "}";
}
bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

encord::Folder leaf() {
    encord::Folder f;
    f.uuid = kLeaf;
    f.name = "leaf";
    f.parent = kMid;
    // Listed leaf-first here; the crumbs follow the parent links, not the order.
    f.path_to_root = {{kMid, kTop, "mid", std::nullopt}, {kTop, std::nullopt, "top", std::nullopt}};
    return f;
}

void run(test::EncordClientFixture& f, const std::shared_ptr<jobs::Job>& job) {
    REQUIRE(job);
    CHECK(f.run(*job));
}
}  // namespace

TEST_CASE("the breadcrumb follows pathToRoot's parent links to the top level", "[folder-browser]") {
    encord::Folder f = leaf();
    auto crumbs = crumbs_of(f);
    REQUIRE(crumbs.size() == 3);
    CHECK(crumbs[0].name == "top");
    CHECK(crumbs[2].uuid == kLeaf);
    CHECK(path_text(f) == "/top/mid/leaf");
    std::reverse(f.path_to_root.begin(), f.path_to_root.end());
    CHECK(path_text(f) == "/top/mid/leaf");

    f.path_to_root.pop_back();  // "top" missing: the path does not reach the top level
    f.path_to_root = {{kMid, kTop, "mid", std::nullopt}};
    CHECK(path_text(f) == "…/mid/leaf");

    encord::Folder top;
    top.uuid = kTop;
    top.name = "top";
    CHECK(path_text(top) == "/top");
    // A loop in what Encord sent ends the path instead of the page.
    f.path_to_root = {{kMid, kLeaf, "mid", std::nullopt}};
    CHECK(crumbs_of(f).size() == 2);
}

TEST_CASE("folders page by nextPageToken: load more appends the next page", "[folder-browser]") {
    test::EncordClientFixture f;
    f.http.respond = [](const net::HttpRequest& r) -> std::optional<test::FakeAnswer> {
        if (has(r.url, "pageToken=p2")) return test::answer(200, {}, page_json(3, 2, ""));
        return test::answer(200, {}, page_json(1, 2, "p2"));
    };
    FolderBrowser b;
    b.set_page_size(2);
    auto job = b.list(f.context());
    CHECK(b.loading());
    CHECK(b.load_more(f.context()) == nullptr);  // not while a page loads
    run(f, job);
    CHECK(b.folders().size() == 2);
    CHECK(b.pages() == 1);
    CHECK(b.has_more());
    REQUIRE(f.http.sent.size() == 1);
    CHECK(has(f.http.sent[0].url, "/storage/folders?isRecursive=False&order=name&desc=False&pageSize=2"));

    run(f, b.load_more(f.context()));
    CHECK(has(f.http.sent[1].url, "pageToken=p2&pageSize=2"));
    CHECK(b.folders().size() == 4);
    CHECK(b.folders()[3].name == "f104");
    CHECK(b.pages() == 2);
    CHECK_FALSE(b.has_more());
    CHECK(b.load_more(f.context()) == nullptr);
    CHECK(b.listings_done() == 2);
}

TEST_CASE("opening a folder lists its children; the breadcrumb goes back up", "[folder-browser]") {
    test::EncordClientFixture f;
    f.http.respond = [](const net::HttpRequest&) -> std::optional<test::FakeAnswer> {
        return test::answer(200, {}, page_json(1, 1, ""));
    };
    FolderBrowser b;
    run(f, b.open(f.context(), leaf()));
    REQUIRE(b.where().size() == 3);
    CHECK(b.where().back().name == "leaf");
    CHECK(has(f.http.sent.back().url, "/storage/folders/" + kLeaf + "/folders?isRecursive=False"));
    CHECK(b.new_folder_parent() == std::optional<std::string>(kLeaf));

    run(f, b.up_to(f.context(), 0));
    REQUIRE(b.where().size() == 1);
    CHECK(has(f.http.sent.back().url, "/storage/folders/" + kTop + "/folders?"));
    run(f, b.up_to(f.context(), std::size_t(-1)));
    CHECK(b.where().empty());
    CHECK_FALSE(b.new_folder_parent());
    CHECK(has(f.http.sent.back().url, "/storage/folders?"));
}

TEST_CASE("a search is every folder at the top level and the subtree inside a folder", "[folder-browser]") {
    test::EncordClientFixture f;
    f.http.respond = [](const net::HttpRequest&) -> std::optional<test::FakeAnswer> {
        return test::answer(200, {}, page_json(1, 1, ""));
    };
    FolderBrowser b;
    run(f, b.search_for(f.context(), "cat dog"));
    CHECK(has(f.http.sent.back().url, "/storage/search/folders?search=cat+dog&isRecursive=False"));
    run(f, b.open(f.context(), leaf()));
    CHECK(b.search().empty());  // opening a result leaves the search
    run(f, b.search_for(f.context(), "x"));
    CHECK(has(f.http.sent.back().url, "/storage/folders/" + kLeaf + "/folders?search=x&isRecursive=True"));
    run(f, b.search_for(f.context(), ""));
    CHECK(has(f.http.sent.back().url, "/storage/folders/" + kLeaf + "/folders?isRecursive=False"));
}

TEST_CASE("a listing started while another runs replaces it; failures are kept", "[folder-browser]") {
    test::EncordClientFixture f;
    f.http.respond = [](const net::HttpRequest& r) -> std::optional<test::FakeAnswer> {
        if (has(r.url, "search=slow")) return test::answer(200, {}, page_json(1, 3, ""), 50);
        if (has(r.url, "search=broken")) return test::answer(500, {}, R"({"message": "down"})");
        return test::answer(200, {}, page_json(7, 1, ""));
    };
    FolderBrowser b;
    auto slow = b.search_for(f.context(), "slow");
    slow->step(1 << 16);
    auto fast = b.search_for(f.context(), "");
    CHECK(slow->finished());  // cancelled
    CHECK(f.http.aborted.size() == 1);
    run(f, fast);
    REQUIRE(b.folders().size() == 1);
    CHECK(b.folders()[0].name == "f107");
    CHECK(b.listings_done() == 1);

    run(f, b.search_for(f.context(), "broken"));
    REQUIRE(b.error());
    CHECK(b.folders().empty());
    CHECK(b.error()->message().find("down") != std::string::npos);

    b.set_page_size(0);  // Encord takes 1..1000: refused before sending
    const std::size_t sent = f.http.sent.size();
    CHECK(b.list(f.context()) == nullptr);
    REQUIRE(b.error());
    CHECK(f.http.sent.size() == sent);
}

TEST_CASE("a created folder joins the listing it belongs to", "[folder-browser]") {
    test::EncordClientFixture f;
    const std::string created = folder_json(uuid(50), "f150", kLeaf);
    f.http.respond = [&](const net::HttpRequest& r) -> std::optional<test::FakeAnswer> {
        if (r.method == "POST") return test::answer(200, {}, created);
        return test::answer(200, {}, page_json(1, 2, ""));
    };
    FolderBrowser b;
    run(f, b.open(f.context(), leaf()));
    auto job = b.create(f.context(), {"f150", std::string("made here"), std::nullopt});
    CHECK(b.creating());
    CHECK_FALSE(b.cannot_create().empty());
    run(f, job);
    REQUIRE(b.created());
    CHECK(b.created()->uuid == uuid(50));
    CHECK(b.creates_done() == 1);
    REQUIRE(b.folders().size() == 3);
    CHECK(b.folders()[2].name == "f150");  // in name order
    const net::HttpRequest& post = f.http.sent.back();
    CHECK(post.method == "POST");
    CHECK(has(post.body, R"("parent": ")" + kLeaf + "\""));
    CHECK(has(post.body, R"("description": "made here")"));
    CHECK(b.cannot_create().empty());
}

TEST_CASE("a create without an answer is not sent again; Create waits for a new listing", "[folder-browser]") {
    test::EncordClientFixture f;
    const std::string folders_url = std::string(test::kApi) + "storage/folders";
    f.http.table["POST " + folders_url] = {test::failure(net::Failure::network)};
    f.http.table["GET " + folders_url] = {test::answer(200, {}, page_json(1, 1, ""), 3)};
    FolderBrowser b;
    auto before = b.list(f.context());  // started before the create: it cannot show the new folder
    run(f, b.create(f.context(), {"f150", std::nullopt, std::nullopt}));
    CHECK(f.count_sent("POST", "storage/folders") == 1);
    CHECK(b.create_sends() == 1);
    CHECK(b.create_unknown_outcome());
    REQUIRE(b.create_error());
    CHECK(b.create_error()->api->kind == encord::ApiErrorKind::unknown_outcome);
    CHECK(has(b.cannot_create(), "may have been created: list the folders before trying again"));
    CHECK(b.create(f.context(), {"f150", std::nullopt, std::nullopt}) == nullptr);
    run(f, before);
    CHECK(b.create_unknown_outcome());
    run(f, b.list(f.context()));
    CHECK_FALSE(b.create_unknown_outcome());
    CHECK(b.cannot_create().empty());
    CHECK(f.count_sent("POST", "storage/folders") == 1);
}

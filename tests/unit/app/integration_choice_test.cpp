// The integrations list and the choice of the one uploads go through (core/app/integration_choice.hpp),
// against the fake transport; and the destination sentence.
#include "app/integration_choice.hpp"

#include <catch2/catch.hpp>

#include "../encord/encord_client_fixture.hpp"

using namespace eic;
using namespace eic::app;

namespace {
const std::string kUrl = std::string(test::kApi) + "cloud-integrations";
const std::string kA = R"({"integrationUuid": "aaaaaaaa-0000-4000-8000-000000000001", "title": "gcs-a"})";
const std::string kB = R"({"integrationUuid": "aaaaaaaa-0000-4000-8000-000000000002", "title": "gcs-b"})";
std::string result(const std::string& items) { return R"({"result": [)" + items + "]}"; }

void run(test::EncordClientFixture& f, const std::shared_ptr<encord::ListIntegrationsJob>& job) {
    REQUIRE(job);
    CHECK(f.run(*job));
}
}  // namespace

TEST_CASE("the only integration is chosen; a choice is kept while Encord lists it", "[integration-choice]") {
    test::EncordClientFixture f;
    IntegrationChoice c;
    CHECK_FALSE(c.listed());
    f.http.table[kUrl] = {test::answer(200, {}, result(kA)), test::answer(200, {}, result(kA + "," + kB)),
                          test::answer(200, {}, result(kA + "," + kB)), test::answer(200, {}, result(kA))};
    auto job = c.list(f.context());
    CHECK(c.loading());
    run(f, job);
    CHECK_FALSE(c.loading());
    CHECK(c.listed());
    REQUIRE(c.chosen());
    CHECK(c.chosen()->title == "gcs-a");

    run(f, c.list(f.context()));  // two now: the choice stays
    CHECK(c.integrations().size() == 2);
    CHECK(c.chosen_index() == std::optional<std::size_t>(0));
    CHECK(c.choose(1));
    CHECK_FALSE(c.choose(2));
    CHECK(c.chosen()->title == "gcs-b");

    run(f, c.list(f.context()));
    CHECK(c.chosen()->title == "gcs-b");
    run(f, c.list(f.context()));  // gcs-b is gone: the only one left is chosen
    CHECK(c.chosen()->title == "gcs-a");
    CHECK(c.listings_done() == 4);
}

TEST_CASE("a refused listing keeps what was listed and says why", "[integration-choice]") {
    test::EncordClientFixture f;
    IntegrationChoice c;
    f.http.table[kUrl] = {test::answer(200, {}, result(kA + "," + kB)), test::answer(403, {}, R"({"message": "no"})")};
    run(f, c.list(f.context()));
    CHECK_FALSE(c.chosen());  // two: the user chooses
    run(f, c.list(f.context()));
    REQUIRE(c.error());
    CHECK(c.error()->api->status == 403);
    CHECK(c.integrations().size() == 2);
}

TEST_CASE("the destination sentence names what is chosen and what is missing", "[integration-choice]") {
    CHECK(destination_text("", "", "", "") ==
          "No destination yet: choose a folder (Use for uploads) and an integration.");
    CHECK(destination_text("f-1", "eic-demo", "", "").find("choose the integration") != std::string::npos);
    CHECK(destination_text("", "", "i-1", "demo-gcs").find("choose a folder") != std::string::npos);
    CHECK(destination_text("f-1", "eic-demo", "i-1", "demo-gcs") ==
          "Uploads go to folder eic-demo (f-1) through integration demo-gcs (i-1).");
}

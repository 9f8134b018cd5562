// The page's upload session (core/app/upload_session.hpp): when a tab can be uploaded, a CSV sent as JSON,
// the plan record that survives a reload (and its refusals), the run held until the ledger is saved, a
// restored session resuming without re-sending a start, and unit errors traced to the tab's rows and
// written as one manifest to send again.
#include "app/upload_session.hpp"

#include <catch2/catch.hpp>

#include "../encord/encord_client_fixture.hpp"
#include "../encord/fake_upload_jobs.hpp"
#include "manifest/load.hpp"

using namespace eic;

namespace {

constexpr const char* kCsv =
    "ObjectUrl,Image title\n"
    "https://storage.cloud.google.com/bucket/a.jpg,a\n"
    "https://storage.cloud.google.com/bucket/b.jpg,b\n"
    "https://storage.cloud.google.com/bucket/c.jpg,c\n"
    "https://storage.cloud.google.com/bucket/d.jpg,d\n"
    "https://storage.cloud.google.com/bucket/e.jpg,e\n";

void validated(app::ManifestDocument& doc) {
    while (doc.validating()) doc.step(1 << 20);
    REQUIRE(doc.result());
}

// The five images of kCsv, open and validated.
app::ManifestDocument csv_document() {
    app::ManifestDocument doc;
    doc.open("m.csv", kCsv, schema::Schema(), {});
    validated(doc);
    return doc;
}

app::UploadChoice choice() {
    app::UploadChoice c;
    c.folder_uuid = test::kFolder;
    c.folder_name = "incoming";
    c.integration_uuid = test::kIntegration;
    c.integration_title = "GCS bucket b";
    return c;
}

// Two items a batch, over a profile of that many (the test's stand-in for Encord's plan limits).
app::UploadChoice small_batches() {
    app::UploadChoice c = choice();
    c.max_items = 2;
    return c;
}

encord::UploadRunOptions run_options() {
    encord::UploadRunOptions o;
    o.folder_uuid = test::kFolder;
    o.integration_uuid = test::kIntegration;
    return o;
}

}  // namespace

TEST_CASE("upload session: a tab is uploaded only validated, without errors, to a chosen folder and integration",
          "[app][upload-session]") {
    app::ManifestDocument doc;
    CHECK(app::cannot_upload(doc, choice()) == "Open a manifest first.");
    doc.open("m.csv", "ObjectUrl,Image title\nhttps://storage.cloud.google.com/bucket/y z.jpg,b\n", schema::Schema(),
             {});
    CHECK(app::cannot_upload(doc, choice()) == "The manifest is being validated.");
    validated(doc);
    CHECK_THAT(app::cannot_upload(doc, choice()), Catch::Contains("1 error"));

    app::ManifestDocument good;
    good.open("m.csv", kCsv, schema::Schema(), {});
    validated(good);
    CHECK(app::cannot_upload(good, choice()).empty());
    app::UploadChoice none = choice();
    none.folder_uuid.clear();
    CHECK_THAT(app::cannot_upload(good, none), Catch::Contains("folder"));
    none = choice();
    none.integration_uuid.clear();
    CHECK_THAT(app::cannot_upload(good, none), Catch::Contains("integration"));
    none = choice();
    none.profile = "gold";
    CHECK_THAT(app::cannot_upload(good, none), Catch::Contains("gold"));
    // An edit makes the validation stale until it runs again.
    good.delete_units({0});
    if (good.stale()) CHECK_THAT(app::cannot_upload(good, choice()), Catch::Contains("Validate"));
}

TEST_CASE("upload session: a CSV tab is sent as JSON batches with skip_duplicate_urls; the plan record round-trips",
          "[app][upload-session]") {
    app::ManifestDocument doc;
    doc.open("photos.csv", kCsv, schema::Schema(), {});
    validated(doc);
    app::UploadSession s(doc, 7, {}, choice());
    REQUIRE(s.error().empty());
    REQUIRE(s.batch_count() == 1);
    const auto& b = s.plan().batches[0];
    CHECK(b.file_name == "photos.part-001-of-001.json");  // named as the CSV's JSON
    const auto spec = nlohmann::json::parse(b.spec);
    CHECK(spec["skip_duplicate_urls"] == true);
    REQUIRE(spec["images"].size() == 5);
    CHECK(spec["images"][4]["objectUrl"] == "https://storage.cloud.google.com/bucket/e.jpg");
    CHECK(spec["images"][4]["title"] == "e");

    const std::string saved = app::to_json(s.saved_plan());
    auto read = app::parse_saved_plan(saved);
    REQUIRE(read.ok());
    CHECK(read.value->manifest_name == "photos.json");
    CHECK(read.value->folder_name == "incoming");
    REQUIRE(read.value->batches.size() == 1);
    CHECK(read.value->batches[0].size() == 5);
    // The runs are compact: one [collection, first, count] for five consecutive images.
    CHECK(nlohmann::json::parse(saved)["batches"][0] == nlohmann::json::parse(R"([["images", 0, 5]])"));

    encord::UploadLedger ledger;
    ledger.entries.push_back({0, "photos.json"});
    app::UploadSession restored(*read.value, ledger);
    REQUIRE(restored.error().empty());
    REQUIRE(restored.batch_count() == 1);
    CHECK(restored.plan().batches[0].spec == b.spec);
    CHECK(restored.plan().batches[0].file_name == b.file_name);
}

TEST_CASE("upload session: a damaged plan record is refused with its place, never misread", "[app][upload-session]") {
    CHECK(app::parse_saved_plan("[]").error.pointer == "");
    CHECK(app::parse_saved_plan(R"({"format": "x"})").error.pointer == "/format");
    CHECK(app::parse_saved_plan(R"({"format": "eic-upload-plan", "version": 2})").error.pointer == "/version");
    const std::string head = R"({"format": "eic-upload-plan", "version": 1, "manifestName": "m.json",
        "manifestJson": "{\"images\": [{\"objectUrl\": \"gs://b/a.jpg\"}]}", "folderName": "", "integrationTitle": "",
        "skipDuplicateUrls": true, "profile": "enterprise", "maxItems": 0, )";
    CHECK(app::parse_saved_plan(head + R"("batches": [[["images", 0]]]})").error.pointer == "/batches/0/0");
    CHECK(app::parse_saved_plan(head + R"("batches": [[["films", 0, 1]]]})").error.pointer == "/batches/0/0/0");
    auto ok = app::parse_saved_plan(head + R"("batches": [[["images", 0, 2]]]})");
    REQUIRE(ok.ok());  // well formed, but it names an item the manifest lacks: the session refuses it
    encord::UploadLedger ledger;
    ledger.entries.push_back({0, "m.json"});
    app::UploadSession s(*ok.value, ledger);
    CHECK_THAT(s.error(), Catch::Contains("does not have"));
    auto fewer = app::parse_saved_plan(head + R"("batches": [[["images", 0, 1]]]})");
    REQUIRE(fewer.ok());
    ledger.entries.push_back({1, "m.part-2.json"});
    CHECK_THAT(app::UploadSession(*fewer.value, ledger).error(), Catch::Contains("disagree"));
}

TEST_CASE("upload session: no start is sent before the page says the ledger announcing it is saved",
          "[app][upload-session]") {
    test::EncordClientFixture f;
    test::FakeEncord encord(f);
    app::ManifestDocument doc = csv_document();
    app::UploadSession s(doc, 1, {}, small_batches());
    REQUIRE(s.batch_count() == 3);
    bool confirming = false;  // the storage's answers
    std::vector<std::string> ledgers;
    encord::UploadRunOptions o = run_options();
    o.on_ledger = [&](const encord::UploadLedger& l) { ledgers.push_back(encord::to_json(l)); };
    std::uint64_t asked = 0;
    o.ledger_saved = [&](std::uint64_t revision) {
        asked = revision;
        return confirming;
    };
    auto run = s.start(f.context(), o);
    for (int i = 0; i < 20; ++i) run->step(1 << 16), f.now += 0.5;
    CHECK(encord.started_files.empty());  // the storage has confirmed nothing yet
    CHECK(run->ledger().entries[0].state == encord::BatchState::starting);
    CHECK(asked == run->revision());  // the revision that announced the start
    confirming = true;
    REQUIRE(f.run(*run));
    CHECK(encord.started_files.size() == 3);
    CHECK(run->ledger().entries[2].state == encord::BatchState::final);
}

TEST_CASE("upload session: restored after a reload, started jobs are followed and a start that was out is not sent",
          "[app][upload-session]") {
    test::EncordClientFixture f;
    test::FakeEncord encord(f);
    app::ManifestDocument doc = csv_document();
    app::UploadSession first(doc, 1, {}, small_batches());
    encord::UploadLedger ledger;
    ledger.domain = encord::kDefaultDomain;
    ledger.folder_uuid = test::kFolder;
    ledger.integration_uuid = test::kIntegration;
    for (std::size_t i = 0; i < 3; ++i) ledger.entries.push_back({i, first.plan().batches[i].file_name});
    ledger.entries[0].state = encord::BatchState::started;
    ledger.entries[0].job_uuid = test::job_uuid(9);
    ledger.entries[1].state = encord::BatchState::starting;  // the tab closed while this POST was out

    app::UploadSession s(*app::parse_saved_plan(app::to_json(first.saved_plan())).value, ledger);
    REQUIRE(s.error().empty());
    CHECK(s.restored());
    CHECK(s.ledger().entries[1].state == encord::BatchState::starting);  // shown as saved until resumed
    auto run = s.start(f.context(), run_options());
    REQUIRE(f.run(*run));
    CHECK(encord.polls.count(test::job_uuid(9)) == 1);
    CHECK(run->ledger().entries[0].state == encord::BatchState::final);
    CHECK(run->ledger().entries[1].state == encord::BatchState::unknown_outcome);
    // Batch 2 was never announced: it is started as usual (a reload is no sign of trouble); batch 1 never again.
    CHECK(encord.started_files == std::vector<std::string>{first.plan().batches[2].file_name});
    CHECK(run->needs_rerun() == std::vector<std::size_t>{1});
    // What is left to send: batch 1's items (c and d), with skip_duplicate_urls in case its job did run.
    CHECK(s.unsent_batch_count() == 1);
    const auto left = nlohmann::json::parse(s.unsent_manifest());
    CHECK(left["skip_duplicate_urls"] == true);
    REQUIRE(left["images"].size() == 2);
    CHECK(left["images"][0]["title"] == "c");
    CHECK(left["images"][1]["title"] == "d");
}

TEST_CASE("upload session: unit errors are traced to the tab's rows and the failed units written as one manifest",
          "[app][upload-session]") {
    test::EncordClientFixture f;
    test::FakeEncord encord(f);
    app::ManifestDocument doc = csv_document();
    app::UploadSession s(doc, 3, {}, small_batches());
    REQUIRE(s.batch_count() == 3);
    // Job 1 carries a and b; job 2 carries c and d: b and d are missing from the bucket.
    const auto err = [](const char* url, const char* subtask) {
        return std::string(R"({"objectUrls": [")") + url + R"("], "error": "Object not found", "subtaskUuid": ")" +
               subtask + R"(", "actionDescription": "Uploading"})";
    };
    encord.final_body[test::job_uuid(1)] = test::state(
        "DONE", 0, 1, 1, 0,
        "[" + err("https://storage.cloud.google.com/bucket/b.jpg", "dddddddd-0000-4000-8000-000000000001") + "]");
    encord.final_body[test::job_uuid(2)] = test::state(
        "DONE", 0, 1, 1, 0,
        "[" + err("https://storage.cloud.google.com/bucket/d.jpg", "dddddddd-0000-4000-8000-000000000002") + "," +
            err("https://storage.cloud.google.com/bucket/zz.jpg", "dddddddd-0000-4000-8000-000000000003") + "]");
    encord::UploadRunOptions o = run_options();
    o.ignore_errors = true;
    // Asked every frame while the run goes on: what is worked out follows the run, never an earlier step.
    CHECK(s.unit_error_rows().empty());
    auto run = s.start(f.context(), o);
    CHECK(s.unit_error_rows().empty());
    CHECK(s.unsent_batch_count() == 3);  // none started yet
    std::size_t seen_rows = 0, seen_failed = 0;
    for (int i = 0; i < 10000 && !run->finished(); ++i) {
        run->step(1 << 16);
        f.now += 0.5;
        CHECK(s.unit_error_rows().size() >= seen_rows);  // errors once seen stay listed
        seen_rows = s.unit_error_rows().size();
        seen_failed = s.failed_unit_count();
    }
    REQUIRE(run->finished());
    CHECK(seen_rows == 3);
    CHECK(seen_failed == 2);
    CHECK(s.unsent_batch_count() == 0);  // every batch got through

    REQUIRE(run->report(0).state);
    CHECK(run->report(0).state->unit_errors.size() == 1);
    CHECK(run->report(0).unit_errors.has_value());
    const auto rows = s.unit_error_rows();
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].batch == 0);
    REQUIRE(rows[0].item);
    CHECK(rows[0].item->index == 1);
    CHECK(rows[0].error.subtask_uuid == "dddddddd-0000-4000-8000-000000000001");
    CHECK(rows[0].where.rfind("/images/1", 0) == 0);
    CHECK(s.row_of(*rows[0].item, doc) == 1u);
    REQUIRE(rows[1].item);
    CHECK(s.row_of(*rows[1].item, doc) == 3u);
    CHECK_FALSE(rows[2].item);  // a URL the batch does not carry: listed, never dropped

    CHECK(s.failed_unit_count() == 2);
    const auto retry = nlohmann::json::parse(s.failed_units_manifest());
    CHECK(retry["skip_duplicate_urls"] == true);
    REQUIRE(retry["images"].size() == 2);
    CHECK(retry["images"][0]["objectUrl"] == "https://storage.cloud.google.com/bucket/b.jpg");
    CHECK(retry["images"][1]["objectUrl"] == "https://storage.cloud.google.com/bucket/d.jpg");

    // An edit to the tab moves rows: the session no longer claims to know them.
    doc.delete_units({0});
    CHECK_FALSE(s.row_of(*rows[0].item, doc));
}

TEST_CASE("upload session: after a reload, a job that ended with unit errors is read once more for them",
          "[app][upload-session]") {
    test::EncordClientFixture f;
    test::FakeEncord encord(f);
    encord.pending_polls = 0;
    app::ManifestDocument doc = csv_document();
    app::UploadSession first(doc, 1, {}, choice());
    REQUIRE(first.batch_count() == 1);
    encord.final_body[test::job_uuid(4)] =
        test::state("DONE", 0, 4, 1, 0,
                    R"([{"objectUrls": ["https://storage.cloud.google.com/bucket/c.jpg"], "error": "Object not found",
                        "subtaskUuid": "dddddddd-0000-4000-8000-000000000004", "actionDescription": "Uploading"}])");
    encord::UploadLedger ledger;
    ledger.domain = encord::kDefaultDomain;
    ledger.folder_uuid = test::kFolder;
    ledger.integration_uuid = test::kIntegration;
    ledger.entries.push_back({0, first.plan().batches[0].file_name, encord::BatchState::final, test::job_uuid(4),
                              encord::JobStatus::done, encord::UnitCounts{0, 4, 1, 0}});
    app::UploadSession s(first.saved_plan(), ledger);
    auto run = s.start(f.context(), run_options());
    REQUIRE(f.run(*run));
    CHECK(encord.polls[test::job_uuid(4)] == 1);  // once, not followed as if running
    CHECK(encord.started_files.empty());
    CHECK(s.failed_unit_count() == 1);
    CHECK(nlohmann::json::parse(s.failed_units_manifest())["images"][0]["title"] == "c");
}

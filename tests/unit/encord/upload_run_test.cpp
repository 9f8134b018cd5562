// The upload follower (core/encord/upload_run.hpp) against a fake Encord whose jobs progress over polls:
// starts in order and never twice, long polls to the end with counts, unit errors traced to items,
// cancel, the poll limit, resume from a saved ledger, and malformed answers.
#include "encord/upload_run.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "encord_client_fixture.hpp"
#include "fake_upload_jobs.hpp"
#include "manifest/load.hpp"

using namespace eic;
using namespace eic::encord;
using test::FakeEncord;
using test::job_uuid;
using test::kFolder;
using test::kIntegration;
using test::state;

namespace {

constexpr const char* kManifest = R"({"videos": [
  {"objectUrl": "gs://b/v0.mp4"}, {"objectUrl": "gs://b/v1.mp4"}, {"objectUrl": "gs://b/v2.mp4"},
  {"objectUrl": "gs://b/v3.mp4"}, {"objectUrl": "gs://b/v4.mp4"}, {"objectUrl": "gs://b/v5.mp4"}]})";

manifest::Manifest load(const std::string& json) {
    auto r = manifest::load_json(json);
    REQUIRE(r.manifest);
    return *r.manifest;
}

std::vector<UploadBatch> plan(const manifest::Manifest& m, std::uint64_t per_batch, bool skip_duplicates = true) {
    UploadPlanOptions o;
    o.profile = manifest::max_items_profile(per_batch);
    o.skip_duplicate_urls = skip_duplicates;
    o.file_name = "m.json";
    return plan_upload(m, {}, o).batches;
}

UploadRunOptions options(const manifest::Manifest* m = nullptr) {
    UploadRunOptions o;
    o.folder_uuid = kFolder;
    o.integration_uuid = kIntegration;
    o.manifest_file_name = "m.json";
    o.manifest = m;
    return o;
}

}  // namespace

TEST_CASE("batches start in order, one at a time, and are followed to DONE with counts", "[encord-upload]") {
    test::EncordClientFixture f;
    FakeEncord encord(f);
    encord.pending_polls = 2;
    const manifest::Manifest m = load(kManifest);
    const auto batches = plan(m, 2);
    REQUIRE(batches.size() == 3);
    std::vector<std::string> saved;
    UploadRunOptions o = options(&m);
    o.on_ledger = [&](const UploadLedger& l) {
        // `starting` is saved before its POST is out: the POSTs sent so far are those of earlier entries.
        std::size_t starting = 0, sent_or_started = 0;
        for (const auto& e : l.entries) {
            starting += e.state == BatchState::starting;
            sent_or_started += e.state != BatchState::planned && e.state != BatchState::starting;
        }
        CHECK(starting <= 1);
        CHECK(encord.started_files.size() == sent_or_started);
        saved.push_back(to_json(l));
    };
    UploadRun run(f.context(), batches, o);
    REQUIRE(f.run(run));
    CHECK(encord.started_files ==
          std::vector<std::string>{batches[0].file_name, batches[1].file_name, batches[2].file_name});
    CHECK(f.count_sent("POST", "data-upload-jobs") == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        const LedgerEntry& e = run.ledger().entries[i];
        CHECK(e.state == BatchState::final);
        CHECK(e.status == JobStatus::done);
        CHECK(e.job_uuid == job_uuid(i + 1));
        CHECK(run.report(i).polls == 3);
    }
    CHECK(run.totals().done == 3);
    CHECK(run.progress() == Approx(1));
    CHECK(run.needs_rerun().empty());
    CHECK(run.error().empty());
    CHECK(run.revision() == saved.size());
    // Every poll is a long poll with the run's timeout; the start body carries the upload options.
    CHECK(f.http.sent.back().url.find("timeoutSeconds=60") != std::string::npos);
    const auto start = nlohmann::json::parse(f.http.sent[0].body);
    CHECK(start["integrationHash"] == kIntegration);
    CHECK(start["ignoreErrors"] == false);
}

TEST_CASE("an ERROR job's unit errors are traced to the batch's items", "[encord-upload]") {
    test::EncordClientFixture f;
    FakeEncord encord(f);
    encord.final_body[job_uuid(1)] = state(
        "ERROR", 0, 1, 1, 0,
        R"([{"objectUrls": ["gs://b/v1.mp4"], "error": "Object not found", "subtaskUuid": "dddddddd-0000-4000-8000-000000000001", "actionDescription": "Uploading"}])");
    const manifest::Manifest m = load(kManifest);
    UploadRun run(f.context(), plan(m, 6), options(&m));
    REQUIRE(f.run(run));
    const LedgerEntry& e = run.ledger().entries[0];
    CHECK(e.status == JobStatus::error);
    CHECK(e.counts->error == 1);
    REQUIRE(run.report(0).unit_errors);
    REQUIRE(run.report(0).unit_errors->failed.size() == 1);
    CHECK(run.report(0).unit_errors->failed[0].unit.index == 1);
    CHECK(run.report(0).state->unit_errors[0].error == "Object not found");
}

TEST_CASE("a dropped upload start is an unknown outcome, never sent again, and listed for a re-run",
          "[encord-upload]") {
    test::EncordClientFixture f;
    FakeEncord encord(f);
    encord.start_answer = test::failure(net::Failure::network);
    const manifest::Manifest m = load(kManifest);
    UploadRun run(f.context(), plan(m, 3), options(&m));
    REQUIRE(f.run(run));
    CHECK(encord.started_files.size() == 1);
    CHECK(run.ledger().entries[0].state == BatchState::unknown_outcome);
    CHECK(run.ledger().entries[1].state == BatchState::planned);
    CHECK(run.needs_rerun() == std::vector<std::size_t>{0});
    CHECK(run.not_started() == std::vector<std::size_t>{1});
    CHECK(run.report(0).error->kind == ApiErrorKind::unknown_outcome);
    CHECK(run.report(0).message.find("skip_duplicate_urls") != std::string::npos);
    CHECK(run.report(0).message.find("cannot register them twice") != std::string::npos);
    CHECK_FALSE(run.error().empty());

    // Without skip_duplicate_urls the message warns instead; a start that times out is the same case.
    test::EncordClientFixture g;
    FakeEncord silent(g);
    test::FakeAnswer never;
    never.never = true;
    silent.start_answer = never;
    UploadRun timed_out(g.context(), plan(m, 6, false), options(&m));
    REQUIRE(g.run(timed_out, 1000, 1));
    CHECK(silent.started_files.size() == 1);
    CHECK(g.http.aborted.size() == 1);
    CHECK(timed_out.ledger().entries[0].state == BatchState::unknown_outcome);
    CHECK(timed_out.report(0).message.find("register its files twice") != std::string::npos);

    // An error answer made no job: rejected, safe to send again.
    test::EncordClientFixture h;
    FakeEncord refusing(h);
    refusing.start_answer = test::answer(400, {}, R"({"message": "bad spec"})");
    UploadRun rejected(h.context(), plan(m, 6), options(&m));
    REQUIRE(h.run(rejected));
    CHECK(rejected.ledger().entries[0].state == BatchState::rejected);
    CHECK(rejected.ledger().entries[0].message.find("bad spec") != std::string::npos);
    CHECK(refusing.started_files.size() == 1);
}

TEST_CASE("cancel POSTs a cancel for every started job and follows them to CANCELLED", "[encord-upload]") {
    test::EncordClientFixture f;
    FakeEncord encord(f);
    encord.pending_polls = 1000000;
    const manifest::Manifest m = load(kManifest);
    UploadRun run(f.context(), plan(m, 2), options(&m));
    for (int i = 0; i < 200 && encord.started_files.size() < 2; ++i) run.step(1);
    REQUIRE(encord.started_files.size() == 2);
    // Step until the second start has been answered.
    for (int i = 0; i < 10 && run.ledger().entries[1].state != BatchState::started; ++i) run.step(1);
    REQUIRE(run.ledger().entries[1].state == BatchState::started);
    run.cancel();
    CHECK(run.cancelling());
    CHECK_FALSE(run.finished());
    REQUIRE(f.run(run));
    CHECK(f.count_sent("POST", "/cancel") == 2);
    CHECK(encord.cancelled == std::set<std::string>{job_uuid(1), job_uuid(2)});
    CHECK(encord.started_files.size() == 2);  // the third batch was never started
    CHECK(run.ledger().entries[0].status == JobStatus::cancelled);
    CHECK(run.ledger().entries[1].state == BatchState::final);
    CHECK(run.ledger().entries[2].state == BatchState::planned);
    CHECK(run.report(0).units_cancelled == std::optional<std::uint64_t>(1));
}

namespace {
// Counts the polls (GETs) in flight at once.
struct CountingHttp : test::FakeHttp {
    std::set<net::RequestId> gets;
    std::size_t max_gets = 0;
    net::RequestId send(net::HttpRequest r) override {
        const bool get = r.method == "GET";
        const net::RequestId id = FakeHttp::send(std::move(r));
        if (get) gets.insert(id);
        max_gets = std::max(max_gets, gets.size());
        return id;
    }
    std::optional<net::HttpResponse> poll(net::RequestId id) override {
        auto r = FakeHttp::poll(id);
        if (r) gets.erase(id);
        return r;
    }
};
}  // namespace

TEST_CASE("no more polls are in flight than the limit", "[encord-upload]") {
    test::EncordClientFixture f;
    CountingHttp http;
    FakeEncord encord(f);
    http.respond = f.http.respond;
    encord.pending_polls = 3;
    encord.poll_delay = 4;
    const manifest::Manifest m = load(kManifest);
    encord::ApiContext context = f.context();
    context.client = &http;
    UploadRunOptions o = options(&m);
    o.max_polls_in_flight = 2;
    UploadRun run(context, plan(m, 1), o);
    REQUIRE(f.run(run));
    CHECK(run.totals().done == 6);
    CHECK(http.max_gets == 2);
}

TEST_CASE("with more jobs running than poll slots, every job is polled in turn", "[encord-upload]") {
    // A long poll answers after a while and its job is due again at once: the slots must still go round
    // (the fault-mix e2e saw the last of 7 jobs never followed while 4 slots served the first ones).
    test::EncordClientFixture f;
    FakeEncord encord(f);
    encord.pending_polls = 1000;  // never final in this test
    encord.poll_delay = 3;
    const manifest::Manifest m = load(kManifest);
    UploadRunOptions o = options(&m);
    o.max_polls_in_flight = 2;
    UploadRun run(f.context(), plan(m, 1), o);
    for (int i = 0; i < 400 && !run.finished(); ++i) {
        run.step(1 << 16);
        f.now += 0.5;
    }
    REQUIRE(encord.started_files.size() == 6);
    REQUIRE(encord.polls.size() == 6);
    int least = 1 << 30, most = 0;
    for (const auto& [job, n] : encord.polls) {
        least = std::min(least, n);
        most = std::max(most, n);
    }
    CHECK(least >= 5);
    CHECK(most <= least * 2);
}

TEST_CASE("the ledger round-trips, and a resumed run follows started jobs and starts the planned", "[encord-upload]") {
    UploadLedger l;
    l.domain = kDefaultDomain;
    l.folder_uuid = kFolder;
    l.integration_uuid = kIntegration;
    l.ignore_errors = true;
    l.manifest_file_name = "m.json";
    l.created_at = 1700000000;
    const manifest::Manifest m = load(kManifest);
    const auto batches = plan(m, 2);
    REQUIRE(batches.size() == 3);
    l.entries = {
        {0, batches[0].file_name, BatchState::started, job_uuid(7), JobStatus::pending, UnitCounts{2, 0, 0, 0}, ""},
        {1, batches[1].file_name, BatchState::starting, "", std::nullopt, std::nullopt, ""},
        {2, batches[2].file_name, BatchState::planned, "", std::nullopt, std::nullopt, ""}};
    const std::string text = to_json(l);
    const Parsed<UploadLedger> back = parse_ledger(text);
    REQUIRE(back.ok());
    CHECK(to_json(*back.value) == text);
    CHECK(back.value->entries[0].counts->pending == 2);
    CHECK(back.value->ignore_errors);

    test::EncordClientFixture f;
    FakeEncord encord(f);
    UploadRun run(f.context(), *back.value, batches, options(&m));
    CHECK(run.ledger().entries[1].state == BatchState::unknown_outcome);
    REQUIRE(f.run(run));
    CHECK(encord.polls[job_uuid(7)] == 2);  // followed again
    CHECK(encord.started_files == std::vector<std::string>{batches[2].file_name});
    CHECK(run.ledger().entries[0].state == BatchState::final);
    CHECK(run.ledger().entries[1].state == BatchState::unknown_outcome);
    CHECK(run.ledger().entries[2].state == BatchState::final);
    CHECK(run.needs_rerun() == std::vector<std::size_t>{1});
    for (const auto& r : f.http.sent)
        if (r.method == "POST") CHECK(nlohmann::json::parse(r.body)["ignoreErrors"] == true);

    // Another domain, or another plan, is not resumed.
    test::EncordClientFixture g;
    UploadLedger elsewhere = *back.value;
    elsewhere.domain = kUsDomain;
    UploadRun wrong_domain(g.context(), elsewhere, batches, options(&m));
    CHECK(wrong_domain.finished());
    CHECK_FALSE(wrong_domain.error().empty());
    UploadRun wrong_plan(g.context(), *back.value, plan(m, 6), options(&m));
    CHECK(wrong_plan.finished());
    CHECK(g.http.sent.empty());
}

TEST_CASE("a saved ledger is read strictly, with the place of each error", "[encord-upload]") {
    const auto check = [](const std::string& text, const std::string& pointer) {
        const auto r = parse_ledger(text);
        INFO(text);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error.pointer == pointer);
    };
    const std::string head =
        R"({"format": "eic-upload-ledger", "version": 1, "domain": "https://api.encord.com", "folderUuid": "f", "integrationUuid": "i", "ignoreErrors": false, "manifestFileName": "m", "createdAt": 1, )";
    CHECK(parse_ledger(head + R"("batches": []})").ok());
    check("[1]", "");
    check("{", "");
    check(R"({"format": "x"})", "/format");
    check(R"({"format": "eic-upload-ledger", "version": 2, "future": 1})", "/version");
    check(head + R"("batches": [], "extra": 1})", "/extra");
    check(head + R"("batches": {}})", "/batches");
    check(head + R"("batches": [{"batch": 0, "fileName": "a", "state": "sent"}]})", "/batches/0/state");
    check(head + R"("batches": [{"batch": 0, "fileName": "a", "state": "started"}]})", "/batches/0/jobUuid");
    check(head + R"("batches": [{"batch": -1, "fileName": "a", "state": "planned"}]})", "/batches/0/batch");
    check(
        head + R"("batches": [{"batch": 0, "fileName": "a", "state": "final", "jobUuid": "j", "status": "PENDING"}]})",
        "/batches/0/status");
    check(head + R"("batches": [{"batch": 0, "fileName": "a", "state": "planned", "counts": {"done": "1"}}]})",
          "/batches/0/counts/pending");
}

TEST_CASE("malformed upload answers are reported with their JSON pointer, never a crash", "[encord-upload]") {
    test::EncordClientFixture f;
    FakeEncord encord(f);
    encord.final_body[job_uuid(1)] = R"({"status": "WEIRD"})";
    encord.pending_polls = 0;
    const manifest::Manifest m = load(kManifest);
    UploadRunOptions o = options(&m);
    o.max_poll_failures = 2;
    UploadRun run(f.context(), plan(m, 6), o);
    REQUIRE(f.run(run));
    CHECK(run.ledger().entries[0].state == BatchState::started);  // a resume may follow it again
    CHECK_FALSE(run.report(0).followed);
    CHECK(run.report(0).message.find("/status") != std::string::npos);
    CHECK(encord.polls[job_uuid(1)] == 2);

    test::EncordClientFixture g;
    FakeEncord odd(g);
    odd.start_answer = test::answer(200, {}, "123");
    UploadRun unnamed(g.context(), plan(m, 6), options(&m));
    REQUIRE(g.run(unnamed));
    CHECK(unnamed.ledger().entries[0].state == BatchState::unknown_outcome);
    CHECK(unnamed.needs_rerun() == std::vector<std::size_t>{0});
}

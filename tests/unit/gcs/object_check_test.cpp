// The object check job (core/gcs/object_check.hpp) with a fake transport (tests/unit/helpers/fake_http.hpp),
// a fake clock and a stub signer (tests/unit/helpers/stub_signer.hpp) that "signs" synchronously or after some
// polls.
#include "gcs/object_check.hpp"

#include <catch2/catch.hpp>
#include <map>

#include "../helpers/fake_http.hpp"
#include "../helpers/stub_signer.hpp"
#include "gcs/object_check_codes.hpp"
#include "gcs/object_findings.hpp"
#include "gcs/object_url.hpp"

using namespace eic;
using gcs::ObjectState;

namespace {

constexpr double kWall = 1700000000;  // 2023-11-14T22:13:20Z
const char* kDateInTime = "Tue, 14 Nov 2023 22:13:20 GMT";

struct Rig {
    double now = 0;
    test::FakeHttp http;
    test::StubSigner signer;
    gcs::ObjectCheckOptions options() {
        gcs::ObjectCheckOptions o;
        o.steady = [this] { return now; };
        o.wall = [this] { return kWall + now; };
        o.max_in_flight = 4;
        return o;
    }
    // Steps until finished, advancing the clock by `tick` s per step; returns the steps taken.
    int run(gcs::ObjectCheckJob& job, double tick = 0.1, int limit = 10000) {
        int steps = 0;
        while (!job.finished() && steps < limit) {
            job.step(64 << 10);
            now += tick;
            ++steps;
        }
        return steps;
    }
};

std::string url_of(const std::string& bucket, const std::string& object) { return gcs::xml_api_url(bucket, object); }

std::vector<gcs::ObjectCheckTarget> targets(std::initializer_list<const char*> urls) {
    std::vector<gcs::ObjectCheckTarget> out;
    std::uint64_t id = 100;
    for (const char* u : urls) out.push_back({id++, u});
    return out;
}

}  // namespace

TEST_CASE("object check: every object found, with size, type and date; URL forms probed on the XML API host",
          "[gcs][check]") {
    Rig rig;
    const net::Headers ok = {{"content-length", "1234"},
                             {"content-type", "image/jpeg"},
                             {"last-modified", "Mon, 13 Nov 2023 10:00:00 GMT"},
                             {"date", kDateInTime}};
    rig.http.table[url_of("b-1", "a.jpg")] = {test::answer(200, ok)};
    rig.http.table[url_of("b-1", "dir/b c.jpg")] = {test::answer(200, ok, "", 2)};
    rig.http.table[url_of("b-1", "c.jpg")] = {test::answer(200, ok)};
    gcs::ObjectCheckJob job(targets({"https://storage.cloud.google.com/b-1/a.jpg", "gs://b-1/dir/b c.jpg",
                                     "https://b-1.storage.googleapis.com/c.jpg"}),
                            rig.http, rig.signer, rig.options());
    CHECK(job.progress() == 0);
    CHECK(std::string(job.rate_unit()) == "objects/s");
    rig.run(job);
    REQUIRE(job.finished());
    CHECK(job.progress() == 1);
    CHECK(job.rate() > 0);
    REQUIRE(rig.http.sent.size() == 3);
    for (const auto& r : rig.http.sent) {
        CHECK(r.method == "HEAD");
        CHECK(r.url.rfind("https://storage.googleapis.com/b-1/", 0) == 0);
    }
    CHECK(rig.http.sent[1].url.rfind("https://storage.googleapis.com/b-1/dir/b%20c.jpg?", 0) == 0);
    for (const auto& r : job.results()) {
        INFO(r.url);
        CHECK(r.state == ObjectState::exists);
        CHECK(r.status == 200);
        CHECK(r.size == 1234u);
        CHECK(r.content_type == "image/jpeg");
        CHECK(r.updated == "Mon, 13 Nov 2023 10:00:00 GMT");
        CHECK(r.attempts == 1);
    }
    // The manifest's URL is kept as written.
    CHECK(job.results()[0].url == "https://storage.cloud.google.com/b-1/a.jpg");
    CHECK(job.results()[0].id == 100);
    CHECK_FALSE(job.clock_skew());
    CHECK(gcs::object_findings(job.results(), job.clock_skew()).empty());
}

TEST_CASE("object check: 404 is missing, 403 forbidden, and never retried", "[gcs][check]") {
    Rig rig;
    rig.http.table[url_of("b-1", "gone")] = {test::answer(404)};
    rig.http.table[url_of("b-1", "secret")] = {
        test::answer(403, {},
                     "<?xml version='1.0' encoding='UTF-8'?><Error><Code>AccessDenied</Code><Message>Access "
                     "denied.</Message></Error>")};
    gcs::ObjectCheckJob job(targets({"gs://b-1/gone", "gs://b-1/secret"}), rig.http, rig.signer, rig.options());
    rig.run(job);
    REQUIRE(job.finished());
    CHECK(rig.http.sent.size() == 2);
    CHECK(job.results()[0].state == ObjectState::missing);
    CHECK(job.results()[0].status == 404);
    CHECK(job.results()[1].state == ObjectState::forbidden);
    CHECK(job.results()[1].error_code == "AccessDenied");
    CHECK(job.results()[1].detail == "Access denied.");
    const auto findings = gcs::object_findings(job.results(), job.clock_skew());
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].id == 100u);
    CHECK(findings[0].diagnostic.code == gcs::check_code::missing);
    CHECK(findings[0].diagnostic.severity == Severity::error);
    CHECK(findings[0].diagnostic.message.find("gs://b-1/gone") != std::string::npos);
    CHECK(findings[1].id == 101u);
    CHECK(findings[1].diagnostic.code == gcs::check_code::forbidden);
}

TEST_CASE("object check: 403 SignatureDoesNotMatch keeps GCS's and eic's canonical requests", "[gcs][check]") {
    Rig rig;
    const std::string body =
        "<?xml version='1.0' encoding='UTF-8'?><Error><Code>SignatureDoesNotMatch</Code><Message>Access "
        "denied.</Message><Details>The request signature we calculated does not match</Details>"
        "<StringToSign>GOOG4-RSA-SHA256\n20231114T221320Z\nSERVER</StringToSign>"
        "<CanonicalRequest>GET\n/b-1/"
        "x\nX-Goog-Algorithm=GOOG4-RSA-SHA256&amp;X-Goog-Date=1\nhost:storage.googleapis.com\n"
        "</CanonicalRequest></Error>";
    SECTION("the HEAD answer has the body (as some servers send)") {
        rig.http.table[url_of("b-1", "x")] = {test::answer(403, {}, body)};
    }
    SECTION("the HEAD answer has no body: a GET of one byte reads it") {
        rig.http.table["HEAD " + url_of("b-1", "x")] = {test::answer(403)};
        rig.http.table["GET " + url_of("b-1", "x")] = {test::answer(403, {}, body)};
    }
    gcs::ObjectCheckJob job(targets({"gs://b-1/x"}), rig.http, rig.signer, rig.options());
    rig.run(job);
    const auto& r = job.results()[0];
    CHECK(r.state == ObjectState::forbidden);
    CHECK(r.error_code == "SignatureDoesNotMatch");
    CHECK(r.server_canonical_request ==
          "GET\n/b-1/x\nX-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Date=1\nhost:storage.googleapis.com\n");
    CHECK(r.server_string_to_sign == "GOOG4-RSA-SHA256\n20231114T221320Z\nSERVER");
    CHECK(r.eic_canonical_request.rfind("\n/b-1/x\nEIC") != std::string::npos);
    CHECK(r.eic_string_to_sign == "GOOG4-RSA-SHA256\nEIC");
    if (rig.http.sent.size() == 2) {
        CHECK(rig.http.sent[1].method == "GET");
        CHECK(rig.http.sent[1].headers == net::Headers{{"Range", "bytes=0-0"}});
        CHECK(r.eic_canonical_request.rfind("GET\n", 0) == 0);
        CHECK(r.attempts == 2);
    }
    const auto findings = gcs::object_findings(job.results(), job.clock_skew());
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].diagnostic.code == gcs::check_code::signature_mismatch);
}

TEST_CASE("object check: 429 then 200 is retried after back-off and counted once", "[gcs][check]") {
    Rig rig;
    rig.http.table[url_of("b-1", "x")] = {test::answer(429), test::answer(200, {{"content-length", "5"}})};
    gcs::ObjectCheckJob job(targets({"gs://b-1/x"}), rig.http, rig.signer, rig.options());
    job.step(1 << 16);
    CHECK(rig.http.sent.size() == 1);
    job.step(1 << 16);  // the 429 arrives: back-off of 1 s starts
    CHECK(job.step(1 << 16) == jobs::StepStatus::waiting);
    rig.now = 0.9;
    job.step(1 << 16);
    CHECK(rig.http.sent.size() == 1);  // not before the back-off
    rig.now = 1.0;
    job.step(1 << 16);
    CHECK(rig.http.sent.size() == 2);
    rig.run(job);
    REQUIRE(job.finished());
    CHECK(job.results()[0].state == ObjectState::exists);
    CHECK(job.results()[0].attempts == 2);
    CHECK(job.results()[0].size == 5u);
    CHECK(job.done() == 1);
    CHECK(job.progress() == 1);
}

TEST_CASE("object check: 503 three times gives up with an error that counts the attempts", "[gcs][check]") {
    Rig rig;
    rig.http.table[url_of("b-1", "x")] = {test::answer(503)};
    gcs::ObjectCheckJob job(targets({"gs://b-1/x"}), rig.http, rig.signer, rig.options());
    rig.run(job, 0.25);
    REQUIRE(job.finished());
    CHECK(rig.http.sent.size() == 3);
    const auto& r = job.results()[0];
    CHECK(r.state == ObjectState::error);
    CHECK(r.status == 503);
    CHECK(r.attempts == 3);
    CHECK(r.detail.find("gave up after 3 attempts") != std::string::npos);
    const auto findings = gcs::object_findings(job.results(), job.clock_skew());
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].diagnostic.code == gcs::check_code::failed);
    CHECK(findings[0].diagnostic.severity == Severity::warning);
    CHECK(net::backoff_delay({}, 1) == 1);
    CHECK(net::backoff_delay({}, 2) == 2);
    CHECK(net::backoff_delay({}, 9) == 32);
    net::HttpResponse later;
    later.headers = {{"retry-after", "7"}};
    CHECK(net::backoff_delay({}, 1, &later) == 7);
}

TEST_CASE("object check: status 0 kinds are told apart; network failures are retried, CORS once", "[gcs][check]") {
    Rig rig;
    rig.http.table[url_of("b-1", "policy")] = {test::failure(net::Failure::policy)};
    rig.http.table[url_of("b-1", "cors")] = {test::failure(net::Failure::cors)};
    // A dropped connection the page took for CORS: the second send answers.
    rig.http.table[url_of("b-1", "dropped")] = {test::failure(net::Failure::cors), test::answer(200)};
    rig.http.table[url_of("b-1", "net")] = {test::failure(net::Failure::network)};
    rig.http.table[url_of("b-1", "flaky")] = {test::failure(net::Failure::network), test::answer(200)};
    gcs::ObjectCheckJob job(
        targets({"gs://b-1/policy", "gs://b-1/cors", "gs://b-1/net", "gs://b-1/flaky", "gs://b-1/dropped"}), rig.http,
        rig.signer, rig.options());
    rig.run(job, 0.5);
    REQUIRE(job.finished());
    CHECK(job.results()[0].state == ObjectState::blocked_policy);
    CHECK(job.results()[0].attempts == 1);
    CHECK(job.results()[1].state == ObjectState::blocked_cors_or_network);
    CHECK(job.results()[1].attempts == 2);
    CHECK(job.results()[4].state == ObjectState::exists);
    CHECK(job.results()[4].attempts == 2);
    CHECK(job.results()[2].state == ObjectState::blocked_cors_or_network);
    CHECK(job.results()[2].attempts == 3);
    CHECK(job.results()[3].state == ObjectState::exists);
    CHECK(job.results()[3].attempts == 2);
    for (const auto& f : gcs::object_findings(job.results(), job.clock_skew()))
        CHECK(f.diagnostic.code == gcs::check_code::blocked);
    CHECK_FALSE(net::is_retryable("POST", test::answer(503).response));
    CHECK_FALSE(net::is_retryable("POST", test::failure(net::Failure::network).response));
}

TEST_CASE("object check: a request without an answer times out on the job's clock", "[gcs][check]") {
    Rig rig;
    test::FakeAnswer never;
    never.never = true;
    rig.http.table[url_of("b-1", "x")] = {never};
    auto options = rig.options();
    options.timeout_s = 10;
    options.retry.max_attempts = 2;
    gcs::ObjectCheckJob job(targets({"gs://b-1/x"}), rig.http, rig.signer, options);
    rig.run(job, 1);
    REQUIRE(job.finished());
    CHECK(job.results()[0].state == ObjectState::timeout);
    CHECK(job.results()[0].attempts == 2);
    CHECK(rig.http.aborted.size() == 2);
    CHECK(gcs::object_findings(job.results(), job.clock_skew())[0].diagnostic.code == gcs::check_code::timeout);
}

TEST_CASE("object check: never more than N in flight, also with a slow signer", "[gcs][check]") {
    Rig rig;
    rig.signer.delay_polls = 1;
    std::vector<gcs::ObjectCheckTarget> many;
    for (int i = 0; i < 40; ++i) {
        const std::string name = "o" + std::to_string(i);
        rig.http.table[url_of("b-1", name)] = {test::answer(i % 3 ? 200 : 429, {}, "", i % 4), test::answer(200)};
        many.push_back({std::uint64_t(i), "gs://b-1/" + name});
    }
    auto options = rig.options();
    options.max_in_flight = 3;
    gcs::ObjectCheckJob job(std::move(many), rig.http, rig.signer, options);
    while (!job.finished()) {
        job.step(1 << 16);
        CHECK(job.in_flight() <= 3);
        CHECK(rig.http.open() <= 3);
        rig.now += 0.3;
    }
    CHECK(rig.http.max_in_flight_seen == 3);
    for (const auto& r : job.results()) CHECK(r.state == ObjectState::exists);
}

TEST_CASE("object check: cancel aborts what is in flight and keeps the results", "[gcs][check]") {
    Rig rig;
    rig.http.table[url_of("b-1", "fast")] = {test::answer(200)};
    test::FakeAnswer never;
    never.never = true;
    std::vector<gcs::ObjectCheckTarget> ts = {{1, "gs://b-1/fast"}};
    for (int i = 0; i < 10; ++i) {
        rig.http.table[url_of("b-1", "slow" + std::to_string(i))] = {never};
        ts.push_back({std::uint64_t(10 + i), "gs://b-1/slow" + std::to_string(i)});
    }
    gcs::ObjectCheckJob job(std::move(ts), rig.http, rig.signer, rig.options());
    job.step(1 << 16);
    job.step(1 << 16);
    CHECK(job.results()[0].state == ObjectState::exists);
    CHECK(job.in_flight() == 4);
    job.cancel();
    CHECK(job.finished());
    CHECK(job.step(1 << 16) == jobs::StepStatus::finished);
    CHECK(rig.http.aborted.size() == 4);
    CHECK(rig.http.open() == 0);
    CHECK(job.results()[0].state == ObjectState::exists);
    for (std::size_t i = 1; i < job.results().size(); ++i) CHECK(job.results()[i].state == ObjectState::pending);
    CHECK(job.progress() == Approx(1.0 / 11));

    SECTION("a re-run skips what was settled and checks the rest") {
        Rig again;
        for (int i = 0; i < 10; ++i) again.http.table[url_of("b-1", "slow" + std::to_string(i))] = {test::answer(404)};
        auto options = again.options();
        options.previous = job.results();
        std::vector<gcs::ObjectCheckTarget> ts2;
        for (const auto& r : job.results()) ts2.push_back({r.id, r.url});
        gcs::ObjectCheckJob rerun(ts2, again.http, again.signer, options);
        CHECK(rerun.progress() == Approx(1.0 / 11));
        again.run(rerun);
        CHECK(again.http.sent.size() == 10);
        CHECK(rerun.results()[0].state == ObjectState::exists);
        for (std::size_t i = 1; i < rerun.results().size(); ++i)
            CHECK(rerun.results()[i].state == ObjectState::missing);

        // Everything settled: nothing to send, unless asked to recheck.
        Rig third;
        auto o3 = third.options();
        o3.previous = rerun.results();
        gcs::ObjectCheckJob skip(ts2, third.http, third.signer, o3);
        CHECK(skip.finished());
        CHECK(skip.progress() == 1);
        o3.recheck = true;
        gcs::ObjectCheckJob recheck(ts2, third.http, third.signer, o3);
        third.run(recheck);
        CHECK(third.http.sent.size() == 11);
    }
}

TEST_CASE("object check: a slow signer's pending tickets are forgotten on cancel", "[gcs][check]") {
    Rig rig;
    rig.signer.delay_polls = 100;
    gcs::ObjectCheckJob job(targets({"gs://b-1/a", "gs://b-1/b"}), rig.http, rig.signer, rig.options());
    CHECK(job.step(1 << 16) == jobs::StepStatus::running);
    CHECK(job.step(1 << 16) == jobs::StepStatus::waiting);
    job.cancel();
    CHECK(rig.signer.forgotten.size() == 2);
    CHECK(rig.http.sent.empty());
}

TEST_CASE("object check: a Date more than a minute off is one clock-skew finding", "[gcs][check]") {
    Rig rig;
    // 5 minutes ahead of the local wall clock (kWall).
    rig.http.table[url_of("b-1", "a")] = {test::answer(200, {{"date", "Tue, 14 Nov 2023 22:18:20 GMT"}})};
    rig.http.table[url_of("b-1", "b")] = {test::answer(404, {{"date", "Tue, 14 Nov 2023 22:18:21 GMT"}})};
    gcs::ObjectCheckJob job(targets({"gs://b-1/a", "gs://b-1/b"}), rig.http, rig.signer, rig.options());
    rig.run(job, 0);
    REQUIRE(job.clock_skew());
    CHECK(job.clock_skew()->seconds == Approx(300));
    CHECK(job.clock_skew()->date == "Tue, 14 Nov 2023 22:18:20 GMT");
    const auto findings = gcs::object_findings(job.results(), job.clock_skew());
    REQUIRE(findings.size() == 2);
    CHECK_FALSE(findings[0].id);
    CHECK(findings[0].diagnostic.code == gcs::check_code::clock_skew);
    CHECK(findings[0].diagnostic.message.find("300 s ahead") != std::string::npos);

    Rig near;
    near.http.table[url_of("b-1", "a")] = {test::answer(200, {{"date", "Tue, 14 Nov 2023 22:14:10 GMT"}})};
    gcs::ObjectCheckJob fine(targets({"gs://b-1/a"}), near.http, near.signer, near.options());
    near.run(fine, 0);
    CHECK_FALSE(fine.clock_skew());
}

TEST_CASE("object check: a .. object and a foreign URL are not checkable, never missing", "[gcs][check]") {
    Rig rig;
    gcs::ObjectCheckJob job(targets({"gs://b-1/a/../b.jpg", "https://example.com/x.jpg", "gs://b-1/ok"}), rig.http,
                            rig.signer, rig.options());
    rig.run(job);
    REQUIRE(job.finished());
    CHECK(rig.http.sent.size() == 1);  // only gs://b-1/ok (404 from the fake's default)
    CHECK(job.results()[0].state == ObjectState::not_checkable);
    CHECK(job.results()[0].bucket == "b-1");
    CHECK(job.results()[1].state == ObjectState::not_checkable);
    CHECK(job.results()[2].state == ObjectState::missing);
    const auto findings = gcs::object_findings(job.results(), job.clock_skew());
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].diagnostic.code == gcs::check_code::not_checkable);
    CHECK(findings[0].diagnostic.message.find("cannot be addressed by path") != std::string::npos);
    CHECK(findings[1].diagnostic.code == gcs::check_code::not_checkable);
}

TEST_CASE("object check: runs on the job runner", "[gcs][check]") {
    Rig rig;
    rig.http.table[url_of("b-1", "a")] = {test::answer(200, {}, "", 3)};
    jobs::JobRunner runner([&] { return rig.now; });
    auto owned = std::make_unique<gcs::ObjectCheckJob>(targets({"gs://b-1/a", "gs://b-1/b"}), rig.http, rig.signer,
                                                       rig.options());
    const gcs::ObjectCheckJob* job = owned.get();
    const jobs::JobId id = runner.add(std::move(owned));
    int frames = 0;
    while (runner.has(id) && frames < 100) {
        const auto info = runner.jobs();
        CHECK(std::string(info[0].rate_unit) == "objects/s");
        (void)job;
        runner.run_for(0.01);
        rig.now += 0.016;
        ++frames;
    }
    CHECK_FALSE(runner.has(id));
    CHECK(frames < 20);
}

TEST_CASE("object check: the XML answer's x-goog headers give generation, MD5 and the stored size", "[gcs][check]") {
    Rig rig;
    // An object stored gzip-compressed and served decompressed: Content-Length is not the stored size
    // (https://cloud.google.com/storage/docs/transcoding). A browser joins repeated headers with ", ".
    rig.http.table[url_of("b-1", "log.txt")] = {
        test::answer(200, {{"content-length", "9000"},
                           {"x-goog-stored-content-length", "1200"},
                           {"x-goog-generation", "1699869600000000"},
                           {"x-goog-hash", "crc32c=n03x6A==, md5=Ojk9c3dhfxgoKVVHYwFbHQ=="}})};
    rig.http.table[url_of("b-1", "plain")] = {test::answer(
        200, {{"content-length", "5"}, {"x-goog-hash", "md5=XrY7u+Ae7tCTyyK7j1rNww=="}, {"x-goog-hash", "crc32c=x"}})};
    gcs::ObjectCheckJob job(targets({"gs://b-1/log.txt", "gs://b-1/plain"}), rig.http, rig.signer, rig.options());
    rig.run(job);
    const auto& gz = job.results()[0];
    CHECK(gz.api == gcs::ProbeApi::xml);
    CHECK(gz.size == 1200u);
    CHECK(gz.generation == "1699869600000000");
    CHECK(gz.md5_hash == "Ojk9c3dhfxgoKVVHYwFbHQ==");
    const auto& plain = job.results()[1];
    CHECK(plain.size == 5u);
    CHECK(plain.md5_hash == "XrY7u+Ae7tCTyyK7j1rNww==");
    CHECK(plain.generation.empty());
}

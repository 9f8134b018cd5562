// How eic reaches Encord (core/encord/transport_probe.hpp): the probe's outcome chooses the page's own
// transport or the host page's fetch, once per domain; requests wait for the verdict; a request that
// failed is never sent again through the other transport.
#include "encord/transport_probe.hpp"

#include <catch2/catch.hpp>

#include "encord/api_job.hpp"
#include "encord_client_fixture.hpp"

using namespace eic;
using namespace eic::encord;

namespace {
const std::string kSchemaUrl = std::string(test::kApi) + "organisation/client-metadata-schema-v2";
const std::string kFoldersUrl = std::string(test::kApi) + "storage/folders";
const char* const kSchema = R"({"a": {"ty": "text"}})";

net::HttpResponse no_answer(net::Failure kind, std::string message = "") {
    net::HttpResponse r;
    r.failure = kind;
    r.message = std::move(message);
    return r;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The fixture's fake is the page's transport; `host` the host page's fetch.
struct ProbeFixture : test::EncordClientFixture {
    test::FakeHttp host;
    ProbedTransport transport;
    explicit ProbeFixture(bool with_host = true) : transport(http, with_host ? &host : nullptr) {}
    ApiContext probed_context() {
        ApiContext c = context();
        c.client = &transport;
        transport.probe(c, nullptr);  // the fixture owns the signer
        return c;
    }
    bool run_all(jobs::Job& job) {
        for (int i = 0; i < 10000 && !job.finished(); ++i) {
            transport.step();
            job.step(1 << 16);
            now += 0.5;
        }
        return job.finished();
    }
};
}  // namespace

TEST_CASE("the probe's outcome chooses the transport and says why in words", "[encord-transport]") {
    const std::string d = "https://encord.example.com";
    net::HttpResponse unauthorised;
    unauthorised.status = 401;
    // Any HTTP answer, even a refusal of the key, means CORS let it through.
    CHECK(judge_probe(unauthorised, "", true, d).state == ProbeState::page);
    CHECK(judge_probe(unauthorised, "", false, d).state == ProbeState::page);

    const ProbeVerdict host = judge_probe(no_answer(net::Failure::cors), "", true, d);
    CHECK(host.state == ProbeState::host);
    CHECK(has(host.message, "Encord at https://encord.example.com does not answer this page's own requests (CORS"));
    CHECK(has(host.message, "host page's fetch"));
    CHECK(judge_probe(no_answer(net::Failure::network), "", true, d).state == ProbeState::host);

    const ProbeVerdict refused = judge_probe(no_answer(net::Failure::cors), "", false, d);
    CHECK(refused.state == ProbeState::refused);
    CHECK(refused.cause == net::Failure::cors);
    CHECK(has(refused.message, "does not answer this page's requests (CORS)"));
    CHECK(has(refused.message, "create({fetch})"));
    // Without an answer at all, the address may be wrong: the browser's words say what it saw.
    const ProbeVerdict silent = judge_probe(no_answer(net::Failure::network, "no answer from X"), "", false, d);
    CHECK(silent.state == ProbeState::refused);
    CHECK(has(silent.message, "(the browser: no answer from X). Check the address"));
    CHECK(has(silent.message, "create({fetch})"));

    // The page's policy is not routed around, host fetch or not; the message says how to allow the domain.
    for (const bool with_host : {true, false}) {
        const ProbeVerdict policy = judge_probe(no_answer(net::Failure::policy), "", with_host, d);
        CHECK(policy.state == ProbeState::refused);
        CHECK(policy.cause == net::Failure::policy);
        CHECK(has(policy.message, "Content-Security-Policy does not allow https://encord.example.com"));
        CHECK(has(policy.message, "scripts/serve.mjs --connect https://encord.example.com"));
    }

    // No verdict: a timeout, or a probe that could not be signed.
    const ProbeVerdict late = judge_probe(no_answer(net::Failure::timeout), "", true, d);
    CHECK(late.state == ProbeState::none);
    CHECK(has(late.message, "did not answer the first request in time"));
    const ProbeVerdict unsigned_probe = judge_probe(std::nullopt, "The key is gone.", true, d);
    CHECK(unsigned_probe.state == ProbeState::none);
    CHECK(has(unsigned_probe.message, "The key is gone."));

    CHECK(std::string(probe_state_name(ProbeState::refused)) == "refused");
    CHECK(probe_request().method == "GET");
    CHECK_FALSE(probe_request().retries);
}

TEST_CASE("when the page's transport answers, every request goes through it", "[encord-transport]") {
    ProbeFixture f;
    f.http.table[kSchemaUrl] = {test::answer(200, {}, kSchema)};
    FetchSchemaJob job(f.probed_context());
    CHECK(f.run_all(job));
    CHECK(job.ok());
    CHECK(f.transport.verdict(encord::kDefaultDomain).state == ProbeState::page);
    CHECK(f.count_sent("GET", "client-metadata-schema-v2") == 2);  // the probe, then the job's
    CHECK(f.host.sent.empty());
    // The probe did not know; the job's request is marked as going to an origin that answers the page,
    // so a dropped connection is not followed by a request to tell the failure apart.
    REQUIRE(f.http.sent.size() == 2);
    CHECK_FALSE(f.http.sent[0].origin_answers);
    CHECK(f.http.sent[1].origin_answers);
}

TEST_CASE("a probe refused by CORS moves the domain to the host's fetch; the probe is the only page request",
          "[encord-transport]") {
    ProbeFixture f;
    f.http.table[kSchemaUrl] = {test::failure(net::Failure::cors, 20)};
    f.host.table[kSchemaUrl] = {test::answer(200, {}, kSchema)};
    const ApiContext c = f.probed_context();
    FetchSchemaJob job(c);
    // While the probe runs, the job's request waits: nothing but the probe has gone out.
    job.step(1 << 16);
    job.step(1 << 16);
    CHECK(f.http.sent.size() == 1);
    CHECK(f.host.sent.empty());
    CHECK(f.transport.verdict(encord::kDefaultDomain).state == ProbeState::running);
    CHECK(f.run_all(job));
    REQUIRE(job.ok());
    CHECK(job.schema()->contains("a"));
    CHECK(f.http.sent.size() == 1);
    CHECK(f.host.sent.size() == 1);
    CHECK(f.transport.verdict(encord::kDefaultDomain).state == ProbeState::host);

    // Later jobs go straight to the host's fetch; the probe is not sent again.
    f.transport.probe(c, nullptr);
    FetchSchemaJob again(c);
    CHECK(f.run_all(again));
    CHECK(again.ok());
    CHECK(f.http.sent.size() == 1);
    CHECK(f.host.sent.size() == 2);
    CHECK_FALSE(f.host.sent[1].origin_answers);  // the page's own transport is not reached there
}

TEST_CASE("without a host fetch, a refused probe is reported and requests fail on the page's transport",
          "[encord-transport]") {
    ProbeFixture f(false);
    f.http.table[kSchemaUrl] = {test::failure(net::Failure::cors)};
    FetchSchemaJob job(f.probed_context());
    CHECK(f.run_all(job));
    CHECK_FALSE(job.ok());
    REQUIRE(job.failure()->api);
    CHECK(job.failure()->api->kind == ApiErrorKind::cors);
    const ProbeVerdict v = f.transport.verdict(encord::kDefaultDomain);
    CHECK(v.state == ProbeState::refused);
    CHECK(has(v.message, "does not answer this page's requests (CORS"));
    CHECK(f.count_sent("GET", "client-metadata-schema-v2") == 2);

    // Forgetting the verdict lets the next job probe again (the server was fixed).
    f.http.table[kSchemaUrl] = {test::answer(200, {}, kSchema)};
    f.transport.forget(encord::kDefaultDomain);
    CHECK(f.transport.verdict(encord::kDefaultDomain).state == ProbeState::none);
    FetchSchemaJob again(f.probed_context());
    CHECK(f.run_all(again));
    CHECK(again.ok());
    CHECK(f.transport.verdict(encord::kDefaultDomain).state == ProbeState::page);
}

TEST_CASE("a POST that fails on the chosen transport is reported, never sent through the other", "[encord-transport]") {
    ProbeFixture f;
    f.http.table[kSchemaUrl] = {test::answer(200, {}, kSchema)};
    f.http.table["POST " + kFoldersUrl] = {test::failure(net::Failure::network)};
    f.host.table["POST " + kFoldersUrl] = {test::answer(200, {}, R"({"uuid": "x"})")};
    CreateFolderJob create(f.probed_context(), NewFolder{"imports", std::nullopt, std::nullopt});
    CHECK(f.run_all(create));
    CHECK_FALSE(create.ok());
    REQUIRE(create.failure()->api);
    CHECK(create.failure()->api->kind == ApiErrorKind::unknown_outcome);
    CHECK(f.count_sent("POST", "storage/folders") == 1);
    CHECK(f.host.sent.empty());
    CHECK(f.transport.verdict(encord::kDefaultDomain).state == ProbeState::page);
}

TEST_CASE("each domain is probed once; a probe without a verdict lets waiting requests go and runs again",
          "[encord-transport]") {
    ProbeFixture f;
    const std::string us_schema = "https://api.us.encord.com/v2/public/organisation/client-metadata-schema-v2";
    f.http.table[kSchemaUrl] = {test::failure(net::Failure::cors)};
    f.http.table[us_schema] = {test::answer(200, {}, kSchema)};
    f.host.table[kSchemaUrl] = {test::answer(200, {}, kSchema)};
    FetchSchemaJob eu(f.probed_context());
    ApiContext us = f.context();
    us.client = &f.transport;
    us.domain = encord::kUsDomain;
    f.transport.probe(us, nullptr);
    FetchSchemaJob us_job(us);
    CHECK(f.run_all(eu));
    CHECK(f.run_all(us_job));
    CHECK(eu.ok());
    CHECK(us_job.ok());
    CHECK(f.transport.verdict(encord::kDefaultDomain).state == ProbeState::host);
    CHECK(f.transport.verdict(encord::kUsDomain).state == ProbeState::page);
    CHECK(f.host.sent.size() == 1);
    CHECK(f.http.sent.size() == 3);  // the EU probe, the US probe and the US job

    // A probe that never answers times out without a verdict; the request that waited goes through the page.
    ProbeFixture late;
    test::FakeAnswer never;
    never.never = true;
    late.http.table[kSchemaUrl] = {never, test::answer(200, {}, kSchema)};
    FetchSchemaJob job(late.probed_context());
    CHECK(late.run_all(job));
    CHECK(job.ok());
    const ProbeVerdict v = late.transport.verdict(encord::kDefaultDomain);
    CHECK(v.state == ProbeState::none);
    CHECK(has(v.message, "in time"));
    CHECK(late.host.sent.empty());
    CHECK(late.http.aborted.size() == 1);
    // The next job probes again (this time the page's transport answers at once).
    late.probed_context();
    CHECK(late.transport.verdict(encord::kDefaultDomain).state == ProbeState::page);
}

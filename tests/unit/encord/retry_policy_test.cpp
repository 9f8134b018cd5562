// When requests to Encord are sent again (core/encord/retry_policy.hpp): the SDK's urllib3 policy, and
// never for requests built without retries. The expected delays are urllib3 2.x's
// Retry(backoff_factor=1.5).get_backoff_time() after 1, 2 and 3 failures: 0, 3 and 6 s.
#include "encord/retry_policy.hpp"

#include <catch2/catch.hpp>

#include "encord/api_requests.hpp"

using namespace eic;
using namespace eic::encord;

namespace {

constexpr const char* kFolder = "3f1e0000-0000-4000-8000-00000000abcd";
constexpr const char* kJob = "aaaaaaaa-0000-4000-8000-000000000009";

net::HttpResponse status(int s, net::Headers h = {}) {
    net::HttpResponse r;
    r.status = s;
    r.headers = std::move(h);
    return r;
}

net::HttpResponse none(net::Failure f) {
    net::HttpResponse r;
    r.failure = f;
    return r;
}

ApiRequest poll() { return *upload_job_poll(kFolder, kJob, 60).request; }

ApiRequest start() {
    UploadJobStart s;
    s.folder_uuid = kFolder;
    s.spec = "{}";
    return *upload_job_start(s).request;
}

ApiRequest create() {
    NewFolder f;
    f.name = "n";
    return *folder_create(f).request;
}

}  // namespace

TEST_CASE("the SDK's policy as net::RetryPolicy", "[encord-api]") {
    const net::RetryPolicy& p = retry_policy();
    CHECK(p.max_attempts == 4);
    CHECK(p.statuses == std::vector<int>{413, 429, 500, 502, 503});
    CHECK(net::backoff_delay(p, 1) == 0);
    CHECK(net::backoff_delay(p, 2) == 3);
    CHECK(net::backoff_delay(p, 3) == 6);
    for (int s : {413, 429, 500, 502, 503}) CHECK(net::is_retry_status(p, s));
    for (int s : {400, 401, 403, 404, 408, 501, 504}) CHECK_FALSE(net::is_retry_status(p, s));
}

TEST_CASE("a poll is retried on 503 with urllib3's delays, then fails", "[encord-api]") {
    const ApiRequest r = poll();
    const double delays[] = {0, 3, 6};
    for (int attempt = 1; attempt <= 3; ++attempt) {
        const RetryDecision d = decide(r, status(503), attempt);
        CHECK(d.next == Next::retry);
        CHECK(d.delay_s == delays[attempt - 1]);
    }
    CHECK(decide(r, status(503), 4).next == Next::failed);  // 3 retries, 4 sends
    CHECK(decide(r, status(200), 1).next == Next::done);
    CHECK(decide(r, status(204), 2).next == Next::done);
    for (int s : {400, 401, 403, 404, 405, 504}) CHECK(decide(r, status(s), 1).next == Next::failed);
}

TEST_CASE("Retry-After is honoured, up to the ceiling", "[encord-api]") {
    const ApiRequest r = poll();
    CHECK(decide(r, status(429, {{"retry-after", "17"}}), 1).delay_s == 17);
    CHECK(decide(r, status(503, {{"retry-after", "2"}}), 3).delay_s == 6);  // never less than the back-off
    CHECK(decide(r, status(429, {{"retry-after", "86400"}}), 1).delay_s == 120);
    CHECK(decide(r, status(429, {{"retry-after", "Wed, 21 Oct 2015 07:28:00 GMT"}}), 2).delay_s == 3);
}

TEST_CASE("lost answers: GETs are retried, requests that may act are not", "[encord-api]") {
    const ApiRequest get = poll();
    CHECK(decide(get, none(net::Failure::network), 1).next == Next::retry);
    CHECK(decide(get, none(net::Failure::timeout), 2).next == Next::retry);
    CHECK(decide(get, none(net::Failure::network), 4).next == Next::failed);
    // The same refusal would come again.
    CHECK(decide(get, none(net::Failure::cors), 1).next == Next::failed);
    CHECK(decide(get, none(net::Failure::policy), 1).next == Next::failed);
    CHECK(decide(get, none(net::Failure::aborted), 1).next == Next::failed);
}

TEST_CASE("folder create and upload-job start are never sent again", "[encord-api]") {
    for (const ApiRequest& r : {create(), start()}) {
        INFO(r.path);
        CHECK_FALSE(r.retries);
        for (int s : {413, 429, 500, 502, 503}) CHECK(decide(r, status(s), 1).next == Next::failed);
        // A dropped upload start may have started a job: the outcome is unknown, not a failure.
        for (auto f : {net::Failure::network, net::Failure::timeout, net::Failure::cors, net::Failure::aborted})
            CHECK(decide(r, none(f), 1).next == Next::unknown_outcome);
        // A request the page's policy refused never left.
        CHECK(decide(r, none(net::Failure::policy), 1).next == Next::failed);
        CHECK(decide(r, status(200), 1).next == Next::done);
    }
}

TEST_CASE("POSTs the SDK retries: schema save and job cancel", "[encord-api]") {
    const ApiRequest cancel = *upload_job_cancel(kFolder, kJob).request;
    const ApiRequest save = schema_post(nlohmann::ordered_json::object());
    for (const ApiRequest& r : {cancel, save}) {
        CHECK(decide(r, status(502), 1).next == Next::retry);
        CHECK(decide(r, none(net::Failure::network), 1).next == Next::retry);
        // Out of retries without an answer: it may have been acted on.
        CHECK(decide(r, none(net::Failure::network), 4).next == Next::unknown_outcome);
        CHECK(decide(r, status(502), 4).next == Next::failed);
    }
    // Methods outside urllib3's allowed_methods are not retried.
    ApiRequest del = cancel;
    del.method = "DELETE";
    CHECK(decide(del, status(503), 1).next == Next::failed);
}

TEST_CASE("GCS's policy is unchanged by the new fields", "[encord-api]") {
    const net::RetryPolicy gcs;
    CHECK(net::backoff_delay(gcs, 1) == 1);
    CHECK(net::backoff_delay(gcs, 2) == 2);
    CHECK(net::backoff_delay(gcs, 3) == 4);
    CHECK(net::is_retry_status(gcs, 408));
    CHECK(net::is_retry_status(gcs, 504));
    CHECK_FALSE(net::is_retry_status(gcs, 413));
    CHECK(net::is_retryable("HEAD", status(503)));
    CHECK_FALSE(net::is_retryable("POST", status(503)));
    CHECK(net::backoff_delay(gcs, 1, nullptr) == 1);
    const net::HttpResponse later = status(429, {{"retry-after", "10"}});
    CHECK(net::backoff_delay(gcs, 1, &later) == 10);
    CHECK(net::retry_after_seconds(later) == 10L);
}

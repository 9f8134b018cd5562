// The object check through the JSON API with an access token (core/gcs/object_check.hpp with
// gcs/json_api_prober.hpp): object resources and JSON errors, and a token that expires mid-job: the job
// waits, resumes with a new token, and counts every object once.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "../helpers/fake_http.hpp"
#include "gcs/json_api.hpp"
#include "gcs/json_api_prober.hpp"
#include "gcs/object_check.hpp"
#include "gcs/object_check_codes.hpp"
#include "gcs/object_findings.hpp"

using namespace eic;
using gcs::ObjectState;

namespace {

constexpr double kWall = 1700000000;  // 2023-11-14T22:13:20Z

std::string object_url(const std::string& object) { return gcs::json_api_object_url("", "b-1", object); }

std::string resource(const std::string& name, const std::string& size) {
    return R"({"name":")" + name + R"(","size":")" + size +
           R"(","contentType":"image/png","updated":"2023-11-13T10:00:00.000Z","md5Hash":"XrY7u+Ae7tCTyyK7j1rNww==",)"
           R"("generation":"1699869600000000"})";
}

const char* kNotFound =
    R"({"error":{"code":404,"message":"No such object: b-1/gone","errors":[{"domain":"global","reason":"notFound",)"
    R"("message":"No such object: b-1/gone"}]}})";
const char* kForbidden =
    R"({"error":{"code":403,"message":"someone@example.com does not have storage.objects.get access to the Google )"
    R"(Cloud Storage object.","errors":[{"domain":"global","reason":"forbidden","message":"denied"}]}})";
const char* kUnauthorized =
    R"({"error":{"code":401,"message":"Invalid Credentials","errors":[{"domain":"global","reason":"authError",)"
    R"("message":"Invalid Credentials","locationType":"header","location":"Authorization"}]}})";

gcs::ObjectCheckOptions options_with(double& now, std::size_t max_in_flight = 4) {
    gcs::ObjectCheckOptions o;
    o.steady = [&now] { return now; };
    o.wall = [&now] { return kWall + now; };
    o.max_in_flight = max_in_flight;
    return o;
}

// GCS's JSON API as far as the token goes: "old" is accepted for `old_uses` requests and refused with 401
// after that (it has expired); any other token is accepted. Every object exists. Each answer arrives after
// `delay_polls` polls, so requests sent before the expiry are still in flight when it happens.
class ExpiringTokenGcs : public net::HttpClient {
public:
    int old_uses = 0;
    int delay_polls = 1;
    std::vector<net::HttpRequest> sent;

    net::RequestId send(net::HttpRequest request) override {
        std::string auth;
        for (const auto& [name, value] : request.headers)
            if (name == "Authorization") auth = value;
        FakeOpen o;
        o.polls = delay_polls;
        if (auth == "Bearer old" && old_used_++ >= old_uses) {
            o.response = test::answer(401, {{"www-authenticate", "Bearer realm=\"https://accounts.google.com/\""}},
                                      kUnauthorized)
                             .response;
        } else {
            const std::string path = request.url.substr(0, request.url.find('?'));
            const std::string name = path.substr(path.rfind("/o/") + 3);
            o.response = test::answer(200, {}, resource(name, std::to_string(name.size()))).response;
        }
        sent.push_back(std::move(request));
        open_[next_] = std::move(o);
        return next_++;
    }
    std::optional<net::HttpResponse> poll(net::RequestId id) override {
        auto it = open_.find(id);
        if (it == open_.end() || it->second.polls-- > 0) return std::nullopt;
        net::HttpResponse r = std::move(it->second.response);
        open_.erase(it);
        return r;
    }
    void abort(net::RequestId id) override { open_.erase(id); }

private:
    struct FakeOpen {
        net::HttpResponse response;
        int polls = 0;
    };
    int old_used_ = 0;
    net::RequestId next_ = 1;
    std::map<net::RequestId, FakeOpen> open_;
};

std::size_t count_state(const gcs::ObjectCheckJob& job, ObjectState s) {
    std::size_t n = 0;
    for (const auto& r : job.results()) n += r.state == s;
    return n;
}

}  // namespace

TEST_CASE("object check, JSON API: the object resource gives size, type, date, MD5 and generation",
          "[gcs][check][json]") {
    double now = 0;
    test::FakeHttp http;
    http.table[object_url("dir/a b.png")] = {test::answer(200, {}, resource("dir/a b.png", "1234"))};
    gcs::BearerTokenProber prober("ya29.token");
    gcs::ObjectCheckJob job({{1, "gs://b-1/dir/a b.png"}}, http, prober, options_with(now));
    while (!job.finished()) job.step(1 << 16), now += 0.1;
    REQUIRE(http.sent.size() == 1);
    CHECK(http.sent[0].method == "GET");
    CHECK(http.sent[0].url == object_url("dir/a b.png") + "?fields=name,size,contentType,updated,md5Hash,generation");
    CHECK(http.sent[0].url.find("dir%2Fa%20b.png") != std::string::npos);
    const auto& r = job.results()[0];
    CHECK(r.state == ObjectState::exists);
    CHECK(r.api == gcs::ProbeApi::json);
    CHECK(r.size == 1234u);
    CHECK(r.content_type == "image/png");
    CHECK(r.updated == "2023-11-13T10:00:00.000Z");
    CHECK(r.md5_hash == "XrY7u+Ae7tCTyyK7j1rNww==");
    CHECK(r.generation == "1699869600000000");
    CHECK(r.attempts == 1);
}

TEST_CASE(
    "object check, JSON API: notFound is missing, forbidden forbidden, with no second request; a cut body is sent "
    "again",
    "[gcs][check][json]") {
    double now = 0;
    test::FakeHttp http;
    http.table[object_url("gone")] = {test::answer(404, {}, kNotFound)};
    http.table[object_url("secret")] = {test::answer(403, {}, kForbidden)};
    http.table[object_url("bodiless")] = {test::answer(403)};
    http.table[object_url("flaky")] = {test::answer(503), test::answer(200, {}, resource("flaky", "5"))};
    http.table[object_url("garbled")] = {test::answer(200, {}, "<html>not json</html>")};
    // A body cut short on the way (the fault-mix e2e's truncated answer): sent again, then whole.
    const std::string whole = resource("cut", "7");
    http.table[object_url("cut")] = {test::answer(200, {}, whole.substr(0, whole.size() / 2)),
                                     test::answer(200, {}, whole)};
    gcs::BearerTokenProber prober("ya29.token");
    gcs::ObjectCheckJob job({{1, "gs://b-1/gone"},
                             {2, "gs://b-1/secret"},
                             {3, "gs://b-1/bodiless"},
                             {4, "gs://b-1/flaky"},
                             {5, "gs://b-1/garbled"},
                             {6, "gs://b-1/cut"}},
                            http, prober, options_with(now));
    while (!job.finished()) job.step(1 << 16), now += 0.5;
    const auto& rs = job.results();
    CHECK(rs[0].state == ObjectState::missing);
    CHECK(rs[0].error_code == "notFound");
    CHECK(rs[0].detail == "No such object: b-1/gone");
    CHECK(rs[1].state == ObjectState::forbidden);
    CHECK(rs[1].error_code == "forbidden");
    CHECK(rs[1].detail.find("storage.objects.get") != std::string::npos);
    CHECK(rs[2].state == ObjectState::forbidden);
    CHECK(rs[2].attempts == 1);  // no GET of one byte in JSON mode: the error comes with the GET
    CHECK(rs[3].state == ObjectState::exists);
    CHECK(rs[3].attempts == 2);
    CHECK(rs[4].state == ObjectState::error);  // never metadata: given up after the policy's attempts
    CHECK(rs[4].attempts == 3);
    CHECK(rs[4].detail.find("gave up after 3 attempts") != std::string::npos);
    CHECK(rs[5].state == ObjectState::exists);
    CHECK(rs[5].size == 7u);
    CHECK(rs[5].attempts == 2);
    CHECK(http.sent.size() == 10);
    for (const auto& s : http.sent) CHECK(s.method == "GET");
    const auto findings = gcs::object_findings(rs, job.clock_skew());
    REQUIRE(findings.size() == 4);
    CHECK(findings[0].diagnostic.code == gcs::check_code::missing);
    CHECK(findings[1].diagnostic.code == gcs::check_code::forbidden);
    CHECK(findings[1].diagnostic.message.find("access token") != std::string::npos);
    CHECK(findings[3].diagnostic.code == gcs::check_code::failed);
}

TEST_CASE("object check, JSON API: a token that expires mid-job pauses it; resume finishes, each object once",
          "[gcs][check][json]") {
    double now = 0;
    ExpiringTokenGcs gcs_api;
    gcs_api.old_uses = 7;
    std::vector<gcs::ObjectCheckTarget> targets;
    for (int i = 0; i < 20; ++i) targets.push_back({std::uint64_t(i), "gs://b-1/o" + std::to_string(100 + i)});
    gcs::BearerTokenProber prober("old");
    gcs::ObjectCheckJob job(targets, gcs_api, prober, options_with(now));

    int steps = 0;
    while (!(job.waiting_for_token() && job.in_flight() == 0) && steps++ < 1000) job.step(1 << 16), now += 0.1;
    REQUIRE(job.waiting_for_token());
    CHECK_FALSE(job.finished());
    // The 7 answered with the old token count; the refused wait; the rest were never started.
    CHECK(job.done() == 7);
    CHECK(count_state(job, ObjectState::exists) == 7);
    const std::size_t refused = count_state(job, ObjectState::needs_token);
    CHECK(refused >= 1);
    CHECK(refused <= 4);  // no more than were in flight when the token expired
    CHECK(count_state(job, ObjectState::pending) == 20 - 7 - refused);
    CHECK(job.progress() == Approx(7.0 / 20));
    const std::size_t sent_before = gcs_api.sent.size();
    CHECK(sent_before == 7 + refused);
    // Waiting starts nothing and never finishes by itself.
    for (int i = 0; i < 5; ++i) {
        CHECK(job.step(1 << 16) == jobs::StepStatus::waiting);
        now += 1;
    }
    CHECK(gcs_api.sent.size() == sent_before);
    CHECK(job.label().find("waiting for a new access token") != std::string::npos);
    for (const auto& r : job.results()) {
        if (r.state != ObjectState::needs_token) continue;
        CHECK(r.status == 401);
        CHECK(r.detail.find("Invalid Credentials") != std::string::npos);
        CHECK(r.detail.find("old") == std::string::npos);  // never the token
    }
    std::set<std::uint64_t> refused_ids;
    for (const auto& r : job.results())
        if (r.state == ObjectState::needs_token) refused_ids.insert(r.id);
    const auto waiting = gcs::object_findings(job.results(), job.clock_skew());
    REQUIRE(waiting.size() == refused);
    for (const auto& f : waiting) CHECK(f.diagnostic.code == gcs::check_code::needs_token);

    prober.set_token("new");
    job.resume();
    CHECK_FALSE(job.waiting_for_token());
    steps = 0;
    while (!job.finished() && steps++ < 1000) job.step(1 << 16), now += 0.1;
    REQUIRE(job.finished());
    CHECK(job.done() == 20);
    CHECK(job.progress() == 1);
    CHECK(count_state(job, ObjectState::exists) == 20);
    for (const auto& r : job.results()) {
        INFO(r.url);
        CHECK(r.size == r.object.size());
        CHECK(r.detail.empty());
        CHECK(r.status == 200);
        CHECK(r.attempts == (refused_ids.count(r.id) ? 2 : 1));  // the refused request, then the answered one
    }
    // Every object was answered 200 exactly once; the refused ones went first after resume, in order.
    CHECK(gcs_api.sent.size() == 20 + refused);
    std::vector<std::string> after;
    for (std::size_t i = sent_before; i < sent_before + refused; ++i) after.push_back(gcs_api.sent[i].url);
    CHECK(std::is_sorted(after.begin(), after.end()));
    for (std::size_t i = sent_before; i < gcs_api.sent.size(); ++i)
        CHECK(gcs_api.sent[i].headers.back() == std::pair<std::string, std::string>{"Authorization", "Bearer new"});
    CHECK(gcs::object_findings(job.results(), job.clock_skew()).empty());
}

TEST_CASE("object check, JSON API: no token at all waits before sending anything; cancel keeps the waiting",
          "[gcs][check][json]") {
    double now = 0;
    test::FakeHttp http;
    http.table[object_url("a")] = {test::answer(200, {}, resource("a", "1"))};
    gcs::BearerTokenProber prober("");
    gcs::ObjectCheckJob job({{1, "gs://b-1/a"}, {2, "gs://b-1/b"}}, http, prober, options_with(now));
    job.step(1 << 16);
    CHECK(job.waiting_for_token());
    CHECK(http.sent.empty());
    CHECK(job.results()[0].state == ObjectState::needs_token);
    CHECK(job.results()[1].state == ObjectState::pending);
    CHECK(job.done() == 0);

    SECTION("resumed with a token") {
        prober.set_token("ya29.token");
        job.resume();
        while (!job.finished()) job.step(1 << 16), now += 0.1;
        CHECK(job.results()[0].state == ObjectState::exists);
        CHECK(job.results()[1].state == ObjectState::missing);  // the fake's default 404
        CHECK(job.done() == 2);
        CHECK(http.sent.size() == 2);
    }
    SECTION("cancelled: the waiting object is not settled, so a re-run probes it again") {
        job.cancel();
        CHECK(job.finished());
        CHECK(job.results()[0].state == ObjectState::needs_token);
        CHECK_FALSE(gcs::is_settled(ObjectState::needs_token));
        job.resume();  // a no-op once finished
        CHECK(job.finished());
        prober.set_token("ya29.token");
        auto options = options_with(now);
        options.previous = job.results();
        gcs::ObjectCheckJob rerun({{1, "gs://b-1/a"}, {2, "gs://b-1/b"}}, http, prober, options);
        while (!rerun.finished()) rerun.step(1 << 16), now += 0.1;
        CHECK(rerun.results()[0].state == ObjectState::exists);
    }
}

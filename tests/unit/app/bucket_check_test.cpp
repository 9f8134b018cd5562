// A bucket check of a manifest tab: URLs of every unit (groups too), results back on units, the worst
// object of a group as its status, findings on rows, and the job on the workspace's runner.
#include "app/bucket_check.hpp"

#include <catch2/catch.hpp>

#include "../helpers/fake_http.hpp"
#include "app/manifest_workspace.hpp"
#include "gcs/object_check_codes.hpp"
#include "gcs/object_url.hpp"

using namespace eic;
using gcs::ObjectState;

namespace {

// Signs nothing: "https://storage.googleapis.com/BUCKET/OBJECT?probe".
class PlainSigner : public gcs::ProbeSigner {
public:
    Ticket start(const gcs::ProbeTarget& t, std::int64_t) override {
        gcs::ProbeRequest p;
        p.http.method = t.method;
        p.http.url = gcs::xml_api_url(t.bucket, t.object) + "?probe";
        p.http.headers = t.headers;
        done_[next_] = p;
        return next_++;
    }
    std::optional<gcs::ProbeRequest> poll(Ticket t) override {
        auto it = done_.find(t);
        if (it == done_.end()) return std::nullopt;
        auto p = it->second;
        done_.erase(it);
        return p;
    }
    void forget(Ticket t) override { done_.erase(t); }

private:
    Ticket next_ = 1;
    std::map<Ticket, gcs::ProbeRequest> done_;
};

constexpr const char* kManifest = R"({
  "images": [
    {"objectUrl": "gs://bkt/one.jpg", "title": "one"},
    {"objectUrl": "gs://bkt/gone.jpg", "title": "gone"}
  ],
  "image_groups": [
    {"title": "g", "objectUrl_0": "gs://bkt/g/0.png", "objectUrl_1": "gs://bkt/g/1.png"}
  ],
  "videos": [{"objectUrl": "https://elsewhere.example.com/v.mp4", "title": "v"}]
})";

void open_manifest(app::ManifestDocument& doc) {
    doc.open("m.json", kManifest, schema::Schema{}, {});
    while (doc.validating()) doc.step(1 << 20);
}

}  // namespace

TEST_CASE("bucket check: every object of every unit, results back on rows", "[app][bucket-check]") {
    app::ManifestDocument doc;
    open_manifest(doc);
    const auto urls = app::object_urls_of(doc);
    REQUIRE(urls.size() == 5);
    CHECK(urls[2].url == "gs://bkt/g/0.png");
    CHECK(urls[3].index == 1);
    CHECK(urls[2].unit == urls[3].unit);

    test::FakeHttp http;
    http.table["https://storage.googleapis.com/bkt/one.jpg"] = {test::answer(200)};
    http.table["https://storage.googleapis.com/bkt/g/0.png"] = {test::answer(200)};
    http.table["https://storage.googleapis.com/bkt/g/1.png"] = {test::answer(403, {}, "", 2)};
    http.table["GET https://storage.googleapis.com/bkt/g/1.png"] = {
        test::answer(403, {}, "<Error><Code>AccessDenied</Code><Message>no</Message></Error>")};
    PlainSigner signer;
    double now = 0;
    gcs::ObjectCheckOptions o;
    o.steady = [&] { return now; };
    o.wall = [&] { return 1700000000.0; };

    app::BucketCheck check(urls, doc.revision());
    app::ManifestWorkspace ws([&] { return now; });
    const auto job = check.start(http, signer, o);
    const jobs::JobId id = ws.run_job(std::make_unique<app::SharedJob>(job));
    CHECK(ws.job_running(id));
    for (int i = 0; i < 100 && ws.job_running(id); ++i) {
        ws.step(0.01, now);
        now += 0.05;
    }
    CHECK_FALSE(ws.job_running(id));  // the runner dropped it; the check keeps its results
    REQUIRE(check.results().size() == 5);
    CHECK_FALSE(check.running());

    const std::uint32_t one = urls[0].unit, gone = urls[1].unit, group = urls[2].unit, video = urls[4].unit;
    CHECK(check.unit_state(one) == ObjectState::exists);
    CHECK(check.unit_state(gone) == ObjectState::missing);
    CHECK(check.unit_state(group) == ObjectState::forbidden);  // its worst object
    CHECK(check.unit_state(video) == ObjectState::not_checkable);
    CHECK(check.unit_state(999) == ObjectState::pending);
    auto counts = check.counts();
    CHECK(counts[ObjectState::exists] == 2);
    CHECK(counts[ObjectState::missing] == 1);
    CHECK(counts[ObjectState::forbidden] == 1);
    CHECK(counts[ObjectState::not_checkable] == 1);

    const auto findings = check.findings();
    REQUIRE(findings.size() == 3);
    std::map<std::string, std::uint32_t> unit_of_code;
    for (const auto& f : findings) {
        CHECK_FALSE(f.whole_check);
        unit_of_code[f.diagnostic.code] = f.unit;
    }
    CHECK(unit_of_code[gcs::check_code::missing] == gone);
    CHECK(unit_of_code[gcs::check_code::forbidden] == group);
    CHECK(unit_of_code[gcs::check_code::not_checkable] == video);

    // A re-run skips what was settled: only nothing is probed again (all settled).
    const std::size_t sent = http.sent.size();
    check.start(http, signer, o);
    while (!check.job()->finished()) check.job()->step(1 << 16), now += 0.05;
    CHECK(http.sent.size() == sent);
    CHECK(check.unit_state(gone) == ObjectState::missing);
    // Unless asked.
    o.recheck = true;
    check.start(http, signer, o);
    while (!check.job()->finished()) check.job()->step(1 << 16), now += 0.05;
    CHECK(http.sent.size() > sent);
}

TEST_CASE("bucket check: a group is pending until all its objects are known", "[app][bucket-check]") {
    app::ManifestDocument doc;
    open_manifest(doc);
    app::BucketCheck check(app::object_urls_of(doc), doc.revision());
    REQUIRE(check.urls().size() == 5);
    CHECK(check.unit_state(check.urls()[2].unit) == ObjectState::pending);
    CHECK(check.findings().empty());
    CHECK(check.counts()[ObjectState::pending] == 5);
    CHECK(app::state_rank(ObjectState::missing) > app::state_rank(ObjectState::forbidden));
    CHECK(std::string(app::state_word(ObjectState::blocked_cors_or_network)) == "blocked (CORS/network)");
}

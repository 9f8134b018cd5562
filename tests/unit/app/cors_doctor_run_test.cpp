// A CORS doctor run from the page (core/app/cors_doctor_run.hpp) over a fake transport: which requests it
// makes with what it has (a signer, a token, neither), the verdict each kind of answer gives, and a
// request that never answers.
#include "app/cors_doctor_run.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "../helpers/fake_http.hpp"
#include "../helpers/stub_signer.hpp"

using namespace eic;
using gcs::CorsVerdict;

namespace {

constexpr const char* kOrigin = "https://eic.example.org";
const char* kConfigUrl = "https://storage.googleapis.com/storage/v1/b/bkt";

app::CorsDoctorRequest request(std::string object, std::string token) {
    app::CorsDoctorRequest r;
    r.origin = kOrigin;
    r.bucket = "bkt";
    r.object = std::move(object);
    r.token = std::move(token);
    return r;
}

void run(app::CorsDoctorRun& r) {
    for (int i = 0; i < 100 && !r.step(); ++i) {
    }
    REQUIRE(r.finished());
}

}  // namespace

TEST_CASE("CORS doctor run: with a token it reads the bucket's configuration and judges its rules", "[app][cors]") {
    test::FakeHttp http;
    http.table[kConfigUrl] = {test::answer(
        200, {}, R"({"cors": [{"origin": ["https://other.example.com"], "method": ["GET", "HEAD"]}]})", 1)};
    app::CorsDoctorRun r(http, nullptr, request("", "ya29.token"), 1700000000);
    CHECK_FALSE(r.finished());
    run(r);
    REQUIRE(http.sent.size() == 1);
    CHECK(http.sent[0].method == "GET");
    CHECK(http.sent[0].url == std::string(kConfigUrl) + "?fields=cors");
    CHECK(http.sent[0].headers == net::Headers{{"Authorization", "Bearer ya29.token"}});
    const auto& d = *r.diagnosis();
    CHECK(d.verdict == CorsVerdict::origin_not_listed);
    // The fix keeps the rule that is there and lets this page and Encord's web apps in.
    CHECK(d.fix_config.find(kOrigin) != std::string::npos);
    CHECK(d.fix_config.find("https://other.example.com") != std::string::npos);
    CHECK(d.fix_config.find("https://app.encord.com") != std::string::npos);
    CHECK(d.fix_command.find("gcloud storage buckets update gs://bkt --cors-file=") == 0);
    REQUIRE(r.asked().size() == 1);
    CHECK(r.asked()[0].find("CORS configuration of gs://bkt") != std::string::npos);
}

TEST_CASE("CORS doctor run: a signed HEAD the browser withheld while GCS answered a no-cors probe is CORS",
          "[app][cors]") {
    test::FakeHttp http;
    http.table["https://storage.googleapis.com/bkt/a.jpg"] = {test::failure(net::Failure::cors)};
    test::StubSigner signer;
    app::CorsDoctorRequest req = request("a.jpg", "");
    req.also_encord = false;
    app::CorsDoctorRun r(http, &signer, req, 1700000000);
    run(r);
    REQUIRE(http.sent.size() == 1);
    CHECK(http.sent[0].method == "HEAD");
    CHECK(signer.started == std::vector<std::string>{"HEAD bkt/a.jpg"});
    const auto& d = *r.diagnosis();
    CHECK(d.verdict == CorsVerdict::refused);
    CHECK_FALSE(d.fix_command.empty());
    CHECK(d.fix_config.find(kOrigin) != std::string::npos);
    CHECK(d.fix_config.find("app.encord.com") == std::string::npos);
}

TEST_CASE("CORS doctor run: an answered HEAD means this origin may read the bucket; unexposed headers are named",
          "[app][cors]") {
    test::FakeHttp http;
    http.table["https://storage.googleapis.com/bkt/a.jpg"] = {
        test::answer(200, {{"date", "Tue, 14 Nov 2023 22:13:20 GMT"},
                           {"x-goog-generation", "1"},
                           {"x-goog-hash", "md5=abc"},
                           {"x-goog-stored-content-length", "10"}})};
    http.table["https://storage.googleapis.com/bkt/b.jpg"] = {test::answer(200, {{"content-type", "image/jpeg"}})};
    test::StubSigner signer;
    app::CorsDoctorRun all(http, &signer, request("a.jpg", ""), 1700000000);
    run(all);
    CHECK(all.diagnosis()->verdict == CorsVerdict::allowed);
    CHECK(all.diagnosis()->explanation.find("read GCS's answer") != std::string::npos);
    app::CorsDoctorRun some(http, &signer, request("b.jpg", ""), 1700000000);
    run(some);
    CHECK(some.diagnosis()->verdict == CorsVerdict::header_not_exposed);
    const auto& missing = some.diagnosis()->missing_headers;
    CHECK(std::find(missing.begin(), missing.end(), "Date") != missing.end());
    CHECK(some.diagnosis()->fix_config.find("x-goog-hash") != std::string::npos);
}

TEST_CASE("CORS doctor run: a JSON API signer, no object, or no token ask nothing the verdict could use",
          "[app][cors]") {
    test::FakeHttp http;
    test::StubSigner json;
    json.api_kind = gcs::ProbeApi::json;
    app::CorsDoctorRun a(http, &json, request("a.jpg", ""), 1700000000);
    CHECK(a.finished());  // the JSON API answers every origin: its answer would say nothing of CORS
    test::StubSigner xml;
    app::CorsDoctorRun b(http, &xml, request("", ""), 1700000000);
    CHECK(b.finished());
    CHECK(http.sent.empty());
    CHECK(json.started.empty());
    CHECK(xml.started.empty());
    CHECK(a.diagnosis()->verdict == CorsVerdict::unknown);
    CHECK(a.asked().empty());
}

TEST_CASE("CORS doctor run: a HEAD that cannot be signed, or a request that never answers, still ends", "[app][cors]") {
    test::FakeHttp http;
    test::StubSigner refusing;
    refusing.fail = "no key";
    app::CorsDoctorRun a(http, &refusing, request("a.jpg", ""), 1700000000);
    run(a);
    CHECK(http.sent.empty());
    CHECK(a.diagnosis()->explanation.find("could not be signed (no key)") != std::string::npos);

    double now = 0;
    test::FakeAnswer never = test::answer(200);
    never.never = true;
    http.table[kConfigUrl] = {never};
    app::CorsDoctorRequest req = request("", "ya29.token");
    req.steady = [&] { return now; };
    req.timeout_s = 5;
    app::CorsDoctorRun b(http, nullptr, req, 1700000000);
    CHECK_FALSE(b.step());
    now = 6;
    CHECK(b.step());
    CHECK(http.aborted.size() == 1);
    CHECK(b.diagnosis()->verdict == CorsVerdict::unknown);
    CHECK(b.diagnosis()->explanation.find("timeout") != std::string::npos);
}

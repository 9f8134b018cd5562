// The listing job (core/gcs/listing_job.hpp) with a fake transport that answers by continuation token
// (tests/unit/helpers/fake_http.hpp's respond), a fake clock and a stub signer.
#include "gcs/listing_job.hpp"

#include <catch2/catch.hpp>
#include <map>

#include "../helpers/fake_http.hpp"
#include "gcs/v4_encoding.hpp"
#include "manifest/limits.hpp"

using namespace eic;
using gcs::ListingErrorKind;

namespace {

constexpr double kWall = 1700000000;

// "Signs" a listing target into https://storage.googleapis.com/BUCKET?QUERY&sig=... (XML) or the JSON
// API's https://storage.googleapis.com/storage/v1/b/BUCKET/o?QUERY, synchronously or after some polls.
class StubSigner : public gcs::ProbeSigner {
public:
    gcs::ProbeApi api_ = gcs::ProbeApi::xml;
    int delay_polls = 0;
    bool fail = false;
    std::vector<gcs::ProbeTarget> started;
    std::vector<Ticket> forgotten;

    gcs::ProbeApi api() const override { return api_; }
    Ticket start(const gcs::ProbeTarget& target, std::int64_t now) override {
        started.push_back(target);
        gcs::ProbeRequest p;
        if (fail) {
            p.error = "The key cannot sign.";
        } else {
            p.http.method = target.method;
            p.http.url = api_ == gcs::ProbeApi::json
                             ? "https://storage.googleapis.com/storage/v1/b/" + target.bucket + "/o?"
                             : "https://storage.googleapis.com/" + target.bucket + "?";
            for (const auto& [n, v] : target.query)
                p.http.url += gcs::percent_encode(n) + "=" + gcs::percent_encode(v) + "&";
            p.http.url += "sig=" + std::to_string(now);
        }
        pending_[next_] = {p, delay_polls};
        return next_++;
    }
    std::optional<gcs::ProbeRequest> poll(Ticket t) override {
        auto it = pending_.find(t);
        if (it == pending_.end() || it->second.second-- > 0) return std::nullopt;
        gcs::ProbeRequest p = it->second.first;
        pending_.erase(it);
        return p;
    }
    void forget(Ticket t) override {
        pending_.erase(t);
        forgotten.push_back(t);
    }

private:
    Ticket next_ = 1;
    std::map<Ticket, std::pair<gcs::ProbeRequest, int>> pending_;
};

// The value of `name` in a URL's query, percent-decoded; "" when absent.
std::string param(const std::string& url, const std::string& name) {
    const std::size_t q = url.find('?');
    if (q == std::string::npos) return "";
    std::size_t at = q + 1;
    while (at < url.size()) {
        std::size_t end = url.find('&', at);
        if (end == std::string::npos) end = url.size();
        const std::string pair = url.substr(at, end - at);
        const std::size_t eq = pair.find('=');
        if (pair.substr(0, eq) == name) return gcs::percent_decode(pair.substr(eq + 1)).value_or("");
        at = end + 1;
    }
    return "";
}

std::string xml_page(std::vector<std::string> keys, const std::string& next = "") {
    std::string body = "<?xml version='1.0' encoding='UTF-8'?><ListBucketResult><Name>b-1</Name>";
    for (const auto& k : keys) body += "<Contents><Key>" + k + "</Key><Size>10</Size></Contents>";
    body += next.empty() ? "<IsTruncated>false</IsTruncated>"
                         : "<IsTruncated>true</IsTruncated><NextContinuationToken>" + next + "</NextContinuationToken>";
    return body + "</ListBucketResult>";
}

struct Rig {
    double now = 0;
    test::FakeHttp http;
    StubSigner signer;
    // token -> the page that answers it ("" is the first page)
    std::map<std::string, test::FakeAnswer> pages;
    std::string token_param = "continuation-token";
    Rig() {
        http.respond = [this](const net::HttpRequest& r) -> std::optional<test::FakeAnswer> {
            auto it = pages.find(param(r.url, token_param));
            if (it == pages.end()) return test::answer(404);
            return it->second;
        };
    }
    gcs::ListingOptions options(const std::string& prefix = "p/") {
        gcs::ListingOptions o;
        o.bucket = "b-1";
        o.query.prefix = prefix;
        o.steady = [this] { return now; };
        o.wall = [this] { return kWall + now; };
        return o;
    }
    int run(gcs::ListingJob& job, double tick = 0.1, int limit = 10000) {
        int steps = 0;
        while (!job.finished() && steps < limit) {
            job.step(64 << 10);
            now += tick;
            ++steps;
        }
        return steps;
    }
};

std::vector<std::string> names(const gcs::ListingJob& job) {
    std::vector<std::string> out;
    for (const auto& o : job.objects()) out.push_back(o.name);
    return out;
}

}  // namespace

TEST_CASE("listing job: three pages, each asked for once with the previous page's token", "[listing]") {
    Rig rig;
    rig.pages[""] = test::answer(200, {}, xml_page({"p/1.jpg", "p/2.jpg"}, "T1"));
    rig.pages["T1"] = test::answer(200, {}, xml_page({"p/3.jpg", "p/4 &amp; 5.jpg"}, "T2+/="), 2);
    rig.pages["T2+/="] = test::answer(200, {}, xml_page({"p/6.jpg"}));
    gcs::ListingJob job(rig.http, rig.signer, rig.options());
    CHECK(std::string(job.rate_unit()) == "objects/s");
    CHECK(job.progress() == 0);
    rig.run(job);
    REQUIRE(job.finished());
    CHECK_FALSE(job.error());
    CHECK(job.complete());
    CHECK_FALSE(job.truncated_by_cap());
    CHECK(job.pages() == 3);
    CHECK(job.requests() == 3);
    CHECK(job.progress() == 1);
    CHECK(job.rate() > 0);
    CHECK(names(job) == std::vector<std::string>{"p/1.jpg", "p/2.jpg", "p/3.jpg", "p/4 & 5.jpg", "p/6.jpg"});
    REQUIRE(rig.http.sent.size() == 3);
    for (const auto& r : rig.http.sent) {
        CHECK(r.method == "GET");
        CHECK(r.url.rfind("https://storage.googleapis.com/b-1?", 0) == 0);
        CHECK(param(r.url, "list-type") == "2");
        CHECK(param(r.url, "prefix") == "p/");
        CHECK(param(r.url, "max-keys") == "1000");
    }
    CHECK(param(rig.http.sent[0].url, "continuation-token").empty());
    CHECK(param(rig.http.sent[1].url, "continuation-token") == "T1");
    CHECK(param(rig.http.sent[2].url, "continuation-token") == "T2+/=");
    CHECK(job.label() == "Listing gs://b-1/p/: 3 pages, 5 objects");
}

TEST_CASE("listing job: the JSON API's pages (pageToken, nextPageToken)", "[listing]") {
    Rig rig;
    rig.signer.api_ = gcs::ProbeApi::json;
    rig.token_param = "pageToken";
    rig.pages[""] = test::answer(
        200, {}, R"({"kind": "storage#objects", "items": [{"name": "a.png", "size": "5", "contentType": "image/png"}],
                     "nextPageToken": "N1"})");
    rig.pages["N1"] = test::answer(200, {}, R"({"kind": "storage#objects", "prefixes": ["d/"]})");
    auto o = rig.options("");
    o.query.delimiter = "/";
    gcs::ListingJob job(rig.http, rig.signer, o);
    rig.run(job);
    CHECK(job.complete());
    REQUIRE(job.objects().size() == 1);
    CHECK(job.objects()[0].content_type == "image/png");
    CHECK(job.prefixes() == std::vector<std::string>{"d/"});
    REQUIRE(rig.http.sent.size() == 2);
    CHECK(rig.http.sent[0].url.rfind("https://storage.googleapis.com/storage/v1/b/b-1/o?", 0) == 0);
    CHECK(param(rig.http.sent[0].url, "maxResults") == "1000");
    CHECK(param(rig.http.sent[0].url, "delimiter") == "/");
    CHECK(param(rig.http.sent[0].url, "list-type").empty());
    CHECK(param(rig.http.sent[1].url, "pageToken") == "N1");
}

TEST_CASE("listing job: a refused token waits where it stopped; resume asks for the same page again", "[listing]") {
    Rig rig;
    rig.signer.api_ = gcs::ProbeApi::json;
    rig.token_param = "pageToken";
    rig.pages[""] = test::answer(200, {}, R"({"items": [{"name": "a.png", "size": "5"}], "nextPageToken": "N1"})");
    rig.pages["N1"] = test::answer(401, {}, R"({"error": {"code": 401, "message": "Invalid Credentials"}})");
    gcs::ListingJob job(rig.http, rig.signer, rig.options(""));
    for (int i = 0; i < 200 && !job.waiting_for_token(); ++i) job.step(1 << 16), rig.now += 0.1;
    REQUIRE(job.waiting_for_token());
    CHECK_FALSE(job.finished());
    CHECK_FALSE(job.error());
    CHECK(job.token_message().find("401") != std::string::npos);
    CHECK(job.objects().size() == 1);  // kept
    const std::size_t sent = rig.http.sent.size();
    for (int i = 0; i < 20; ++i) CHECK(job.step(1 << 16) == jobs::StepStatus::waiting);
    CHECK(rig.http.sent.size() == sent);  // nothing is sent with the refused token

    rig.pages["N1"] = test::answer(200, {}, R"({"items": [{"name": "b.png", "size": "6"}]})");
    job.resume();
    rig.run(job);
    CHECK(job.complete());
    CHECK(job.objects().size() == 2);
    CHECK(param(rig.http.sent.back().url, "pageToken") == "N1");
}

TEST_CASE("listing job: a signer that needs a token waits rather than fails", "[listing]") {
    Rig rig;
    rig.pages[""] = test::answer(200, {}, xml_page({"p/a"}));
    class NoToken : public StubSigner {
    public:
        bool refuse = true;
        std::optional<gcs::ProbeRequest> poll(Ticket t) override {
            auto p = StubSigner::poll(t);
            if (p && refuse) {
                p = gcs::ProbeRequest{};
                p->error = "IAM Credentials refused the access token (401)";
                p->needs_token = true;
            }
            return p;
        }
    } signer;
    gcs::ListingJob job(rig.http, signer, rig.options());
    for (int i = 0; i < 50; ++i) job.step(1 << 16);
    REQUIRE(job.waiting_for_token());
    CHECK(rig.http.sent.empty());
    CHECK(job.token_message().find("IAM") != std::string::npos);
    signer.refuse = false;
    job.resume();
    rig.run(job);
    CHECK(job.complete());
    CHECK(job.objects().size() == 1);
}

TEST_CASE("listing job: a 503 is retried after back-off, and the page is read once", "[listing]") {
    Rig rig;
    int sends = 0;
    rig.http.respond = [&](const net::HttpRequest&) -> std::optional<test::FakeAnswer> {
        return ++sends == 1 ? test::answer(503) : test::answer(200, {}, xml_page({"p/a.jpg"}));
    };
    gcs::ListingJob job(rig.http, rig.signer, rig.options());
    CHECK(job.step(1 << 16) == jobs::StepStatus::running);
    CHECK(rig.http.sent.size() == 1);
    CHECK(job.step(1 << 16) == jobs::StepStatus::waiting);  // backing off (1 s) on the fake clock
    rig.now = 0.5;
    CHECK(job.step(1 << 16) == jobs::StepStatus::waiting);
    CHECK(rig.http.sent.size() == 1);
    rig.now = 1.0;
    CHECK(job.step(1 << 16) == jobs::StepStatus::finished);
    CHECK(rig.http.sent.size() == 2);
    CHECK(rig.signer.started.size() == 2);  // signed again for the retry
    CHECK(job.complete());
    CHECK(job.pages() == 1);
    CHECK(job.requests() == 2);
    CHECK(names(job) == std::vector<std::string>{"p/a.jpg"});
}

TEST_CASE("listing job: a CORS-looking failure is sent once more (a dropped connection looks the same)", "[listing]") {
    SECTION("dropped once: the page is read on the second send") {
        Rig rig;
        int sends = 0;
        rig.http.respond = [&](const net::HttpRequest&) -> std::optional<test::FakeAnswer> {
            return ++sends == 1 ? test::failure(net::Failure::cors) : test::answer(200, {}, xml_page({"p/a.jpg"}));
        };
        gcs::ListingJob job(rig.http, rig.signer, rig.options());
        rig.run(job);
        CHECK(job.complete());
        CHECK(job.requests() == 2);
        CHECK(names(job) == std::vector<std::string>{"p/a.jpg"});
    }
    SECTION("refused twice: a real CORS refusal, said after the second send") {
        Rig rig;
        rig.http.respond = [&](const net::HttpRequest&) -> std::optional<test::FakeAnswer> {
            return test::failure(net::Failure::cors);
        };
        gcs::ListingJob job(rig.http, rig.signer, rig.options());
        rig.run(job);
        REQUIRE(job.error());
        CHECK(job.error()->kind == ListingErrorKind::no_answer);
        CHECK(job.error()->message.find("(gave up after 2 attempts)") != std::string::npos);
        CHECK(rig.http.sent.size() == 2);
    }
}

TEST_CASE("listing job: 503 on every attempt gives up with the count; 403 is never retried", "[listing]") {
    Rig rig;
    SECTION("503") {
        rig.http.respond = [&](const net::HttpRequest&) -> std::optional<test::FakeAnswer> {
            return test::answer(503, {}, "<Error><Code>ServiceUnavailable</Code><Message>Try later.</Message></Error>");
        };
        gcs::ListingJob job(rig.http, rig.signer, rig.options());
        rig.run(job);
        REQUIRE(job.error());
        CHECK(job.error()->kind == ListingErrorKind::gcs);
        CHECK(job.error()->status == 503);
        CHECK(job.error()->code == "ServiceUnavailable");
        CHECK(job.error()->message == "Try later. (gave up after 3 attempts)");
        CHECK(rig.http.sent.size() == 3);
        CHECK_FALSE(job.complete());
    }
    SECTION("403") {
        rig.http.respond = [&](const net::HttpRequest&) -> std::optional<test::FakeAnswer> {
            return test::answer(403, {}, "<Error><Code>AccessDenied</Code><Message>Access denied.</Message></Error>");
        };
        gcs::ListingJob job(rig.http, rig.signer, rig.options());
        rig.run(job);
        REQUIRE(job.error());
        CHECK(job.error()->code == "AccessDenied");
        CHECK(job.error()->message == "Access denied.");
        CHECK(rig.http.sent.size() == 1);
    }
}

TEST_CASE("listing job: a continuation token that comes back is a loop error", "[listing]") {
    Rig rig;
    rig.pages[""] = test::answer(200, {}, xml_page({"p/1.jpg"}, "A"));
    rig.pages["A"] = test::answer(200, {}, xml_page({"p/2.jpg"}, "B"));
    rig.pages["B"] = test::answer(200, {}, xml_page({"p/3.jpg"}, "A"));
    gcs::ListingJob job(rig.http, rig.signer, rig.options());
    rig.run(job);
    REQUIRE(job.error());
    CHECK(job.error()->kind == ListingErrorKind::loop);
    CHECK(job.pages() == 3);
    CHECK(rig.http.sent.size() == 3);  // page A is not asked for twice
    CHECK(names(job) == std::vector<std::string>{"p/1.jpg", "p/2.jpg", "p/3.jpg"});
    CHECK_FALSE(job.complete());
}

TEST_CASE("listing job: a truncated page without a token, and a 200 that is not a listing", "[listing]") {
    Rig rig;
    SECTION("no token") {
        rig.pages[""] = test::answer(200, {}, "<ListBucketResult><IsTruncated>true</IsTruncated></ListBucketResult>");
    }
    SECTION("not a listing") { rig.pages[""] = test::answer(200, {}, "<html>captive portal</html>"); }
    gcs::ListingJob job(rig.http, rig.signer, rig.options());
    rig.run(job);
    REQUIRE(job.error());
    CHECK(job.error()->kind == ListingErrorKind::malformed);
    CHECK(job.error()->status == 200);
    CHECK(rig.http.sent.size() == 1);
}

TEST_CASE("listing job: stops at the cap and says so", "[listing]") {
    Rig rig;
    rig.pages[""] = test::answer(200, {}, xml_page({"p/1.jpg", "p/2.jpg"}, "T1"));
    rig.pages["T1"] = test::answer(200, {}, xml_page({"p/3.jpg", "p/4.jpg"}, "T2"));
    rig.pages["T2"] = test::answer(200, {}, xml_page({"p/5.jpg"}));
    auto o = rig.options();
    SECTION("inside a page") {
        o.max_objects = 3;
        gcs::ListingJob job(rig.http, rig.signer, o);
        rig.run(job);
        CHECK(job.truncated_by_cap());
        CHECK(names(job) == std::vector<std::string>{"p/1.jpg", "p/2.jpg", "p/3.jpg"});
        CHECK(rig.http.sent.size() == 2);
    }
    SECTION("at a page's end, with more to list") {
        o.max_objects = 4;
        gcs::ListingJob job(rig.http, rig.signer, o);
        rig.run(job);
        CHECK(job.truncated_by_cap());
        CHECK(job.objects().size() == 4);
        CHECK(rig.http.sent.size() == 2);
    }
    SECTION("exactly all there is") {
        o.max_objects = 5;
        gcs::ListingJob job(rig.http, rig.signer, o);
        rig.run(job);
        CHECK_FALSE(job.truncated_by_cap());
        CHECK(job.complete());
    }
    CHECK_FALSE(rig.http.sent.empty());
}

TEST_CASE("listing job: the default cap is Encord's items per manifest file", "[listing]") {
    CHECK(gcs::ListingOptions{}.max_objects == manifest::file_limits().max_items);
}

TEST_CASE("listing job: cancel aborts the page in flight and keeps what was listed", "[listing]") {
    Rig rig;
    rig.pages[""] = test::answer(200, {}, xml_page({"p/1.jpg", "p/2.jpg"}, "T1"));
    test::FakeAnswer never;
    never.never = true;
    rig.pages["T1"] = never;
    gcs::ListingJob job(rig.http, rig.signer, rig.options());
    for (int i = 0; i < 5; ++i) job.step(1 << 16);
    CHECK(rig.http.open() == 1);
    job.cancel();
    CHECK(job.finished());
    CHECK(job.cancelled());
    CHECK_FALSE(job.error());
    CHECK(rig.http.aborted.size() == 1);
    CHECK(rig.http.open() == 0);
    CHECK(job.objects().size() == 2);
    CHECK(job.step(1 << 16) == jobs::StepStatus::finished);
}

TEST_CASE("listing job: a slow signer's ticket is forgotten on cancel; a signing failure is an error", "[listing]") {
    Rig rig;
    SECTION("cancel while signing") {
        rig.signer.delay_polls = 100;
        gcs::ListingJob job(rig.http, rig.signer, rig.options());
        CHECK(job.step(1 << 16) == jobs::StepStatus::running);
        CHECK(job.step(1 << 16) == jobs::StepStatus::waiting);
        job.cancel();
        CHECK(rig.signer.forgotten.size() == 1);
        CHECK(rig.http.sent.empty());
    }
    SECTION("signing fails") {
        rig.signer.fail = true;
        gcs::ListingJob job(rig.http, rig.signer, rig.options());
        rig.run(job);
        REQUIRE(job.error());
        CHECK(job.error()->kind == ListingErrorKind::signing);
        CHECK(job.error()->message == "The key cannot sign.");
    }
}

TEST_CASE("listing job: no answer in time is retried, then a no-answer error", "[listing]") {
    Rig rig;
    test::FakeAnswer never;
    never.never = true;
    rig.pages[""] = never;
    auto o = rig.options();
    o.timeout_s = 5;
    o.retry.max_attempts = 2;
    gcs::ListingJob job(rig.http, rig.signer, o);
    rig.run(job, 0.5);
    REQUIRE(job.error());
    CHECK(job.error()->kind == ListingErrorKind::no_answer);
    CHECK(job.error()->message == "no answer within 5 s (gave up after 2 attempts)");
    CHECK(rig.http.aborted.size() == 2);
}

TEST_CASE("listing job: runs on the job runner", "[listing]") {
    Rig rig;
    rig.pages[""] = test::answer(200, {}, xml_page({"p/1.jpg"}, "T1"), 1);
    rig.pages["T1"] = test::answer(200, {}, xml_page({"p/2.jpg"}), 1);
    jobs::JobRunner runner([&] { return rig.now; });
    const auto id = runner.add(std::make_unique<gcs::ListingJob>(rig.http, rig.signer, rig.options()));
    for (int i = 0; i < 50 && runner.has(id); ++i) {
        if (i == 0) CHECK(runner.jobs().at(0).label == "Listing gs://b-1/p/: 0 pages, 0 objects");
        runner.run_for(0.01);
        rig.now += 0.02;
    }
    CHECK_FALSE(runner.has(id));
    CHECK(rig.http.sent.size() == 2);
}

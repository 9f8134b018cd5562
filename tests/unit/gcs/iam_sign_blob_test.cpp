// The IAM signBlob signer (core/gcs/iam_sign_blob.hpp) with a fake transport: the POST it sends, the URL it
// makes of IAM's answer, retries, refusals, and an object check that waits when IAM refuses the token.
// Portable: the SHA-256 and base64 come from the platform (OpenSSL natively, node under node).
#include "gcs/iam_sign_blob.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../helpers/fake_http.hpp"
#include "gcs/object_check.hpp"
#include "gcs/object_url.hpp"

using namespace eic;

namespace {

const char* kAccount = "probe@my-project.iam.gserviceaccount.com";
const char* kToken = "ya29.a0-user-token";
constexpr std::int64_t kNow = 1549011600;  // 2019-02-01T09:00:00Z

const crypto::Crypto& platform() { return *crypto::platform(); }

std::string sign_url() { return gcs::sign_blob_url("", kAccount); }

// IAM's answer with `signature` as the signedBlob.
test::FakeAnswer signed_blob(const std::string& signature, int delay_polls = 0) {
    return test::answer(200, {{"content-type", "application/json; charset=UTF-8"}},
                        R"({"keyId":"0123abcd","signedBlob":")" + platform().base64_encode(signature) + "\"}",
                        delay_polls);
}

test::FakeAnswer iam_error(int status, const char* rpc_status, const char* message) {
    return test::answer(status, {},
                        std::string(R"({"error":{"code":)") + std::to_string(status) + R"(,"message":")" + message +
                            R"(","status":")" + rpc_status + "\"}}");
}

gcs::ProbeTarget head(const char* object) {
    gcs::ProbeTarget t;
    t.bucket = "test-bucket";
    t.object = object;
    return t;
}

struct Rig {
    double now = 0;
    test::FakeHttp http;
    gcs::IamSignBlobOptions options() {
        gcs::IamSignBlobOptions o;
        o.service_account = kAccount;
        o.steady = [this] { return now; };
        return o;
    }
    // Polls until the signer answers (or `limit` polls), advancing the clock by `tick` s per poll.
    std::optional<gcs::ProbeRequest> wait(gcs::IamSignBlobSigner& s, gcs::ProbeSigner::Ticket t, double tick = 0.5,
                                          int limit = 100) {
        for (int i = 0; i < limit; ++i, now += tick)
            if (auto p = s.poll(t)) return p;
        return std::nullopt;
    }
};

}  // namespace

TEST_CASE("IAM signBlob: the POST carries the base64 string to sign; the URL takes the hex signature", "[gcs][iam]") {
    Rig rig;
    rig.http.table[sign_url()] = {signed_blob(std::string("\x01\xab\xff", 3), 2)};
    gcs::IamSignBlobSigner signer(kToken, platform(), rig.http, rig.options());
    const auto ticket = signer.start(head("a b.jpg"), kNow);
    REQUIRE(rig.http.sent.size() == 1);
    const net::HttpRequest& post = rig.http.sent[0];
    CHECK(post.method == "POST");
    CHECK(post.url ==
          "https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/"
          "probe@my-project.iam.gserviceaccount.com:signBlob");
    CHECK(post.headers ==
          net::Headers{{"Authorization", std::string("Bearer ") + kToken}, {"Content-Type", "application/json"}});

    // What eic signs is what prepare_v4 makes of the same request.
    gcs::V4Request request = gcs::v4_request_for(head("a b.jpg"), {}, kNow);
    request.client_email = kAccount;
    const auto expected =
        gcs::prepare_v4(request, [](std::string_view b) { return platform().sha256(b); }).prepared.value();
    const auto body = nlohmann::json::parse(post.body);
    REQUIRE(body.size() == 1);
    CHECK(platform().base64_decode(body.at("payload").get<std::string>()) ==
          std::optional<std::string>(expected.string_to_sign));

    CHECK_FALSE(signer.poll(ticket));  // IAM has not answered yet
    const auto probe = rig.wait(signer, ticket);
    REQUIRE(probe);
    REQUIRE(probe->ok());
    CHECK(probe->http.method == "HEAD");
    CHECK(probe->http.url == expected.unsigned_url + "&X-Goog-Signature=01abff");
    CHECK(probe->http.url.rfind("https://storage.googleapis.com/test-bucket/a%20b.jpg?X-Goog-Algorithm=", 0) == 0);
    CHECK(probe->http.url.find("X-Goog-Credential=probe%40my-project.iam.gserviceaccount.com%2F20190201%2Fauto") !=
          std::string::npos);
    CHECK(probe->canonical_request == expected.canonical_request);
    CHECK(probe->string_to_sign == expected.string_to_sign);
    CHECK(signer.pending() == 0);
    CHECK_FALSE(signer.poll(ticket));  // handed over once
}

// The browser's codec alone: atob/btoa are synchronous there, SHA-256 is not.
class OnlyBase64 : public crypto::Base64Codec {
public:
    std::string base64_encode(std::string_view b) const override { return platform().base64_encode(b); }
    std::optional<std::string> base64_decode(std::string_view t) const override { return platform().base64_decode(t); }
};

TEST_CASE("IAM signBlob with the codec alone: a request hashed elsewhere is signed; start() refuses", "[gcs][iam]") {
    Rig rig;
    rig.http.table[sign_url()] = {signed_blob(std::string("\x7f\x00", 2))};
    OnlyBase64 codec;
    gcs::IamSignBlobSigner signer(kToken, codec, rig.http, rig.options());

    const auto refused = rig.wait(signer, signer.start(head("x.jpg"), kNow));
    REQUIRE(refused);
    CHECK_FALSE(refused->ok());
    CHECK(rig.http.sent.empty());

    // A signed-URL tool's request: a PUT with a signed header and a day's expiry, not a probe.
    gcs::V4Request request = gcs::v4_request_for(head("up/load.bin"), {}, kNow);
    request.method = "PUT";
    request.expires = 86400;
    request.headers.push_back({"content-type", "application/octet-stream"});
    request.client_email = kAccount;
    auto prepared = gcs::prepare_v4(request, [](std::string_view b) { return platform().sha256(b); }).prepared.value();
    gcs::ProbeTarget target = head("up/load.bin");
    target.method = "PUT";
    const auto ticket = signer.start_prepared(target, prepared);
    REQUIRE(rig.http.sent.size() == 1);
    CHECK(platform().base64_decode(nlohmann::json::parse(rig.http.sent[0].body).at("payload").get<std::string>()) ==
          std::optional<std::string>(prepared.string_to_sign));
    const auto signed_ = rig.wait(signer, ticket);
    REQUIRE(signed_);
    REQUIRE(signed_->ok());
    CHECK(signed_->http.method == "PUT");
    CHECK(signed_->http.url == prepared.unsigned_url + "&X-Goog-Signature=7f00");
    CHECK(signed_->http.url.find("X-Goog-Expires=86400") != std::string::npos);
    CHECK(signed_->http.url.find("X-Goog-SignedHeaders=content-type%3Bhost") != std::string::npos);

    // Without a token nothing is sent, and the caller is told a token is what is missing.
    gcs::IamSignBlobSigner no_token("", codec, rig.http, rig.options());
    const auto none = rig.wait(no_token, no_token.start_prepared(target, prepared));
    REQUIRE(none);
    CHECK(none->needs_token);
    CHECK(rig.http.sent.size() == 1);
}

TEST_CASE("IAM signBlob: 401 asks for a new token, 403 names the missing permission, never the token", "[gcs][iam]") {
    Rig rig;
    SECTION("401") {
        rig.http.table[sign_url()] = {
            iam_error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.")};
        gcs::IamSignBlobSigner signer(kToken, platform(), rig.http, rig.options());
        const auto p = rig.wait(signer, signer.start(head("x"), kNow));
        REQUIRE(p);
        CHECK_FALSE(p->ok());
        CHECK(p->needs_token);
        CHECK(p->error.find("401 UNAUTHENTICATED: Request had invalid authentication credentials.") !=
              std::string::npos);
        CHECK(p->error.find(kToken) == std::string::npos);
        CHECK(rig.http.sent.size() == 1);  // a refused token is not retried
    }
    SECTION("403") {
        rig.http.table[sign_url()] = {
            iam_error(403, "PERMISSION_DENIED",
                      "Permission 'iam.serviceAccounts.signBlob' denied on resource (or it may not exist).")};
        gcs::IamSignBlobSigner signer(kToken, platform(), rig.http, rig.options());
        const auto p = rig.wait(signer, signer.start(head("x"), kNow));
        REQUIRE(p);
        CHECK_FALSE(p->needs_token);
        CHECK(p->error.find("403 PERMISSION_DENIED: Permission 'iam.serviceAccounts.signBlob' denied") !=
              std::string::npos);
        CHECK(p->error.find("Service Account Token Creator") != std::string::npos);
        CHECK(p->error.find(kAccount) != std::string::npos);
        CHECK(p->error.find(kToken) == std::string::npos);
    }
    SECTION("an answer without a signature") {
        rig.http.table[sign_url()] = {test::answer(200, {}, R"({"keyId":"k","signedBlob":"not base64!"})")};
        gcs::IamSignBlobSigner signer(kToken, platform(), rig.http, rig.options());
        const auto p = rig.wait(signer, signer.start(head("x"), kNow));
        REQUIRE(p);
        CHECK(p->error.find("without a signature") != std::string::npos);
        CHECK(p->http.method.empty());
    }
}

TEST_CASE("IAM signBlob: 503 and dropped connections are retried after back-off (signBlob has no side effect)",
          "[gcs][iam]") {
    Rig rig;
    rig.http.table[sign_url()] = {iam_error(503, "UNAVAILABLE", "try again"), test::failure(net::Failure::network),
                                  signed_blob("\x42")};
    gcs::IamSignBlobSigner signer(kToken, platform(), rig.http, rig.options());
    const auto t = signer.start(head("x"), kNow);
    CHECK_FALSE(signer.poll(t));  // 503: back-off of 1 s starts
    CHECK(rig.http.sent.size() == 1);
    rig.now = 0.9;
    CHECK_FALSE(signer.poll(t));
    CHECK(rig.http.sent.size() == 1);
    rig.now = 1.0;
    CHECK_FALSE(signer.poll(t));  // sent again; dropped
    CHECK(rig.http.sent.size() == 2);
    const auto p = rig.wait(signer, t);
    REQUIRE(p);
    CHECK(p->ok());
    CHECK(p->http.url.substr(p->http.url.size() - 20) == "&X-Goog-Signature=42");
    CHECK(rig.http.sent.size() == 3);
    for (const auto& s : rig.http.sent) CHECK(s.body == rig.http.sent[0].body);

    SECTION("until the attempts run out") {
        Rig down;
        down.http.table[sign_url()] = {iam_error(500, "INTERNAL", "boom")};
        gcs::IamSignBlobSigner failing(kToken, platform(), down.http, down.options());
        const auto q = down.wait(failing, failing.start(head("x"), kNow));
        REQUIRE(q);
        CHECK(q->error.find("500 INTERNAL: boom") != std::string::npos);
        CHECK(q->error.find("gave up after 3 attempts") != std::string::npos);
        CHECK(down.http.sent.size() == 3);
    }
}

TEST_CASE("IAM signBlob: a request without an answer times out and is tried again", "[gcs][iam]") {
    Rig rig;
    test::FakeAnswer never;
    never.never = true;
    rig.http.table[sign_url()] = {never, signed_blob("\x01")};
    auto options = rig.options();
    options.timeout_s = 10;
    gcs::IamSignBlobSigner signer(kToken, platform(), rig.http, options);
    const auto p = rig.wait(signer, signer.start(head("x"), kNow), 1, 40);
    REQUIRE(p);
    CHECK(p->ok());
    CHECK(rig.http.aborted.size() == 1);
    CHECK(rig.http.sent.size() == 2);
}

TEST_CASE("IAM signBlob: no token, a bad account, or a bad request fail at once without a request; forget aborts",
          "[gcs][iam]") {
    Rig rig;
    gcs::IamSignBlobSigner none("", platform(), rig.http, rig.options());
    auto p = none.poll(none.start(head("x"), kNow));
    REQUIRE(p);
    CHECK(p->needs_token);

    auto bad_account = rig.options();
    bad_account.service_account = "a/b@x";
    gcs::IamSignBlobSigner slash(kToken, platform(), rig.http, bad_account);
    p = slash.poll(slash.start(head("x"), kNow));
    REQUIRE(p);
    CHECK_FALSE(p->ok());
    CHECK_FALSE(p->needs_token);

    gcs::IamSignBlobSigner signer(kToken, platform(), rig.http, rig.options());
    gcs::ProbeTarget bad = head("x");
    bad.bucket = "Not A Bucket";
    p = signer.poll(signer.start(bad, kNow));
    REQUIRE(p);
    CHECK_FALSE(p->ok());
    CHECK(rig.http.sent.empty());

    test::FakeAnswer never;
    never.never = true;
    rig.http.table[sign_url()] = {never};
    const auto t = signer.start(head("x"), kNow);
    CHECK(rig.http.open() == 1);
    signer.forget(t);
    CHECK(rig.http.open() == 0);
    CHECK(rig.http.aborted.size() == 1);
    CHECK(signer.pending() == 0);

    // The token set later is the one sent.
    signer.set_token("ya29.renewed");
    signer.start(head("y"), kNow);
    CHECK(rig.http.sent.back().headers[0].second == "Bearer ya29.renewed");
}

TEST_CASE("IAM signBlob in an object check: IAM refuses the token, the job waits, resumes with a new one",
          "[gcs][iam][check]") {
    Rig rig;
    rig.http.table[sign_url()] = {iam_error(401, "UNAUTHENTICATED", "expired"), signed_blob("\x01", 1)};
    rig.http.table[gcs::xml_api_url("test-bucket", "a")] = {test::answer(200, {{"content-length", "3"}})};
    rig.http.table[gcs::xml_api_url("test-bucket", "b")] = {test::answer(404)};
    gcs::IamSignBlobSigner signer("ya29.old", platform(), rig.http, rig.options());
    gcs::ObjectCheckOptions options;
    options.steady = [&] { return rig.now; };
    options.wall = [] { return double(kNow); };
    options.max_in_flight = 1;
    gcs::ObjectCheckJob job({{1, "gs://test-bucket/a"}, {2, "gs://test-bucket/b"}}, rig.http, signer, options);
    for (int i = 0; i < 10 && !job.waiting_for_token(); ++i) job.step(1 << 16), rig.now += 0.1;
    REQUIRE(job.waiting_for_token());
    CHECK(job.results()[0].state == gcs::ObjectState::needs_token);
    CHECK(job.results()[0].detail.find("expired") != std::string::npos);
    CHECK(job.results()[0].attempts == 0);  // nothing went to GCS
    CHECK(job.results()[1].state == gcs::ObjectState::pending);

    signer.set_token("ya29.new");
    job.resume();
    for (int i = 0; i < 100 && !job.finished(); ++i) job.step(1 << 16), rig.now += 0.1;
    REQUIRE(job.finished());
    CHECK(job.results()[0].state == gcs::ObjectState::exists);
    CHECK(job.results()[0].size == 3u);
    CHECK(job.results()[1].state == gcs::ObjectState::missing);
    CHECK(job.done() == 2);
    CHECK(rig.http.sent.back().url.find("X-Goog-Signature=01") != std::string::npos);
    CHECK(rig.http.sent[1].headers[0].second == "Bearer ya29.new");
}

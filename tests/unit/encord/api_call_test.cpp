// One Encord API call driven to its outcome (core/encord/api_call.hpp): signed headers, the retry policy
// (core/encord/retry_policy.hpp) on a fake clock, requests never sent twice, timeouts and cancel.
#include "encord/api_call.hpp"

#include <catch2/catch.hpp>

#include "encord/request_signing.hpp"
#include "encord_client_fixture.hpp"

using namespace eic;
using namespace eic::encord;
using test::FakeAnswer;

namespace {

bool poll_for(test::EncordClientFixture& f, ApiCall& call, double seconds, double dt = 0.5) {
    for (double t = 0; t <= seconds; t += dt) {
        if (call.poll()) return true;
        f.now += dt;
    }
    return call.poll();
}

}  // namespace

TEST_CASE("an API call is signed and sent with its body and Content-Type", "[encord-client]") {
    test::EncordClientFixture f;
    f.http.table["POST " + std::string(test::kApi) + "storage/folders"] = {
        test::answer(200, {}, R"({"uuid": "3f1e0000-0000-4000-8000-00000000abcd", "name": "n"})")};
    BuiltRequest req = folder_create({"Scans", std::nullopt, std::nullopt});
    REQUIRE(req.ok());
    ApiCall call(f.context(), *req.request);
    CHECK(poll_for(f, call, 1));
    REQUIRE(call.ok());
    CHECK(call.attempts() == 1);
    REQUIRE(f.http.sent.size() == 1);
    const net::HttpRequest& sent = f.http.sent[0];
    CHECK(sent.body == req.request->body);
    CHECK(*test::header_of(sent, "Content-Type") == "application/json");
    const auto expected = sign_request(test::platform_crypto(), *f.key.key, "POST", "/v2/public/storage/folders",
                                       sent.body, created_for(std::int64_t(test::kWallStart)));
    REQUIRE(expected.headers);
    CHECK(*test::header_of(sent, "Content-Digest") == expected.headers->content_digest);
    CHECK(*test::header_of(sent, "Signature-Input") == expected.headers->signature_input);
    CHECK(*test::header_of(sent, "Signature") == expected.headers->signature);

    // A GET has no body and no Content-Type.
    ApiCall get(f.context(), schema_get());
    f.http.table[std::string(test::kApi) + "organisation/client-metadata-schema-v2"] = {test::answer(204)};
    CHECK(poll_for(f, get, 1));
    CHECK(get.ok());
    CHECK(test::header_of(f.http.sent.back(), "Content-Type") == nullptr);
    CHECK(test::header_of(f.http.sent.back(), "Signature") != nullptr);
}

TEST_CASE("a 429 with Retry-After waits on the steady clock and a GET is signed and sent again", "[encord-client]") {
    test::EncordClientFixture f;
    const std::string url = std::string(test::kApi) + "organisation/client-metadata-schema-v2";
    f.http.table[url] = {test::answer(429, {{"retry-after", "5"}}), test::answer(200, {}, "{}")};
    ApiCall call(f.context(), schema_get());
    CHECK_FALSE(call.poll());  // the 429 is read; now waiting
    CHECK(f.http.sent.size() == 1);
    f.now = 4.5;
    CHECK_FALSE(call.poll());
    CHECK(f.http.sent.size() == 1);
    f.now = 5;
    CHECK(call.poll());
    CHECK(call.ok());
    CHECK(call.attempts() == 2);
    REQUIRE(f.http.sent.size() == 2);
    // Signed anew: `created` follows the wall clock.
    CHECK(*test::header_of(f.http.sent[0], "Signature-Input") != *test::header_of(f.http.sent[1], "Signature-Input"));
}

TEST_CASE("a folder create is never sent again, on 503 or on a dropped connection", "[encord-client]") {
    test::EncordClientFixture f;
    const std::string url = std::string(test::kApi) + "storage/folders";
    BuiltRequest req = folder_create({"Scans", std::nullopt, std::nullopt});
    REQUIRE(req.ok());

    f.http.table[url] = {test::answer(503, {}, R"({"message": "busy"})")};
    ApiCall refused(f.context(), *req.request);
    CHECK(poll_for(f, refused, 60));
    REQUIRE(refused.error());
    CHECK(refused.error()->status == 503);
    CHECK(refused.error()->kind == ApiErrorKind::unknown);
    CHECK(refused.attempts() == 1);
    CHECK(f.http.sent.size() == 1);

    f.http.table[url] = {test::failure(net::Failure::network)};
    ApiCall dropped(f.context(), *req.request);
    CHECK(poll_for(f, dropped, 60));
    REQUIRE(dropped.error());
    CHECK(dropped.error()->kind == ApiErrorKind::unknown_outcome);
    CHECK(dropped.attempts() == 1);
    CHECK(f.http.sent.size() == 2);
}

TEST_CASE("timeouts are measured on the steady clock: a GET is retried, a POST is an unknown outcome",
          "[encord-client]") {
    test::EncordClientFixture f;
    FakeAnswer silent;
    silent.never = true;
    f.http.respond = [&](const net::HttpRequest&) { return silent; };

    ApiRequest get = schema_get();
    get.timeout_s = 10;
    ApiCall g(f.context(), get);
    CHECK_FALSE(poll_for(f, g, 9));
    CHECK(f.http.sent.size() == 1);
    CHECK(poll_for(f, g, 200));
    REQUIRE(g.error());
    CHECK(g.error()->kind == ApiErrorKind::timeout);
    CHECK(g.attempts() == 4);  // the SDK's 3 retries
    CHECK(f.http.aborted.size() == 4);

    BuiltRequest start = upload_job_start(
        {"3f1e0000-0000-4000-8000-00000000abcd", R"({"videos": []})", std::nullopt, false, std::nullopt});
    REQUIRE(start.ok());
    start.request->timeout_s = 10;
    ApiCall p(f.context(), *start.request);
    CHECK(poll_for(f, p, 30));
    REQUIRE(p.error());
    CHECK(p.error()->kind == ApiErrorKind::unknown_outcome);
    CHECK(p.attempts() == 1);
    CHECK(f.http.sent.size() == 5);
}

TEST_CASE("cancel aborts the request; a refused signer sends nothing and quotes no token", "[encord-client]") {
    test::EncordClientFixture f;
    FakeAnswer silent;
    silent.never = true;
    f.http.respond = [&](const net::HttpRequest&) { return silent; };
    ApiCall g(f.context(), schema_get());
    CHECK_FALSE(g.poll());
    g.cancel();
    REQUIRE(g.error());
    CHECK(g.error()->kind == ApiErrorKind::cancelled);
    CHECK(f.http.aborted.size() == 1);

    BuiltRequest req = folder_create({"Scans", std::nullopt, std::nullopt});
    ApiCall post(f.context(), *req.request);
    CHECK_FALSE(post.poll());
    post.cancel();  // it may have reached Encord
    CHECK(post.error()->kind == ApiErrorKind::unknown_outcome);

    BearerRequestSigner none("");
    ApiCall unsigned_call(f.context(&none), schema_get());
    CHECK(unsigned_call.poll());
    CHECK(unsigned_call.error()->kind == ApiErrorKind::signing);
    CHECK(f.http.sent.size() == 2);

    f.http.respond = nullptr;
    f.http.table[std::string(test::kApi) + "organisation/client-metadata-schema-v2"] = {
        test::answer(401, {}, R"({"message": "bad token"})")};
    BearerRequestSigner bearer("tok-SECRET-123");
    ApiCall refused(f.context(&bearer), schema_get());
    CHECK(refused.poll());
    CHECK(*test::header_of(f.http.sent.back(), "Authorization") == "Bearer tok-SECRET-123");
    REQUIRE(refused.error());
    CHECK(refused.error()->kind == ApiErrorKind::authentication);
    CHECK(refused.error()->full_message().find("SECRET") == std::string::npos);
    CHECK(refused.what().find("SECRET") == std::string::npos);
}

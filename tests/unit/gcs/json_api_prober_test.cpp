// The Cloud Storage JSON API with an access token (core/gcs/json_api.hpp, json_api_prober.hpp): how probe
// targets map to requests, how object resources and JSON errors read, and that the token stays in the
// Authorization header and nowhere else.
#include "gcs/json_api_prober.hpp"

#include <catch2/catch.hpp>

#include "gcs/google_error.hpp"
#include "gcs/json_api.hpp"

using namespace eic;

namespace {

const char* kToken = "ya29.a0AfH6SMB-test_token~x+y/z==";

gcs::ProbeTarget object_target(const char* method, const char* object) {
    gcs::ProbeTarget t;
    t.method = method;
    t.bucket = "b-1";
    t.object = object;
    return t;
}

}  // namespace

TEST_CASE("JSON API: an object HEAD is objects.get with a partial response, the name one segment", "[gcs][json]") {
    gcs::BearerTokenProber prober(kToken);
    CHECK(prober.api() == gcs::ProbeApi::json);
    const auto p = prober.poll(prober.start(object_target("HEAD", "dir/a b&c.jpg"), 0));
    REQUIRE(p);
    REQUIRE(p->ok());
    CHECK(p->http.method == "GET");
    CHECK(p->http.url ==
          "https://storage.googleapis.com/storage/v1/b/b-1/o/dir%2Fa%20b%26c.jpg"
          "?fields=name,size,contentType,updated,md5Hash,generation");
    CHECK(p->http.headers == net::Headers{{"Authorization", std::string("Bearer ") + kToken}});
    CHECK(p->canonical_request.empty());
    CHECK(p->string_to_sign.empty());
    CHECK_FALSE(prober.poll(1));  // handed over once
}

TEST_CASE("JSON API: a ranged GET is alt=media with the Range header; the bucket is objects.list", "[gcs][json]") {
    gcs::JsonApiProbeOptions options;
    options.endpoint = "http://127.0.0.1:9023/";
    gcs::BearerTokenProber prober(kToken, options);
    auto range = object_target("GET", "/lead/é");
    range.headers = {{"Range", "bytes=0-65535"}};
    const auto ranged = prober.poll(prober.start(range, 0));
    REQUIRE(ranged);
    CHECK(ranged->http.url == "http://127.0.0.1:9023/storage/v1/b/b-1/o/%2Flead%2F%C3%A9?alt=media");
    CHECK(ranged->http.headers ==
          net::Headers{{"Range", "bytes=0-65535"}, {"Authorization", std::string("Bearer ") + kToken}});

    gcs::ProbeTarget list;
    list.method = "GET";
    list.bucket = "b-1";
    list.query = {{"prefix", "a b/"}, {"delimiter", "/"}, {"pageToken", "x=="}};
    const auto listing = prober.poll(prober.start(list, 0));
    REQUIRE(listing);
    CHECK(listing->http.url ==
          "http://127.0.0.1:9023/storage/v1/b/b-1/o?prefix=a%20b%2F&delimiter=%2F&pageToken=x%3D%3D");
    list.query.clear();
    CHECK(prober.poll(prober.start(list, 0))->http.url == "http://127.0.0.1:9023/storage/v1/b/b-1/o");

    // Extra parameters of an object target follow eic's own.
    auto generation = object_target("HEAD", "x");
    generation.query = {{"generation", "7"}};
    CHECK(prober.poll(prober.start(generation, 0))->http.url ==
          "http://127.0.0.1:9023/storage/v1/b/b-1/o/x?fields=name,size,contentType,updated,md5Hash,generation"
          "&generation=7");
}

TEST_CASE("JSON API: no token, a malformed token or a write is refused, and no message quotes the token",
          "[gcs][json]") {
    gcs::BearerTokenProber none("");
    CHECK_FALSE(none.has_token());
    auto p = none.poll(none.start(object_target("HEAD", "x"), 0));
    REQUIRE(p);
    CHECK_FALSE(p->ok());
    CHECK(p->needs_token);
    CHECK(p->http.method.empty());

    const std::string injected = "abc\r\nX-Evil: 1";
    none.set_token(injected);
    CHECK(none.has_token());
    p = none.poll(none.start(object_target("HEAD", "x"), 0));
    CHECK(p->needs_token);
    CHECK(p->error.find("abc") == std::string::npos);

    none.set_token(kToken);
    p = none.poll(none.start(object_target("PUT", "x"), 0));
    CHECK_FALSE(p->ok());
    CHECK_FALSE(p->needs_token);
    CHECK(p->error.find(kToken) == std::string::npos);
    CHECK(none.poll(none.start(object_target("HEAD", "x"), 0))->ok());

    CHECK(gcs::valid_bearer_token("ya29.abc-_~+/=="));
    CHECK_FALSE(gcs::valid_bearer_token(""));
    CHECK_FALSE(gcs::valid_bearer_token("=abc"));
    CHECK_FALSE(gcs::valid_bearer_token("ab=c"));
    CHECK_FALSE(gcs::valid_bearer_token("a b"));
}

TEST_CASE("JSON API: an object resource reads size as a uint64 string; anything else is refused", "[gcs][json]") {
    const auto o =
        gcs::read_object_resource(R"({"name":"a/b.jpg","size":"18446744073709551615","contentType":"image/jpeg",)"
                                  R"("updated":"2023-11-13T10:00:00.123Z","md5Hash":"1B2M2Y8AsgTpgAmY7PhCfg==",)"
                                  R"("generation":"1700000000000001"})");
    REQUIRE(o);
    CHECK(o->name == "a/b.jpg");
    CHECK(o->size == std::uint64_t(18446744073709551615ull));
    CHECK(o->content_type == "image/jpeg");
    CHECK(o->updated == "2023-11-13T10:00:00.123Z");
    CHECK(o->md5_hash == "1B2M2Y8AsgTpgAmY7PhCfg==");
    CHECK(o->generation == "1700000000000001");
    // A composite object has no md5Hash.
    const auto composite = gcs::read_object_resource(R"({"name":"c","size":"0"})");
    REQUIRE(composite);
    CHECK(composite->md5_hash.empty());
    CHECK(composite->size == 0u);
    for (const char* bad : {"", "[]", "not json", R"({"size":12})", R"({"size":"-1"})", R"({"size":"1e3"})",
                            R"({"size":"18446744073709551616"})", R"({"name":7})"}) {
        INFO(bad);
        CHECK_FALSE(gcs::read_object_resource(bad));
    }
}

TEST_CASE("JSON API: error documents of GCS and IAM read their reason, status and message", "[gcs][json]") {
    const auto gcs_error =
        gcs::read_google_error(R"({"error":{"code":404,"message":"No such object: b-1/x","errors":[{"domain":"global",)"
                               R"("reason":"notFound","message":"No such object: b-1/x"}]}})");
    REQUIRE(gcs_error);
    CHECK(gcs_error->code == 404);
    CHECK(gcs_error->reason == "notFound");
    CHECK(gcs_error->message == "No such object: b-1/x");
    CHECK(gcs_error->status.empty());
    const auto iam_error =
        gcs::read_google_error(R"({"error":{"code":403,"message":"Permission 'iam.serviceAccounts.signBlob' denied",)"
                               R"("status":"PERMISSION_DENIED"}})");
    REQUIRE(iam_error);
    CHECK(iam_error->status == "PERMISSION_DENIED");
    CHECK(iam_error->reason.empty());
    for (const char* bad : {"", "<Error/>", "{}", R"({"error":"x"})", "[]"}) CHECK_FALSE(gcs::read_google_error(bad));
}

#include "gcs/v4_request_json.hpp"

#include <catch2/catch.hpp>

using namespace eic;

TEST_CASE("signUrl requests read from JSON as the CLI's flags", "[gcs][v4]") {
    auto r = gcs::read_v4_request_json(
        R"({"method":"PUT","bucket":"b-1","object":"a b.jpg","expires":600,"timestamp":"2019-02-01T09:00:00Z",
            "headers":{"Content-Type":"image/jpeg"},"query":{"a=b":"c"},"urlStyle":"virtual-hosted"})",
        0);
    REQUIRE(r.diagnostics.empty());
    REQUIRE(r.request);
    CHECK(r.request->method == "PUT");
    CHECK(r.request->object == "a b.jpg");
    CHECK(r.request->expires == 600);
    CHECK(r.request->timestamp == 1549011600);
    CHECK(r.request->headers == gcs::NameValues{{"Content-Type", "image/jpeg"}});
    CHECK(r.request->query == gcs::NameValues{{"a=b", "c"}});
    CHECK(r.request->style == gcs::UrlStyle::virtual_hosted);
    // No timestamp: now.
    auto now = gcs::read_v4_request_json(R"({"method":"GET","bucket":"b","expires":10})", 1234);
    REQUIRE(now.request);
    CHECK(now.request->timestamp == 1234);
    auto secs = gcs::read_v4_request_json(R"({"method":"GET","bucket":"b","expires":10,"timestamp":99})", 1234);
    REQUIRE(secs.request);
    CHECK(secs.request->timestamp == 99);
}

TEST_CASE("a bad signUrl request names the field at fault", "[gcs][v4]") {
    const auto first = [](std::string_view json) {
        auto r = gcs::read_v4_request_json(json, 0);
        CHECK_FALSE(r.request);
        REQUIRE_FALSE(r.diagnostics.empty());
        CHECK(r.diagnostics[0].code == "gcs.sign.request");
        return r.diagnostics[0].pointer.value_or("?");
    };
    CHECK(first("[1]") == "");
    CHECK(first("{not json") == "");
    CHECK(first(R"({"bucket":"b","expires":10})") == "/method");
    CHECK(first(R"({"method":"GET","bucket":"b"})") == "/expires");
    CHECK(first(R"({"method":"GET","bucket":"b","expires":1.5})") == "/expires");
    CHECK(first(R"({"method":"GET","bucket":"b","expires":10,"timestamp":"yesterday"})") == "/timestamp");
    CHECK(first(R"({"method":"GET","bucket":"b","expires":10,"headers":{"x":1}})") == "/headers/x");
    CHECK(first(R"({"method":"GET","bucket":"b","expires":10,"query":[]})") == "/query");
    CHECK(first(R"({"method":"GET","bucket":"b","expires":10,"urlStyle":"odd"})") == "/urlStyle");
}

TEST_CASE("a prepared request goes to JSON and back unchanged", "[gcs][v4]") {
    gcs::V4Prepared p{"CR", "20190201T090000Z", "20190201/auto/storage/goog4_request", "https://x/?a", "ab", "STS"};
    const auto back = gcs::prepared_from_json(gcs::prepared_to_json(p));
    REQUIRE(back);
    CHECK(back->canonical_request == "CR");
    CHECK(back->unsigned_url == "https://x/?a");
    CHECK(back->string_to_sign == "STS");
    CHECK_FALSE(gcs::prepared_from_json(nlohmann::ordered_json{{"canonicalRequest", 1}}));
}

#include "app/cloud_settings.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace eic::app;

TEST_CASE("the Cloud settings round-trip through their record, empty fields left out", "[app][cloud_settings]") {
    CloudSettings s;
    s.endpoint = "http://127.0.0.1:9000";
    s.bucket = "my-bucket";
    s.list_prefix = "images/2026/";
    s.sign_as = "signer@p.iam.gserviceaccount.com";
    const std::string record = write_cloud_settings(s);
    CHECK(
        record ==
        R"({"bucket":"my-bucket","endpoint":"http://127.0.0.1:9000","listPrefix":"images/2026/","signAs":"signer@p.iam.gserviceaccount.com"})");
    std::string error;
    CHECK(read_cloud_settings(record, error) == s);
    CHECK(error.empty());
}

TEST_CASE("a Cloud settings record is data: unknown or odd members are ignored, a non-object refused",
          "[app][cloud_settings]") {
    std::string error;
    const CloudSettings s =
        read_cloud_settings(R"({"bucket": 7, "token": "ya29.x", "endpoint": "https://e", "x": {}})", error);
    CHECK(error.empty());
    CHECK(s.endpoint == "https://e");
    CHECK(s.bucket.empty());
    CHECK(write_cloud_settings(s) == R"({"endpoint":"https://e"})");
    CHECK(read_cloud_settings("[1]", error) == CloudSettings{});
    CHECK(error == "the saved Cloud settings are not a JSON object");
    read_cloud_settings("{\"endpoint\": ", error);
    CHECK(!error.empty());
}

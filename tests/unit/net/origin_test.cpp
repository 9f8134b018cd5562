// Origins typed as text (core/net/origin.hpp), the one reader behind GCS endpoints and Encord domains.
#include "net/origin.hpp"

#include <catch2/catch.hpp>

using namespace eic::net;

TEST_CASE("an origin's parts, as given", "[net][origin]") {
    const OriginRead a = read_origin("HTTPS://Storage.Example.com:8443/");
    REQUIRE(a.ok());
    CHECK(a.origin.scheme == "https");
    CHECK(a.origin.authority == "Storage.Example.com:8443");
    CHECK(a.origin.host == "Storage.Example.com");
    CHECK(a.origin.port == "8443");
    const OriginRead b = read_origin("http://[::1]:4010");
    REQUIRE(b.ok());
    CHECK(b.origin.host == "[::1]");
    CHECK(b.origin.port == "4010");
    const OriginRead c = read_origin("https://a_b.example");
    REQUIRE(c.ok());
    CHECK(c.origin.port.empty());
}

TEST_CASE("what is not an origin, and why", "[net][origin]") {
    struct Bad {
        const char* text;
        const char* says;
    };
    for (const Bad& b :
         {Bad{"host:80", "scheme"}, Bad{"1x://host", "scheme"}, Bad{"https://", "no host"},
          Bad{"https://:80", "no host"}, Bad{"https://host/path", "path"}, Bad{"https://host//", "path"},
          Bad{"https://host?q", "query"}, Bad{"https://host#f", "fragment"},
          Bad{"https://u:p@host", "user information"}, Bad{"https://host:", "port"}, Bad{"https://host:65536", "port"},
          Bad{"https://host:8o", "port"}, Bad{"https://ho st", "host"}, Bad{"https://host.", "'.'"},
          Bad{"https://[::1", "IPv6"}, Bad{"https://[::g]", "IPv6"}, Bad{"https://[::1]x", "IPv6"}}) {
        INFO(b.text);
        const OriginRead r = read_origin(b.text);
        CHECK_FALSE(r.ok());
        CHECK(r.problem.find(b.says) != std::string::npos);
    }
}

TEST_CASE("the origin of a URL is its text up to the path", "[net][origin]") {
    CHECK(origin_of_url("https://api.encord.com/v2/public/storage/folders?x=1") == "https://api.encord.com");
    CHECK(origin_of_url("http://127.0.0.1:8080") == "http://127.0.0.1:8080");
    CHECK(origin_of_url("http://[::1]:9000/b/o") == "http://[::1]:9000");
    CHECK(origin_of_url("not a url/with/slashes") == "not a url/with/slashes");
}

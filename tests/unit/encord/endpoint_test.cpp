// Encord API domains and URLs (core/encord/endpoint.hpp). Expected URLs were produced by Encord's SDK
// (encord-client-python 0.1.190: ApiClient._build_url and requests.Request(...).prepare()).
#include "encord/endpoint.hpp"

#include <catch2/catch.hpp>

#include "net/origin.hpp"

using namespace eic;
using namespace eic::encord;

TEST_CASE("Encord domains: https anywhere, http only on loopback", "[encord-api]") {
    CHECK(read_domain(kDefaultDomain).domain == "https://api.encord.com");
    CHECK(read_domain(kUsDomain).domain == "https://api.us.encord.com");
    CHECK(read_domain("  https://api.encord.com/ \n").domain == "https://api.encord.com");
    CHECK(read_domain("HTTPS://encord.example.org:8443").domain == "https://encord.example.org:8443");
    CHECK(read_domain("http://127.0.0.1:4010").domain == "http://127.0.0.1:4010");
    CHECK(read_domain("http://localhost:4010").domain == "http://localhost:4010");
    CHECK(read_domain("http://[::1]:4010").domain == "http://[::1]:4010");
    CHECK(read_domain("https://[2001:db8::1]").domain == "https://[2001:db8::1]");

    struct Bad {
        const char* text;
        const char* says;
    };
    for (const Bad& b :
         {Bad{"", "empty"}, Bad{"api.encord.com", "scheme"}, Bad{"http://api.encord.com", "loopback"},
          Bad{"http://127.0.0.1.example.com", "loopback"}, Bad{"ftp://api.encord.com", "not https"},
          Bad{"https://api.encord.com/v2/public", "path"}, Bad{"https://api.encord.com?x=1", "query"},
          Bad{"https://api.encord.com#top", "fragment"}, Bad{"https://user:pw@api.encord.com", "user information"},
          Bad{"https://api.encord.com:0", "port"}, Bad{"https://api.encord.com:99999", "port"},
          Bad{"https://api encord.com", "host"}, Bad{"https://.encord.com", "'.'"}, Bad{"https://", "no host"},
          Bad{"https://[::1", "IPv6"}}) {
        INFO(b.text);
        const DomainRead r = read_domain(b.text);
        CHECK_FALSE(r.ok());
        CHECK(r.domain.empty());
        CHECK(r.error.find(b.says) != std::string::npos);
        CHECK(r.error.find("https://api.encord.com, https://api.us.encord.com") != std::string::npos);
    }
}

TEST_CASE("loopback hosts", "[encord-api]") {
    for (const char* h : {"localhost", "LocalHost", "app.localhost", "127.0.0.1", "127.255.0.9", "[::1]"})
        CHECK(net::is_loopback_host(h));
    for (const char* h : {"localhost.example.com", "128.0.0.1", "127.0.0", "127.0.0.1.", "127.0.0.256", "1270.0.0.1",
                          "[::2]", "api.encord.com", ""})
        CHECK_FALSE(net::is_loopback_host(h));
}

TEST_CASE("URLs are built as the SDK builds them, with the request target the signature covers", "[encord-api]") {
    // The SDK's EncordUserClient.list_storage_folders(search="abc", org_access=False).
    const Query q = {{"search", "abc"}, {"isRecursive", python_bool(false)}, {"includeOrgAccess", python_bool(false)},
                     {"order", "name"}, {"desc", python_bool(false)},        {"pageSize", "100"}};
    const ApiUrl u = api_url("https://api.encord.com", "storage/folders", q);
    CHECK(u.url ==
          "https://api.encord.com/v2/public/storage/folders?search=abc&isRecursive=False&includeOrgAccess=False&"
          "order=name&desc=False&pageSize=100");
    CHECK(u.request_target ==
          "/v2/public/storage/folders?search=abc&isRecursive=False&includeOrgAccess=False&order=name&desc=False&"
          "pageSize=100");

    // A leading '/' of the path and a trailing '/' of the URL are dropped; no query, no '?'.
    const ApiUrl c = api_url("https://api.encord.com", "/storage/folders/x/cancel/");
    CHECK(c.url == "https://api.encord.com/v2/public/storage/folders/x/cancel");
    CHECK(c.request_target == "/v2/public/storage/folders/x/cancel");
    CHECK(api_url("https://api.encord.com", "/").url == "https://api.encord.com/v2/public");
    CHECK(api_url("http://127.0.0.1:4010/", "cloud-integrations").url ==
          "http://127.0.0.1:4010/v2/public/cloud-integrations");
    // Bytes a path must not carry are encoded, so they cannot start a query or a fragment.
    CHECK(api_url("https://h", "a b?c#d").request_target == "/v2/public/a%20b%3Fc%23d");
}

TEST_CASE("query values are quote_plus-encoded UTF-8; lists repeat their name", "[encord-api]") {
    CHECK(encode_query({}) == "");
    // requests: search='a b/ü&x', pageToken='tok/+='.
    CHECK(encode_query({{"search", "a b/\xC3\xBC&x"}, {"pageToken", "tok/+="}}) ==
          "search=a+b%2F%C3%BC%26x&pageToken=tok%2F%2B%3D");
    CHECK(encode_query({{"t", "My GCS"}, {"t", "x&y"}, {"k", "-_.~"}}) == "t=My+GCS&t=x%26y&k=-_.~");
    CHECK(std::string(python_bool(true)) == "True");
    CHECK(std::string(python_bool(false)) == "False");
}

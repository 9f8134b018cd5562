// GCS bucket and object name rules (https://cloud.google.com/storage/docs/buckets#naming, .../objects#naming).
#include "gcs/names.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace eic::gcs;

namespace {
std::vector<std::string> codes(const std::vector<NameIssue>& issues) {
    std::vector<std::string> out;
    for (const auto& i : issues) out.push_back(i.code);
    return out;
}
using V = std::vector<std::string>;
}  // namespace

TEST_CASE("bucket names: valid ones", "[gcs][names]") {
    for (const std::string ok : {std::string("my-bucket"), std::string("abc"), std::string("a1b2c3"),
                                 std::string("bucket-2024"), std::string(63, 'a')})
        CHECK(codes(check_bucket_name(ok)).empty());
}

TEST_CASE("bucket names: characters, length, edges", "[gcs][names]") {
    CHECK(codes(check_bucket_name("My-Bucket")) == V{"gcs.bucket.character"});
    CHECK(codes(check_bucket_name("my bucket")) == V{"gcs.bucket.character"});
    CHECK(codes(check_bucket_name("ab")) == V{"gcs.bucket.length"});
    CHECK(codes(check_bucket_name("")) == V{"gcs.bucket.length"});
    CHECK(codes(check_bucket_name(std::string(64, 'a'))) == V{"gcs.bucket.length"});
    CHECK(codes(check_bucket_name("-abc")) == V{"gcs.bucket.edge"});
    CHECK(codes(check_bucket_name("abc-")) == V{"gcs.bucket.edge"});
    CHECK(codes(check_bucket_name("abc.")) == V{"gcs.bucket.edge"});
}

TEST_CASE("bucket names: dots, IP addresses, google", "[gcs][names]") {
    CHECK(codes(check_bucket_name("data.example.com")) == V{"gcs.bucket.dots"});
    std::string long_dotted = std::string(63, 'a') + "." + std::string(63, 'b') + "." + std::string(63, 'c');
    CHECK(codes(check_bucket_name(long_dotted)) == V{"gcs.bucket.dots"});
    CHECK(codes(check_bucket_name(std::string(64, 'a') + ".com")) == V{"gcs.bucket.length"});
    CHECK(codes(check_bucket_name(std::string(220, 'a') + ".com")) == V{"gcs.bucket.length", "gcs.bucket.length"});
    CHECK(codes(check_bucket_name("192.168.5.4")) == V{"gcs.bucket.ip"});
    CHECK(codes(check_bucket_name("1.2.3")) == V{"gcs.bucket.dots"});
    CHECK(codes(check_bucket_name("goog-data")) == V{"gcs.bucket.google"});
    CHECK(codes(check_bucket_name("my-google-data")) == V{"gcs.bucket.google"});
    CHECK(codes(check_bucket_name("my-g00gle-data")) == V{"gcs.bucket.google"});
    CHECK(codes(check_bucket_name("my_bucket")) == V{"gcs.bucket.dns"});
    CHECK(codes(check_bucket_name("a..b")) == V{"gcs.bucket.dns"});
    CHECK(codes(check_bucket_name("a-.b")) == V{"gcs.bucket.dns"});
    auto dns = check_bucket_name("my_bucket");
    CHECK_FALSE(dns[0].error);
    CHECK(check_bucket_name("ab")[0].error);
}

TEST_CASE("object names", "[gcs][names]") {
    CHECK(codes(check_object_name("images/2024/cat.jpg")).empty());
    CHECK(codes(check_object_name("\xC3\xA9t\xC3\xA9.png")).empty());
    CHECK(codes(check_object_name("")) == V{"gcs.object.length"});
    CHECK(codes(check_object_name(std::string(1024, 'a'))).empty());
    CHECK(codes(check_object_name(std::string(1025, 'a'))) == V{"gcs.object.length"});
    CHECK(codes(check_object_name("a\nb")) == V{"gcs.object.newline"});
    CHECK(codes(check_object_name("a\rb")) == V{"gcs.object.newline"});
    CHECK(codes(check_object_name(".")) == V{"gcs.object.dot"});
    CHECK(codes(check_object_name("..")) == V{"gcs.object.dot"});
    CHECK(codes(check_object_name("...")).empty());
    CHECK(codes(check_object_name(".well-known/acme-challenge/x")) == V{"gcs.object.acme"});
    CHECK(codes(check_object_name(".well-known/acme-challengex")).empty());
    CHECK(codes(check_object_name("a\xFF")) == V{"gcs.object.utf8"});
    CHECK(codes(check_object_name("a\x7F")) == V{"gcs.object.control"});
    CHECK(codes(check_object_name("a\xC2\x90")) == V{"gcs.object.control"});
    CHECK(codes(check_object_name("a\xC2\x85")).empty());  // U+0085 is allowed
    CHECK(codes(check_object_name("a#1")) == V{"gcs.object.hash"});
    CHECK(codes(check_object_name("a[1]*?")) == V{"gcs.object.wildcard"});
    CHECK_FALSE(check_object_name("a#1")[0].error);
}

TEST_CASE("UTF-8 validity", "[gcs][names]") {
    CHECK(is_valid_utf8("plain"));
    CHECK(is_valid_utf8("\xF0\x9F\x98\x80"));
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    CHECK_FALSE(is_valid_utf8("\xE2\x82"));          // truncated
}

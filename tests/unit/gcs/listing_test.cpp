// Listing pages (core/gcs/listing.hpp): the request's parameters for each API, and GCS's answers read
// into one shape, bad documents included.
#include "gcs/listing.hpp"

#include <catch2/catch.hpp>

using namespace eic;
using gcs::ListingErrorKind;

namespace {

std::string query_value(const gcs::ProbeTarget& t, const std::string& name) {
    for (const auto& [n, v] : t.query)
        if (n == name) return v;
    return "<absent>";
}

// A ListBucketResult as GCS writes it (namespace and all), with `contents` inside.
std::string list_result(const std::string& contents, const std::string& tail = "<IsTruncated>false</IsTruncated>") {
    return "<?xml version='1.0' encoding='UTF-8'?>"
           "<ListBucketResult xmlns='http://doc.s3.amazonaws.com/2006-03-01'><Name>b-1</Name><Prefix>p/</Prefix>"
           "<KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys>" +
           contents + tail + "</ListBucketResult>";
}

std::string contents(const std::string& key, const std::string& size = "1") {
    return "<Contents><Key>" + key +
           "</Key><Generation>1700000000000001</Generation><MetaGeneration>1</MetaGeneration>"
           "<LastModified>2023-11-13T10:00:00.000Z</LastModified><ETag>\"abc\"</ETag><Size>" +
           size + "</Size></Contents>";
}

std::string malformed_message(const gcs::ParsedListing& p) {
    REQUIRE_FALSE(p.ok());
    CHECK(p.error->kind == ListingErrorKind::malformed);
    return p.error->message;
}

}  // namespace

TEST_CASE("listing: XML API page request (list-type=2, max-keys, continuation-token)", "[listing]") {
    gcs::ListingQuery q;
    q.prefix = "raw/2024 é/";
    q.delimiter = "/";
    q.max_per_page = 500;
    auto t = gcs::listing_target("b-1", q, gcs::ProbeApi::xml);
    CHECK(t.method == "GET");
    CHECK(t.bucket == "b-1");
    CHECK(t.object.empty());
    CHECK(t.query ==
          gcs::NameValues{{"list-type", "2"}, {"prefix", "raw/2024 é/"}, {"delimiter", "/"}, {"max-keys", "500"}});
    q.token = "CgRhLmpwZw==";
    q.delimiter.clear();
    t = gcs::listing_target("b-1", q, gcs::ProbeApi::xml);
    CHECK(query_value(t, "continuation-token") == "CgRhLmpwZw==");
    CHECK(query_value(t, "delimiter") == "<absent>");
}

TEST_CASE("listing: JSON API page request (pageToken, maxResults)", "[listing]") {
    gcs::ListingQuery q;
    q.prefix = "a/";
    q.token = "tok";
    const auto t = gcs::listing_target("b-1", q, gcs::ProbeApi::json);
    CHECK(t.method == "GET");
    CHECK(t.object.empty());
    CHECK(t.query == gcs::NameValues{{"prefix", "a/"}, {"maxResults", "1000"}, {"pageToken", "tok"}});
}

TEST_CASE("listing: an XML page with escaped and non-ASCII names, prefixes and a next token", "[listing]") {
    const std::string body =
        list_result(contents("p/a&amp;b &lt;1&gt;.jpg", "1234") + contents("p/caf\xC3\xA9 &#233;&#x1F600;.png") +
                        contents("p/<![CDATA[x&y]]>.jpg") + contents(" ") + contents("p/big.mp4", "5497558138880"),
                    "<CommonPrefixes><Prefix>p/sub/</Prefix></CommonPrefixes><CommonPrefixes><Prefix>p/t&amp;u/"
                    "</Prefix></CommonPrefixes><IsTruncated>true</IsTruncated>"
                    "<NextContinuationToken>CgpwL2JpZy5tcDQ=</NextContinuationToken>");
    const auto p = gcs::parse_listing_xml(body);
    REQUIRE(p.ok());
    REQUIRE(p.page.objects.size() == 5);
    CHECK(p.page.objects[0].name == "p/a&b <1>.jpg");
    CHECK(p.page.objects[0].size == 1234);
    CHECK(p.page.objects[0].updated == "2023-11-13T10:00:00.000Z");
    CHECK(p.page.objects[0].etag == "\"abc\"");
    CHECK(p.page.objects[0].generation == "1700000000000001");
    CHECK(p.page.objects[0].content_type.empty());  // XML lists carry none
    CHECK(p.page.objects[1].name == "p/caf\xC3\xA9 \xC3\xA9\xF0\x9F\x98\x80.png");
    CHECK(p.page.objects[2].name == "p/x&y.jpg");
    CHECK(p.page.objects[3].name == " ");  // whitespace is a name too
    CHECK(p.page.objects[4].size == 5497558138880u);
    CHECK(p.page.prefixes == std::vector<std::string>{"p/sub/", "p/t&u/"});
    CHECK(p.page.truncated);
    CHECK(p.page.next_token == "CgpwL2JpZy5tcDQ=");
    CHECK(gcs::parse_listing(body, gcs::ProbeApi::xml).page.objects.size() == 5);
}

TEST_CASE("listing: XML in other encodings is read as UTF-8", "[listing]") {
    SECTION("ISO-8859-1, as declared") {
        const auto p = gcs::parse_listing_xml(
            "<?xml version='1.0' encoding='ISO-8859-1'?><ListBucketResult><Contents><Key>caf\xE9.jpg</Key>"
            "<Size>3</Size></Contents></ListBucketResult>");
        REQUIRE(p.ok());
        CHECK(p.page.objects.at(0).name == "caf\xC3\xA9.jpg");
    }
    SECTION("UTF-16LE with a byte order mark") {
        const std::string ascii =
            "<ListBucketResult><Contents><Key>caf?.jpg</Key><Size>3</Size></Contents>"
            "<IsTruncated>false</IsTruncated></ListBucketResult>";
        std::string body = "\xFF\xFE";
        for (char c : ascii) {
            body += c == '?' ? '\xE9' : c;
            body += '\0';
        }
        const auto p = gcs::parse_listing_xml(body);
        REQUIRE(p.ok());
        CHECK(p.page.objects.at(0).name == "caf\xC3\xA9.jpg");
        CHECK_FALSE(p.page.truncated);
    }
}

TEST_CASE("listing: an empty XML page is complete", "[listing]") {
    const auto p = gcs::parse_listing_xml(list_result(""));
    REQUIRE(p.ok());
    CHECK(p.page.objects.empty());
    CHECK_FALSE(p.page.truncated);
    CHECK(p.page.next_token.empty());
}

TEST_CASE("listing: a JSON API page (size as a string, content type, md5)", "[listing]") {
    const std::string body = R"({"kind": "storage#objects", "nextPageToken": "CgVhLmpwZw==",
      "prefixes": ["p/sub/"],
      "items": [
        {"kind": "storage#object", "name": "p/caf\u00e9 #1.jpg", "bucket": "b-1", "size": "1234",
         "contentType": "image/jpeg", "updated": "2023-11-13T10:00:00.000Z", "md5Hash": "rL0Y20zC+Fzt72VPzMSk2A==",
         "etag": "CJ/1", "generation": "1700000000000001"},
        {"name": "p/no-type", "size": "0"}
      ]})";
    const auto p = gcs::parse_listing_json(body);
    REQUIRE(p.ok());
    REQUIRE(p.page.objects.size() == 2);
    const auto& o = p.page.objects[0];
    CHECK(o.name == "p/caf\xC3\xA9 #1.jpg");
    CHECK(o.size == 1234);
    CHECK(o.content_type == "image/jpeg");
    CHECK(o.updated == "2023-11-13T10:00:00.000Z");
    CHECK(o.md5 == "rL0Y20zC+Fzt72VPzMSk2A==");
    CHECK(o.etag == "CJ/1");
    CHECK(o.generation == "1700000000000001");
    CHECK(p.page.objects[1].content_type.empty());
    CHECK(p.page.prefixes == std::vector<std::string>{"p/sub/"});
    CHECK(p.page.truncated);
    CHECK(p.page.next_token == "CgVhLmpwZw==");

    const auto last = gcs::parse_listing(R"({"kind": "storage#objects"})", gcs::ProbeApi::json);
    REQUIRE(last.ok());
    CHECK(last.page.objects.empty());
    CHECK_FALSE(last.page.truncated);
}

TEST_CASE("listing: GCS's error documents are typed errors with GCS's code and message", "[listing]") {
    SECTION("XML") {
        const auto p = gcs::parse_listing_xml(
            "<?xml version='1.0' encoding='UTF-8'?><Error><Code>NoSuchBucket</Code><Message>The specified bucket "
            "does not exist.</Message></Error>");
        REQUIRE_FALSE(p.ok());
        CHECK(p.error->kind == ListingErrorKind::gcs);
        CHECK(p.error->code == "NoSuchBucket");
        CHECK(p.error->message == "The specified bucket does not exist.");
    }
    SECTION("JSON") {
        const auto p = gcs::parse_listing_json(
            R"({"error": {"code": 404, "message": "The specified bucket does not exist.",
                "errors": [{"domain": "global", "reason": "notFound", "message": "The specified bucket does not exist."}]}})");
        REQUIRE_FALSE(p.ok());
        CHECK(p.error->kind == ListingErrorKind::gcs);
        CHECK(p.error->code == "notFound");
        CHECK(p.error->status == 404);
        CHECK(p.error->message == "The specified bucket does not exist.");
    }
    SECTION("a non-2xx body, either API's, or neither") {
        auto e =
            gcs::listing_error_from(403, "<Error><Code>AccessDenied</Code><Message>Access denied.</Message></Error>");
        CHECK(e.kind == ListingErrorKind::gcs);
        CHECK(e.status == 403);
        CHECK(e.code == "AccessDenied");
        e = gcs::listing_error_from(
            401, R"({"error": {"code": 401, "message": "Login Required", "errors": [{"reason": "required"}]}})");
        CHECK(e.kind == ListingErrorKind::gcs);
        CHECK(e.code == "required");
        CHECK(e.message == "Login Required");
        e = gcs::listing_error_from(502, "<html><body>Bad Gateway</body></html>");
        CHECK(e.kind == ListingErrorKind::http);
        CHECK(e.status == 502);
        CHECK(e.message == "HTTP 502");
    }
}

TEST_CASE("listing: bad XML documents are clear errors", "[listing]") {
    CHECK(malformed_message(gcs::parse_listing_xml("")) == "The answer is not an XML document.");
    CHECK(malformed_message(gcs::parse_listing_xml("{\"kind\": \"storage#objects\"}")) ==
          "The answer is not an XML document.");
    CHECK(malformed_message(gcs::parse_listing_xml("<ListBucketResult><Contents>")) ==
          "The answer is not an XML document.");
    CHECK(malformed_message(gcs::parse_listing_xml("<ListAllMyBucketsResult/>")) ==
          "The XML answer is <ListAllMyBucketsResult>, not a <ListBucketResult>.");
    CHECK(malformed_message(gcs::parse_listing_xml(list_result("<Contents><Size>1</Size></Contents>"))) ==
          "Object 1 of the listing (<Contents>) has no <Key>.");
    for (const char* size : {"12a", "-1", "", " 1", "1.5", "18446744073709551616", "99999999999999999999999"}) {
        INFO(size);
        CHECK(malformed_message(gcs::parse_listing_xml(list_result(contents("x.jpg", size))))
                  .find("<Size> of \"x.jpg\"") != std::string::npos);
    }
    // 2^64 - 1 is the largest size read
    const auto max = gcs::parse_listing_xml(list_result(contents("x.jpg", "18446744073709551615")));
    REQUIRE(max.ok());
    CHECK(max.page.objects[0].size == 18446744073709551615u);
    CHECK(malformed_message(gcs::parse_listing_xml(list_result("", "<IsTruncated>maybe</IsTruncated>"))) ==
          "<IsTruncated> is \"maybe\", not true or false.");
}

TEST_CASE("listing: bad JSON documents are clear errors", "[listing]") {
    CHECK(malformed_message(gcs::parse_listing_json("<ListBucketResult/>")) == "The answer is not a JSON document.");
    CHECK(malformed_message(gcs::parse_listing_json("[1]")) == "The JSON answer is not an object.");
    CHECK(malformed_message(gcs::parse_listing_json(R"({"kind": "storage#buckets"})")).find("storage#objects") !=
          std::string::npos);
    CHECK(malformed_message(gcs::parse_listing_json(R"({"items": {}})")) == "\"items\" is not an array.");
    CHECK(malformed_message(gcs::parse_listing_json(R"({"items": [{"size": "1"}]})")) ==
          "Item 1 of the listing has no \"name\".");
    CHECK(malformed_message(gcs::parse_listing_json(R"({"items": [7]})")) == "Item 1 of the listing is not an object.");
    for (const char* size : {R"("abc")", R"("-1")", "1.5", "-1", R"("18446744073709551616")", "1e400", "true"}) {
        INFO(size);
        const std::string body = std::string(R"({"items": [{"name": "x.jpg", "size": )") + size + "}]}";
        const auto p = gcs::parse_listing_json(body);
        REQUIRE_FALSE(p.ok());
        CHECK(p.error->kind == ListingErrorKind::malformed);
    }
    CHECK(malformed_message(gcs::parse_listing_json(R"({"items": [{"name": "x", "contentType": 5}]})")) ==
          "An attribute of \"x\" is not a string.");
    CHECK(malformed_message(gcs::parse_listing_json(R"({"prefixes": [1]})")) ==
          "An entry of \"prefixes\" is not a string.");
    CHECK(malformed_message(gcs::parse_listing_json(R"({"nextPageToken": 3})")) ==
          "\"nextPageToken\" is not a string.");
}

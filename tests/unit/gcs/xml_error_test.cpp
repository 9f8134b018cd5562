// GCS's XML error documents (core/gcs/xml_error.hpp), read with pugixml.
#include "gcs/xml_error.hpp"

#include <catch2/catch.hpp>

using namespace eic;

TEST_CASE("xml error: code, message and the server's signing strings, decoded as XML", "[gcs][listing]") {
    const auto e = gcs::parse_xml_error(
        "<?xml version='1.0' encoding='UTF-8'?>\n<Error>\n  <Code>SignatureDoesNotMatch</Code>\n"
        "  <Message>Access denied &#8212; &quot;b&amp;c&quot;.</Message>\n  <Details><![CDATA[a<b]]> "
        "&#x263A;</Details>\n"
        "  <StringToSign>GOOG4-RSA-SHA256\r\n20231114T221320Z</StringToSign>\n"
        "  <CanonicalRequest>GET\n/b-1/x\nX-Goog-Date=1&amp;X-Goog-Expires=900\n</CanonicalRequest>\n</Error>\n");
    REQUIRE(e);
    CHECK(e->code == "SignatureDoesNotMatch");
    CHECK(e->message == "Access denied \xE2\x80\x94 \"b&c\".");
    CHECK(e->details == "a<b \xE2\x98\xBA");
    CHECK(e->string_to_sign == "GOOG4-RSA-SHA256\n20231114T221320Z");  // line ends normalised (XML 1.0 2.11)
    CHECK(e->canonical_request == "GET\n/b-1/x\nX-Goog-Date=1&X-Goog-Expires=900\n");
}

TEST_CASE("xml error: absent children are empty; other documents are no error", "[gcs][listing]") {
    const auto e = gcs::parse_xml_error("<Error><Code>AccessDenied</Code></Error>");
    REQUIRE(e);
    CHECK(e->code == "AccessDenied");
    CHECK(e->message.empty());
    CHECK(e->canonical_request.empty());
    CHECK_FALSE(gcs::parse_xml_error(""));
    CHECK_FALSE(gcs::parse_xml_error("Forbidden"));
    CHECK_FALSE(gcs::parse_xml_error("<html><body>Error</body></html>"));
    CHECK_FALSE(gcs::parse_xml_error("<ListBucketResult/>"));
    CHECK_FALSE(gcs::parse_xml_error("<Error><Code>x</Code>"));  // not well-formed
    CHECK_FALSE(gcs::parse_xml_error(R"({"error": {"code": 403}})"));
}

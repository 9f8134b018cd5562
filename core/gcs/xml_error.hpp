// GCS's XML API error documents (https://cloud.google.com/storage/docs/xml-api/reference-status): an
// <Error> root with <Code> and <Message>, often <Details>, and for SignatureDoesNotMatch the server's own
// <StringToSign> and <CanonicalRequest> (observed responses, quoted in gcs/object_check.hpp).
//
// Read with pugixml (docs/dependencies.md), so entities, character references, CDATA sections and
// declared encodings are decoded as XML 1.0 says; the text of each element is returned as UTF-8.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace eic::gcs {

struct XmlError {
    std::string code;  // "AccessDenied", "NoSuchBucket", "SignatureDoesNotMatch", ...
    std::string message;
    std::string details;
    std::string string_to_sign;     // what GCS signed (SignatureDoesNotMatch)
    std::string canonical_request;  // what GCS computed (SignatureDoesNotMatch)
};

// The error a body holds; nullopt when it is not an XML document whose root element is <Error> (an empty
// body, JSON, HTML, another XML document). Absent children are empty strings.
std::optional<XmlError> parse_xml_error(std::string_view body);

}  // namespace eic::gcs

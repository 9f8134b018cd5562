#include "gcs/xml_error.hpp"

#include "gcs/xml_text.hpp"

namespace eic::gcs {

std::optional<XmlError> parse_xml_error(std::string_view body) {
    pugi::xml_document doc;
    if (!xml::load(doc, body)) return std::nullopt;
    const pugi::xml_node root = doc.document_element();
    if (std::string_view(root.name()) != "Error") return std::nullopt;
    XmlError e;
    e.code = xml::text(root.child("Code"));
    e.message = xml::text(root.child("Message"));
    e.details = xml::text(root.child("Details"));
    e.string_to_sign = xml::text(root.child("StringToSign"));
    e.canonical_request = xml::text(root.child("CanonicalRequest"));
    return e;
}

}  // namespace eic::gcs

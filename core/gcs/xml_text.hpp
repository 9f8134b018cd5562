// How eic reads GCS's XML documents with pugixml (docs/dependencies.md): one set of parse options and
// the text of an element. Internal to core/gcs's .cpp files: no public header includes pugixml.
#pragma once

#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace eic::gcs::xml {

// XML 1.0 as written: entities and character references decoded, CDATA kept, line ends normalised
// (§2.11), and text that is only whitespace kept, because an object may be named " ".
inline constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata;

// Parses `body` (its encoding detected from a BOM or the declaration; UTF-8 otherwise) into `doc`.
inline bool load(pugi::xml_document& doc, std::string_view body) {
    return bool(doc.load_buffer(body.data(), body.size(), kParseOptions, pugi::encoding_auto));
}

// The element's character data as UTF-8: every text and CDATA child, in order ("a<![CDATA[&]]>b" is
// "a&b"); empty for an absent element.
inline std::string text(const pugi::xml_node& element) {
    std::string out;
    for (const pugi::xml_node& c : element.children())
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
    return out;
}

}  // namespace eic::gcs::xml

#include "gcs/listing.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

#include "gcs/xml_error.hpp"
#include "gcs/xml_text.hpp"

namespace eic::gcs {
namespace {

ParsedListing malformed(std::string message) {
    ParsedListing out;
    out.error = ListingError{ListingErrorKind::malformed, 0, "", std::move(message)};
    return out;
}

// A decimal uint64 written with digits only ("0", "1234"); nullopt for a sign, spaces, a fraction or a
// value past 2^64 - 1.
std::optional<std::uint64_t> decimal_u64(std::string_view s) {
    if (s.empty()) return std::nullopt;
    for (char c : s)
        if (c < '0' || c > '9') return std::nullopt;
    std::uint64_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

// At most this much of a value is quoted in a message.
std::string shown(std::string_view s) {
    constexpr std::size_t kMax = 60;
    return "\"" + std::string(s.substr(0, kMax)) + (s.size() > kMax ? "...\"" : "\"");
}

std::optional<ListingError> json_error(const nlohmann::json& doc, int status) {
    if (!doc.is_object() || !doc.contains("error") || !doc["error"].is_object()) return std::nullopt;
    const nlohmann::json& e = doc["error"];
    ListingError out{ListingErrorKind::gcs, status, "", ""};
    if (e.contains("message") && e["message"].is_string()) out.message = e["message"].get<std::string>();
    if (out.status == 0 && e.contains("code") && e["code"].is_number_integer()) out.status = e["code"].get<int>();
    // The reason of the first entry ("notFound", "forbidden", "required") is the JSON API's error code
    // (https://cloud.google.com/storage/docs/json_api/v1/status-codes).
    if (e.contains("errors") && e["errors"].is_array() && !e["errors"].empty()) {
        const nlohmann::json& first = e["errors"][0];
        if (first.is_object() && first.contains("reason") && first["reason"].is_string())
            out.code = first["reason"].get<std::string>();
    }
    return out;
}

const nlohmann::json* member(const nlohmann::json& o, const char* name) {
    auto it = o.find(name);
    return it == o.end() ? nullptr : &*it;
}

// An optional string member; false when present and not a string.
bool optional_string(const nlohmann::json& o, const char* name, std::string& out) {
    const nlohmann::json* v = member(o, name);
    if (!v || v->is_null()) return true;
    if (!v->is_string()) return false;
    out = v->get<std::string>();
    return true;
}

}  // namespace

const char* listing_error_kind_name(ListingErrorKind kind) {
    switch (kind) {
        case ListingErrorKind::gcs:
            return "GCS error";
        case ListingErrorKind::http:
            return "HTTP error";
        case ListingErrorKind::malformed:
            return "unreadable listing";
        case ListingErrorKind::no_answer:
            return "no answer";
        case ListingErrorKind::signing:
            return "not signed";
        case ListingErrorKind::loop:
            return "repeated page";
    }
    return "";
}

ProbeTarget listing_target(std::string_view bucket, const ListingQuery& query, ProbeApi api) {
    const bool xml = api == ProbeApi::xml;
    ProbeTarget t;
    t.method = "GET";
    t.bucket = std::string(bucket);
    if (xml) t.query.emplace_back("list-type", "2");
    if (!query.prefix.empty()) t.query.emplace_back("prefix", query.prefix);
    if (!query.delimiter.empty()) t.query.emplace_back("delimiter", query.delimiter);
    t.query.emplace_back(xml ? "max-keys" : "maxResults", std::to_string(query.max_per_page));
    if (!query.token.empty()) t.query.emplace_back(xml ? "continuation-token" : "pageToken", query.token);
    return t;
}

ParsedListing parse_listing_xml(std::string_view body) {
    pugi::xml_document doc;
    if (!xml::load(doc, body)) return malformed("The answer is not an XML document.");
    const pugi::xml_node root = doc.document_element();
    const std::string_view root_name = root.name();
    if (root_name == "Error") {
        const auto e = parse_xml_error(body);
        ParsedListing out;
        out.error = ListingError{ListingErrorKind::gcs, 0, e ? e->code : "", e ? e->message : ""};
        return out;
    }
    if (root_name != "ListBucketResult")
        return malformed("The XML answer is <" + std::string(root_name) + ">, not a <ListBucketResult>.");
    ParsedListing out;
    ListingPage& page = out.page;
    std::size_t index = 0;
    for (const pugi::xml_node& c : root.children("Contents")) {
        ++index;
        ListedObject o;
        o.name = xml::text(c.child("Key"));
        if (o.name.empty())
            return malformed("Object " + std::to_string(index) + " of the listing (<Contents>) has no <Key>.");
        if (const pugi::xml_node size = c.child("Size")) {
            const std::string text = xml::text(size);
            const auto v = decimal_u64(text);
            if (!v)
                return malformed("The <Size> of " + shown(o.name) + " is " + shown(text) +
                                 ", not a whole number of bytes below 2^64.");
            o.size = *v;
        }
        o.updated = xml::text(c.child("LastModified"));
        o.etag = xml::text(c.child("ETag"));
        o.generation = xml::text(c.child("Generation"));
        page.objects.push_back(std::move(o));
    }
    for (const pugi::xml_node& p : root.children("CommonPrefixes"))
        for (const pugi::xml_node& prefix : p.children("Prefix")) page.prefixes.push_back(xml::text(prefix));
    const std::string truncated = xml::text(root.child("IsTruncated"));
    if (truncated == "true") {
        page.truncated = true;
    } else if (!truncated.empty() && truncated != "false") {
        return malformed("<IsTruncated> is " + shown(truncated) + ", not true or false.");
    }
    page.next_token = xml::text(root.child("NextContinuationToken"));
    return out;
}

ParsedListing parse_listing_json(std::string_view body) {
    const nlohmann::json doc = nlohmann::json::parse(body.begin(), body.end(), nullptr, false);
    if (doc.is_discarded()) return malformed("The answer is not a JSON document.");
    if (auto e = json_error(doc, 0)) {
        ParsedListing out;
        out.error = std::move(e);
        return out;
    }
    if (!doc.is_object()) return malformed("The JSON answer is not an object.");
    std::string kind;
    if (!optional_string(doc, "kind", kind) || (!kind.empty() && kind != "storage#objects"))
        return malformed("The JSON answer is not a storage#objects listing (kind " + shown(kind) + ").");
    ParsedListing out;
    ListingPage& page = out.page;
    if (const nlohmann::json* items = member(doc, "items")) {
        if (!items->is_array()) return malformed("\"items\" is not an array.");
        std::size_t index = 0;
        for (const nlohmann::json& item : *items) {
            ++index;
            const std::string where = "Item " + std::to_string(index) + " of the listing";
            if (!item.is_object()) return malformed(where + " is not an object.");
            ListedObject o;
            if (!optional_string(item, "name", o.name) || o.name.empty()) return malformed(where + " has no \"name\".");
            // "size" is a string holding a uint64 (the discovery document's Object schema); a number is
            // taken too when it is a whole one.
            if (const nlohmann::json* size = member(item, "size"); size && !size->is_null()) {
                std::optional<std::uint64_t> v;
                if (size->is_string()) v = decimal_u64(size->get_ref<const std::string&>());
                if (size->is_number_unsigned()) v = size->get<std::uint64_t>();
                if (!v)
                    return malformed("The \"size\" of " + shown(o.name) + " is " + shown(size->dump()) +
                                     ", not a whole number of bytes below 2^64.");
                o.size = *v;
            }
            if (!optional_string(item, "contentType", o.content_type) || !optional_string(item, "updated", o.updated) ||
                !optional_string(item, "md5Hash", o.md5) || !optional_string(item, "etag", o.etag))
                return malformed("An attribute of " + shown(o.name) + " is not a string.");
            if (const nlohmann::json* g = member(item, "generation"); g && (g->is_string() || g->is_number_integer()))
                o.generation = g->is_string() ? g->get<std::string>() : g->dump();
            page.objects.push_back(std::move(o));
        }
    }
    if (const nlohmann::json* prefixes = member(doc, "prefixes")) {
        if (!prefixes->is_array()) return malformed("\"prefixes\" is not an array.");
        for (const nlohmann::json& p : *prefixes) {
            if (!p.is_string()) return malformed("An entry of \"prefixes\" is not a string.");
            page.prefixes.push_back(p.get<std::string>());
        }
    }
    if (!optional_string(doc, "nextPageToken", page.next_token)) return malformed("\"nextPageToken\" is not a string.");
    page.truncated = !page.next_token.empty();
    return out;
}

ParsedListing parse_listing(std::string_view body, ProbeApi api) {
    return api == ProbeApi::json ? parse_listing_json(body) : parse_listing_xml(body);
}

ListingError listing_error_from(int status, std::string_view body) {
    if (const auto e = parse_xml_error(body)) return ListingError{ListingErrorKind::gcs, status, e->code, e->message};
    const nlohmann::json doc = nlohmann::json::parse(body.begin(), body.end(), nullptr, false);
    if (!doc.is_discarded())
        if (auto e = json_error(doc, status)) return *e;
    return ListingError{ListingErrorKind::http, status, "", "HTTP " + std::to_string(status)};
}

}  // namespace eic::gcs

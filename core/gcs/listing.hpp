// One page of a bucket listing: the request (a ProbeTarget for gcs/probe_signer.hpp) and the reading of
// GCS's answer, from either API, into one shape. gcs/listing_job.hpp pages through a whole prefix.
//
// XML API (https://cloud.google.com/storage/docs/xml-api/get-bucket-list): GET on the bucket with
//   list-type=2            the listing version whose paging is continuation-token (the default, 1, pages
//                          with marker/NextMarker)
//   prefix, delimiter      only names that start with prefix; with a delimiter, names that go on past it
//                          are rolled up into CommonPrefixes
//   max-keys               objects per page (GCS returns at most 1,000)
//   continuation-token     the previous page's NextContinuationToken
// and the answer is a ListBucketResult: Contents (Key, Generation, MetaGeneration, LastModified, ETag,
// Size, ...), CommonPrefixes/Prefix, IsTruncated, NextContinuationToken. XML lists carry no content type.
//
// JSON API (objects.list, https://cloud.google.com/storage/docs/json_api/v1/objects/list):
// GET https://storage.googleapis.com/storage/v1/b/BUCKET/o with prefix, delimiter, pageToken and
// maxResults, answered by {"kind": "storage#objects", "items": [Object], "prefixes": [...],
// "nextPageToken": ...}; an Object's size is a string (uint64), and it has contentType, updated and
// md5Hash (https://cloud.google.com/storage/docs/json_api/v1/objects#resource).
//
// Which parameter names a request uses follows the signer's API (ProbeSigner::api()).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gcs/probe_signer.hpp"

namespace eic::gcs {

struct ListingQuery {
    std::string prefix;     // empty: the whole bucket
    std::string delimiter;  // empty: every object under the prefix, however deep; "/": one folder level
    std::uint32_t max_per_page = 1000;
    std::string token;  // the previous page's continuation token; empty: the first page
};

// The GET that lists one page of `bucket` (object empty: the bucket itself), parameters named for `api`.
ProbeTarget listing_target(std::string_view bucket, const ListingQuery& query, ProbeApi api);

struct ListedObject {
    std::string name;  // raw UTF-8, decoded from the document
    std::uint64_t size = 0;
    std::string content_type;  // JSON API contentType; empty when unknown (XML lists carry none)
    std::string updated;       // XML LastModified or JSON updated, RFC 3339 as sent
    std::string etag;          // XML ETag as sent (quoted) or JSON etag
    std::string md5;           // JSON md5Hash (base64); empty from XML and for composite objects
    std::string generation;    // decimal, as sent; empty when absent
};

struct ListingPage {
    std::vector<ListedObject> objects;
    std::vector<std::string> prefixes;  // CommonPrefixes / prefixes (with a delimiter)
    std::string next_token;             // NextContinuationToken / nextPageToken; empty on the last page
    bool truncated = false;             // more pages follow (XML IsTruncated; JSON: a nextPageToken)
};

enum class ListingErrorKind {
    gcs,        // GCS answered with an error document (XML <Error>, JSON {"error": ...}): code and message are GCS's
    http,       // a status that is not 2xx, without an error document eic can read
    malformed,  // a 2xx answer that is not a listing eic can read (message says why)
    no_answer,  // no HTTP answer: network, CORS, the page's policy, or a timeout (retries included)
    signing,    // the request could not be made (the signer's reason)
    loop,       // a continuation token came back that was used before: paging would never end
};

const char* listing_error_kind_name(ListingErrorKind kind);

struct ListingError {
    ListingErrorKind kind = ListingErrorKind::malformed;
    int status = 0;       // the HTTP status; 0 when there was none
    std::string code;     // GCS's: XML <Code> ("NoSuchBucket"), JSON errors[0].reason ("notFound"); else ""
    std::string message;  // GCS's <Message> / error.message, or eic's words
};

// A page read, or why not.
struct ParsedListing {
    ListingPage page;
    std::optional<ListingError> error;
    bool ok() const { return !error; }
};

// An XML ListBucketResult, or the <Error> it is instead (kind gcs). Anything else (not XML, another root
// element, a Contents without Key, a Size that is not a decimal uint64) is a `malformed` error that says
// what was wrong; a document is never half-read into a page.
ParsedListing parse_listing_xml(std::string_view body);
// A JSON API storage#objects resource, or its {"error": {...}} (kind gcs), likewise.
ParsedListing parse_listing_json(std::string_view body);
ParsedListing parse_listing(std::string_view body, ProbeApi api);

// GCS's error in a body that is not 2xx (either API's document), with `status`; kind http when the
// body holds none.
ListingError listing_error_from(int status, std::string_view body);

}  // namespace eic::gcs

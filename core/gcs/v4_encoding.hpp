// The byte-level rules of GCS V4 canonical requests
// (https://cloud.google.com/storage/docs/authentication/canonical-requests): percent-encoding and header
// value canonicalisation. Pure functions over UTF-8 bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace eic::gcs {

// Every byte except RFC 3986's unreserved characters (section 2.3: A-Z a-z 0-9 - . _ ~) as %XX with
// upper-case hex (section 2.1); a space is %20, never '+'. The rule for query names and values, and what
// Google's client libraries apply to object names (the doc's minimum, "?=!#$&'()*+,:;@[]\"", is a subset).
std::string percent_encode(std::string_view bytes);

// RFC 3986 section 2.1 percent-decoding; nullopt on a '%' not followed by two hex digits. '+' stays '+':
// it means a space only in form-encoded queries, not in paths or V4 query strings.
std::optional<std::string> percent_decode(std::string_view s);

// An object name in a URL path: percent_encode, except that '/' stays the separator, so "a b/c&d" is
// "a%20b/c%26d" and a leading '/' is kept ("/x" gives the path "/BUCKET//x", published vectors 5 and 6).
std::string encode_object_path(std::string_view object);

// A header value as the canonical headers carry it: leading and trailing whitespace removed, and every
// run of whitespace inside (spaces, tabs, folded line breaks) one space ("\tabc\t\t def\t" -> "abc def").
std::string canonical_header_value(std::string_view value);

// ASCII letters folded to lower case; other bytes unchanged (header names are compared this way).
std::string ascii_lower(std::string_view s);

}  // namespace eic::gcs

// Where Encord's v2 API is and how its URLs are written, as Encord's Python SDK does
// (encord-team/encord-client-python, `encord/http/v2/api_client.py`, ApiClient._build_url, and the
// `requests` library it prepares requests with).
//
// Domains: https://api.encord.com (the default, `encord/configs.py` ENCORD_DOMAIN), https://api.us.encord.com
// (the US region: https://docs.encord.com/sdk-documentation/general-sdk/authentication-sdk), or a private
// deployment's own (the SDK's `domain` argument "Need only be changed for US or Private Clouds",
// `encord/user_client.py`). The tests' local stand-in is http on a loopback host.
//
// URL: urljoin(domain, urljoin("v2/public/", path)) with a leading '/' of the path and a trailing '/' of
// the result dropped, then the query as requests encodes a params dict: urlencode(doseq=True), that is
// quote_plus on UTF-8 (space '+', everything but letters, digits and "_.-~" as %XX), names in the DTOs'
// camelCase, a list as repeated names, booleans as Python prints them (True, False).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eic::encord {

inline constexpr const char* kDefaultDomain = "https://api.encord.com";
inline constexpr const char* kUsDomain = "https://api.us.encord.com";

struct DomainRead {
    std::string domain;  // "SCHEME://HOST[:PORT]", without a trailing '/'; empty when not accepted
    std::string error;   // why not, in user words; empty when accepted
    bool ok() const { return error.empty(); }
};

// Checks a domain the user typed: https://HOST[:PORT], or http:// only for a loopback host (localhost,
// 127.0.0.0/8, [::1]: the local stand-in), and nothing else (no user information, path, query or fragment).
// Surrounding spaces are dropped.
DomainRead read_domain(std::string_view text);

// Query parameters in the order the DTO declares its fields (pydantic dumps them in that order); a
// name may repeat (lists).
using Query = std::vector<std::pair<std::string, std::string>>;

// "True" or "False", as Python's str(bool) renders a query value.
const char* python_bool(bool value);

// urlencode(query, doseq=True): "a=1&b=x+y&b=%2F" (no leading '?').
std::string encode_query(const Query& query);

struct ApiUrl {
    std::string url;             // the absolute URL to send
    std::string request_target;  // its path and query as sent ("/v2/public/storage/folders?pageSize=100"),
                                 // which the request signature covers (`@request-target`)
};

// The URL of `path` under v2/public/ on `domain` (a domain read_domain accepted). `path` is made of the
// builders' own segments (names and UUIDs); bytes outside RFC 3986's pchar set and '/' are percent-encoded,
// so that a stray space, '?' or '#' cannot change what the URL means.
ApiUrl api_url(std::string_view domain, std::string_view path, const Query& query = {});

}  // namespace eic::encord

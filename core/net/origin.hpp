// The text form of a server's origin, "SCHEME://HOST[:PORT]" (RFC 3986 §3.1-3.2.3; RFC 6454 §4), as users
// type it for an endpoint: GCS's endpoint and bucket-bound hostname (gcs/v4_target.cpp) and Encord's API
// domain (encord/endpoint.hpp) are read by this one rule.
//
// HOST is a DNS name or IPv4 address (letters, digits, '-', '.', '_'; not starting or ending with '.'),
// or an IPv6 literal in brackets; PORT is 1..65535. One trailing '/' is allowed and dropped. User
// information, a path, a query or a fragment make the text something else than an origin.
#pragma once

#include <string>
#include <string_view>

namespace eic::net {

struct Origin {
    std::string scheme;     // lower case, as given otherwise ("https", "http", ...)
    std::string authority;  // HOST[:PORT] exactly as given
    std::string host;       // HOST as given (an IPv6 literal keeps its brackets)
    std::string port;       // the digits as given; empty when there is none
};

struct OriginRead {
    Origin origin;
    std::string problem;  // empty when the text is an origin; otherwise why not, in user words
    bool ok() const { return problem.empty(); }
};

// Reads "SCHEME://HOST[:PORT][/]". Any scheme of letters, digits, '+', '-', '.' is read; callers say which
// they accept.
OriginRead read_origin(std::string_view text);

// localhost (and names under .localhost, RFC 6761 §6.3), 127.0.0.0/8 and [::1]: hosts that never leave
// the machine, where plain http is as private as https (the browser treats them as potentially
// trustworthy: https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy).
bool is_loopback_host(std::string_view host);

// "SCHEME://AUTHORITY" of an absolute URL: its text up to the path; the whole text when it has no path,
// or no "://".
std::string origin_of_url(std::string_view url);

}  // namespace eic::net

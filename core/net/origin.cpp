#include "net/origin.hpp"

namespace eic::net {
namespace {

bool alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool digit(char c) { return c >= '0' && c <= '9'; }

bool host_char(char c) { return alpha(c) || digit(c) || c == '-' || c == '.' || c == '_'; }

bool ipv6_char(char c) { return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.'; }

bool valid_port(std::string_view p) {
    if (p.empty() || p.size() > 5) return false;
    unsigned v = 0;
    for (char c : p) {
        if (!digit(c)) return false;
        v = v * 10 + unsigned(c - '0');
    }
    return v >= 1 && v <= 65535;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
}

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// RFC 3986 §3.1: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ).
bool valid_scheme(std::string_view s) {
    if (s.empty() || !alpha(s.front())) return false;
    for (char c : s)
        if (!alpha(c) && !digit(c) && c != '+' && c != '-' && c != '.') return false;
    return true;
}

// Why `rest` (after "://") is not HOST[:PORT], or "" when it is; fills host and port.
std::string read_authority(std::string_view rest, Origin& o) {
    if (rest.empty()) return "it has no host after the scheme";
    if (rest.find('@') != std::string_view::npos)
        return "it has user information (\"user@\" before the host), which an origin never has";
    std::string_view host = rest, port;
    bool has_port = false;
    if (rest.front() == '[') {
        const auto close = rest.find(']');
        if (close == std::string_view::npos || close < 2) return "its IPv6 address is not closed with ']'";
        for (char c : rest.substr(1, close - 1))
            if (!ipv6_char(c))
                return "its IPv6 address " + quoted(rest.substr(0, close + 1)) +
                       " has a character other than hex digits, ':' and '.'";
        host = rest.substr(0, close + 1);
        const std::string_view after = rest.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':') return "something other than :PORT follows the IPv6 address";
            port = after.substr(1);
            has_port = true;
        }
    } else {
        if (const auto colon = rest.find(':'); colon != std::string_view::npos) {
            host = rest.substr(0, colon);
            port = rest.substr(colon + 1);
            has_port = true;
        }
        if (host.empty()) return "it has no host";
        if (host.front() == '.' || host.back() == '.') return "its host " + quoted(host) + " starts or ends with '.'";
        for (char c : host)
            if (!host_char(c))
                return "its host " + quoted(host) + " has a character other than letters, digits, '-', '.' and '_'";
    }
    if (has_port && !valid_port(port)) return "its port " + quoted(port) + " is not a number from 1 to 65535";
    o.host = std::string(host);
    o.port = std::string(port);
    o.authority = std::string(rest);
    return {};
}

}  // namespace

OriginRead read_origin(std::string_view text) {
    OriginRead r;
    const auto sep = text.find("://");
    if (sep == std::string_view::npos) {
        r.problem = "it does not start with a scheme such as https://";
        return r;
    }
    if (!valid_scheme(text.substr(0, sep))) {
        r.problem = "its scheme " + quoted(text.substr(0, sep)) + " is not a scheme name";
        return r;
    }
    r.origin.scheme = lower(text.substr(0, sep));
    std::string_view rest = text.substr(sep + 3);
    if (const auto end = rest.find_first_of("/?#"); end != std::string_view::npos) {
        const std::string_view tail = rest.substr(end);
        if (tail.front() == '?') r.problem = "it has a query (\"?...\"), which an origin never has";
        if (tail.front() == '#') r.problem = "it has a fragment (\"#...\"), which an origin never has";
        if (tail.front() == '/' && tail.size() > 1)
            r.problem = "it has a path (" + quoted(tail) + "); give only SCHEME://HOST[:PORT]";
        if (!r.problem.empty()) return r;
        rest = rest.substr(0, end);  // one trailing '/'
    }
    r.problem = read_authority(rest, r.origin);
    return r;
}

bool is_loopback_host(std::string_view host) {
    const std::string h = lower(host);
    if (h == "localhost" || h == "[::1]") return true;
    if (h.size() > 10 && h.compare(h.size() - 10, 10, ".localhost") == 0) return true;
    // 127.0.0.0/8 as a dotted quad.
    int parts = 0;
    std::size_t i = 0;
    unsigned first = 0;
    while (i <= h.size()) {
        std::size_t j = i;
        unsigned v = 0;
        while (j < h.size() && digit(h[j]) && j - i < 3) v = v * 10 + unsigned(h[j++] - '0');
        if (j == i || v > 255) return false;
        if (parts == 0) first = v;
        ++parts;
        if (j == h.size()) break;
        if (h[j] != '.') return false;
        i = j + 1;
    }
    return parts == 4 && first == 127;
}

std::string origin_of_url(std::string_view url) {
    const std::size_t scheme = url.find("://");
    const std::size_t path = scheme == std::string_view::npos ? std::string_view::npos : url.find('/', scheme + 3);
    return std::string(url.substr(0, path));
}

}  // namespace eic::net

// Fuzzes the readers of short header and address texts that come from outside: the Content-Range of a
// ranged GET's answer (core/net/content_range.hpp, read by the media probes), an origin or endpoint the
// user types (core/net/origin.hpp), the Encord domain (core/encord/endpoint.hpp's read_domain) and the URL
// `eic sign-request --url` signs (core/encord/request_signing.hpp's request_target_of). Invariants: a
// Content-Range read is consistent (first <= last < complete); an origin read has a host; a domain accepted
// reads again to itself; a request target starts with '/'.
#include <cstddef>
#include <cstdint>
#include <string>

#include "encord/endpoint.hpp"
#include "encord/request_signing.hpp"
#include "fuzz_support.hpp"
#include "net/content_range.hpp"
#include "net/origin.hpp"

using eic::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in = eic::fuzz::text(data, size);

    if (const auto r = eic::net::parse_content_range(in)) {
        check(r->first.has_value() == r->last.has_value());
        check(r->first || r->complete);
        if (r->first) check(*r->first <= *r->last);
        if (r->last && r->complete) check(*r->last < *r->complete);
    }

    const eic::net::OriginRead o = eic::net::read_origin(in);
    if (o.ok()) {
        check(!o.origin.host.empty());
        check(in.find("://") != std::string_view::npos);
        eic::net::is_loopback_host(o.origin.host);
    }
    eic::net::origin_of_url(in);

    const eic::encord::DomainRead d = eic::encord::read_domain(in);
    if (d.ok()) {
        const eic::encord::DomainRead again = eic::encord::read_domain(d.domain);
        check(again.ok() && again.domain == d.domain);
    }

    const eic::encord::RequestTarget t = eic::encord::request_target_of(in);
    check(t.target.has_value() == t.diagnostics.empty());
    if (t.target) check(!t.target->empty() && (*t.target)[0] == '/');
    return 0;
}

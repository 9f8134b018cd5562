// XMLHttpRequest.getAllResponseHeaders() text ("name: value" lines joined by CRLF,
// https://xhr.spec.whatwg.org/#dom-xmlhttprequest-getallresponseheaders) as net::Headers with lower-case
// names, for both browser transports.
#pragma once

#include <string_view>

#include "net/http.hpp"

namespace eic::web {
net::Headers parse_header_lines(std::string_view text);
}

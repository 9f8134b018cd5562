// The page's transports. session_transport() is the session's one transport for Google Cloud Storage,
// chosen at its first use and kept: the host page's fetch when it passed one to create({fetch}), else
// emscripten's Fetch API. Never chosen per request, so a request that failed is never re-sent through
// another transport (a POST may have run). Encord's requests choose between the two themselves, once per
// domain, by a probe (app/encord/encord_transport.hpp, encord/transport_probe.hpp).
#pragma once

#include "net/http.hpp"

namespace eic::web {
net::HttpClient& session_transport();
const char* session_transport_name();  // "browser" or "host fetch"

// The page's own transport (emscripten's Fetch API: XHR, bound by CORS and the page's policy).
net::HttpClient& page_transport();
// The host page's fetch, or nullptr when it passed none.
net::HttpClient* host_transport();
}  // namespace eic::web

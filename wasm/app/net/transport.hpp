// The session's one transport, chosen at its first use and kept: the host page's fetch when it passed
// one to create({fetch}), else emscripten's Fetch API. Never chosen per request, so a request that failed
// is never re-sent through another transport (a POST may have run).
#pragma once

#include "net/http.hpp"

namespace eic::web {
net::HttpClient& session_transport();
const char* session_transport_name();  // "browser" or "host fetch"
}  // namespace eic::web

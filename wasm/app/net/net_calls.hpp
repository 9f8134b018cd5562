// The page's side of the browser transports (wasm/app/net/net_lib.js, web/net-bridge.js): aborting an
// emscripten XHR, telling a status-0 failure apart, and the host page's fetch. Answers that arrive later
// come in through the exports in net_calls.cpp and wait here, by request id, until polled.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "net/http.hpp"

namespace eic::web {

// Detaches the handlers of emscripten's XHR number `fetch_id` and aborts it.
void xhr_abort(unsigned fetch_id);

// Asks the page which failure a status-0 answer for `url` was: the Content-Security-Policy refused it
// (a securitypolicyviolation event), the server answered a no-cors probe (so CORS withheld the answer),
// or nothing answered (network).
void classify_failure(net::RequestId id, const std::string& url);
// The verdict and the page's words once known.
std::optional<std::pair<net::Failure, std::string>> classified_failure(net::RequestId id);
void forget_classification(net::RequestId id);

// Whether the host page passed a fetch to create({fetch}).
bool host_fetch_available();
void host_fetch_send(net::RequestId id, const net::HttpRequest& request);
void host_fetch_abort(net::RequestId id);
std::optional<net::HttpResponse> host_fetch_answer(net::RequestId id);

}  // namespace eic::web

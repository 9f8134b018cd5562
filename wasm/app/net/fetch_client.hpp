// The browser's transport (net/http.hpp) over emscripten's Fetch API, which in Emscripten 3.1.6 is an
// XMLHttpRequest per request (src/Fetch.js). Three things in that version need care, and are handled here
// and in net_lib.js:
// - emscripten_fetch_close() frees a request without aborting its XHR, which would later write into the
//   freed struct: abort() first detaches the XHR's handlers and calls xhr.abort() (eic_js_net_xhr_abort).
// - Every failure (CORS, Content-Security-Policy, network) arrives as status 0: the page's
//   securitypolicyviolation events and a no-cors probe tell them apart afterwards (web/net-bridge.js),
//   and poll() answers once that is known.
// - It opens an IndexedDB database on the page's origin unless linked with -sFETCH_SUPPORT_INDEXEDDB=0,
//   which wasm/web.cmake does.
// Timeouts are core's business (net/http.hpp): callers abort().
#pragma once

#include <memory>
#include <unordered_map>

#include "net/http.hpp"

namespace eic::web {

class FetchClient : public net::HttpClient {
public:
    FetchClient();
    ~FetchClient() override;
    FetchClient(const FetchClient&) = delete;
    FetchClient& operator=(const FetchClient&) = delete;

    net::RequestId send(net::HttpRequest request) override;
    std::optional<net::HttpResponse> poll(net::RequestId id) override;
    void abort(net::RequestId id) override;

    struct Slot;

private:
    std::unordered_map<net::RequestId, std::unique_ptr<Slot>> slots_;
};

}  // namespace eic::web

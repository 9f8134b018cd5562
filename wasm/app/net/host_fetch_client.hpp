// The second browser transport: requests go through the fetch the host page passed to create({fetch})
// (web/net-bridge.js), for a developer console that reaches hosts the page itself cannot. The app
// chooses one transport per session (app/net/transport.hpp), never per request, so a POST that failed is
// never sent again another way (it may have run).
#pragma once

#include <unordered_set>

#include "net/http.hpp"

namespace eic::web {

class HostFetchClient : public net::HttpClient {
public:
    ~HostFetchClient() override;
    net::RequestId send(net::HttpRequest request) override;
    std::optional<net::HttpResponse> poll(net::RequestId id) override;
    void abort(net::RequestId id) override;

private:
    std::unordered_set<net::RequestId> open_;
};

}  // namespace eic::web

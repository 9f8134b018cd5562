#include "app/net/transport.hpp"

#include <memory>

#include "app/net/fetch_client.hpp"
#include "app/net/host_fetch_client.hpp"
#include "app/net/net_calls.hpp"

namespace eic::web {

namespace {
struct Chosen {
    std::unique_ptr<net::HttpClient> client;
    const char* name = "";
};
Chosen& chosen() {
    static Chosen c = [] {
        Chosen out;
        if (host_fetch_available()) {
            out.client = std::make_unique<HostFetchClient>();
            out.name = "host fetch";
        } else {
            out.client = std::make_unique<FetchClient>();
            out.name = "browser";
        }
        return out;
    }();
    return c;
}
}  // namespace

net::HttpClient& session_transport() { return *chosen().client; }
const char* session_transport_name() { return chosen().name; }

}  // namespace eic::web

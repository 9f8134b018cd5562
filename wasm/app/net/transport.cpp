#include "app/net/transport.hpp"

#include <memory>

#include "app/net/fetch_client.hpp"
#include "app/net/host_fetch_client.hpp"
#include "app/net/net_calls.hpp"

namespace eic::web {

net::HttpClient& page_transport() {
    static FetchClient client;
    return client;
}

net::HttpClient* host_transport() {
    // Whether the host passed a fetch is known once the page's bridge is installed, before the first frame.
    static std::unique_ptr<HostFetchClient> client =
        host_fetch_available() ? std::make_unique<HostFetchClient>() : nullptr;
    return client.get();
}

namespace {
struct Chosen {
    net::HttpClient* client = nullptr;
    const char* name = "";
};
const Chosen& chosen() {
    static const Chosen c =
        host_transport() ? Chosen{host_transport(), "host fetch"} : Chosen{&page_transport(), "browser"};
    return c;
}
}  // namespace

net::HttpClient& session_transport() { return *chosen().client; }
const char* session_transport_name() { return chosen().name; }

}  // namespace eic::web

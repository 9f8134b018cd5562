#include "app/net/host_fetch_client.hpp"

#include <vector>

#include "app/net/net_calls.hpp"

namespace eic::web {

HostFetchClient::~HostFetchClient() {
    const std::vector<net::RequestId> open(open_.begin(), open_.end());
    for (const net::RequestId id : open) abort(id);
}

net::RequestId HostFetchClient::send(net::HttpRequest request) {
    // Unique among the host fetch's requests, whose answers net_calls.cpp keeps apart from the XHRs'.
    static net::RequestId next = 1;
    const net::RequestId id = next++;
    open_.insert(id);
    host_fetch_send(id, request);
    return id;
}

std::optional<net::HttpResponse> HostFetchClient::poll(net::RequestId id) {
    if (!open_.count(id)) return std::nullopt;
    auto answer = host_fetch_answer(id);
    if (answer) open_.erase(id);
    return answer;
}

void HostFetchClient::abort(net::RequestId id) {
    if (open_.erase(id)) host_fetch_abort(id);
}

}  // namespace eic::web

#include "app/net/net_calls.hpp"

#include <emscripten/emscripten.h>

#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "app/net/http_headers.hpp"

extern "C" {
void eic_js_net_xhr_abort(unsigned fetch_id);
void eic_js_net_classify(double id, const char* url);
int eic_js_net_host_available();
void eic_js_net_host_send(double id, const char* method, const char* url, const char* headers_json, const char* body,
                          int body_length);
void eic_js_net_host_abort(double id);
}

namespace eic::web {

namespace {

std::unordered_map<net::RequestId, std::pair<net::Failure, std::string>>& verdicts() {
    static std::unordered_map<net::RequestId, std::pair<net::Failure, std::string>> v;
    return v;
}

// Requests whose failure is being told apart; a verdict for one no longer wanted (aborted) is dropped.
std::unordered_set<net::RequestId>& wanted() {
    static std::unordered_set<net::RequestId> w;
    return w;
}

std::unordered_map<net::RequestId, net::HttpResponse>& host_answers() {
    static std::unordered_map<net::RequestId, net::HttpResponse> v;
    return v;
}

net::Failure failure_of(int kind) {
    switch (kind) {
        case 1:
            return net::Failure::policy;
        case 2:
            return net::Failure::cors;
        case 3:
            return net::Failure::network;
        case 4:
            return net::Failure::aborted;
        default:
            return net::Failure::network;
    }
}

}  // namespace

void xhr_abort(unsigned fetch_id) { eic_js_net_xhr_abort(fetch_id); }

void classify_failure(net::RequestId id, const std::string& url) {
    wanted().insert(id);
    eic_js_net_classify(double(id), url.c_str());
}

std::optional<std::pair<net::Failure, std::string>> classified_failure(net::RequestId id) {
    auto it = verdicts().find(id);
    if (it == verdicts().end()) return std::nullopt;
    auto out = std::move(it->second);
    verdicts().erase(it);
    wanted().erase(id);
    return out;
}

void forget_classification(net::RequestId id) {
    wanted().erase(id);
    verdicts().erase(id);
}

bool host_fetch_available() { return eic_js_net_host_available() != 0; }

void host_fetch_send(net::RequestId id, const net::HttpRequest& request) {
    nlohmann::json headers = nlohmann::json::array();
    for (const auto& [name, value] : request.headers) headers.push_back({name, value});
    eic_js_net_host_send(double(id), request.method.c_str(), request.url.c_str(), headers.dump().c_str(),
                         request.body.data(), int(request.body.size()));
}

void host_fetch_abort(net::RequestId id) {
    eic_js_net_host_abort(double(id));
    host_answers().erase(id);
}

std::optional<net::HttpResponse> host_fetch_answer(net::RequestId id) {
    auto it = host_answers().find(id);
    if (it == host_answers().end()) return std::nullopt;
    net::HttpResponse out = std::move(it->second);
    host_answers().erase(it);
    return out;
}

}  // namespace eic::web

extern "C" {

// kind: 1 policy, 2 cors, 3 network (web/net-bridge.js).
EMSCRIPTEN_KEEPALIVE void eic_app_net_classified(double id, int kind, const char* message) {
    if (!eic::web::wanted().count(eic::net::RequestId(id))) return;
    eic::web::verdicts()[eic::net::RequestId(id)] = {eic::web::failure_of(kind), message ? message : ""};
}

// A host fetch's answer: status > 0 with headers ("name: value" lines) and body, or status 0 with the
// failure kind (as above, 4 aborted) and the host's message.
EMSCRIPTEN_KEEPALIVE void eic_app_net_host_answer(double id, int status, const char* headers, const char* body,
                                                  int body_length, int kind, const char* message) {
    eic::net::HttpResponse r;
    r.status = status;
    if (status > 0) {
        r.headers = eic::web::parse_header_lines(headers ? headers : "");
        if (body && body_length > 0) r.body.assign(body, std::size_t(body_length));
    } else {
        r.failure = eic::web::failure_of(kind);
        r.message = message ? message : "";
    }
    eic::web::host_answers()[eic::net::RequestId(id)] = std::move(r);
}
}

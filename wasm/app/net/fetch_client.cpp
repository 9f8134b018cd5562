#include "app/net/fetch_client.hpp"

#include <emscripten/emscripten.h>
#include <emscripten/fetch.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "app/net/http_headers.hpp"
#include "app/net/net_calls.hpp"
#include "net/origin.hpp"

namespace eic::web {

struct FetchClient::Slot {
    net::RequestId id = 0;
    emscripten_fetch_t* fetch = nullptr;  // while the XHR runs; closed (freed) once answered or aborted
    std::string url;
    std::string body;  // the request body: the XHR copies it at send (Fetch.js: HEAPU8.slice)
    bool answered = false;
    bool origin_answers = false;  // net::HttpRequest::origin_answers
    bool classifying = false;     // status 0: waiting for web/net-bridge.js to say which failure it was
    net::HttpResponse response;
};

namespace {

// Slots by id for the callbacks, which get only the fetch; ids are never reused, so a callback for a
// request that was aborted or whose client is gone finds nothing and does nothing.
std::unordered_map<net::RequestId, FetchClient::Slot*>& live() {
    static std::unordered_map<net::RequestId, FetchClient::Slot*> slots;
    return slots;
}

FetchClient::Slot* slot_of(emscripten_fetch_t* fetch) {
    const auto id = net::RequestId(reinterpret_cast<std::uintptr_t>(fetch->userData));
    auto it = live().find(id);
    return it == live().end() ? nullptr : it->second;
}

void take_answer(FetchClient::Slot& s, emscripten_fetch_t* fetch) {
    s.response.status = fetch->status;
    if (const std::size_t n = emscripten_fetch_get_response_headers_length(fetch); n > 0) {
        std::string text(n, '\0');
        emscripten_fetch_get_response_headers(fetch, text.data(), n);
        text.resize(std::strlen(text.c_str()));
        s.response.headers = parse_header_lines(text);
    }
    if (fetch->data && fetch->numBytes > 0) s.response.body.assign(fetch->data, std::size_t(fetch->numBytes));
}

void on_done(emscripten_fetch_t* fetch) {
    FetchClient::Slot* s = slot_of(fetch);
    if (!s || s->answered || s->classifying) return;
    s->fetch = nullptr;  // before closing: emscripten_fetch_close may call back into on_done
    if (fetch->status == 0 && s->origin_answers) {
        s->answered = true;
        s->response.failure = net::Failure::network;
        s->response.message =
            "no answer from " + net::origin_of_url(s->url) + " (a dropped connection, or the network)";
    } else if (fetch->status == 0) {
        s->classifying = true;
        classify_failure(s->id, s->url);
    } else {
        take_answer(*s, fetch);
        s->answered = true;
    }
    emscripten_fetch_close(fetch);
}

}  // namespace

FetchClient::FetchClient() = default;

FetchClient::~FetchClient() {
    std::vector<net::RequestId> open;
    for (const auto& entry : slots_) open.push_back(entry.first);
    for (const net::RequestId id : open) abort(id);
}

net::RequestId FetchClient::send(net::HttpRequest request) {
    static net::RequestId next = 1;
    auto slot = std::make_unique<Slot>();
    Slot& s = *slot;
    s.id = next++;
    s.url = request.url;
    s.body = std::move(request.body);
    s.origin_answers = request.origin_answers;

    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strncpy(attr.requestMethod, request.method.c_str(), sizeof(attr.requestMethod) - 1);
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    attr.onsuccess = on_done;
    attr.onerror = on_done;
    attr.userData = reinterpret_cast<void*>(std::uintptr_t(s.id));
    // emscripten_fetch copies the header strings (strdup) before it returns.
    std::vector<const char*> headers;
    for (const auto& [name, value] : request.headers) {
        headers.push_back(name.c_str());
        headers.push_back(value.c_str());
    }
    headers.push_back(nullptr);
    attr.requestHeaders = headers.data();
    if (!s.body.empty()) {
        attr.requestData = s.body.data();
        attr.requestDataSize = s.body.size();
    }
    live()[s.id] = &s;
    slots_[s.id] = std::move(slot);
    // The XHR is opened and sent inside emscripten_fetch; its answer normally comes from the event loop,
    // but a send the browser refuses at once (xhr.send throws) calls on_done during this call, which then
    // has closed the request already.
    emscripten_fetch_t* fetch = emscripten_fetch(&attr, s.url.c_str());
    if (!s.answered && !s.classifying) s.fetch = fetch;
    return s.id;
}

std::optional<net::HttpResponse> FetchClient::poll(net::RequestId id) {
    auto it = slots_.find(id);
    if (it == slots_.end()) return std::nullopt;
    Slot& s = *it->second;
    if (s.classifying) {
        const auto kind = classified_failure(s.id);
        if (!kind) return std::nullopt;
        s.classifying = false;
        s.answered = true;
        s.response.status = 0;
        s.response.failure = kind->first;
        s.response.message = kind->second;
    }
    if (!s.answered) return std::nullopt;
    net::HttpResponse out = std::move(s.response);
    live().erase(id);
    slots_.erase(it);
    return out;
}

void FetchClient::abort(net::RequestId id) {
    auto it = slots_.find(id);
    if (it == slots_.end()) return;
    Slot& s = *it->second;
    live().erase(id);
    if (s.fetch) {
        emscripten_fetch_t* fetch = s.fetch;
        s.fetch = nullptr;
        xhr_abort(fetch->id);
        emscripten_fetch_close(fetch);  // calls on_done, which finds no slot
    }
    if (s.classifying) forget_classification(s.id);
    slots_.erase(it);
}

}  // namespace eic::web

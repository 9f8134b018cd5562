// A transport for tests (net/http.hpp): answers from a table of URL (without its query) -> scripted
// answers, one per send in order (the last repeats), each after a number of polls, so tests can hold
// requests in flight, inject 429/503 and status-0 failures, and count what was sent and aborted. A test that
// must answer by the request itself (a Range header) sets `responder`, which is asked first.
#pragma once

#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "net/http.hpp"

namespace eic::test {

struct FakeAnswer {
    net::HttpResponse response;
    int delay_polls = 0;  // polls that find it still in flight
    bool never = false;   // never answers (for timeouts and cancel)
};

inline FakeAnswer answer(int status, net::Headers headers = {}, std::string body = {}, int delay_polls = 0) {
    FakeAnswer a;
    a.response.status = status;
    a.response.headers = std::move(headers);
    a.response.body = std::move(body);
    a.delay_polls = delay_polls;
    return a;
}

inline FakeAnswer failure(net::Failure kind, int delay_polls = 0) {
    FakeAnswer a;
    a.response.failure = kind;
    a.response.message = net::failure_name(kind);
    a.delay_polls = delay_polls;
    return a;
}

class FakeHttp : public net::HttpClient {
public:
    // Answers for the URL up to its '?'; unknown URLs get 404.
    std::map<std::string, std::vector<FakeAnswer>> table;
    std::vector<net::HttpRequest> sent;
    std::vector<net::RequestId> aborted;
    std::size_t max_in_flight_seen = 0;
    // Asked first for every request; nullopt falls through to the table.
    std::function<std::optional<FakeAnswer>(const net::HttpRequest&)> responder;

    net::RequestId send(net::HttpRequest request) override {
        const std::string key = request.url.substr(0, request.url.find('?'));
        const std::size_t n = std::size_t(std::count_if(sent.begin(), sent.end(), [&](const net::HttpRequest& r) {
            return r.url.substr(0, r.url.find('?')) == key && r.method == request.method;
        }));
        FakeAnswer a = answer(404);
        auto it = table.find(request.method + " " + key);
        if (it == table.end()) it = table.find(key);
        if (it != table.end() && !it->second.empty()) a = it->second[std::min(n, it->second.size() - 1)];
        if (responder)
            if (auto own = responder(request)) a = std::move(*own);
        sent.push_back(std::move(request));
        const net::RequestId id = next_++;
        open_[id] = a;
        max_in_flight_seen = std::max(max_in_flight_seen, open_.size());
        return id;
    }
    std::optional<net::HttpResponse> poll(net::RequestId id) override {
        auto it = open_.find(id);
        if (it == open_.end() || it->second.never) return std::nullopt;
        if (it->second.delay_polls-- > 0) return std::nullopt;
        net::HttpResponse r = std::move(it->second.response);
        open_.erase(it);
        return r;
    }
    void abort(net::RequestId id) override {
        if (open_.erase(id)) aborted.push_back(id);
    }
    std::size_t open() const { return open_.size(); }

private:
    net::RequestId next_ = 1;
    std::map<net::RequestId, FakeAnswer> open_;
};

}  // namespace eic::test

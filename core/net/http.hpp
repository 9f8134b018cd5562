// The transport as core sees it: a request goes out, an answer comes back later. The app is one thread,
// stepped between frames (jobs/job_runner.hpp), so nothing here blocks or calls back: a caller sends,
// then polls once per step until the answer is there. The browser implements it over emscripten's fetch
// (XHR), the CLI may later do so over libcurl, and the tests with a fake that answers from a table
// (tests/unit/helpers/fake_http.hpp).
//
// Every failure without an HTTP answer (CORS, Content-Security-Policy, network, the platform's abort)
// arrives as status 0, as the browser reports it (Fetch standard, "network error":
// https://fetch.spec.whatwg.org/#concept-network-error); the platform then says as well as it can which
// kind it was. Timeouts are not the platform's business: callers measure them with core's own injected
// clock and abort() the request (so a test drives them with a fake clock).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eic::net {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
    std::string method;  // "HEAD", "GET", ...
    std::string url;     // absolute, already encoded
    Headers headers;     // as sent
    std::string body;
    // The sender knows this origin answers the page's requests (its CORS lets the page read them, and the
    // page's policy allows it): a failure without an answer is then the network's, and the page's
    // transport need not send anything to find out which failure it was (web/net-bridge.js would send an
    // unsigned no-cors HEAD of the same URL).
    bool origin_answers = false;
};

// Why there is no HTTP answer (status 0).
enum class Failure {
    none,     // there is an answer
    policy,   // refused before it left: the page's Content-Security-Policy (connect-src), mixed content
    cors,     // the server answered but the browser withheld it (no or wrong Access-Control-Allow-Origin)
    network,  // no answer: DNS, refused or dropped connection, offline; the browser cannot tell it from CORS
              // in every case, so the platform reports `network` when it is unsure
    timeout,  // the caller gave up waiting (core's clock)
    aborted,  // the caller aborted it
};

const char* failure_name(Failure f);

struct HttpResponse {
    int status = 0;   // 0: no answer (see failure)
    Headers headers;  // names in lower case, as the browser gives them (RFC 9110 §5.1: case-insensitive)
    std::string body;
    bool body_truncated = false;  // the platform kept only the start of a long body
    Failure failure = Failure::none;
    std::string message;  // the platform's words for a failure; empty otherwise

    // The first value of `lower_name`, or nullptr.
    const std::string* header(std::string_view lower_name) const;
};

using RequestId = std::uint64_t;  // 0 is no request

class HttpClient {
public:
    virtual ~HttpClient() = default;
    // Starts the request and returns at once with its id (never 0).
    virtual RequestId send(HttpRequest request) = 0;
    // The answer once it has arrived, handed over once: after it returns a value the id is forgotten.
    // nullopt while the request is in flight (and for an id it does not know).
    virtual std::optional<HttpResponse> poll(RequestId id) = 0;
    // Abandons the request (the browser aborts its XHR); poll() will never answer it. Unknown ids are
    // ignored.
    virtual void abort(RequestId id) = 0;
};

}  // namespace eic::net

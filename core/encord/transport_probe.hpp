// How the page reaches Encord's API. Whether api.encord.com answers a browser's cross-origin requests is not
// documented (tests/fakes/encord-standin/cors.mjs), so eic finds out once per session and domain: before
// the first request to a domain goes out, the page's own transport sends the signed schema GET
// (encord/api_requests.hpp schema_get; a GET changes nothing on Encord's side, RFC 9110 §9.2.1), once,
// without retries. Its outcome (judge_probe) chooses the transport for that domain from then on:
//
//   an HTTP answer, whatever its status          -> page: CORS let the answer through
//   no answer: CORS or network, host fetch given -> host: the fetch the host page passed to create({fetch})
//   no answer: CORS or network, no host fetch    -> refused: the window says so and how to fix it
//   no answer: the page's Content-Security-Policy -> refused: the policy is the page owner's choice of where
//                                                   it connects, so eic says how to allow the domain rather
//                                                   than route around it through the host's fetch
//   timeout, or the probe could not be signed    -> none: no verdict; the next job probes again
//
// ProbedTransport is the HttpClient every Encord job is given: requests to a domain wait until its probe
// has a verdict, then go through the chosen transport. A request is never sent again through another
// transport after it failed: the probe is the only request whose failure leads to a switch, and it is a
// GET; every other request goes out once through the transport chosen before it was sent (a POST that
// failed may have run: a second upload-job start would register the files twice). When the verdict is
// refused, requests still go through the page's transport and fail there on their own, with the API's
// messages (encord/api_errors.hpp).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "encord/api_call.hpp"
#include "net/http.hpp"

namespace eic::encord {

enum class ProbeState { none, running, page, host, refused };
const char* probe_state_name(ProbeState state);  // "none", "running", "page", "host", "refused"

struct ProbeVerdict {
    ProbeState state = ProbeState::none;
    std::string message;                      // for the Encord window; empty before a probe
    net::Failure cause = net::Failure::none;  // why the page's transport got no answer
};

// The probe's request: the schema GET, sent once, given less time than an ordinary call.
inline constexpr double kProbeTimeoutS = 30;
ApiRequest probe_request();

// What the probe of `domain` found. `answer` is its last answer (nullopt when it was never sent, e.g. it
// could not be signed: then `error` says why); `host_fetch`: the host page passed a fetch.
ProbeVerdict judge_probe(const std::optional<net::HttpResponse>& answer, const std::string& error, bool host_fetch,
                         std::string_view domain);

class ProbedTransport : public net::HttpClient {
public:
    // `page`: the page's own transport; `host`: the host page's fetch, or nullptr. Both outlive this.
    ProbedTransport(net::HttpClient& page, net::HttpClient* host);
    ~ProbedTransport() override;

    // Starts the probe of context.domain unless it has a verdict or one is running. The probe is signed
    // with context.signer, which `keep` holds while it runs; context.client is not used.
    void probe(const ApiContext& context, std::shared_ptr<RequestSigner> keep);
    // Moves running probes on and lets waiting requests go once their domain has a verdict. send/poll do
    // it too; the page calls it each frame so a probe runs on while no job polls.
    void step();
    // Forgets the verdict of `domain`, so the next job probes it again (the user fixed the server or policy).
    void forget(const std::string& domain);

    ProbeVerdict verdict(const std::string& domain) const;

    net::RequestId send(net::HttpRequest request) override;
    std::optional<net::HttpResponse> poll(net::RequestId id) override;
    void abort(net::RequestId id) override;

private:
    struct Probe;
    struct Request {
        std::string domain;
        std::optional<net::HttpRequest> waiting;  // not sent yet: its domain has no verdict
        net::HttpClient* client = nullptr;        // where it went
        net::RequestId sent = 0;
    };
    net::HttpClient* client_for(ProbeState state);
    std::string domain_of(const std::string& url) const;

    net::HttpClient& page_;
    net::HttpClient* host_;
    std::map<std::string, std::unique_ptr<Probe>> probes_;  // by domain
    std::map<net::RequestId, Request> requests_;
    net::RequestId next_ = 1;
};

}  // namespace eic::encord

#include "encord/transport_probe.hpp"

#include <vector>

#include "encord/api_requests.hpp"
#include "net/origin.hpp"

namespace eic::encord {

const char* probe_state_name(ProbeState state) {
    switch (state) {
        case ProbeState::none:
            return "none";
        case ProbeState::running:
            return "running";
        case ProbeState::page:
            return "page";
        case ProbeState::host:
            return "host";
        case ProbeState::refused:
            return "refused";
    }
    return "none";
}

ApiRequest probe_request() {
    ApiRequest r = schema_get();
    r.retries = false;  // one send: its outcome is the verdict, and a retry would only delay it
    r.timeout_s = kProbeTimeoutS;
    return r;
}

namespace {
std::string platform_words(const net::HttpResponse& r) {
    if (r.message.empty() || r.message == net::failure_name(r.failure)) return "";
    return " (the browser: " + r.message + ")";
}
}  // namespace

ProbeVerdict judge_probe(const std::optional<net::HttpResponse>& answer, const std::string& error, bool host_fetch,
                         std::string_view domain_view) {
    const std::string domain(domain_view);
    ProbeVerdict v;
    if (!answer) {
        v.message = "The first request to Encord at " + domain +
                    " was not sent: " + (error.empty() ? std::string("it could not be signed.") : error) +
                    " eic tries again at the next request.";
        return v;
    }
    const net::HttpResponse& r = *answer;
    if (r.status != 0) {
        v.state = ProbeState::page;
        v.message = "Encord at " + domain + " answers this page's own requests.";
        return v;
    }
    switch (r.failure) {
        case net::Failure::policy:
            v.state = ProbeState::refused;
            v.cause = r.failure;
            v.message = "This page's Content-Security-Policy does not allow " + domain +
                        " (connect-src), so no request to it leaves the page. Serve eic with "
                        "`scripts/serve.mjs --connect " +
                        domain + "`, or add " + domain +
                        " to the connect-src of the page that embeds eic; then reload the page.";
            return v;
        case net::Failure::cors:
        case net::Failure::network: {
            const bool cors = r.failure == net::Failure::cors;
            v.cause = r.failure;
            if (host_fetch) {
                v.state = ProbeState::host;
                v.message = "Encord at " + domain + " does not answer this page's own requests (" +
                            (cors ? "CORS" : "no answer: the network, or CORS") +
                            "), so eic reaches it through the host page's fetch.";
                return v;
            }
            v.state = ProbeState::refused;
            v.message = "Encord at " + domain + " does not answer this page's requests " +
                        (cors ? std::string("(CORS): it answers, but does not let this page's origin read the answers")
                              : "(no answer: the address, the network, or CORS, which the browser cannot always "
                                "tell apart)" +
                                    platform_words(r) + ". Check the address; if it is right") +
                        ". Embed eic in a console that passes its fetch to create({fetch}), or use the eic CLI.";
            return v;
        }
        case net::Failure::timeout:
        case net::Failure::aborted:
        case net::Failure::none:
            break;
    }
    v.message = "Encord at " + domain + " did not answer the first request in time" + platform_words(r) +
                "; eic tries again at the next request.";
    return v;
}

struct ProbedTransport::Probe {
    std::shared_ptr<RequestSigner> signer;  // before `call`: the call uses it until it is gone
    std::unique_ptr<ApiCall> call;
    ProbeVerdict verdict;
};

ProbedTransport::ProbedTransport(net::HttpClient& page, net::HttpClient* host) : page_(page), host_(host) {}

ProbedTransport::~ProbedTransport() {
    std::vector<net::RequestId> open;
    for (const auto& entry : requests_) open.push_back(entry.first);
    for (const net::RequestId id : open) abort(id);
}

net::HttpClient* ProbedTransport::client_for(ProbeState state) {
    if (state == ProbeState::host && host_) return host_;
    if (state == ProbeState::page || state == ProbeState::refused || state == ProbeState::host) return &page_;
    return nullptr;  // none, running: no verdict yet
}

std::string ProbedTransport::domain_of(const std::string& url) const {
    for (const auto& entry : probes_) {
        const std::string& d = entry.first;
        if (url.compare(0, d.size(), d) == 0 && (url.size() == d.size() || url[d.size()] == '/')) return d;
    }
    // No probe was asked for this domain: the scheme and authority of the URL (it waits until one is).
    return net::origin_of_url(url);
}

void ProbedTransport::probe(const ApiContext& context, std::shared_ptr<RequestSigner> keep) {
    std::unique_ptr<Probe>& p = probes_[context.domain];
    if (!p) p = std::make_unique<Probe>();
    if (p->verdict.state != ProbeState::none) return;  // a verdict, or running
    ApiContext on_page = context;
    on_page.client = &page_;
    p->call.reset();
    p->signer = std::move(keep);
    p->call = std::make_unique<ApiCall>(on_page, probe_request());
    p->verdict = {ProbeState::running,
                  "Finding out whether Encord at " + context.domain + " answers this page's requests…"};
    step();
}

void ProbedTransport::forget(const std::string& domain) {
    auto it = probes_.find(domain);
    if (it == probes_.end() || it->second->verdict.state == ProbeState::running) return;
    it->second->verdict = {};
}

ProbeVerdict ProbedTransport::verdict(const std::string& domain) const {
    auto it = probes_.find(domain);
    return it == probes_.end() ? ProbeVerdict{} : it->second->verdict;
}

void ProbedTransport::step() {
    for (auto& entry : probes_) {
        Probe& p = *entry.second;
        if (p.verdict.state != ProbeState::running || !p.call->poll()) continue;
        const std::optional<ApiError>& e = p.call->error();
        p.verdict = judge_probe(p.call->response(), e ? e->full_message() : "", host_ != nullptr, entry.first);
        p.call.reset();
        p.signer.reset();
        if (p.verdict.state != ProbeState::none) continue;
        // No verdict (a timeout, or unsigned): the requests that waited go through the page's transport,
        // where they meet their own timeouts; the next job probes again.
        for (auto& r : requests_)
            if (r.second.waiting && r.second.domain == entry.first) {
                r.second.client = &page_;
                r.second.sent = page_.send(std::move(*r.second.waiting));
                r.second.waiting.reset();
            }
    }
    for (auto& r : requests_) {
        Request& req = r.second;
        if (!req.waiting) continue;
        auto it = probes_.find(req.domain);
        net::HttpClient* client = it == probes_.end() ? nullptr : client_for(it->second->verdict.state);
        if (!client) continue;
        // The probe had an HTTP answer from this page: a later failure without one is the network's.
        req.waiting->origin_answers = it->second->verdict.state == ProbeState::page;
        req.client = client;
        req.sent = client->send(std::move(*req.waiting));
        req.waiting.reset();
    }
}

net::RequestId ProbedTransport::send(net::HttpRequest request) {
    const net::RequestId id = next_++;
    Request& r = requests_[id];
    r.domain = domain_of(request.url);
    r.waiting = std::move(request);
    step();
    return id;
}

std::optional<net::HttpResponse> ProbedTransport::poll(net::RequestId id) {
    step();
    auto it = requests_.find(id);
    if (it == requests_.end() || it->second.waiting) return std::nullopt;
    std::optional<net::HttpResponse> answer = it->second.client->poll(it->second.sent);
    if (answer) requests_.erase(it);
    return answer;
}

void ProbedTransport::abort(net::RequestId id) {
    auto it = requests_.find(id);
    if (it == requests_.end()) return;
    if (!it->second.waiting && it->second.client) it->second.client->abort(it->second.sent);
    requests_.erase(it);
}

}  // namespace eic::encord

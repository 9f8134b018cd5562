#include "encord/api_call.hpp"

#include <cmath>
#include <cstdint>

#include "encord/retry_policy.hpp"

namespace eic::encord {

ApiCall::ApiCall(const ApiContext& context, ApiRequest request)
    : context_(context), request_(std::move(request)), prepared_(prepare(request_, context_.domain)) {}

ApiCall::~ApiCall() { cancel(); }

std::string ApiCall::what() const { return request_.method + " " + request_.path; }

void ApiCall::finish_with(std::optional<ApiError> error) {
    error_ = std::move(error);
    phase_ = Phase::finished;
}

void ApiCall::on_answer(net::HttpResponse response) {
    const RetryDecision d = decide(request_, response, attempts_);
    response_ = std::move(response);
    switch (d.next) {
        case Next::done:
            return finish_with(std::nullopt);
        case Next::retry:
            retry_at_ = context_.steady() + d.delay_s;
            phase_ = Phase::backoff;
            return;
        case Next::unknown_outcome:
            return finish_with(unknown_outcome(*response_, what()));
        case Next::failed: {
            std::optional<ApiError> e = api_error(*response_);
            if (!e) e = ApiError{};  // decide() says failed only for answers api_error reads; keep it an error
            return finish_with(std::move(e));
        }
    }
}

bool ApiCall::advance() {
    switch (phase_) {
        case Phase::idle: {
            RequestToSign r{request_.method, prepared_.request_target, request_.body,
                            std::int64_t(std::floor(context_.wall()))};
            ticket_ = context_.signer->start(r);
            phase_ = Phase::signing;
            return true;
        }
        case Phase::signing: {
            std::optional<SignedHeaders> signed_headers = context_.signer->poll(ticket_);
            if (!signed_headers) return false;
            ticket_ = 0;
            if (!signed_headers->ok()) {
                finish_with(signing_failed(signed_headers->error));
                return true;
            }
            net::HttpRequest http = prepared_.http;  // Content-Type for a body comes with prepare()
            http.headers.insert(http.headers.end(), signed_headers->headers.begin(), signed_headers->headers.end());
            sent_ = context_.client->send(std::move(http));
            sent_at_ = context_.steady();
            ++attempts_;
            phase_ = Phase::in_flight;
            return true;
        }
        case Phase::in_flight: {
            std::optional<net::HttpResponse> r = context_.client->poll(sent_);
            if (!r) {
                if (context_.steady() - sent_at_ < request_.timeout_s) return false;
                context_.client->abort(sent_);
                r = net::HttpResponse{};
                r->failure = net::Failure::timeout;
                r->message = "no answer within " + std::to_string(long(request_.timeout_s)) + " s";
            }
            sent_ = 0;
            on_answer(std::move(*r));
            return true;
        }
        case Phase::backoff:
            if (context_.steady() < retry_at_) return false;
            phase_ = Phase::idle;
            return true;
        case Phase::finished:
            return false;
    }
    return false;
}

bool ApiCall::poll() {
    while (advance()) {
    }
    return finished();
}

void ApiCall::cancel() {
    if (phase_ == Phase::finished) return;
    if (phase_ == Phase::signing) context_.signer->forget(ticket_);
    net::HttpResponse aborted;
    aborted.failure = net::Failure::aborted;
    aborted.message = net::failure_name(net::Failure::aborted);
    if (phase_ == Phase::in_flight) {
        context_.client->abort(sent_);
        // decide() tells a request that may have been acted on (unknown outcome) from one that was not.
        const RetryDecision d = decide(request_, aborted, attempts_);
        response_ = aborted;
        return finish_with(d.next == Next::unknown_outcome ? unknown_outcome(aborted, what()) : *api_error(aborted));
    }
    finish_with(*api_error(aborted));
}

}  // namespace eic::encord

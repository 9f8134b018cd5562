// One call to Encord's v2 API, from the first send to its outcome, as a small state machine that a job
// polls once per step (jobs/job_runner.hpp): it is not a job itself, so a job can hold several at once
// (encord/upload_run.hpp) or one after another (encord/api_job.hpp).
//
//   prepare (encord/api_requests.hpp: URL and request target)
//   -> sign (encord/request_signer.hpp; asynchronous in the browser; every send is signed anew, with a
//      fresh `created`, as the SDK signs each request it sends: encord/http/v2/api_client.py)
//   -> send (the signed headers, plus Content-Type: application/json when there is a body)
//   -> wait, up to the request's timeout_s on the steady clock (net/http.hpp: timeouts are core's)
//   -> decide (encord/retry_policy.hpp, the one rule of what is sent again): done, failed, unknown
//      outcome, or wait the delay on the steady clock and sign and send again.
//
// A request built without retries (folder create, upload-job start) is sent once, whatever happens: the
// retry policy says so, and a status-0 answer of such a request, or of any request that is not a GET,
// is an unknown outcome (encord/api_errors.hpp unknown_outcome), never a resend.
//
// Messages come from encord/api_errors.hpp and the signer, which never quote a key or a token.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "encord/api_errors.hpp"
#include "encord/api_requests.hpp"
#include "encord/request_signer.hpp"
#include "net/http.hpp"

namespace eic::encord {

// What every call needs: where Encord is, how to reach it, and the clocks. The client and signer must
// outlive the calls made with it.
struct ApiContext {
    net::HttpClient* client = nullptr;
    RequestSigner* signer = nullptr;
    std::string domain;              // as read_domain accepted it (encord/endpoint.hpp)
    std::function<double()> steady;  // seconds, never decreasing: timeouts and back-off
    std::function<double()> wall;    // POSIX seconds: the signature's `created` (encord/request_signing.hpp)
};

class ApiCall {
public:
    ApiCall(const ApiContext& context, ApiRequest request);
    ~ApiCall();  // abandons what is out (cancel())
    ApiCall(const ApiCall&) = delete;
    ApiCall& operator=(const ApiCall&) = delete;

    // Moves the call on as far as the signer, the transport and the clock allow; true once it has
    // finished (and on every later call).
    bool poll();
    // Abandons the call: forgets the signature, aborts the request in flight. A request in flight that is
    // not a GET may have reached Encord: that is an unknown outcome; otherwise the error is `cancelled`.
    void cancel();

    bool finished() const { return phase_ == Phase::finished; }
    bool ok() const { return finished() && !error_; }
    // The last answer (the success when ok(); the last failure otherwise); nullopt before one came.
    const std::optional<net::HttpResponse>& response() const { return response_; }
    const std::optional<ApiError>& error() const { return error_; }
    int attempts() const { return attempts_; }  // sends so far
    const ApiRequest& request() const { return request_; }
    // "POST storage/folders/…/data-upload-jobs", for messages (no query: it may carry a page token).
    std::string what() const;

private:
    enum class Phase { idle, signing, in_flight, backoff, finished };
    bool advance();  // one move; false when waiting
    void on_answer(net::HttpResponse response);
    void finish_with(std::optional<ApiError> error);

    ApiContext context_;
    ApiRequest request_;
    PreparedRequest prepared_;
    Phase phase_ = Phase::idle;
    RequestSigner::Ticket ticket_ = 0;
    net::RequestId sent_ = 0;
    double sent_at_ = 0, retry_at_ = 0;
    int attempts_ = 0;
    std::optional<net::HttpResponse> response_;
    std::optional<ApiError> error_;
};

}  // namespace eic::encord

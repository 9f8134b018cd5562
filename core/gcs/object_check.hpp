// Checks that the objects a manifest names are in their buckets: a job (jobs/job_runner.hpp) that probes
// each object over the transport (net/http.hpp) with the request a ProbeSigner makes (gcs/probe_signer.hpp)
// and records what GCS says: exists (size, content type, last modified), missing (404), forbidden
// (401/403), or why there is no answer. The signer's api() says how answers read:
//   XML API   a signed HEAD: the answer's headers, and GCS's XML error documents;
//   JSON API  objects.get with an access token (gcs/json_api_prober.hpp): the object resource, and JSON
//             error documents (https://cloud.google.com/storage/docs/json_api/v1/status-codes), which come
//             with the GET itself, so no second request reads them.
//
// - Targets are (id, url) pairs; ids are the caller's (the app maps them to manifest units). The URL keeps
//   the user's form; the probe goes to https://storage.googleapis.com (gcs/object_url.hpp).
// - At most `max_in_flight` objects are worked on at once (signing, in flight or waiting to retry), so
//   never more requests than that are in flight.
// - 408, 429, 5xx and network failures are retried with back-off (net/retry.hpp), up to the policy's
//   attempts; 401/403/404 never (another send gets the same answer). A network failure may be a transient
//   drop (the HEAD is idempotent, so sending it again is safe); CORS and policy refusals are not retried:
//   the same request meets the same refusal.
// - A HEAD answer has no body (RFC 9110 §9.3.2), so a 403 says nothing of why. The job then sends one
//   signed GET of the first byte (Range: bytes=0-0) to read GCS's XML error: for SignatureDoesNotMatch it
//   carries GCS's own <CanonicalRequest> and <StringToSign> (observed responses; XML error bodies:
//   https://cloud.google.com/storage/docs/xml-api/reference-status), kept beside eic's.
// - Timeouts use the job's steady clock, not the platform's.
// - The Date header of answers (RFC 9110 §6.6.1) is compared with the wall clock: more than 60 s apart is
//   a clock skew, recorded once; signed URLs are refused when the clocks disagree by much
//   (https://cloud.google.com/storage/docs/access-control/signed-urls). In a browser, Date is readable only
//   when the bucket's CORS configuration exposes it (responseHeader), as Content-Length, Content-Type and
//   Last-Modified always are (CORS-safelisted response headers).
// - Access tokens expire. When one is refused (a JSON API 401; a signer's needs_token, e.g. IAM signBlob's
//   401) the job waits: no new object starts, what is in flight finishes (objects waiting to retry go back
//   to the queue), and the objects refused wait in `needs_token`, counted nowhere. waiting_for_token() says
//   so; once the caller has set a new token on the signer, resume() probes them again, first, and goes on.
// - cancel() aborts what is in flight and keeps the results so far; the unfinished stay `pending` (or
//   `needs_token`).
// - A re-run given the previous results skips the objects they settled (exists, missing, forbidden, not
//   checkable) unless `recheck`; outcomes that say nothing of the object (blocked, timeout, error) are
//   probed again.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "gcs/probe_signer.hpp"
#include "jobs/job_runner.hpp"
#include "net/http.hpp"
#include "net/retry.hpp"

namespace eic::gcs {

enum class ObjectState {
    pending,                  // not checked (yet, or the job was cancelled)
    exists,                   // 2xx
    missing,                  // 404
    forbidden,                // 401 or 403 (see error_code: SignatureDoesNotMatch is eic's or the key's fault)
    blocked_policy,           // the page's Content-Security-Policy refused the request
    blocked_cors_or_network,  // no answer: the bucket's CORS configuration, or the network
    timeout,                  // no answer in time, on every attempt
    not_checkable,            // not a GCS URL, or not addressable by path (see detail)
    error,                    // any other answer, retries exhausted, or the probe could not be signed
    needs_token,              // the access token was refused or is missing: probed again on resume()
};

const char* object_state_name(ObjectState s);

// True for outcomes about the object itself, which a re-run keeps.
bool is_settled(ObjectState s);

struct ObjectCheckTarget {
    std::uint64_t id = 0;
    std::string url;
};

struct ObjectResult {
    std::uint64_t id = 0;
    std::string url;  // as the manifest has it
    std::string bucket, object;
    ObjectState state = ObjectState::pending;
    int status = 0;                // the last HTTP status (0: none)
    int attempts = 0;              // requests sent for it, retries and the error-body GET included
    ProbeApi api = ProbeApi::xml;  // which API answered
    // The stored size: the JSON API's `size`; on the XML API x-goog-stored-content-length when GCS sends it
    // (an object stored gzip-compressed may be served decompressed, so its Content-Length is another
    // number: https://cloud.google.com/storage/docs/transcoding), else Content-Length.
    std::optional<std::uint64_t> size;
    std::string content_type;
    std::string updated;     // as sent: Last-Modified (XML, an HTTP-date) or `updated` (JSON, RFC 3339)
    std::string generation;  // x-goog-generation (XML) or `generation` (JSON); empty when not readable
    std::string md5_hash;    // base64: x-goog-hash's md5 (XML) or `md5Hash` (JSON); composite objects have none
    // GCS's error code: the XML <Code> ("AccessDenied", "SignatureDoesNotMatch") or the JSON API's reason
    // ("notFound", "forbidden", "required").
    std::string error_code;
    std::string detail;  // why: the failure, GCS's message, or why it is not checkable
    // For SignatureDoesNotMatch: what GCS computed and what eic signed.
    std::string server_canonical_request, server_string_to_sign;
    std::string eic_canonical_request, eic_string_to_sign;
};

struct ClockSkew {
    double seconds = 0;  // server's Date minus the local clock
    std::string date;    // the Date header as sent
};

struct ObjectCheckOptions {
    std::size_t max_in_flight = 8;
    net::RetryPolicy retry;
    double timeout_s = 30;  // per request, on the steady clock
    double skew_tolerance_s = 60;
    std::function<double()> steady;      // seconds, never decreasing (the job runner's clock)
    std::function<double()> wall;        // POSIX seconds (signing timestamps, the Date comparison)
    std::vector<ObjectResult> previous;  // an earlier run's results, for skipping
    bool recheck = false;                // probe every object again, previous results notwithstanding
};

class ObjectCheckJob : public jobs::Job {
public:
    // `client` and `signer` must outlive the job.
    ObjectCheckJob(std::vector<ObjectCheckTarget> targets, net::HttpClient& client, ProbeSigner& signer,
                   ObjectCheckOptions options);
    ~ObjectCheckJob() override;

    jobs::StepStatus step(std::size_t max_bytes) override;
    double progress() const override;
    double rate() const override;
    const char* rate_unit() const override { return "objects/s"; }
    void cancel() override;
    bool finished() const override { return finished_; }
    std::string label() const override;

    const std::vector<ObjectResult>& results() const { return results_; }
    const std::optional<ClockSkew>& clock_skew() const { return skew_; }
    std::size_t in_flight() const;  // requests sent and not answered
    std::size_t done() const { return done_; }

    // True from the first refused token until resume(): the job starts nothing new (it steps as `waiting`
    // once what was in flight has finished) and does not finish.
    bool waiting_for_token() const { return token_wait_; }
    // Probes the objects in `needs_token` again, before the rest, and goes on. Call it once the signer has
    // a new token; a no-op when the job is not waiting.
    void resume();

private:
    enum class Phase { signing, in_flight, backoff };
    struct Active {
        std::size_t index = 0;
        Phase phase = Phase::signing;
        std::string method = "HEAD";  // "GET" while reading a 403's error body
        int sends = 0;                // requests sent since it (re)started: the retry budget
        ProbeSigner::Ticket ticket = 0;
        net::RequestId request = 0;
        double sent_at = 0;
        double retry_at = 0;
        ProbeRequest probe;  // the request being sent (eic's canonical request)
    };
    // Advances one active object; true when the job is done with it (its result is final, it waits for a
    // token, or it went back to the queue).
    bool advance(Active& a, bool& progressed);
    void start_signing(Active& a);
    bool on_answer(Active& a, const net::HttpResponse& response);
    bool on_json_answer(Active& a, const net::HttpResponse& response);
    bool retry_or_fail(Active& a, const net::HttpResponse& response);
    void await_token(Active& a, std::string detail);
    void note_date(const net::HttpResponse& response);
    void settle(std::size_t index, ObjectState state);

    net::HttpClient& client_;
    ProbeSigner& signer_;
    ObjectCheckOptions options_;
    std::vector<ObjectResult> results_;
    std::vector<std::size_t> queue_;  // indices still to start, in reverse order
    std::vector<Active> active_;
    std::optional<ClockSkew> skew_;
    std::size_t done_ = 0;
    std::size_t done_here_ = 0;  // settled by this run (for the rate)
    double started_at_ = -1;
    double last_done_at_ = -1;
    bool finished_ = false;
    bool token_wait_ = false;
};

}  // namespace eic::gcs

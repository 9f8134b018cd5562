// Reads the media metadata Encord needs under strict client-only access (`imageMetadata`, `videoMetadata`)
// from the objects a manifest names: a job (jobs/job_runner.hpp) that reads the start of each object with
// signed GETs of byte ranges (gcs/probe_signer.hpp, Range: RFC 9110 §14.2) over the transport
// (net/http.hpp), as media/read_plan.hpp decides, and parses the header (media/image_header.hpp,
// media/mp4_header.hpp). Built like gcs/object_check.hpp:
//
// - Targets are (id, url, kind, known size); ids are the caller's (the app maps them to manifest items).
//   The size, when a listing or an object check's HEAD gave it, saves relying on Content-Range, which a
//   browser lets the page read only when the bucket's CORS configuration exposes it (it is not a
//   CORS-safelisted response header: https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name).
// - A single-range Range header is CORS-safelisted (https://fetch.spec.whatwg.org/#cors-safelisted-request-header),
//   so the GETs need no preflight. The signer decides the API (ProbeSigner::api()): the XML API or the
//   JSON API's media download; both answer a range with the same bytes, and only error bodies differ
//   (gcs/error_body.hpp).
// - 206 Partial Content: the bytes of `Content-Range: bytes FIRST-LAST/COMPLETE` (RFC 9110 §14.4, §15.3.7);
//   COMPLETE is the object's size. Without a readable Content-Range the bytes are taken to start where
//   asked, and an answer shorter than asked ends the file. 200 OK means the server ignored the range
//   (RFC 9110 §14.2 allows it): only the bytes asked for are kept and the result notes it; its
//   Content-Length is the size. 416 gives the size in `Content-Range: bytes */COMPLETE`.
// - At most `max_in_flight` objects are worked on at once, one request each. 408, 429, 5xx and network
//   failures are retried with back-off (net/retry.hpp) up to the policy's attempts per request; 401, 403 and
//   404 never. Timeouts use the job's steady clock. cancel() aborts what is in flight and keeps the results
//   so far; the unfinished stay `pending`.
// - Never more than the read plan's caps is read of an object; never the whole object.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "gcs/probe_signer.hpp"
#include "jobs/job_runner.hpp"
#include "media/read_plan.hpp"
#include "net/http.hpp"
#include "net/retry.hpp"

namespace eic::gcs {

enum class MediaProbeState {
    pending,                  // not read (yet, or the job was cancelled)
    ok,                       // `info` holds every field of the kind's metadata
    unreadable,               // the object was read, but its metadata could not be (see `verdict`)
    not_found,                // 404
    forbidden,                // 401 or 403
    blocked_policy,           // the page's Content-Security-Policy refused the request
    blocked_cors_or_network,  // no answer: the bucket's CORS configuration, or the network
    timeout,                  // no answer in time, on every attempt
    not_checkable,            // not a GCS URL, or not addressable by path (see detail)
    failed,                   // any other answer, retries exhausted, or the request could not be signed
};

const char* media_probe_state_name(MediaProbeState s);

struct MediaProbeTarget {
    std::uint64_t id = 0;
    std::string url;
    media::MediaKind kind = media::MediaKind::image;
    std::optional<std::uint64_t> size;  // the object's size when known (listing, HEAD)
};

struct MediaProbeResult {
    std::uint64_t id = 0;
    std::string url;  // as the manifest has it
    std::string bucket, object;
    media::MediaKind kind = media::MediaKind::image;
    MediaProbeState state = MediaProbeState::pending;
    // unreadable: why (not_recognised, unsupported, malformed, too_large, size_unknown).
    media::ReadVerdict verdict = media::ReadVerdict::read;
    std::optional<media::MediaInfo> info;  // ok only: never half filled
    int status = 0;                        // the last HTTP status (0: none)
    int attempts = 0;                      // requests sent for it, retries included
    int reads = 0;                         // ranges read
    std::uint64_t bytes_read = 0;          // bytes kept from the answers
    bool range_ignored = false;            // a 200 answered a range request
    std::string error_code;                // GCS's error code (XML <Code>, JSON errors[0].reason)
    std::string detail;                    // why: the failure, GCS's message, the header's problem
};

struct MediaProbeOptions {
    std::size_t max_in_flight = 4;
    net::RetryPolicy retry;
    double timeout_s = 30;           // per request, on the steady clock
    std::function<double()> steady;  // seconds, never decreasing (the job runner's clock)
    std::function<double()> wall;    // POSIX seconds (signing timestamps)
    media::ReadLimits limits;        // how much of an object may be read
};

class MediaProbeJob : public jobs::Job {
public:
    // `client` and `signer` must outlive the job.
    MediaProbeJob(std::vector<MediaProbeTarget> targets, net::HttpClient& client, ProbeSigner& signer,
                  MediaProbeOptions options);
    ~MediaProbeJob() override;

    jobs::StepStatus step(std::size_t max_bytes) override;
    double progress() const override;
    double rate() const override;
    const char* rate_unit() const override { return "objects/s"; }
    void cancel() override;
    bool finished() const override { return finished_; }
    std::string label() const override;

    const std::vector<MediaProbeResult>& results() const { return results_; }
    std::size_t in_flight() const;  // requests sent and not answered
    std::size_t done() const { return done_; }

private:
    enum class Phase { signing, in_flight, backoff };
    struct Active {
        std::size_t index = 0;
        Phase phase = Phase::signing;
        ProbeSigner::Ticket ticket = 0;
        net::RequestId request = 0;
        double sent_at = 0;
        double retry_at = 0;
        int tries = 0;  // sends of the current range
        media::ByteRange range;
        media::ReadState read;
    };
    // Advances one active object; true when its result is final.
    bool advance(Active& a, bool& progressed);
    // Asks the read plan what next: starts the next range (false) or settles the object (true).
    bool plan(Active& a, bool& progressed);
    void start_signing(Active& a);
    bool on_answer(Active& a, const net::HttpResponse& response, bool& progressed);
    // Takes the bytes of a 2xx answer into a.read; false (with the result's detail set) when they are not
    // the bytes asked for.
    bool take_bytes(Active& a, const net::HttpResponse& response);
    void settle(std::size_t index, MediaProbeState state);

    net::HttpClient& client_;
    ProbeSigner& signer_;
    MediaProbeOptions options_;
    std::vector<MediaProbeResult> results_;
    std::vector<std::optional<std::uint64_t>> known_size_;  // by result index
    std::vector<std::size_t> queue_;                        // indices still to start, in reverse order
    std::vector<Active> active_;
    std::size_t done_ = 0;
    double started_at_ = -1;
    double last_done_at_ = -1;
    bool finished_ = false;
};

}  // namespace eic::gcs

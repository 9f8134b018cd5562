// Lists a bucket prefix to the end: a job (jobs/job_runner.hpp) that asks for one page at a time
// (gcs/listing.hpp) through the signer (gcs/probe_signer.hpp) and the transport (net/http.hpp), the way
// gcs/object_check.hpp probes objects:
//
// - Pages follow each other (each needs the previous page's token), so one request is in flight at most.
// - 408, 429, 5xx and network failures are retried with back-off (net/retry.hpp), signing the page
//   again; a page that was read is never asked for again. A continuation token that was used before is
//   an error (kind loop): GCS tokens move forward, so a repeat would page forever.
// - Timeouts use the job's steady clock, not the platform's.
// - It stops at `max_objects` (default 500,000: Encord's limit of items per JSON file,
//   https://docs.encord.com/platform-documentation/Index/add-files/index-register-cloud-data, the figure
//   manifest/limits.hpp checks), keeping the first ones in name order, and says so (truncated_by_cap).
// - cancel() aborts the request in flight and keeps what was listed.
// - GCS says nothing of how many objects there are, so progress() is 0 until the end; label(), pages()
//   and objects() say how far it got, and rate() counts objects per second.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "gcs/listing.hpp"
#include "gcs/probe_signer.hpp"
#include "jobs/job_runner.hpp"
#include "net/http.hpp"
#include "net/retry.hpp"

namespace eic::gcs {

struct ListingOptions {
    std::string bucket;
    ListingQuery query;  // prefix, delimiter, page size; a token resumes an earlier listing there
    std::size_t max_objects = 500'000;
    net::RetryPolicy retry;
    double timeout_s = 30;           // per request, on the steady clock
    std::function<double()> steady;  // seconds, never decreasing (the job runner's clock)
    std::function<double()> wall;    // POSIX seconds (signing timestamps)
};

class ListingJob : public jobs::Job {
public:
    // `client` and `signer` must outlive the job.
    ListingJob(net::HttpClient& client, ProbeSigner& signer, ListingOptions options);
    ~ListingJob() override;

    jobs::StepStatus step(std::size_t max_bytes) override;
    double progress() const override { return finished_ ? 1.0 : 0.0; }
    double rate() const override;
    const char* rate_unit() const override { return "objects/s"; }
    void cancel() override;
    bool finished() const override { return finished_; }
    std::string label() const override;

    const std::vector<ListedObject>& objects() const { return objects_; }
    const std::vector<std::string>& prefixes() const { return prefixes_; }
    std::size_t pages() const { return pages_; }       // pages read
    int requests() const { return requests_; }         // requests sent, retries included
    bool complete() const { return complete_; }        // listed to the last page
    bool truncated_by_cap() const { return capped_; }  // stopped at max_objects with more to list
    bool cancelled() const { return cancelled_; }
    const std::optional<ListingError>& error() const { return error_; }
    // The access token was refused (it expires after an hour) or is missing: the listing waits where it
    // stopped; once the signer has a new token, resume() asks for the same page again.
    bool waiting_for_token() const { return phase_ == Phase::token && !finished_; }
    const std::string& token_message() const { return token_message_; }
    void resume();

private:
    // token: the access token was refused (401) or is missing; nothing is sent until resume().
    enum class Phase { idle, signing, in_flight, backoff, token };
    void start_signing();
    // Moves the state machine once; false when it must wait for the signer, the transport or the clock.
    bool advance();
    // Reads an answer: the next page, a retry after back-off, or the end.
    void on_answer(const net::HttpResponse& response);
    void take_page(ListingPage page);
    void fail(ListingError error);
    void finish();

    net::HttpClient& client_;
    ProbeSigner& signer_;
    ListingOptions options_;
    Phase phase_ = Phase::idle;
    std::string token_message_;
    ProbeSigner::Ticket ticket_ = 0;
    net::RequestId request_ = 0;
    double sent_at_ = 0, retry_at_ = 0;
    int attempts_ = 0;  // sends of the current page
    int requests_ = 0;
    std::vector<ListedObject> objects_;
    std::vector<std::string> prefixes_;
    std::unordered_set<std::string> tokens_used_;
    std::size_t pages_ = 0;
    std::optional<ListingError> error_;
    bool complete_ = false, capped_ = false, cancelled_ = false, finished_ = false;
    double started_at_ = -1, ended_at_ = -1;
};

}  // namespace eic::gcs

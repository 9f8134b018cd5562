#include "gcs/listing_job.hpp"

#include <algorithm>
#include <cmath>

namespace eic::gcs {

ListingJob::ListingJob(net::HttpClient& client, ProbeSigner& signer, ListingOptions options)
    : client_(client), signer_(signer), options_(std::move(options)) {
    if (options_.retry.max_attempts < 1) options_.retry.max_attempts = 1;
    if (options_.query.max_per_page == 0) options_.query.max_per_page = 1000;
    if (!options_.query.token.empty()) tokens_used_.insert(options_.query.token);
}

ListingJob::~ListingJob() {
    if (!finished_) cancel();
}

void ListingJob::finish() {
    finished_ = true;
    phase_ = Phase::idle;
    ended_at_ = options_.steady();
}

void ListingJob::fail(ListingError error) {
    error_ = std::move(error);
    finish();
}

void ListingJob::start_signing() {
    const ProbeTarget target = listing_target(options_.bucket, options_.query, signer_.api());
    ticket_ = signer_.start(target, std::int64_t(std::floor(options_.wall())));
    phase_ = Phase::signing;
}

void ListingJob::take_page(ListingPage page) {
    ++pages_;
    attempts_ = 0;
    const std::size_t room = options_.max_objects - std::min(options_.max_objects, objects_.size());
    const bool over = page.objects.size() > room;
    const std::size_t take = over ? room : page.objects.size();
    objects_.insert(objects_.end(), std::make_move_iterator(page.objects.begin()),
                    std::make_move_iterator(page.objects.begin() + std::ptrdiff_t(take)));
    prefixes_.insert(prefixes_.end(), std::make_move_iterator(page.prefixes.begin()),
                     std::make_move_iterator(page.prefixes.end()));
    if (over || (page.truncated && objects_.size() >= options_.max_objects)) {
        capped_ = true;
        return finish();
    }
    if (!page.truncated) {
        complete_ = true;
        return finish();
    }
    if (page.next_token.empty())
        return fail({ListingErrorKind::malformed, 200, "",
                     "GCS said the listing goes on (IsTruncated) but gave no continuation token."});
    if (!tokens_used_.insert(page.next_token).second)
        return fail({ListingErrorKind::loop, 200, "",
                     "GCS returned a continuation token that was used before, after " + std::to_string(pages_) +
                         " pages; listing further would repeat pages."});
    options_.query.token = std::move(page.next_token);
    phase_ = Phase::idle;
}

void ListingJob::on_answer(const net::HttpResponse& response) {
    if (response.status >= 200 && response.status <= 299) {
        if (response.body_truncated)
            return fail({ListingErrorKind::malformed, response.status, "",
                         "The platform kept only the start of the listing page."});
        ParsedListing parsed = parse_listing(response.body, signer_.api());
        if (!parsed.ok()) {
            parsed.error->status = response.status;
            return fail(std::move(*parsed.error));
        }
        return take_page(std::move(parsed.page));
    }
    if ((net::is_retryable("GET", response) && attempts_ < options_.retry.max_attempts) ||
        net::send_again_after_cors("GET", response, attempts_, options_.retry)) {
        phase_ = Phase::backoff;
        retry_at_ = options_.steady() + net::backoff_delay(options_.retry, attempts_, &response);
        return;
    }
    if (response.status == 401 && signer_.api() == ProbeApi::json) {
        // The JSON API with a bearer token: RFC 6750 section 3.1's invalid_token (expired or not valid).
        phase_ = Phase::token;
        token_message_ =
            "GCS refused the access token (401): it has expired or is not valid. Get a new token "
            "and resume.";
        return;
    }
    ListingError error;
    if (response.status == 0) {
        error.kind = ListingErrorKind::no_answer;
        error.message = response.message.empty() ? net::failure_name(response.failure) : response.message;
    } else {
        error = listing_error_from(response.status, response.body);
    }
    if (attempts_ > 1) error.message += " (gave up after " + std::to_string(attempts_) + " attempts)";
    fail(std::move(error));
}

bool ListingJob::advance() {
    switch (phase_) {
        case Phase::idle:
            start_signing();
            return true;
        case Phase::signing: {
            std::optional<ProbeRequest> probe = signer_.poll(ticket_);
            if (!probe) return false;
            ticket_ = 0;
            if (!probe->ok() && probe->needs_token) {  // IAM signBlob refused the token, or there is none
                phase_ = Phase::token;
                token_message_ = probe->error;
                return false;
            }
            if (!probe->ok()) {
                fail({ListingErrorKind::signing, 0, "", probe->error});
                return true;
            }
            request_ = client_.send(std::move(probe->http));
            sent_at_ = options_.steady();
            phase_ = Phase::in_flight;
            ++attempts_;
            ++requests_;
            return true;
        }
        case Phase::in_flight: {
            std::optional<net::HttpResponse> response = client_.poll(request_);
            if (!response) {
                if (options_.steady() - sent_at_ < options_.timeout_s) return false;
                client_.abort(request_);
                response = net::HttpResponse{};
                response->failure = net::Failure::timeout;
                response->message = "no answer within " + std::to_string(int(options_.timeout_s)) + " s";
            }
            request_ = 0;
            on_answer(*response);
            return true;
        }
        case Phase::backoff:
            if (options_.steady() < retry_at_) return false;
            phase_ = Phase::idle;
            return true;
        case Phase::token:
            return false;
    }
    return false;
}

jobs::StepStatus ListingJob::step(std::size_t /*max_bytes*/) {
    if (finished_) return jobs::StepStatus::finished;
    if (started_at_ < 0) started_at_ = options_.steady();
    // Sign, send and read as far as the signer and transport allow, but read at most one page per step
    // (a page is up to 1,000 objects), so a step stays short.
    bool progressed = false;
    const std::size_t pages_before = pages_;
    while (!finished_ && pages_ == pages_before && advance()) progressed = true;
    if (finished_) return jobs::StepStatus::finished;
    return progressed ? jobs::StepStatus::running : jobs::StepStatus::waiting;
}

double ListingJob::rate() const {
    if (started_at_ < 0 || objects_.empty()) return 0;
    const double elapsed = (finished_ ? ended_at_ : options_.steady()) - started_at_;
    return elapsed > 0 ? double(objects_.size()) / elapsed : 0;
}

void ListingJob::resume() {
    if (phase_ != Phase::token || finished_) return;
    token_message_.clear();
    attempts_ = 0;
    phase_ = Phase::idle;
}

void ListingJob::cancel() {
    if (finished_) return;
    if (phase_ == Phase::in_flight) client_.abort(request_);
    if (phase_ == Phase::signing) signer_.forget(ticket_);
    cancelled_ = true;
    finish();
}

std::string ListingJob::label() const {
    return "Listing gs://" + options_.bucket + "/" + options_.query.prefix + ": " + std::to_string(pages_) +
           (pages_ == 1 ? " page, " : " pages, ") + std::to_string(objects_.size()) + " objects";
}

}  // namespace eic::gcs

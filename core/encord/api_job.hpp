// The one-shot Encord calls the page makes, each a small job (jobs/job_runner.hpp) that drives
// encord/api_call.hpp and keeps the parsed answer (encord/api_responses.hpp):
//
//   FetchSchemaJob       GET organisation/client-metadata-schema-v2            -> the wire map
//   PushSchemaJob        POST the whole map (once: replacing the schema is not sent again), then GET it
//                        back and list the keys whose definitions differ from what was pushed
//   ListIntegrationsJob  GET cloud-integrations                                -> integrations
//   ListFoldersJob       GET storage/folders (or a search or children listing), following nextPageToken
//                        (the SDK's get_paged_iterator, encord/http/v2/api_client.py) up to max_pages
//   CreateFolderJob      POST storage/folders (never sent again: allow_retries=False) -> the folder
//
// They share ApiJob: one call at a time, a failure kept as an ApiError (no answer, or an error answer) or
// a ParseError (a success whose body is not what the SDK's DTO reads), cancel() aborting what is out.
#pragma once

#include <cstddef>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "encord/api_call.hpp"
#include "encord/api_errors.hpp"
#include "encord/api_requests.hpp"
#include "encord/api_responses.hpp"
#include "jobs/job_runner.hpp"

namespace eic::encord {

// Why an ApiJob failed: exactly one of the two is set.
struct ApiJobFailure {
    std::optional<ApiError> api;
    std::optional<ParseError> parse;
    std::string message() const;  // the ApiError's full_message(), or the parse error with its pointer
};

class ApiJob : public jobs::Job {
public:
    jobs::StepStatus step(std::size_t max_bytes) override;
    double progress() const override { return finished_ ? 1.0 : 0.0; }
    void cancel() override;
    bool finished() const override { return finished_; }
    std::string label() const override;

    bool ok() const { return finished_ && !failure_; }
    bool cancelled() const { return cancelled_; }
    const std::optional<ApiJobFailure>& failure() const { return failure_; }
    int requests() const { return requests_; }  // sends in all, retries included

protected:
    ApiJob(const ApiContext& context, std::string title);
    // Starts the job's first call (or fails it, for a request that could not be built).
    void begin(BuiltRequest request);
    void call(ApiRequest request);
    // A call succeeded: read its answer and either call() again, finish() or fail().
    virtual void on_success(const net::HttpResponse& response) = 0;
    void finish() { finished_ = true; }
    void fail(ApiJobFailure failure);
    void fail_parse(const ParseError& error) { fail({std::nullopt, error}); }

    ApiContext context_;

private:
    std::string title_;
    std::unique_ptr<ApiCall> call_;
    std::optional<ApiJobFailure> failure_;
    int requests_ = 0;
    bool finished_ = false, cancelled_ = false;
};

class FetchSchemaJob : public ApiJob {
public:
    explicit FetchSchemaJob(const ApiContext& context);
    const std::optional<nlohmann::ordered_json>& schema() const { return schema_; }

private:
    void on_success(const net::HttpResponse& response) override;
    std::optional<nlohmann::ordered_json> schema_;
};

// Top-level keys whose definitions differ between two wire maps (present in one only, or unequal, member
// order aside), in the order of `expected` then the extra keys of `actual`.
std::vector<std::string> differing_keys(const nlohmann::ordered_json& expected, const nlohmann::ordered_json& actual);

class PushSchemaJob : public ApiJob {
public:
    PushSchemaJob(const ApiContext& context, nlohmann::ordered_json map);
    bool pushed() const { return pushed_; }      // Encord accepted the POST
    bool verified() const { return verified_; }  // the schema read back equals the one pushed
    const std::vector<std::string>& differences() const { return differences_; }
    const std::optional<nlohmann::ordered_json>& read_back() const { return read_back_; }

private:
    void on_success(const net::HttpResponse& response) override;
    nlohmann::ordered_json map_;
    bool pushed_ = false, verified_ = false;
    std::vector<std::string> differences_;
    std::optional<nlohmann::ordered_json> read_back_;
};

class ListIntegrationsJob : public ApiJob {
public:
    explicit ListIntegrationsJob(const ApiContext& context, const IntegrationFilter& filter = {});
    const std::vector<CloudIntegration>& integrations() const { return integrations_; }

private:
    void on_success(const net::HttpResponse& response) override;
    std::vector<CloudIntegration> integrations_;
};

class ListFoldersJob : public ApiJob {
public:
    // `listing.page_token` resumes there; at most `max_pages` pages are read.
    ListFoldersJob(const ApiContext& context, FolderListing listing, std::size_t max_pages = 50);
    const std::vector<Folder>& folders() const { return folders_; }
    std::size_t pages() const { return pages_; }
    // Stopped at max_pages with more to list: next_page_token() goes on from there.
    bool truncated() const { return truncated_; }
    const std::optional<std::string>& next_page_token() const { return listing_.page_token; }

private:
    void on_success(const net::HttpResponse& response) override;
    FolderListing listing_;
    std::size_t max_pages_;
    std::vector<Folder> folders_;
    std::size_t pages_ = 0;
    bool truncated_ = false;
};

class CreateFolderJob : public ApiJob {
public:
    CreateFolderJob(const ApiContext& context, const NewFolder& folder);
    const std::optional<Folder>& folder() const { return folder_; }

private:
    void on_success(const net::HttpResponse& response) override;
    std::optional<Folder> folder_;
};

}  // namespace eic::encord

#include "encord/api_job.hpp"

#include <algorithm>

#include "encord/api_codes.hpp"

namespace eic::encord {

std::string ApiJobFailure::message() const {
    if (api) return api->full_message();
    if (parse) return parse->message + (parse->pointer.empty() ? "" : " (at " + parse->pointer + ")");
    return {};
}

ApiJob::ApiJob(const ApiContext& context, std::string title) : context_(context), title_(std::move(title)) {}

void ApiJob::begin(BuiltRequest request) {
    if (!request.ok()) {
        ApiError e;
        e.kind = ApiErrorKind::invalid_arguments;  // refused before it was sent, as Encord would refuse it
        e.code = api_code::invalid_arguments;
        e.message = request.error;
        return fail({e, std::nullopt});
    }
    call(std::move(*request.request));
}

void ApiJob::call(ApiRequest request) { call_ = std::make_unique<ApiCall>(context_, std::move(request)); }

void ApiJob::fail(ApiJobFailure failure) {
    failure_ = std::move(failure);
    finished_ = true;
}

jobs::StepStatus ApiJob::step(std::size_t /*max_bytes*/) {
    if (finished_) return jobs::StepStatus::finished;
    if (!call_ || !call_->poll()) return jobs::StepStatus::waiting;
    // The call ended: keep it until on_success has read it, as it may start the next one.
    std::unique_ptr<ApiCall> done = std::move(call_);
    requests_ += done->attempts();
    if (done->error()) {
        fail({done->error(), std::nullopt});
    } else {
        on_success(*done->response());
    }
    return finished_ ? jobs::StepStatus::finished : jobs::StepStatus::running;
}

void ApiJob::cancel() {
    if (finished_) return;
    if (call_) {
        call_->cancel();
        requests_ += call_->attempts();
        failure_ = ApiJobFailure{call_->error(), std::nullopt};
        call_.reset();
    }
    cancelled_ = true;
    finished_ = true;
}

std::string ApiJob::label() const {
    if (!finished_) return title_;
    if (cancelled_) return title_ + ": cancelled";
    return title_ + (failure_ ? ": failed" : ": done");
}

// ---- schema ---------------------------------------------------------------------------------------

FetchSchemaJob::FetchSchemaJob(const ApiContext& context) : ApiJob(context, "Reading the metadata schema") {
    call(schema_get());
}

void FetchSchemaJob::on_success(const net::HttpResponse& response) {
    Parsed<nlohmann::ordered_json> parsed = parse_schema(response);
    if (!parsed.ok()) return fail_parse(parsed.error);
    schema_ = std::move(parsed.value);
    finish();
}

std::vector<std::string> differing_keys(const nlohmann::ordered_json& expected, const nlohmann::ordered_json& actual) {
    // Compared as nlohmann::json (std::map objects), so member order does not count: Encord may keep a
    // definition's members in another order than they were sent.
    auto unordered = [](const nlohmann::ordered_json& v) { return nlohmann::json::parse(v.dump()); };
    std::vector<std::string> keys;
    const nlohmann::ordered_json empty = nlohmann::ordered_json::object();
    const nlohmann::ordered_json& a = expected.is_object() ? expected : empty;
    const nlohmann::ordered_json& b = actual.is_object() ? actual : empty;
    for (auto it = a.begin(); it != a.end(); ++it) {
        const auto other = b.find(it.key());
        if (other == b.end() || unordered(*it) != unordered(*other)) keys.push_back(it.key());
    }
    for (auto it = b.begin(); it != b.end(); ++it)
        if (a.find(it.key()) == a.end()) keys.push_back(it.key());
    return keys;
}

PushSchemaJob::PushSchemaJob(const ApiContext& context, nlohmann::ordered_json map)
    : ApiJob(context, "Pushing the metadata schema"), map_(std::move(map)) {
    ApiRequest post = schema_post(map_);
    // The POST replaces the organisation's whole schema; the SDK would send it again after a 5xx, but a
    // read-back settles whether it took, so eic sends it once and lets the verify step tell.
    post.retries = false;
    call(std::move(post));
}

void PushSchemaJob::on_success(const net::HttpResponse& response) {
    if (!pushed_) {
        pushed_ = true;
        return call(schema_get());
    }
    Parsed<nlohmann::ordered_json> parsed = parse_schema(response);
    if (!parsed.ok()) return fail_parse(parsed.error);
    read_back_ = std::move(parsed.value);
    differences_ = differing_keys(map_, *read_back_);
    verified_ = differences_.empty();
    finish();
}

// ---- integrations and folders ---------------------------------------------------------------------

ListIntegrationsJob::ListIntegrationsJob(const ApiContext& context, const IntegrationFilter& filter)
    : ApiJob(context, "Listing cloud integrations") {
    begin(cloud_integrations_list(filter));
}

void ListIntegrationsJob::on_success(const net::HttpResponse& response) {
    Parsed<std::vector<CloudIntegration>> parsed = parse_integrations(response);
    if (!parsed.ok()) return fail_parse(parsed.error);
    integrations_ = std::move(*parsed.value);
    finish();
}

ListFoldersJob::ListFoldersJob(const ApiContext& context, FolderListing listing, std::size_t max_pages)
    : ApiJob(context, "Listing folders"),
      listing_(std::move(listing)),
      max_pages_(std::max<std::size_t>(1, max_pages)) {
    begin(folders_list(listing_));
}

void ListFoldersJob::on_success(const net::HttpResponse& response) {
    Parsed<FolderPage> parsed = parse_folder_page(response);
    if (!parsed.ok()) return fail_parse(parsed.error);
    ++pages_;
    FolderPage& page = *parsed.value;
    folders_.insert(folders_.end(), std::make_move_iterator(page.results.begin()),
                    std::make_move_iterator(page.results.end()));
    const bool more = page.next_page_token && !page.next_page_token->empty();
    if (more && listing_.page_token == page.next_page_token)
        return fail_parse(
            {"Encord sent the same nextPageToken twice; listing further would repeat the page.", "/nextPageToken"});
    listing_.page_token = page.next_page_token;
    if (!more) {
        listing_.page_token.reset();
        return finish();
    }
    if (pages_ >= max_pages_) {
        truncated_ = true;
        return finish();
    }
    begin(folders_list(listing_));
}

CreateFolderJob::CreateFolderJob(const ApiContext& context, const NewFolder& folder)
    : ApiJob(context, "Creating folder " + folder.name) {
    begin(folder_create(folder));
}

void CreateFolderJob::on_success(const net::HttpResponse& response) {
    Parsed<Folder> parsed = parse_folder(response);
    if (!parsed.ok()) return fail_parse(parsed.error);
    folder_ = std::move(parsed.value);
    finish();
}

}  // namespace eic::encord

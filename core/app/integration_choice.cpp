#include "app/integration_choice.hpp"

#include <algorithm>

namespace eic::app {

std::shared_ptr<encord::ListIntegrationsJob> IntegrationChoice::list(const encord::ApiContext& context) {
    if (job_ && !job_->finished()) job_->cancel();
    error_.reset();
    job_ = std::make_shared<encord::ListIntegrationsJob>(context);
    take_in();
    return job_;
}

void IntegrationChoice::take_in() const {
    if (!job_ || !job_->finished()) return;
    std::shared_ptr<encord::ListIntegrationsJob> job = std::move(job_);
    job_.reset();
    if (job->cancelled()) return;
    ++listings_done_;
    if (!job->ok()) {
        error_ = job->failure();
        return;
    }
    integrations_ = job->integrations();
    listed_ = true;
    const auto same = [&](const encord::CloudIntegration& i) { return chosen_ && i.uuid == chosen_->uuid; };
    const auto kept = std::find_if(integrations_.begin(), integrations_.end(), same);
    if (kept != integrations_.end())
        chosen_ = *kept;  // its title may have changed
    else
        chosen_ =
            integrations_.size() == 1 ? std::optional<encord::CloudIntegration>(integrations_.front()) : std::nullopt;
}

bool IntegrationChoice::choose(std::size_t index) {
    take_in();
    if (index >= integrations_.size()) return false;
    chosen_ = integrations_[index];
    return true;
}

std::optional<std::size_t> IntegrationChoice::chosen_index() const {
    take_in();
    if (!chosen_) return std::nullopt;
    for (std::size_t i = 0; i < integrations_.size(); ++i)
        if (integrations_[i].uuid == chosen_->uuid) return i;
    return std::nullopt;
}

void IntegrationChoice::cancel() {
    if (job_) job_->cancel();
    take_in();
}

std::string destination_text(const std::string& folder_uuid, const std::string& folder_name,
                             const std::string& integration_uuid, const std::string& integration_title) {
    const std::string folder = "folder " + folder_name + " (" + folder_uuid + ")";
    const std::string integration = "integration " + integration_title + " (" + integration_uuid + ")";
    if (folder_uuid.empty() && integration_uuid.empty())
        return "No destination yet: choose a folder (Use for uploads) and an integration.";
    if (integration_uuid.empty()) return "Uploads go to " + folder + "; choose the integration that reads the bucket.";
    if (folder_uuid.empty()) return "Uploads go through " + integration + "; choose a folder (Use for uploads).";
    return "Uploads go to " + folder + " through " + integration + ".";
}

}  // namespace eic::app

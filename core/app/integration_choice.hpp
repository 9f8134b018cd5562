// The Encord window's cloud integrations (GET cloud-integrations, EncordUserClient.get_cloud_integrations)
// and which one uploads go through, without ImGui; and the sentence that says where uploads go.
//
// An upload job names the integration that reads the bucket (`integrationHash`, encord/orm/storage.py
// PostUploadJobParams), so the choice is the integration's UUID; its title is only what people read.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "encord/api_job.hpp"

namespace eic::app {

class IntegrationChoice {
public:
    // Starts the listing; returns its job to run (nullptr: it could not start, error() says why).
    std::shared_ptr<encord::ListIntegrationsJob> list(const encord::ApiContext& context);

    const std::vector<encord::CloudIntegration>& integrations() const { return fresh(integrations_); }
    bool loading() const { return fresh(job_) != nullptr; }
    bool listed() const { return fresh(listed_); }  // a listing finished well
    int listings_done() const { return fresh(listings_done_); }
    const std::optional<encord::ApiJobFailure>& error() const { return fresh(error_); }

    // The integration chosen: kept across listings while Encord still lists it. When a listing finishes and
    // nothing is chosen, the only integration there is becomes the choice.
    const std::optional<encord::CloudIntegration>& chosen() const { return fresh(chosen_); }
    // Chooses integrations()[index]; false (nothing changes) when there is none there.
    bool choose(std::size_t index);
    std::optional<std::size_t> chosen_index() const;

    void cancel();

private:
    void take_in() const;
    // A member, after taking in a finished job.
    template <class T>
    const T& fresh(const T& member) const {
        take_in();
        return member;
    }
    mutable std::shared_ptr<encord::ListIntegrationsJob> job_;
    mutable std::vector<encord::CloudIntegration> integrations_;
    mutable bool listed_ = false;
    mutable int listings_done_ = 0;
    mutable std::optional<encord::ApiJobFailure> error_;
    mutable std::optional<encord::CloudIntegration> chosen_;
};

// "Uploads go to folder NAME (UUID) through integration TITLE (UUID)." and its incomplete forms, for the
// folder and integration chosen (empty UUID: not chosen).
std::string destination_text(const std::string& folder_uuid, const std::string& folder_name,
                             const std::string& integration_uuid, const std::string& integration_title);

}  // namespace eic::app

// The Folders tab's calls to Encord: the cloud integrations, the folder listings and the folder create
// (core/app/folder_browser.hpp, core/app/integration_choice.hpp hold what they decide), run as jobs on the
// workspace's runner with the connection's context and signer (encord_connection.hpp), and the choice of
// where uploads go, written into EncordConnection::destination() for the Upload tab.
#pragma once

#include <cstddef>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/folder_browser.hpp"
#include "app/integration_choice.hpp"
#include "app/manifest_workspace.hpp"
#include "encord/request_signer.hpp"

namespace eic::web {

class EncordFolders {
public:
    // Why nothing can be asked of Encord now (no key yet); empty when calls can start.
    std::string cannot_call() const;

    bool list_integrations(app::ManifestWorkspace& ws);
    bool list(app::ManifestWorkspace& ws);
    bool open(app::ManifestWorkspace& ws, const encord::Folder& folder);
    bool up_to(app::ManifestWorkspace& ws, std::size_t crumb);
    bool search(app::ManifestWorkspace& ws, const std::string& text);
    bool load_more(app::ManifestWorkspace& ws);
    bool create(app::ManifestWorkspace& ws, const encord::NewFolder& folder);

    // Where uploads go (EncordConnection::destination()).
    void use_for_uploads(const encord::Folder& folder);
    void choose_integration(std::size_t index);
    // Writes an integration chosen by a listing (the only one there is) into the destination.
    void follow_integration_choice();

    const app::FolderBrowser& browser() const { return browser_; }
    app::FolderBrowser& browser() { return browser_; }
    const app::IntegrationChoice& integrations() const { return integrations_; }
    int folder_listings_started() const { return listings_started_; }
    int integration_listings_started() const { return integration_listings_started_; }
    int creates_started() const { return creates_started_; }

private:
    template <class J>
    bool run(app::ManifestWorkspace& ws, std::shared_ptr<J> job);
    template <class Start>
    bool start(app::ManifestWorkspace& ws, Start&& start);

    app::FolderBrowser browser_;
    app::IntegrationChoice integrations_;
    // The signers jobs were started with, kept while they may run (a job holds a raw pointer).
    std::vector<std::shared_ptr<encord::RequestSigner>> signers_;
    int listings_started_ = 0, integration_listings_started_ = 0, creates_started_ = 0;
};

EncordFolders& encord_folders();

// For tests (CanvasApp::encord_state): the integrations listed and chosen, and the folders tab's listing,
// create and destination. UUIDs and names only.
nlohmann::json integrations_state(const EncordFolders& f);
nlohmann::json folders_state(const EncordFolders& f);

}  // namespace eic::web

#include "app/encord/encord_folders.hpp"

#include <algorithm>

#include "app/bucket_check.hpp"
#include "app/encord/encord_connection.hpp"

namespace eic::web {

EncordFolders& encord_folders() {
    static EncordFolders f;
    return f;
}

std::string EncordFolders::cannot_call() const {
    if (encord_connection().key_state() != EncordConnection::KeyState::ready) return "Open your Encord key first.";
    return "";
}

template <class J>
bool EncordFolders::run(app::ManifestWorkspace& ws, std::shared_ptr<J> job) {
    if (!job) return false;  // refused before sending: the browser keeps why
    ws.run_job(std::make_unique<app::SharedJob>(std::move(job)));
    return true;
}

// Calls `start(context)` with the connection's context, keeping its signer while the job may run.
template <class Start>
bool EncordFolders::start(app::ManifestWorkspace& ws, Start&& start) {
    std::optional<EncordConnection::Calls> c = encord_connection().calls();
    if (!c) return false;
    if (std::find(signers_.begin(), signers_.end(), c->signer) == signers_.end()) signers_.push_back(c->signer);
    return run(ws, start(c->context));
}

bool EncordFolders::list_integrations(app::ManifestWorkspace& ws) {
    ++integration_listings_started_;
    return start(ws, [&](const encord::ApiContext& c) { return integrations_.list(c); });
}

bool EncordFolders::list(app::ManifestWorkspace& ws) {
    ++listings_started_;
    return start(ws, [&](const encord::ApiContext& c) { return browser_.list(c); });
}

bool EncordFolders::open(app::ManifestWorkspace& ws, const encord::Folder& folder) {
    ++listings_started_;
    const encord::Folder copy = folder;  // `folder` is a row of the listing this replaces
    return start(ws, [&](const encord::ApiContext& c) { return browser_.open(c, copy); });
}

bool EncordFolders::up_to(app::ManifestWorkspace& ws, std::size_t crumb) {
    ++listings_started_;
    return start(ws, [&](const encord::ApiContext& c) { return browser_.up_to(c, crumb); });
}

bool EncordFolders::search(app::ManifestWorkspace& ws, const std::string& text) {
    ++listings_started_;
    return start(ws, [&](const encord::ApiContext& c) { return browser_.search_for(c, text); });
}

bool EncordFolders::load_more(app::ManifestWorkspace& ws) {
    ++listings_started_;
    return start(ws, [&](const encord::ApiContext& c) { return browser_.load_more(c); });
}

bool EncordFolders::create(app::ManifestWorkspace& ws, const encord::NewFolder& folder) {
    ++creates_started_;
    return start(ws, [&](const encord::ApiContext& c) { return browser_.create(c, folder); });
}

void EncordFolders::use_for_uploads(const encord::Folder& folder) {
    EncordConnection::Destination& d = encord_connection().destination();
    d.folder_uuid = folder.uuid;
    d.folder_name = folder.name;
}

void EncordFolders::choose_integration(std::size_t index) {
    if (integrations_.choose(index)) follow_integration_choice();
}

void EncordFolders::follow_integration_choice() {
    const auto& chosen = integrations_.chosen();
    if (!chosen) return;
    EncordConnection::Destination& d = encord_connection().destination();
    d.integration_uuid = chosen->uuid;
    d.integration_title = chosen->title;
}

namespace {
nlohmann::json failure_json(const std::optional<encord::ApiJobFailure>& failure) {
    return failure ? nlohmann::json(failure_text(*failure)) : nlohmann::json("");
}
}  // namespace

nlohmann::json integrations_state(const EncordFolders& f) {
    const app::IntegrationChoice& ic = f.integrations();
    nlohmann::json items = nlohmann::json::array();
    for (const encord::CloudIntegration& i : ic.integrations()) items.push_back({{"uuid", i.uuid}, {"title", i.title}});
    return {{"started", f.integration_listings_started()},
            {"listings", ic.listings_done()},
            {"running", ic.loading()},
            {"listed", ic.listed()},
            {"error", failure_json(ic.error())},
            {"count", items.size()},
            {"items", items},
            {"chosen", ic.chosen() ? nlohmann::json(ic.chosen()->uuid) : nlohmann::json()}};
}

nlohmann::json folders_state(const EncordFolders& f) {
    const app::FolderBrowser& b = f.browser();
    nlohmann::json items = nlohmann::json::array();
    for (const encord::Folder& x : b.folders())
        items.push_back({{"uuid", x.uuid},
                         {"name", x.name},
                         {"description", x.description},
                         {"parent", x.parent ? nlohmann::json(*x.parent) : nlohmann::json()},
                         {"path", app::path_text(x)},
                         {"role", x.user_role}});
    nlohmann::json where = nlohmann::json::array();
    for (const app::FolderCrumb& c : b.where()) where.push_back({{"uuid", c.uuid}, {"name", c.name}});
    const EncordConnection::Destination& d = encord_connection().destination();
    return {{"started", f.folder_listings_started()},
            {"listings", b.listings_done()},
            {"running", b.loading()},
            {"error", failure_json(b.error())},
            {"where", where},
            {"search", b.search()},
            {"pageSize", b.page_size()},
            {"pages", b.pages()},
            {"truncated", b.has_more()},
            {"count", items.size()},
            {"items", items},
            {"create",
             {{"started", f.creates_started()},
              {"done", b.creates_done()},
              {"sends", b.create_sends()},
              {"running", b.creating()},
              {"unknownOutcome", b.create_unknown_outcome()},
              {"cannotCreate", b.cannot_create()},
              {"error", failure_json(b.create_error())},
              {"created", b.created() ? nlohmann::json({{"uuid", b.created()->uuid}, {"name", b.created()->name}})
                                      : nlohmann::json()}}},
            {"destination",
             {{"folderUuid", d.folder_uuid},
              {"folderName", d.folder_name},
              {"integrationUuid", d.integration_uuid},
              {"integrationTitle", d.integration_title},
              {"text", app::destination_text(d.folder_uuid, d.folder_name, d.integration_uuid, d.integration_title)}}}};
}

}  // namespace eic::web

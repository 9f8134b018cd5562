#include "app/folder_browser.hpp"

#include <algorithm>
#include <map>

namespace eic::app {

std::vector<FolderCrumb> crumbs_of(const encord::Folder& folder) {
    std::map<std::string, const encord::PathElement*> by_uuid;
    for (const encord::PathElement& p : folder.path_to_root) by_uuid[p.uuid] = &p;
    std::vector<FolderCrumb> up{{folder.uuid, folder.name}};
    std::optional<std::string> parent = folder.parent;
    // Each element at most once: a loop in what Encord sent ends the path rather than the page.
    while (parent && up.size() <= folder.path_to_root.size()) {
        const auto it = by_uuid.find(*parent);
        if (it == by_uuid.end() || it->second->uuid == folder.uuid) break;
        up.push_back({it->second->uuid, it->second->name});
        parent = it->second->parent_uuid;
        by_uuid.erase(it);
    }
    std::reverse(up.begin(), up.end());
    return up;
}

bool path_is_whole(const std::vector<FolderCrumb>& crumbs, const encord::Folder& folder) {
    if (crumbs.empty()) return false;
    if (crumbs.size() == 1) return !folder.parent;
    const auto top = std::find_if(folder.path_to_root.begin(), folder.path_to_root.end(),
                                  [&](const encord::PathElement& p) { return p.uuid == crumbs.front().uuid; });
    return top != folder.path_to_root.end() && !top->parent_uuid;
}

std::string path_text(const encord::Folder& folder) {
    const std::vector<FolderCrumb> crumbs = crumbs_of(folder);
    std::string out = path_is_whole(crumbs, folder) ? "" : "…";
    for (const FolderCrumb& c : crumbs) out += "/" + c.name;
    return out;
}

encord::FolderListing FolderBrowser::listing() const {
    encord::FolderListing l;
    l.page_size = page_size_;
    if (!where_.empty()) {
        l.scope = encord::FolderScope::children;
        l.parent = where_.back().uuid;
    }
    if (!search_.empty()) {
        l.search = search_;
        // find_subfolders searches the whole subtree; find_storage_folders has its own route.
        if (where_.empty())
            l.scope = encord::FolderScope::search;
        else
            l.recursive = true;
    }
    return l;
}

std::shared_ptr<encord::ListFoldersJob> FolderBrowser::start(const encord::ApiContext& context, bool more) {
    if (job_ && !job_->finished()) job_->cancel();
    encord::FolderListing l = listing();
    if (more) l.page_token = next_token_;
    if (!more) {
        folders_.clear();
        next_token_.reset();
        pages_ = 0;
    }
    error_.reset();
    job_ = std::make_shared<encord::ListFoldersJob>(context, std::move(l), 1);
    job_appends_ = more;
    job_number_ = ++listings_started_;
    take_in();  // a request that could not be built fails at once
    return job_ && !job_->finished() ? job_ : nullptr;
}

std::shared_ptr<encord::ListFoldersJob> FolderBrowser::list(const encord::ApiContext& context) {
    return start(context, false);
}

std::shared_ptr<encord::ListFoldersJob> FolderBrowser::open(const encord::ApiContext& context,
                                                            const encord::Folder& folder) {
    where_ = crumbs_of(folder);
    // Opened from a search, a path that does not reach the top level still goes back to it from its first crumb.
    search_.clear();
    return start(context, false);
}

std::shared_ptr<encord::ListFoldersJob> FolderBrowser::up_to(const encord::ApiContext& context, std::size_t index) {
    where_.resize(index < where_.size() ? index + 1 : 0);
    search_.clear();
    return start(context, false);
}

std::shared_ptr<encord::ListFoldersJob> FolderBrowser::search_for(const encord::ApiContext& context, std::string text) {
    search_ = std::move(text);
    return start(context, false);
}

std::shared_ptr<encord::ListFoldersJob> FolderBrowser::load_more(const encord::ApiContext& context) {
    if (loading() || !next_token_) return nullptr;
    return start(context, true);
}

void FolderBrowser::take_in() const {
    if (job_ && job_->finished()) {
        std::shared_ptr<encord::ListFoldersJob> job = std::move(job_);
        job_.reset();
        if (job->cancelled()) {
            // replaced by another listing, or stopped: nothing to take in
        } else if (!job->ok()) {
            ++listings_done_;
            error_ = job->failure();
        } else {
            ++listings_done_;
            // Tokens may be offsets: a folder made meanwhile can push the last row into the next page again.
            for (const encord::Folder& f : job->folders())
                if (!job_appends_ || std::none_of(folders_.begin(), folders_.end(),
                                                  [&](const encord::Folder& g) { return g.uuid == f.uuid; }))
                    folders_.push_back(f);
            next_token_ = job->next_page_token();
            ++pages_;
            if (unknown_outcome_ && job_number_ > unknown_after_) unknown_outcome_ = false;
        }
    }
    if (create_ && create_->finished()) {
        std::shared_ptr<encord::CreateFolderJob> job = std::move(create_);
        create_.reset();
        ++creates_done_;
        create_sends_ = job->requests();
        if (job->ok()) {
            created_ = job->folder();
            // Shown at once where it belongs (the same parent, no search), in name order among the rows loaded.
            const std::optional<std::string> here =
                where_.empty() ? std::nullopt : std::optional<std::string>(where_.back().uuid);
            if (created_ && search_.empty() && created_->parent == here) {
                const auto at =
                    std::upper_bound(folders_.begin(), folders_.end(), *created_,
                                     [](const encord::Folder& a, const encord::Folder& b) { return a.name < b.name; });
                if (at != folders_.end() || !next_token_) folders_.insert(at, *created_);
            }
        } else {
            create_error_ = job->failure();
            unknown_outcome_ = create_error_ && create_error_->api &&
                               create_error_->api->kind == encord::ApiErrorKind::unknown_outcome;
            if (unknown_outcome_) unknown_after_ = listings_started_;
        }
    }
}

std::optional<std::string> FolderBrowser::new_folder_parent() const {
    if (where_.empty()) return std::nullopt;
    return where_.back().uuid;
}

std::string FolderBrowser::cannot_create() const {
    take_in();
    if (create_) return "A folder is being created.";
    if (unknown_outcome_)
        return "The last create got no answer, so the folder may have been created: list the folders before "
               "trying again.";
    return "";
}

std::shared_ptr<encord::CreateFolderJob> FolderBrowser::create(const encord::ApiContext& context,
                                                               encord::NewFolder folder) {
    if (!cannot_create().empty()) return nullptr;
    folder.parent = new_folder_parent();
    created_.reset();
    create_error_.reset();
    create_ = std::make_shared<encord::CreateFolderJob>(context, folder);
    take_in();
    return create_;
}

void FolderBrowser::cancel() {
    if (job_) job_->cancel();
    if (create_) create_->cancel();
    take_in();
}

}  // namespace eic::app

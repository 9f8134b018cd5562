// The Encord window's Folders tab, without ImGui: which folders are listed (the top level, one folder's
// children, or a search), the pages loaded so far and the token of the next one, the breadcrumb back to the
// top level, and the one create that may be under way.
//
// Listings follow Encord's SDK (encord/storage.py, encord/user_client.py): the top level is
// list_storage_folders (GET storage/folders), a folder's children list_subfolders (GET
// storage/folders/{uuid}/folders), a search at the top level find_storage_folders (GET
// storage/search/folders, every folder) and a search inside a folder find_subfolders (its children with
// isRecursive=True). A page is one ListFoldersJob of one page; "load more" sends the page's nextPageToken
// back as pageToken (ApiClient.get_paged_iterator, encord/http/v2/api_client.py). A listing started while
// another runs cancels it, so a late answer never lands in the wrong table.
//
// A create (CreateFolderJob) is sent once. Without an answer its outcome is unknown: the folder may exist.
// The tab then says so, and Create stays off until a listing has finished, so the user sees whether it was
// made before making another.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "encord/api_job.hpp"

namespace eic::app {

// One step of a folder's path from the top level.
struct FolderCrumb {
    std::string uuid, name;
};

// The folder's ancestors, top first, then the folder itself. path_to_root is followed by its parent links,
// so the order Encord lists the elements in does not matter; a missing link ends the path there (the
// first crumb is then not a top-level folder: see path_is_whole).
std::vector<FolderCrumb> crumbs_of(const encord::Folder& folder);
bool path_is_whole(const std::vector<FolderCrumb>& crumbs, const encord::Folder& folder);
// "/eic-demo/2026/batch-1"; "…/batch-1" when path_to_root does not reach the top level.
std::string path_text(const encord::Folder& folder);

class FolderBrowser {
public:
    // The sizes a page may have: Encord takes 1 to 1000 (ListFoldersParams, encord/orm/storage.py; refused
    // otherwise by encord/api_requests.hpp folders_list) and lists 100 by default.
    static constexpr int kDefaultPageSize = 100;

    // ---- what is listed
    const std::vector<FolderCrumb>& where() const { return where_; }  // empty: the top level
    const std::string& search() const { return search_; }             // empty: no search
    int page_size() const { return page_size_; }
    void set_page_size(int n) { page_size_ = n; }

    // Each starts the first page of a listing and returns its job to run; nullptr when the request could
    // not be built (then error() says why). The table empties at once.
    std::shared_ptr<encord::ListFoldersJob> list(const encord::ApiContext& context);  // again, as it is
    std::shared_ptr<encord::ListFoldersJob> open(const encord::ApiContext& context, const encord::Folder& folder);
    // Back to where()[index] (its children); index >= where().size(): the top level.
    std::shared_ptr<encord::ListFoldersJob> up_to(const encord::ApiContext& context, std::size_t index);
    // Folders whose name holds `text`, under the folder viewed (or anywhere); an empty text lists again.
    std::shared_ptr<encord::ListFoldersJob> search_for(const encord::ApiContext& context, std::string text);
    // The next page of the same listing, appended; nullptr when there is none or one is loading.
    std::shared_ptr<encord::ListFoldersJob> load_more(const encord::ApiContext& context);

    // ---- what was listed (a finished job is taken in when any of these is read)
    const std::vector<encord::Folder>& folders() const { return fresh(folders_); }
    bool loading() const { return fresh(job_) != nullptr; }
    bool has_more() const { return fresh(next_token_).has_value(); }  // Encord gave a nextPageToken
    std::size_t pages() const { return fresh(pages_); }               // pages of this listing loaded
    // Listings and pages finished, ok or not, since the start.
    int listings_done() const { return fresh(listings_done_); }
    const std::optional<encord::ApiJobFailure>& error() const { return fresh(error_); }  // the last listing's failure
    encord::FolderListing listing() const;  // what the table's first page asked for

    // ---- a new folder under the folder viewed (where().back()), or at the top level
    std::optional<std::string> new_folder_parent() const;
    std::string cannot_create() const;  // why Create is off; empty when it may be sent
    std::shared_ptr<encord::CreateFolderJob> create(const encord::ApiContext& context, encord::NewFolder folder);
    bool creating() const { return fresh(create_) != nullptr; }
    bool create_unknown_outcome() const { return fresh(unknown_outcome_); }  // the last create got no answer
    // The last create's folder, when Encord answered.
    const std::optional<encord::Folder>& created() const { return fresh(created_); }
    const std::optional<encord::ApiJobFailure>& create_error() const { return fresh(create_error_); }
    int creates_done() const { return fresh(creates_done_); }
    // How many times eic sent the last create: 1 (never again). The browser may send it again on its own
    // when a reused keep-alive connection closes without an answer (Chromium's HttpNetworkTransaction).
    int create_sends() const { return fresh(create_sends_); }

    // Stops what runs (the key was forgotten, the page is closing).
    void cancel();

private:
    std::shared_ptr<encord::ListFoldersJob> start(const encord::ApiContext& context, bool more);
    void take_in() const;
    // A member, after taking in a finished job.
    template <class T>
    const T& fresh(const T& member) const {
        take_in();
        return member;
    }

    std::vector<FolderCrumb> where_;
    std::string search_;
    int page_size_ = kDefaultPageSize;

    // Taken in from finished jobs on reading: mutable, so readers stay const.
    mutable std::shared_ptr<encord::ListFoldersJob> job_;
    mutable bool job_appends_ = false;
    int listings_started_ = 0;
    mutable int job_number_ = 0;  // listings_started_ when job_ began
    mutable std::vector<encord::Folder> folders_;
    mutable std::optional<std::string> next_token_;
    mutable std::size_t pages_ = 0;
    mutable int listings_done_ = 0;
    mutable std::optional<encord::ApiJobFailure> error_;

    mutable std::shared_ptr<encord::CreateFolderJob> create_;
    mutable std::optional<encord::Folder> created_;
    mutable std::optional<encord::ApiJobFailure> create_error_;
    mutable bool unknown_outcome_ = false;  // cleared by a listing started after it that finishes well
    mutable int unknown_after_ = 0;         // listings_started_ when the outcome became unknown
    mutable int creates_done_ = 0;
    mutable int create_sends_ = 0;
};

}  // namespace eic::app

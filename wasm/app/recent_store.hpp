// The page's side of File > Open recent (app/recent_files.hpp): the list and each kept copy go to
// IndexedDB (web/idb-records.js, installRecentFiles), the last session's list comes back at start, and a
// chosen entry's copy is read back and delivered like a picked file (web/file-bridge.js). Nothing is
// written before the last session's list has been read: a list written first would erase it; files
// opened meanwhile are added once it has been.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/log.hpp"
#include "app/recent_files.hpp"

namespace eic::web {

class RecentStore {
public:
    // The user opened a file (picked, dropped, fetched or chosen from this list).
    void opened(const std::string& name, app::RecentKind kind, std::string_view bytes);
    // The last session's list ("" when none), or why it could not be read.
    void restore(std::string_view record, const std::string& error, app::Log& log, double now_s);
    // The user chose an entry: its copy is asked of the page, or, without one, the file picker opens.
    void choose(std::uint64_t id, app::Log& log, double now_s);
    // The page could not give an entry's copy back: the entry goes, and the user is told.
    void copy_missing(std::uint64_t id, const std::string& reason, app::Log& log, double now_s);
    // The store refused a write (a full quota): said on screen once per reason.
    void write_failed(const std::string& reason, app::Log& log, double now_s);
    void clear(app::Log& log, double now_s);
    const app::RecentFiles& files() const { return files_; }
    bool restored() const { return restored_; }

private:
    struct Pending {
        std::string name;
        app::RecentKind kind;
        std::string bytes;  // kept only when a copy will be
        std::uint64_t size;
        double at;
    };
    void add(const std::string& name, app::RecentKind kind, std::string_view bytes, std::uint64_t size, double at);
    void write_list();
    void drop(const std::vector<std::uint64_t>& ids);

    app::RecentFiles files_;
    bool restored_ = false;
    std::vector<Pending> pending_;
    std::string failure_;  // as last said
};

RecentStore& recent_store();

}  // namespace eic::web

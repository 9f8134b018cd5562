// The files the user opened lately, for File > Open recent (the plugin issue: "Everything the user is
// working on autosaves (... recent files ...)"). A page cannot open a file on the user's disk again by
// its name, so the list keeps a copy of each file as it was opened, within the manifest autosave's
// limits (app/manifest_autosave.hpp: per file and in total); a file over them stays on the list without
// a copy, and choosing it asks for the file again. The list is data: read back strictly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace eic::app {

enum class RecentKind { schema, manifest };
const char* recent_kind_name(RecentKind kind);  // "schema", "manifest": the record's spelling

struct RecentFile {
    std::uint64_t id = 0;  // names the kept copy (recent_copy_key); unique within the list's history
    std::string name;
    RecentKind kind = RecentKind::manifest;
    std::uint64_t bytes = 0;
    double opened_at = 0;  // seconds since the epoch
    bool kept = false;     // a copy is stored
};

// The menu's words for an entry: "name (manifest, 1.2 MB, 5 min ago)"; "not kept" when there is no copy.
std::string recent_label(const RecentFile& f, double now_s);

// The store's key for an entry's copy.
std::string recent_copy_key(std::uint64_t id);

struct RecentLimits {
    std::size_t max_entries = 10;
    std::size_t max_copy_bytes;   // per file
    std::size_t max_total_bytes;  // all copies
    RecentLimits();               // the manifest autosave's limits
};

struct RecentChange {
    RecentFile added;
    std::vector<std::uint64_t> dropped_copies;  // copies to delete from the store
};

class RecentFiles {
public:
    explicit RecentFiles(RecentLimits limits = {}) : limits_(limits) {}
    const std::vector<RecentFile>& entries() const { return entries_; }  // newest first
    const RecentLimits& limits() const { return limits_; }

    // A file was opened: it goes first (an entry of the same name and kind is replaced). Its copy is kept
    // when it fits; older copies are dropped, oldest first, while the total is over its limit.
    RecentChange opened(const std::string& name, RecentKind kind, std::uint64_t bytes, double now_s);
    // Forgets one entry (its copy could not be read, or the user removed it) or all; the copies to delete.
    std::vector<std::uint64_t> remove(std::uint64_t id);
    std::vector<std::uint64_t> clear();
    const RecentFile* find(std::uint64_t id) const;

    std::string write() const;
    // Replaces the list with a record's; "" when read, else why not (the list is then empty).
    std::string read(std::string_view record);

private:
    RecentLimits limits_;
    std::vector<RecentFile> entries_;
    std::uint64_t next_id_ = 1;
};

}  // namespace eic::app

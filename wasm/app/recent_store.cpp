#include "app/recent_store.hpp"

#include <emscripten/emscripten.h>
#include <fmt/format.h>

#include <utility>

#include "app/clocks.hpp"
#include "app/files.hpp"

extern "C" {
// web/idb-records.js (installRecentFiles), through wasm/app/eic_app_lib.js. Writes are done in order;
// a failure comes back through eic_app_recent_write_failed(reason), a copy through the file bridge
// (purpose open_manifest or recent_schema) or eic_app_recent_copy_missing(id, reason).
void eic_js_recent_write_list(const char* text, int length);
void eic_js_recent_write_copy(const char* key, const char* data, int length);
void eic_js_recent_delete_copy(const char* key);
void eic_js_recent_read_copy(const char* key, int purpose, const char* name, double id);
}

namespace eic::web {

RecentStore& recent_store() {
    static RecentStore store;
    return store;
}

void RecentStore::opened(const std::string& name, app::RecentKind kind, std::string_view bytes) {
    const double at = wall_seconds();  // the list outlives the page: the time of day, not the page's clock
    if (!restored_) {
        const bool keep = bytes.size() <= files_.limits().max_copy_bytes;
        pending_.push_back({name, kind, keep ? std::string(bytes) : std::string(), bytes.size(), at});
        return;
    }
    add(name, kind, bytes, bytes.size(), at);
}

void RecentStore::add(const std::string& name, app::RecentKind kind, std::string_view bytes, std::uint64_t size,
                      double at) {
    const app::RecentChange change = files_.opened(name, kind, size, at);
    drop(change.dropped_copies);
    if (change.added.kept) {
        const std::string key = app::recent_copy_key(change.added.id);
        eic_js_recent_write_copy(key.c_str(), bytes.data(), int(bytes.size()));
    }
    write_list();
}

void RecentStore::write_list() {
    const std::string text = files_.write();
    eic_js_recent_write_list(text.data(), int(text.size()));
}

void RecentStore::drop(const std::vector<std::uint64_t>& ids) {
    for (std::uint64_t id : ids) eic_js_recent_delete_copy(app::recent_copy_key(id).c_str());
}

void RecentStore::restore(std::string_view record, const std::string& error, app::Log& log, double now_s) {
    if (restored_) return;
    restored_ = true;
    if (!error.empty())
        log.notify(app::LogLevel::warning, "The list of recent files could not be read back (" + error + ")", now_s);
    else if (!record.empty())
        if (const std::string why = files_.read(record); !why.empty())
            log.notify(app::LogLevel::warning, "The list of recent files saved before could not be read (" + why + ")",
                       now_s);
    std::vector<Pending> pending = std::exchange(pending_, {});
    for (const Pending& p : pending) add(p.name, p.kind, p.bytes, p.size, p.at);
}

void RecentStore::choose(std::uint64_t id, app::Log& log, double now_s) {
    const app::RecentFile* f = files_.find(id);
    if (!f) return;
    const bool schema = f->kind == app::RecentKind::schema;
    if (!f->kept) {
        log.add(app::LogLevel::info,
                fmt::format("{} was over {} MB, so no copy was kept: choose it again", f->name,
                            files_.limits().max_copy_bytes >> 20),
                now_s);
        request_open_file(schema ? FilePurpose::recent_schema : FilePurpose::open_manifest,
                          schema ? kSchemaAccept : kManifestAccept);
        return;
    }
    log.add(app::LogLevel::info, "Opening " + f->name + " from the copy kept in recent files", now_s);
    eic_js_recent_read_copy(app::recent_copy_key(id).c_str(),
                            int(schema ? FilePurpose::recent_schema : FilePurpose::open_manifest), f->name.c_str(),
                            double(id));
}

void RecentStore::copy_missing(std::uint64_t id, const std::string& reason, app::Log& log, double now_s) {
    const app::RecentFile* f = files_.find(id);
    if (!f) return;
    const std::string name = f->name;
    drop(files_.remove(id));
    write_list();
    log.notify(app::LogLevel::warning,
               "The copy of " + name + " kept in recent files could not be read (" + reason +
                   "); it was taken off the list. Open the file again.",
               now_s);
}

void RecentStore::write_failed(const std::string& reason, app::Log& log, double now_s) {
    if (reason == failure_) return;
    failure_ = reason;
    log.notify(app::LogLevel::warning, "The list of recent files could not be kept in this browser (" + reason + ")",
               now_s);
}

void RecentStore::clear(app::Log& log, double now_s) {
    drop(files_.clear());
    write_list();
    log.add(app::LogLevel::info, "Cleared the list of recent files and their copies", now_s);
}

}  // namespace eic::web

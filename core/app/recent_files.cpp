#include "app/recent_files.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "app/browser_limits.hpp"
#include "app/manifest_autosave.hpp"

namespace eic::app {

const char* recent_kind_name(RecentKind kind) { return kind == RecentKind::schema ? "schema" : "manifest"; }

std::string recent_label(const RecentFile& f, double now_s) {
    const double ago = std::max(0.0, now_s - f.opened_at);
    std::string when;
    if (ago < 60)
        when = "just now";
    else if (ago < 3600)
        when = fmt::format("{} min ago", int(ago / 60));
    else if (ago < 86400)
        when = fmt::format("{} h ago", int(ago / 3600));
    else
        when = fmt::format("{} d ago", int(ago / 86400));
    return fmt::format("{} ({}, {}, {}{})", f.name, recent_kind_name(f.kind), byte_size_text(f.bytes), when,
                       f.kept ? "" : ", not kept");
}

std::string recent_copy_key(std::uint64_t id) { return "recent/" + std::to_string(id); }

RecentLimits::RecentLimits() {
    const AutosaveLimits autosave;
    max_copy_bytes = autosave.max_tab_bytes;
    max_total_bytes = autosave.max_total_bytes;
}

RecentChange RecentFiles::opened(const std::string& name, RecentKind kind, std::uint64_t bytes, double now_s) {
    RecentChange change;
    for (auto it = entries_.begin(); it != entries_.end();) {
        if (it->name == name && it->kind == kind) {
            if (it->kept) change.dropped_copies.push_back(it->id);
            it = entries_.erase(it);
        } else {
            ++it;
        }
    }
    RecentFile f;
    f.id = next_id_++;
    f.name = name;
    f.kind = kind;
    f.bytes = bytes;
    f.opened_at = now_s;
    f.kept = bytes <= limits_.max_copy_bytes;
    entries_.insert(entries_.begin(), f);
    while (entries_.size() > limits_.max_entries) {
        if (entries_.back().kept) change.dropped_copies.push_back(entries_.back().id);
        entries_.pop_back();
    }
    std::uint64_t total = 0;
    for (const auto& e : entries_)
        if (e.kept) total += e.bytes;
    for (auto it = entries_.rbegin(); total > limits_.max_total_bytes && it != entries_.rend(); ++it) {
        if (!it->kept || it->id == f.id) continue;
        it->kept = false;
        total -= it->bytes;
        change.dropped_copies.push_back(it->id);
    }
    change.added = entries_.front();
    return change;
}

std::vector<std::uint64_t> RecentFiles::remove(std::uint64_t id) {
    std::vector<std::uint64_t> dropped;
    auto it = std::find_if(entries_.begin(), entries_.end(), [&](const RecentFile& e) { return e.id == id; });
    if (it == entries_.end()) return dropped;
    if (it->kept) dropped.push_back(id);
    entries_.erase(it);
    return dropped;
}

std::vector<std::uint64_t> RecentFiles::clear() {
    std::vector<std::uint64_t> dropped;
    for (const auto& e : entries_)
        if (e.kept) dropped.push_back(e.id);
    entries_.clear();
    return dropped;
}

const RecentFile* RecentFiles::find(std::uint64_t id) const {
    for (const auto& e : entries_)
        if (e.id == id) return &e;
    return nullptr;
}

std::string RecentFiles::write() const {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : entries_)
        list.push_back({{"id", e.id},
                        {"name", e.name},
                        {"kind", recent_kind_name(e.kind)},
                        {"bytes", e.bytes},
                        {"openedAt", e.opened_at},
                        {"kept", e.kept}});
    return nlohmann::json{{"version", 1}, {"nextId", next_id_}, {"files", list}}.dump();
}

namespace {
bool is_count(const nlohmann::json& v) { return v.is_number_unsigned(); }
}  // namespace

std::string RecentFiles::read(std::string_view record) {
    entries_.clear();
    next_id_ = 1;
    auto j = nlohmann::json::parse(record, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return "the recent files record is not a JSON object";
    if (j.value("version", nlohmann::json()) != 1) return "/version: not a recent files record of version 1";
    const auto& next = j.value("nextId", nlohmann::json());
    const auto& files = j.value("files", nlohmann::json());
    if (!is_count(next)) return "/nextId: not a count";
    if (!files.is_array()) return "/files: not an array";
    std::vector<RecentFile> read;
    for (std::size_t i = 0; i < files.size() && read.size() < limits_.max_entries; ++i) {
        const auto& f = files[i];
        const std::string at = "/files/" + std::to_string(i);
        if (!f.is_object()) return at + ": not an object";
        RecentFile e;
        const auto& id = f.value("id", nlohmann::json());
        const auto& name = f.value("name", nlohmann::json());
        const auto& kind = f.value("kind", nlohmann::json());
        const auto& bytes = f.value("bytes", nlohmann::json());
        const auto& opened = f.value("openedAt", nlohmann::json());
        const auto& kept = f.value("kept", nlohmann::json());
        if (!is_count(id) || id.get<std::uint64_t>() >= next.get<std::uint64_t>())
            return at + "/id: not an id below nextId";
        for (const auto& earlier : read)
            if (earlier.id == id.get<std::uint64_t>()) return at + "/id: the same as an earlier entry's";
        if (!name.is_string() || name.get<std::string>().empty()) return at + "/name: not a file name";
        if (kind != "schema" && kind != "manifest") return at + "/kind: neither \"schema\" nor \"manifest\"";
        if (!is_count(bytes)) return at + "/bytes: not a count";
        if (!opened.is_number() || !std::isfinite(opened.get<double>())) return at + "/openedAt: not a time";
        if (!kept.is_boolean()) return at + "/kept: not true or false";
        e.id = id.get<std::uint64_t>();
        e.name = name.get<std::string>();
        e.kind = kind == "schema" ? RecentKind::schema : RecentKind::manifest;
        e.bytes = bytes.get<std::uint64_t>();
        e.opened_at = opened.get<double>();
        e.kept = kept.get<bool>();
        read.push_back(std::move(e));
    }
    entries_ = std::move(read);
    next_id_ = next.get<std::uint64_t>();
    return "";
}

}  // namespace eic::app

#include "app/manifest_units.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

#include "json/format.hpp"
#include "manifest/load.hpp"
#include "manifest/write.hpp"

namespace eic::app {

namespace {

bool is_file_form_collection(std::string_view key) {
    auto c = manifest::collection_from_key(key);
    return c && key == manifest::collection_key(*c);
}

// The file with every item replaced by {}: small enough to read whole, and it still holds the
// top-level members that are not collections.
// A collection's items after its first are left out with the commas between them (the collections'
// lists are not kept), so a million items do not become a million empty objects to parse.
nlohmann::ordered_json top_level_of(const std::string& bytes, const std::vector<manifest::ItemSpan>& spans) {
    std::string skeleton;
    skeleton.reserve(1024);
    std::uint64_t at = 0;
    const char* previous = nullptr;
    for (const auto& s : spans) {
        if (s.begin < at || s.end > bytes.size()) return nlohmann::ordered_json::object();
        const std::string_view gap(bytes.data() + at, s.begin - at);
        const bool next_in_list = s.collection == previous && is_file_form_collection(s.collection) &&
                                  gap.find_first_not_of(" \t\r\n,") == std::string_view::npos;
        if (!next_in_list) {
            skeleton.append(gap);
            skeleton += "{}";
        }
        previous = s.collection;
        at = s.end;
    }
    skeleton.append(bytes, at, std::string::npos);
    auto doc = nlohmann::ordered_json::parse(skeleton, nullptr, false);
    nlohmann::ordered_json top = nlohmann::ordered_json::object();
    if (!doc.is_object()) return top;
    for (auto it = doc.begin(); it != doc.end(); ++it)
        // Collections are the units; anything else (including a collection key whose value is not a
        // list, or a structured-form name) is kept as written.
        if (!(it.value().is_array() && is_file_form_collection(it.key()))) top[it.key()] = it.value();
    return top;
}

}  // namespace

std::string unit_text(const manifest::Item& item, manifest::Collection c) {
    return manifest::item_json(item, c).dump();
}

std::optional<manifest::Item> read_unit(std::string_view text, manifest::Collection c) {
    std::string doc;
    doc.reserve(text.size() + 32);
    doc += "{\"";
    doc += manifest::collection_key(c);
    doc += "\":[";
    doc += text;
    doc += "]}";
    manifest::LoadResult r = manifest::load_json(doc);
    if (!r.manifest || (*r.manifest)[c].size() != 1) return std::nullopt;
    return std::move((*r.manifest)[c].front());
}

void ManifestUnits::reset_from_spans(std::shared_ptr<const std::string> bytes,
                                     const std::vector<manifest::ItemSpan>& spans) {
    bytes_ = std::move(bytes);
    units_.clear();
    own_.clear();
    order_.clear();
    units_.reserve(spans.size());
    // Spans name their collection by a pointer to static storage: look each name up once.
    const char* key = nullptr;
    std::optional<manifest::Collection> c;
    for (const auto& s : spans) {
        if (s.collection != key) {
            key = s.collection;
            c = is_file_form_collection(key) ? manifest::collection_from_key(key) : std::nullopt;
            if (c && std::find(order_.begin(), order_.end(), *c) == order_.end()) order_.push_back(*c);
        }
        if (c) units_.push_back({*c, kNone, s.begin, s.end, false});
    }
    live_ = units_.size();
    top_ = top_level_of(*bytes_, spans);
    top_changed_ = false;
}

void ManifestUnits::reset_from_manifest(const manifest::Manifest& m) {
    bytes_ = std::make_shared<const std::string>();
    units_.clear();
    own_.clear();
    order_ = m.collections();
    for (manifest::Collection c : order_)
        for (const auto& item : m[c]) {
            own_.push_back(unit_text(item, c));
            units_.push_back({c, std::uint32_t(own_.size() - 1), 0, 0, false});
        }
    live_ = units_.size();
    top_ = nlohmann::ordered_json::object();
    if (m.skip_duplicate_urls) top_["skip_duplicate_urls"] = *m.skip_duplicate_urls;
    if (m.extra.is_object())
        for (auto it = m.extra.begin(); it != m.extra.end(); ++it) top_[it.key()] = it.value();
    top_changed_ = true;  // there are no bytes: everything is written from the texts
}

std::string_view ManifestUnits::text(std::uint32_t id) const {
    const Unit& u = units_[id];
    if (u.own != kNone) return own_[u.own];
    return std::string_view(*bytes_).substr(u.begin, u.end - u.begin);
}

void ManifestUnits::set_text(std::uint32_t id, std::string text) {
    Unit& u = units_[id];
    if (u.own == kNone) {
        own_.push_back(std::move(text));
        u.own = std::uint32_t(own_.size() - 1);
    } else {
        own_[u.own] = std::move(text);
    }
}

std::uint32_t ManifestUnits::add(manifest::Collection c, std::string text) {
    own_.push_back(std::move(text));
    units_.push_back({c, std::uint32_t(own_.size() - 1), 0, 0, false});
    ++live_;
    if (std::find(order_.begin(), order_.end(), c) == order_.end()) order_.push_back(c);
    return std::uint32_t(units_.size() - 1);
}

void ManifestUnits::set_deleted(std::uint32_t id, bool deleted) {
    Unit& u = units_[id];
    if (u.deleted == deleted) return;
    u.deleted = deleted;
    if (deleted)
        --live_;
    else
        ++live_;
}

void ManifestUnits::pop_back() {
    if (units_.empty()) return;
    const Unit& u = units_.back();
    if (!u.deleted) --live_;
    // Its own text stays in own_ (unreferenced) until the next rebase: texts are indexed, not owned.
    units_.pop_back();
}

std::vector<manifest::Collection> ManifestUnits::collections() const {
    std::vector<manifest::Collection> out;
    for (manifest::Collection c : order_) {
        bool any =
            std::any_of(units_.begin(), units_.end(), [c](const Unit& u) { return !u.deleted && u.collection == c; });
        if (any) out.push_back(c);
    }
    return out;
}

std::vector<std::vector<std::uint32_t>> ManifestUnits::items_by_collection() const {
    std::vector<std::vector<std::uint32_t>> by(std::size(manifest::kAllCollections));
    for (std::uint32_t id = 0; id < units_.size(); ++id)
        if (!units_[id].deleted) by[std::size_t(units_[id].collection)].push_back(id);
    return by;
}

std::vector<std::uint32_t> ManifestUnits::writing_order() const {
    auto by = items_by_collection();
    std::vector<std::uint32_t> out;
    out.reserve(live_);
    for (manifest::Collection c : collections()) {
        auto& ids = by[std::size_t(c)];
        out.insert(out.end(), ids.begin(), ids.end());
    }
    return out;
}

std::string ManifestUnits::write_json(bool pretty) const {
    auto by = items_by_collection();
    std::string out;
    std::size_t estimate = 64;
    for (std::uint32_t id = 0; id < units_.size(); ++id)
        if (!units_[id].deleted) estimate += text(id).size() + 2;
    out.reserve(pretty ? estimate + estimate / 2 : estimate);
    out += '{';
    bool first_member = true;
    for (manifest::Collection c : collections()) {
        if (!first_member) out += ',';
        first_member = false;
        out += '"';
        out += manifest::collection_key(c);
        out += "\":[";
        bool first = true;
        for (std::uint32_t id : by[std::size_t(c)]) {
            if (!first) out += ',';
            first = false;
            out += text(id);
        }
        out += ']';
    }
    for (auto it = top_.begin(); it != top_.end(); ++it) {
        if (!first_member) out += ',';
        first_member = false;
        out += nlohmann::ordered_json(it.key()).dump();
        out += ':';
        out += it.value().dump();
    }
    out += '}';
    if (!pretty) return out;
    std::string formatted;
    formatted.reserve(out.size() + out.size() / 2);
    if (json::reformat(out, 2, formatted)) return out;  // cannot happen for texts we wrote; keep the compact form
    formatted += '\n';
    return formatted;
}

manifest::Manifest ManifestUnits::to_manifest() const {
    manifest::Manifest m;
    auto by = items_by_collection();
    m.order = collections();
    for (manifest::Collection c : m.order)
        for (std::uint32_t id : by[std::size_t(c)]) {
            auto item = read_unit(text(id), c);
            if (item) m[c].push_back(std::move(*item));
        }
    m.extra = nlohmann::ordered_json::object();
    for (auto it = top_.begin(); it != top_.end(); ++it) {
        if (it.key() == "skip_duplicate_urls" && it.value().is_boolean())
            m.skip_duplicate_urls = it.value().get<bool>();
        else
            m.extra[it.key()] = it.value();
    }
    if (m.extra.empty()) m.extra = nullptr;
    return m;
}

bool ManifestUnits::rebase(std::shared_ptr<const std::string> written, const std::vector<manifest::ItemSpan>& spans) {
    std::vector<std::uint32_t> order = writing_order();
    if (order.size() != spans.size()) return false;
    for (std::size_t k = 0; k < spans.size(); ++k) {
        auto c = manifest::collection_from_key(spans[k].collection);
        if (!c || *c != units_[order[k]].collection) return false;
    }
    for (std::size_t k = 0; k < spans.size(); ++k) {
        Unit& u = units_[order[k]];
        u.own = kNone;
        u.begin = spans[k].begin;
        u.end = spans[k].end;
    }
    // Deleted units keep their last text so undo can bring them back.
    std::vector<std::string> kept;
    for (Unit& u : units_)
        if (u.own != kNone) {
            kept.push_back(std::move(own_[u.own]));
            u.own = std::uint32_t(kept.size() - 1);
        } else if (u.deleted) {
            kept.emplace_back(std::string_view(*bytes_).substr(u.begin, u.end - u.begin));
            u.own = std::uint32_t(kept.size() - 1);
        }
    own_ = std::move(kept);
    bytes_ = std::move(written);
    top_changed_ = false;
    return true;
}

}  // namespace eic::app

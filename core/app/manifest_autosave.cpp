#include "app/manifest_autosave.hpp"

#include <nlohmann/json.hpp>

namespace eic::app {

namespace {
constexpr const char* kFormat = "eic-autosave-manifests";
constexpr int kVersion = 1;

// What a record is made of: when this changes, the tabs changed.
std::string shape_of(const ManifestWorkspace& ws) {
    std::string s = std::to_string(ws.active_id());
    for (const auto& t : ws.tabs())
        s += "|" + std::to_string(t->id) + ":" + std::to_string(t->doc.revision()) + ":" + (t->doc.dirty() ? "*" : "") +
             t->doc.file_name();
    return s;
}

// An edited CSV file is saved as JSON (current_text): its name says so, so it opens as what it holds.
std::string saved_name(const ManifestDocument& doc, manifest::Format format) {
    std::string name = doc.file_name();
    if (format != manifest::Format::json || doc.format() == manifest::Format::json) return name;
    const std::size_t dot = name.rfind('.');
    if (dot != std::string::npos) name.resize(dot);
    return name + ".json";
}
}  // namespace

std::optional<AutosaveRecord> ManifestAutosave::due(const ManifestWorkspace& ws, double now_s) {
    const std::string shape = shape_of(ws);
    if (shape == saved_) {
        pending_.clear();
        unsaved_since_ = -1;
        return std::nullopt;
    }
    if (shape != pending_) {
        pending_ = shape;
        changed_at_ = now_s;
        if (unsaved_since_ < 0) unsaved_since_ = now_s;
    }
    if (now_s - changed_at_ < limits_.pause_s && now_s - unsaved_since_ < limits_.max_wait_s) return std::nullopt;
    // Quiet long enough, and not validating: a tab that is still being read is saved once it has been.
    for (const auto& t : ws.tabs())
        if (t->doc.validating()) return std::nullopt;

    AutosaveRecord out;
    nlohmann::json tabs = nlohmann::json::array();
    std::size_t total = 0;
    for (const auto& t : ws.tabs()) {
        const ManifestDocument::CurrentText c = t->doc.current_text();
        if (!c.text) continue;
        if (c.text->size() > limits_.max_tab_bytes || total + c.text->size() > limits_.max_total_bytes) {
            out.left_out.push_back(t->doc.file_name());
            continue;
        }
        total += c.text->size();
        tabs.push_back({{"name", saved_name(t->doc, c.format)},
                        {"text", *c.text},
                        {"front", t->id == ws.active_id()},
                        {"dirty", t->doc.dirty()}});
    }
    nlohmann::json record = {{"format", kFormat}, {"version", kVersion}, {"tabs", std::move(tabs)}};
    // Manifest text need not be valid UTF-8; the record stays JSON whatever it holds.
    out.text = record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    saved_ = shape;
    pending_.clear();
    unsaved_since_ = -1;
    return out;
}

AutosaveRead read_autosave(std::string_view record) {
    AutosaveRead out;
    const nlohmann::json j = nlohmann::json::parse(record, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        out.error = "the autosaved manifests are not a JSON object";
        return out;
    }
    if (j.value("format", "") != kFormat || !j.contains("version") || j["version"] != kVersion) {
        out.error = std::string("the autosaved manifests are not an ") + kFormat + " record of version " +
                    std::to_string(kVersion);
        return out;
    }
    if (!j.contains("tabs") || !j["tabs"].is_array()) {
        out.error = "the autosaved manifests have no tabs array at /tabs";
        return out;
    }
    for (std::size_t i = 0; i < j["tabs"].size(); ++i) {
        const nlohmann::json& t = j["tabs"][i];
        if (!t.is_object() || !t.contains("name") || !t["name"].is_string() || !t.contains("text") ||
            !t["text"].is_string()) {
            out.tabs.clear();
            out.error = "the autosaved manifest at /tabs/" + std::to_string(i) + " needs a name and a text";
            return out;
        }
        const auto flag = [&](const char* name) {
            return t.contains(name) && t[name].is_boolean() && t[name].get<bool>();
        };
        out.tabs.push_back({t["name"].get<std::string>(), t["text"].get<std::string>(), flag("front"), flag("dirty")});
    }
    return out;
}

}  // namespace eic::app

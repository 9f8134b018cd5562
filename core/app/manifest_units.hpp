// The units of an open manifest: one per item (a video, an image, an image group, ...), each a JSON
// object text. An item nobody has touched is a span of the bytes as read, so opening a 1 GB file costs
// 24 bytes per item on top of the file; an edited, added or CSV-born item holds its own compact text.
//
// Unit ids are indexes into an append-only list: deleting only marks a unit, so ids stay valid for
// undo, the diagnostics index and the insight views. The manifest is written collection by
// collection (in the order the file had them, see `collections()`), live units in id order within each.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "manifest/model.hpp"
#include "manifest/validate.hpp"

namespace eic::app {

class ManifestUnits {
public:
    static constexpr std::uint32_t kNone = ~0u;

    struct Unit {
        manifest::Collection collection = manifest::Collection::images;
        std::uint32_t own = kNone;         // index into own texts, or kNone: the span of bytes()
        std::uint64_t begin = 0, end = 0;  // the span, when own == kNone
        bool deleted = false;
    };

    // A JSON manifest whose items were found by the validator (ItemSpan, in file order). Spans of
    // collections eic does not know are ignored (the validator reported them).
    void reset_from_spans(std::shared_ptr<const std::string> bytes, const std::vector<manifest::ItemSpan>& spans);
    // Items given as texts (a CSV manifest, or a new one), with the top-level flags of the file.
    void reset_from_manifest(const manifest::Manifest& m);

    std::size_t size() const { return units_.size(); }  // every id ever given, deleted ones too
    std::size_t live_count() const { return live_; }
    const Unit& unit(std::uint32_t id) const { return units_[id]; }
    std::string_view text(std::uint32_t id) const;  // the unit's JSON object text
    // Replaces a unit's text (compact JSON of one item object).
    void set_text(std::uint32_t id, std::string text);
    std::uint32_t add(manifest::Collection c, std::string text);
    void set_deleted(std::uint32_t id, bool deleted);
    // Removes the units added last (undo of add): only the newest ids may be removed.
    void pop_back();

    // Collections in writing order: those of the file first, then any added later.
    std::vector<manifest::Collection> collections() const;
    // Live unit ids in writing order.
    std::vector<std::uint32_t> writing_order() const;
    // The live units of one collection, in writing order: item k of that collection in the written
    // manifest is the k-th id. Used to place findings of a validation of the written text.
    std::vector<std::vector<std::uint32_t>> items_by_collection() const;

    // Top-level members other than collections (skip_duplicate_urls, unknown keys), kept as given.
    const nlohmann::ordered_json& top_level() const { return top_; }
    void set_top_level(nlohmann::ordered_json top) {
        top_ = std::move(top);
        top_changed_ = true;
    }

    // The manifest as JSON text: compact writes each unit's text as it is (bytes as read for untouched
    // items); pretty re-indents with 2 spaces.
    std::string write_json(bool pretty) const;
    // Every live unit read into the model (for CSV writing, splitting and schema inference).
    manifest::Manifest to_manifest() const;

    // After the validator has read the text write_json(false) produced and reported `spans`, the units
    // point into that text and drop their own texts. Returns false (and changes nothing) when the
    // spans do not match the live units one to one.
    bool rebase(std::shared_ptr<const std::string> written, const std::vector<manifest::ItemSpan>& spans);

    const std::shared_ptr<const std::string>& bytes() const { return bytes_; }
    bool has_own_texts() const { return !own_.empty(); }
    // Every unit is a live span of bytes(): the bytes are the manifest as it stands.
    bool pristine() const { return own_.empty() && live_ == units_.size() && !top_changed_; }

private:
    std::shared_ptr<const std::string> bytes_ = std::make_shared<const std::string>();
    std::vector<Unit> units_;
    std::vector<std::string> own_;
    std::vector<manifest::Collection> order_;  // collections in the order the file had them
    nlohmann::ordered_json top_ = nlohmann::ordered_json::object();
    std::size_t live_ = 0;
    bool top_changed_ = false;  // top-level members differ from bytes()
};

// One item of the model as the compact text a unit holds.
std::string unit_text(const manifest::Item& item, manifest::Collection c);
// The item a unit's text holds, read as load.cpp reads items (aliases, snake_case); nullopt when the
// text is not one JSON object.
std::optional<manifest::Item> read_unit(std::string_view text, manifest::Collection c);

}  // namespace eic::app

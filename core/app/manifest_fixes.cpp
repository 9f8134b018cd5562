// The editor's quick fixes: one table, one entry per finding code that has a safe fix, each with what
// its button says and what it does. A code not in the table has no fix.
#include <fmt/format.h>

#include <algorithm>

#include "app/manifest_columns.hpp"
#include "app/manifest_document.hpp"
#include "manifest/codes.hpp"
#include "manifest/format.hpp"
#include "manifest/limits.hpp"
#include "manifest/suggest.hpp"

namespace eic::app {
namespace {

using Json = nlohmann::ordered_json;

// The first `n` code points of UTF-8 text.
std::string first_chars(const std::string& s, std::size_t n) {
    std::size_t i = 0, chars = 0;
    while (i < s.size() && chars < n) {
        unsigned char c = (unsigned char)s[i];
        i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        ++chars;
    }
    return s.substr(0, std::min(i, s.size()));
}

// The clientMetadata key a pointer names ("/images/3/clientMetadata/split/0" -> "split").
std::optional<std::string> metadata_key_of(const Diagnostic& d) {
    if (!d.pointer) return std::nullopt;
    std::vector<std::string> t = pointer_tokens(*d.pointer);
    namespace format = manifest::format;
    if (t.size() < 4 || (t[2] != format::kClientMetadata && t[2] != format::snake_spelling(format::kClientMetadata)))
        return std::nullopt;
    return t[3];
}

// The unknown item field a pointer names ("/images/3/objectURL" -> "objectURL").
std::optional<std::string> item_field_of(const Diagnostic& d) {
    if (!d.pointer) return std::nullopt;
    std::vector<std::string> t = pointer_tokens(*d.pointer);
    if (t.size() != 3) return std::nullopt;
    return t[2];
}

// The name a misspelt item field should have: the documented spelling of a snake_case one
// (manifest.item.field-spelling), or the closest documented name of an unknown one.
std::optional<std::string> field_rename(const std::string& field, manifest::Collection c) {
    if (auto m = manifest::format::match_item_field(c, field)) {
        if (m->documented) return std::nullopt;
        if (m->field == manifest::format::Field::group_url)
            return std::string(manifest::format::kGroupUrlPrefix) + field.substr(field.rfind('_') + 1);
        return std::string(m->documented_as);
    }
    return manifest::closest_name(field, manifest::format::item_field_names(c));
}

std::vector<std::string> live_keys(const schema::Schema& schema) {
    std::vector<std::string> names;
    for (const auto& [name, entry] : schema)
        if (entry->is_live()) names.push_back(name);
    return names;
}

// The enum option a string value most likely meant.
std::optional<std::string> enum_option(const schema::Schema& schema, const manifest::Item& item,
                                       const std::string& key) {
    const schema::KeyEntry* e = schema.find(key);
    if (!e || !item.client_metadata.is_object() || !item.client_metadata.contains(key) ||
        !item.client_metadata[key].is_string())
        return std::nullopt;
    return manifest::closest_name(item.client_metadata[key].get<std::string>(), e->type.values);
}

}  // namespace

// What a fix works on: the finding, its row (kNoUnit for a finding about the file) and the row's item.
struct ManifestDocument::FixTarget {
    const Diagnostic& d;
    std::uint32_t unit = kNoUnit;
    const manifest::Item* item = nullptr;
};

struct ManifestDocument::QuickFix {
    std::string_view code;
    bool about_file;  // about the file's top level, not a row
    // The button's text, or "" when no safe fix applies to this finding.
    std::string (*label)(const ManifestDocument&, const FixTarget&);
    // Makes the change as one undo step labelled `label`; false when nothing changed.
    bool (*apply)(ManifestDocument&, const FixTarget&, const std::string& label);
};

// Fixes that rewrite the row's item: the change and its undo step.
bool ManifestDocument::replace_item(std::uint32_t unit, manifest::Item item, const std::string& label) {
    Op op;
    op.label = label;
    text_change(unit, std::move(item), op);
    commit(std::move(op));
    return true;
}

const std::vector<ManifestDocument::QuickFix>& ManifestDocument::quick_fixes() {
    namespace code = manifest::code;
    // An unknown item field and a snake_case spelling of a documented one get the same rename.
    constexpr auto rename_field_label = [](const ManifestDocument& doc, const FixTarget& t) -> std::string {
        auto field = item_field_of(t.d);
        auto best = field ? field_rename(*field, doc.units_.unit(t.unit).collection) : std::nullopt;
        return best ? fmt::format("Rename the field to \"{}\"", *best) : "";
    };
    constexpr auto rename_field = [](ManifestDocument& doc, const FixTarget& t, const std::string& label) {
        // Rename in the item's JSON, then read it again so the field lands where the model keeps it.
        const manifest::Collection c = doc.units_.unit(t.unit).collection;
        const std::string field = *item_field_of(t.d);
        const std::string best = *field_rename(field, c);
        Json j = Json::parse(doc.units_.text(t.unit), nullptr, false);
        if (!j.is_object() || !j.contains(field)) return false;
        Json renamed = Json::object();
        for (auto it = j.begin(); it != j.end(); ++it) renamed[it.key() == field ? best : it.key()] = it.value();
        auto reread = read_unit(renamed.dump(), c);
        return reread && doc.replace_item(t.unit, std::move(*reread), label);
    };
    static const std::vector<QuickFix> table = {
        // A structured-form collection name at the top level: its items become units of the file form.
        {code::unknown_key, true,
         [](const ManifestDocument& doc, const FixTarget& t) -> std::string {
             if (!t.d.pointer) return "";
             const std::string from = t.d.pointer->substr(1);
             auto to = manifest::format::file_form_of_structured(from);
             return to && doc.units_.top_level().contains(from) ? fmt::format("Rename to \"{}\"", *to) : "";
         },
         [](ManifestDocument& doc, const FixTarget& t, const std::string& label) {
             const std::string from = t.d.pointer->substr(1);
             const std::string to(*manifest::format::file_form_of_structured(from));
             auto before = std::make_shared<ManifestUnits>(doc.units_);
             auto after = std::make_shared<ManifestUnits>(doc.units_);
             Json top = after->top_level();
             Json value = top[from];
             top.erase(from);
             auto c = manifest::collection_from_key(to);
             if (c && value.is_array()) {
                 for (const auto& element : value) after->add(*c, element.dump());
             } else {
                 top[to] = std::move(value);
             }
             after->set_top_level(std::move(top));
             Op op;
             op.label = label;
             op.units_before = std::move(before);
             op.units_after = std::move(after);
             doc.commit(std::move(op));
             return true;
         }},
        {code::url_whitespace, false,
         [](const ManifestDocument&, const FixTarget&) -> std::string {
             return "Percent-encode the whitespace in the URL";
         },
         [](ManifestDocument& doc, const FixTarget& t, const std::string&) {
             return doc.bulk_encode_url_whitespace({t.unit}) > 0;
         }},
        {code::title_too_long, false,
         [](const ManifestDocument&, const FixTarget& t) -> std::string {
             return t.item->title
                        ? fmt::format("Shorten the title to {} characters", manifest::file_limits().max_file_name_chars)
                        : "";
         },
         [](ManifestDocument& doc, const FixTarget& t, const std::string& label) {
             manifest::Item copy = *t.item;
             copy.title = first_chars(*copy.title, manifest::file_limits().max_file_name_chars);
             return doc.replace_item(t.unit, std::move(copy), label);
         }},
        {code::url_duplicate, false,
         [](const ManifestDocument&, const FixTarget&) -> std::string { return "Delete this row"; },
         [](ManifestDocument& doc, const FixTarget& t, const std::string&) {
             doc.delete_units({t.unit});
             return true;
         }},
        {code::metadata_null, false,
         [](const ManifestDocument&, const FixTarget& t) -> std::string {
             return metadata_key_of(t.d) ? "Remove the null value" : "";
         },
         [](ManifestDocument& doc, const FixTarget& t, const std::string& label) {
             manifest::Item copy = *t.item;
             copy.client_metadata.erase(*metadata_key_of(t.d));
             if (copy.client_metadata.empty()) copy.client_metadata = nullptr;
             return doc.replace_item(t.unit, std::move(copy), label);
         }},
        {code::metadata_enum, false,
         [](const ManifestDocument& doc, const FixTarget& t) -> std::string {
             auto key = metadata_key_of(t.d);
             auto best = key ? enum_option(doc.schema_, *t.item, *key) : std::nullopt;
             return best ? fmt::format("Use \"{}\"", *best) : "";
         },
         [](ManifestDocument& doc, const FixTarget& t, const std::string& label) {
             const std::string key = *metadata_key_of(t.d);
             manifest::Item copy = *t.item;
             copy.client_metadata[key] = *enum_option(doc.schema_, *t.item, key);
             return doc.replace_item(t.unit, std::move(copy), label);
         }},
        {code::metadata_unknown_key, false,
         [](const ManifestDocument& doc, const FixTarget& t) -> std::string {
             auto key = metadata_key_of(t.d);
             auto best = key ? manifest::closest_name(*key, live_keys(doc.schema_)) : std::nullopt;
             const Json& meta = t.item->client_metadata;
             return best && !(meta.is_object() && meta.contains(*best)) ? fmt::format("Rename the key to \"{}\"", *best)
                                                                        : "";
         },
         [](ManifestDocument& doc, const FixTarget& t, const std::string& label) {
             const std::string key = *metadata_key_of(t.d);
             const std::string best = *manifest::closest_name(key, live_keys(doc.schema_));
             manifest::Item copy = *t.item;
             Json meta = Json::object();
             for (auto it = copy.client_metadata.begin(); it != copy.client_metadata.end(); ++it)
                 meta[it.key() == key ? best : it.key()] = it.value();
             copy.client_metadata = std::move(meta);
             return doc.replace_item(t.unit, std::move(copy), label);
         }},
        {code::item_unknown_field, false, rename_field_label, rename_field},
        {code::item_field_spelling, false, rename_field_label, rename_field},
    };
    return table;
}

const ManifestDocument::QuickFix* ManifestDocument::quick_fix(std::size_t i, std::uint32_t& unit,
                                                              const manifest::Item*& item) const {
    if (!editable_ || !result_ || i >= result_->diagnostics.size()) return nullptr;
    const Diagnostic& d = result_->diagnostics[i];
    const auto& table = quick_fixes();
    auto fix = std::find_if(table.begin(), table.end(), [&](const QuickFix& f) { return f.code == d.code; });
    if (fix == table.end()) return nullptr;
    unit = kNoUnit;
    item = nullptr;
    if (!fix->about_file) {
        unit = unit_of(i);
        if (unit == kNoUnit || units_.unit(unit).deleted) return nullptr;
        item = this->item(unit);
        if (!item) return nullptr;
    }
    return &*fix;
}

std::vector<std::string_view> ManifestDocument::fixable_codes() {
    std::vector<std::string_view> codes;
    for (const QuickFix& f : quick_fixes()) codes.push_back(f.code);
    return codes;
}

std::string ManifestDocument::fix_label(std::size_t i) const {
    std::uint32_t unit;
    const manifest::Item* item;
    const QuickFix* fix = quick_fix(i, unit, item);
    return fix ? fix->label(*this, {result_->diagnostics[i], unit, item}) : "";
}

bool ManifestDocument::apply_fix(std::size_t i) {
    std::uint32_t unit;
    const manifest::Item* item;
    const QuickFix* fix = quick_fix(i, unit, item);
    if (!fix) return false;
    const Diagnostic d = result_->diagnostics[i];  // the fix changes the list
    const std::string label = fix->label(*this, {d, unit, item});
    if (label.empty()) return false;
    // The item is copied: item() reads through a cache the fix's own reads may evict.
    std::optional<manifest::Item> copy;
    if (item) copy = *item;
    return fix->apply(*this, {d, unit, copy ? &*copy : nullptr}, label);
}

}  // namespace eic::app

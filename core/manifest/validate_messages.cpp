// The Validator's reporting (validator.hpp): JSON Pointers for findings, "did you mean" suggestions,
// and the message for a value of the wrong kind.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "manifest/suggest.hpp"
#include "manifest/validator.hpp"

namespace eic::manifest::detail {

// The closest name (suggest.hpp), or "".
std::string suggest(std::string_view key, const std::vector<std::string>& names) {
    return closest_name(key, names).value_or(std::string());
}

std::string did_you_mean(const std::string& s) {
    return s.empty() ? std::string() : fmt::format(" Did you mean \"{}\"?", s);
}

// A value for a message: JSON-quoted and shortened.
std::string shown(std::string_view s) {
    if (s.size() > 80) return schema::quote(s.substr(0, 77)) + "...";
    return schema::quote(s);
}

const char* got_name(Got g) {
    switch (g) {
        case Got::object:
            return "an object";
        case Got::array:
            return "an array";
        case Got::string:
            return "a string";
        case Got::number:
            return "a number";
        case Got::boolean:
            return "a boolean";
        case Got::null:
            return "null";
    }
    return "?";
}

// At::value: the value being read (the frames' current keys and indexes); At::container: the innermost
// open container itself; At::item: the current item.
std::string Validator::pointer(At at) const {
    std::size_t n = depth_;
    bool last_current = at == At::value;
    if (at == At::item) n = std::min<std::size_t>(depth_, 2), last_current = true;
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        if (i + 1 == n && !last_current) break;
        const Frame& f = frames_[i];
        bool object = f.role == Role::top || f.role == Role::item || f.role == Role::client_meta ||
                      f.role == Role::media || f.role == Role::geo;
        out += '/';
        if (object)
            out += pointer_escape(std::string(f.key));
        else
            out += std::to_string(f.index);
    }
    return out;
}

bool Validator::wrong(Expect e, Got g, std::size_t off) {
    const char* id = code::type;
    std::string what;
    switch (e) {
        case Expect::top:
            id = code::top_level;
            what = fmt::format("The manifest is a JSON object such as {{\"{}\": [...]}}",
                               collection_key(Collection::images));
            if (g == Got::array)
                what += fmt::format("; wrap this array in {{\"{}\": ...}} or the collection it holds",
                                    collection_key(Collection::images));
            break;
        case Expect::collection:
            what = fmt::format("{} is a list of items: [ {{...}}, ... ]", coll()->key);
            break;
        case Expect::skip_duplicate_urls:
            what = "skip_duplicate_urls is true or false";
            break;
        case Expect::upsert_metadata:
            what = "upsert_metadata is true or false";
            break;
        case Expect::item:
            id = code::item_type;
            what = fmt::format("Each item of {} is an object", coll()->key);
            break;
        case Expect::object_url:
        case Expect::group_url:
            what = "A URL is a string";
            break;
        case Expect::title:
            what = "title is a string";
            break;
        case Expect::create_video:
            what = "createVideo is true or false";
            break;
        case Expect::client_meta:
            what = "clientMetadata is an object of schema keys to values";
            break;
        case Expect::media:
            what = fmt::format("{} is an object", coll()->metadata_key);
            break;
        case Expect::keyframes:
        case Expect::keyframe_element:
            id = code::metadata_keyframes;
            what = "keyframes is a list of frame numbers (non-negative integers)";
            break;
        case Expect::meta_value:
            id = code::metadata_type;
            what = fmt::format("The schema key {} is {}, so its value is {}", schema::quote(frames_[depth_ - 1].key),
                               schema::describe(*meta_->kt),
                               meta_->type == MetaType::number       ? "a number"
                               : meta_->type == MetaType::boolean    ? "true or false"
                               : meta_->type == MetaType::embedding  ? "a list of numbers"
                               : meta_->type == MetaType::geospatial ? "{\"latitude\": .., \"longitude\": ..}"
                                                                     : "a string");
            break;
        case Expect::embedding_element:
            id = code::metadata_embedding;
            what = "An embedding holds numbers only";
            if (emb_bad_reported_) return true;
            emb_bad_reported_ = true;
            break;
        case Expect::media_field:
            id = code::media_type;
            what = fmt::format("{} is {}", kMediaFields[media_field_].snake,
                               kMediaFields[media_field_].type == format::MediaFieldType::string    ? "a string"
                               : kMediaFields[media_field_].type == format::MediaFieldType::integer ? "an integer"
                                                                                                    : "a number");
            break;
        case Expect::geo_field:
            id = code::metadata_geo_shape;
            what = "latitude and longitude are numbers";
            break;
        case Expect::ignore:
            return false;
    }
    emit(Severity::error, id, off, At::value,
         [&] { return fmt::format("{}, not {}. Fix the value.", what, got_name(g)); });
    return true;
}

void Validator::pass_through(Diagnostics ds) {
    for (auto& d : ds) {
        count(d.severity);
        if (opt_.max_diagnostics && res_.diagnostics.size() >= opt_.max_diagnostics) {
            ++res_.summary.suppressed[d.code];
            continue;
        }
        res_.diagnostics.push_back(std::move(d));
    }
}

}  // namespace eic::manifest::detail

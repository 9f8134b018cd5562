// The streaming manifest validator, shared by its modules (validate*.cpp); private to core/manifest.
// The class and its small types are here; the per-token SAX handlers are in validator_handlers.hpp,
// included where the JSON reader is instantiated (validate.cpp) so that they are inlined into its loop.
// Colder code (messages, end-of-item checks, URLs, CSV, the end of the run) is in the modules:
//   validate.cpp            entry points, the run, the steppable job, summary_json
//   validate_messages.cpp   pointers, suggestions, wrong-kind messages
//   validate_structure.cpp  member names of the top level and of items; items' begin and end
//   validate_values.cpp     the schema resolved; clientMetadata keys, media metadata and geospatial values
//   validate_urls.cpp       URLs: the per-file limit, the URL rules, bucket names, duplicate URLs
//   validate_csv.cpp        CSV manifests
//   validate_limits.cpp     the end of the run: read errors, emptiness, plan limits, batches
#pragma once

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "json/line_index.hpp"
#include "json/number.hpp"
#include "json/reader.hpp"
#include "manifest/codes.hpp"
#include "manifest/format.hpp"
#include "manifest/limits.hpp"
#include "manifest/model.hpp"
#include "manifest/validate.hpp"
#include "manifest/values.hpp"

namespace eic::manifest::detail {

using schema::KeyEntry;
using schema::KeyState;
using schema::KeyType;
using schema::ScalarHint;
using schema::TypeKind;

// ---- the format (format.hpp) ----------------------------------------------------------------------

using format::Media;
using MediaField = format::MediaField;
using format::duration;
using format::file_size;
using format::fps;
using format::height;
using format::media_fields;
using format::mime_prefix;
using format::mime_type;
using format::width;
using CollectionInfo = format::CollectionInfo;
constexpr int kNoCollection = -1;
constexpr std::size_t kCollectionCount = std::size(kAllCollections);
inline const auto& kMediaFields = format::media_field_info();
constexpr std::uint32_t bit(MediaField f) { return 1u << f; }

// ---- messages (validate_messages.cpp) -----------------------------------------------------------

// The closest name (manifest/suggest.hpp), or "".
std::string suggest(std::string_view key, const std::vector<std::string>& names);
std::string did_you_mean(const std::string& s);
// A value for a message: JSON-quoted and shortened.
std::string shown(std::string_view s);

// ---- the schema, resolved for fast lookups ------------------------------------------------------

enum class MetaType : std::uint8_t {
    number,
    varchar,
    text,
    boolean,
    datetime,
    uuid,
    enumeration,
    embedding,
    geospatial,
    user
};

struct Resolved {
    KeyState state = KeyState::live;
    MetaType type = MetaType::text;
    const KeyType* kt = nullptr;
    bool f32 = false;
    std::int64_t max_length = schema::max_varchar_length;
    mutable bool reported = false;  // tombstone warning given once per key
};

Resolved resolve(const KeyEntry& e);  // validate_values.cpp

// ---- the streaming validator --------------------------------------------------------------------

enum class Role : std::uint8_t { top, collection, item, client_meta, media, embedding, keyframes, geo };

// What the value about to come is, decided by the member name (objects) or the array's role.
enum class Expect : std::uint8_t {
    ignore,
    top,
    collection,
    skip_duplicate_urls,
    upsert_metadata,
    item,
    object_url,
    group_url,
    title,
    create_video,
    client_meta,
    media,
    meta_value,
    keyframes,
    media_field,
    geo_field,
    embedding_element,
    keyframe_element,
};

enum class Got : std::uint8_t { object, array, string, number, boolean, null };
const char* got_name(Got g);  // validate_messages.cpp

struct Frame {
    Role role = Role::top;
    std::size_t offset = 0;
    std::int64_t index = -1;  // arrays: the current element
    // Objects: the current member name. A view into the input when the name has no escapes (the
    // common case: no copy), else into `buf`, since the reader reuses its buffer for the next string.
    std::string_view key;
    std::string buf;
};

class Validator {
    friend class Stepper;

public:
    Validator(std::string_view bytes, const ValidateOptions& options) : bytes_(bytes), opt_(options), lines_(bytes) {
        if (opt_.schema) {
            for (const auto& [name, entry] : *opt_.schema) keys_.emplace(std::string_view(name), resolve(*entry));
        }
    }

    ValidationResult run();
    bool is_csv() const;
    ValidationResult summarize(bool csv, double ms);
    void run_csv();

    // SAX handler
    bool begin_object(std::size_t off);
    bool end_object(std::size_t off);
    bool begin_array(std::size_t off);
    bool end_array(std::size_t off);
    bool key(std::string_view k, std::size_t off);
    bool string(std::string_view s, std::size_t off);
    bool number(const json::Number& n, std::size_t off);
    bool boolean(bool b, std::size_t off);
    bool null(std::size_t off);

private:
    // ---- reporting
    enum class At : std::uint8_t { value, container, item };
    template <class F>
    void emit(Severity sev, const char* code, std::size_t offset, At at, F&& message);
    std::string pointer(At at) const;
    void count(Severity sev) {
        if (sev == Severity::error)
            ++res_.summary.errors;
        else if (sev == Severity::warning)
            ++res_.summary.warnings;
        else
            ++res_.summary.infos;
    }

    // ---- structure
    Expect take();
    void push(Role role, std::size_t off);
    bool wrong(Expect e, Got g, std::size_t off);  // a value of the wrong kind; returns true
    void top_key(std::string_view k, std::size_t off);
    void item_key(std::string_view k, std::size_t off);
    void seen_once(std::uint32_t flag, Expect e, std::string_view k, std::size_t off);
    void item_field(std::string_view k, std::size_t off);  // names other than the common three
    void item_duplicate(std::string_view k, std::size_t off);
    void meta_key(std::string_view k, std::size_t off);
    void meta_lookup(std::string_view k, std::size_t off, std::size_t nth);  // the guess missed
    void media_key(std::string_view k, std::size_t off);
    void geo_key(std::string_view k, std::size_t off);
    void begin_item(std::size_t off);
    void end_item();
    void end_media();
    void end_geo();
    void finish(const json::ReadResult& r);
    void pass_through(Diagnostics ds);

    // ---- values
    void check_url(std::string_view url, std::size_t off);
    void check_title(std::string_view title, std::size_t off);
    void check_duplicate(std::string_view identity, bool gcs, std::size_t off);
    void meta_string(std::string_view s, std::size_t off);
    void meta_number(const json::Number& n, std::size_t off);
    void media_value(Got g, std::string_view s, const json::Number* n, std::size_t off);
    void geo_value(const json::Number& n, std::size_t off);
    void count_url(std::size_t off);
    // One more item of the current collection (JSON item or CSV row that starts one).
    void count_item();
    // An image sequence under strict client-only access (JSON item or CSV group).
    void warn_image_sequence(std::size_t off, At at);
    const CollectionInfo* coll() const {
        return coll_ == kNoCollection ? nullptr : &format::collections()[std::size_t(coll_)];
    }

    std::string_view bytes_;
    const ValidateOptions& opt_;
    json::LineIndex lines_;
    ValidationResult res_;
    std::unordered_map<std::string_view, Resolved> keys_;
    std::unordered_set<std::string> reported_unknown_keys_;
    std::unordered_set<std::string> checked_buckets_;
    std::string last_bucket_;  // skips the set for the common run of URLs in one bucket
    bool noted_gs_ = false, noted_googleapis_ = false;

    std::array<Frame, 6> frames_;
    std::size_t depth_ = 0;  // frames_ in use
    std::size_t skip_ = 0;   // containers open inside an ignored value
    Expect pending_ = Expect::ignore;
    bool top_is_object_ = false, top_seen_ = false;
    std::uint32_t top_seen_mask_ = 0;

    // the current collection and item
    int coll_ = kNoCollection;
    std::array<std::uint64_t, kCollectionCount> coll_items_{};
    std::array<bool, kCollectionCount> coll_present_{};
    std::uint64_t elements_ = 0, items_ = 0, urls_ = 0, videos_ = 0, others_ = 0, known_bytes_ = 0;
    std::size_t item_offset_ = 0;
    std::int64_t item_index_ = -1;
    bool has_url_ = false, has_title_ = false, has_media_ = false, create_video_ = false;
    std::uint32_t item_fields_ = 0;
    std::vector<std::uint8_t> group_seen_;
    std::size_t group_max_ = 0;
    bool group_any_ = false;
    int group_index_ = 0;  // of the objectUrl_N being read

    // clientMetadata
    const Resolved* meta_ = nullptr;  // the key whose value comes; null when unchecked
    std::array<std::pair<std::string_view, const Resolved*>, 16> meta_guess_{};  // live keys by position
    std::uint64_t emb_count_ = 0;
    bool emb_bad_reported_ = false;
    // media metadata
    Media media_ = Media::none;
    MediaField media_field_ = fps;
    std::uint32_t media_seen_ = 0;
    std::size_t media_offset_ = 0;
    double m_fps_ = 0, m_duration_ = 0;
    std::int64_t m_width_ = 0, m_height_ = 0;
    // geospatial
    int geo_field_ = 0;  // 1 latitude, 2 longitude
    std::uint32_t geo_seen_ = 0;

    // duplicate URLs: open addressing, (hash, offset + 1) per slot and a tag byte per slot (0 = empty)
    std::vector<std::uint64_t> dup_;
    std::vector<std::uint8_t> dup_tag_;
    std::size_t dup_used_ = 0;
    std::string url_buffer_;  // analyse_url's, reused

    bool cancelled_ = false;
    std::size_t next_progress_ = 0;

    // CSV: the place of the field being checked (pointer null, row and field instead)
    bool csv_ = false;
    std::uint64_t csv_row_ = 0;
    std::string csv_field_;
};

template <class F>
void Validator::emit(Severity sev, const char* code, std::size_t offset, At at, F&& message) {
    count(sev);
    if (opt_.max_diagnostics && res_.diagnostics.size() >= opt_.max_diagnostics) {
        ++res_.summary.suppressed[code];
        return;
    }
    Diagnostic d;
    d.severity = sev;
    d.code = code;
    d.message = message();
    json::Position p = lines_.position(offset);
    d.line = p.line;
    d.column = p.column;
    if (csv_) {
        if (csv_row_) d.row = csv_row_;
        if (!csv_field_.empty()) d.field = csv_field_;
        if (coll_ != kNoCollection) d.collection = std::string(coll()->key);
        if (item_index_ >= 0) d.item = std::uint64_t(item_index_);
        res_.diagnostics.push_back(std::move(d));
        return;
    }
    d.pointer = pointer(at);
    if (depth_ >= 2 && coll_ != kNoCollection && frames_[1].role == Role::collection) {
        d.collection = std::string(coll()->key);
        if (depth_ >= 3 && item_index_ >= 0)
            d.item = std::uint64_t(item_index_);
        else if (depth_ == 2 && at == At::value && frames_[1].index >= 0)
            d.item = std::uint64_t(frames_[1].index);
    }
    res_.diagnostics.push_back(std::move(d));
}

inline Expect Validator::take() {
    if (depth_ == 0) return Expect::top;
    Frame& f = frames_[depth_ - 1];
    switch (f.role) {
        case Role::collection:
            ++f.index, ++elements_;
            return Expect::item;
        case Role::embedding:
            ++f.index;
            return Expect::embedding_element;
        case Role::keyframes:
            ++f.index;
            return Expect::keyframe_element;
        default: {
            Expect e = pending_;
            pending_ = Expect::ignore;
            return e;
        }
    }
}

inline void Validator::push(Role role, std::size_t off) {
    Frame& f = frames_[depth_++];
    f.role = role;
    f.offset = off;
    f.index = -1;
    f.key = {};
}

// A member of an item that may appear once.
inline void Validator::seen_once(std::uint32_t flag, Expect e, std::string_view k, std::size_t off) {
    if (item_fields_ & flag) item_duplicate(k, off);
    item_fields_ |= flag;
    pending_ = e;
}

inline void Validator::check_title(std::string_view title, std::size_t off) {
    has_title_ = true;
    const auto max = file_limits().max_file_name_chars;
    if (title.size() > max) {
        std::uint64_t chars = count_chars(title);
        if (chars > max)
            emit(Severity::error, code::title_too_long, off, At::value, [&] {
                return fmt::format("The title has {} characters; Encord allows file names of at most {}. Shorten it.",
                                   chars, max);
            });
    }
}

}  // namespace eic::manifest::detail

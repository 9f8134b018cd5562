#include "manifest/validate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstring>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "csv/reader.hpp"
#include "gcs/names.hpp"
#include "json/line_index.hpp"
#include "json/number.hpp"
#include "json/reader.hpp"
#include "manifest/codes.hpp"
#include "manifest/csv_manifest.hpp"
#include "manifest/format.hpp"
#include "manifest/load.hpp"
#include "manifest/values.hpp"

namespace eic::manifest {
namespace {

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
const auto& kMediaFields = format::media_field_info();
constexpr std::uint32_t bit(MediaField f) { return 1u << f; }

std::string lower_alnum(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c >= 'A' && c <= 'Z')
            out += char(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += c;
    }
    return out;
}

// The closest name within a small distance, or "".
std::string suggest(std::string_view key, const std::vector<std::string>& names) {
    std::string best;
    std::size_t best_d = SIZE_MAX;
    const std::string folded = lower_alnum(key);
    for (const auto& n : names) {
        if (!folded.empty() && lower_alnum(n) == folded) return n;
        std::size_t d = edit_distance(key, n);
        if (d < best_d) best_d = d, best = n;
    }
    std::size_t allowed = std::max<std::size_t>(2, key.size() / 3);
    return best_d <= allowed ? best : std::string();
}

std::string did_you_mean(const std::string& s) {
    return s.empty() ? std::string() : fmt::format(" Did you mean \"{}\"?", s);
}

// A value for a message: JSON-quoted and shortened.
std::string shown(std::string_view s) {
    if (s.size() > 80) return schema::quote(s.substr(0, 77)) + "...";
    return schema::quote(s);
}

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
    std::int64_t max_length = 8192;
    mutable bool reported = false;  // tombstone warning given once per key
};

MetaType from_hint(ScalarHint h) {
    switch (h) {
        case ScalarHint::number:
            return MetaType::number;
        case ScalarHint::varchar:
            return MetaType::varchar;
        case ScalarHint::text:
            return MetaType::text;
        case ScalarHint::boolean:
            return MetaType::boolean;
        case ScalarHint::datetime:
            return MetaType::datetime;
        case ScalarHint::uuid:
            return MetaType::uuid;
    }
    return MetaType::text;
}

Resolved resolve(const KeyEntry& e) {
    Resolved r;
    r.state = e.state;
    r.kt = &e.type;
    const KeyType& t = e.type;
    switch (t.kind) {
        case TypeKind::variant:
            r.type = from_hint(t.hint);
            break;
        case TypeKind::enumeration:
            r.type = MetaType::enumeration;
            break;
        case TypeKind::embedding:
            r.type = MetaType::embedding;
            break;
        case TypeKind::geospatial:
            r.type = MetaType::geospatial;
            break;
        case TypeKind::number:
            r.type = MetaType::number, r.f32 = t.format == schema::NumberFormat::f32;
            break;
        case TypeKind::varchar:
            r.type = MetaType::varchar, r.max_length = t.max_length;
            break;
        case TypeKind::datetime:
            r.type = MetaType::datetime;
            break;
        case TypeKind::boolean:
            r.type = MetaType::boolean;
            break;
        case TypeKind::text:
            r.type = MetaType::text;
            break;
        case TypeKind::uuid:
            r.type = MetaType::uuid;
            break;
        case TypeKind::user:
            r.type = MetaType::user;
            break;
    }
    return r;
}

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

struct Frame {
    Role role = Role::top;
    std::size_t offset = 0;
    std::int64_t index = -1;  // arrays: the current element
    // Objects: the current member name. A view into the input when the name has no escapes (the
    // common case: no copy), else into `buf`, since the reader reuses its buffer for the next string.
    std::string_view key;
    std::string buf;
};

// Captures the first string of a document; used to read an earlier URL again.
struct FirstString {
    std::string value;
    bool begin_object(std::size_t) { return false; }
    bool end_object(std::size_t) { return false; }
    bool begin_array(std::size_t) { return false; }
    bool end_array(std::size_t) { return false; }
    bool key(std::string_view, std::size_t) { return false; }
    bool string(std::string_view s, std::size_t) {
        value.assign(s);
        return false;
    }
    bool number(const json::Number&, std::size_t) { return false; }
    bool boolean(bool, std::size_t) { return false; }
    bool null(std::size_t) { return false; }
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
    void meta_key(std::string_view k, std::size_t off);
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

Expect Validator::take() {
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

void Validator::push(Role role, std::size_t off) {
    Frame& f = frames_[depth_++];
    f.role = role;
    f.offset = off;
    f.index = -1;
    f.key = {};
}

// ---- containers --------------------------------------------------------------------------------

bool Validator::begin_object(std::size_t off) {
    if (skip_) {
        ++skip_;
        return true;
    }
    Expect e = take();
    switch (e) {
        case Expect::top:
            top_seen_ = top_is_object_ = true;
            push(Role::top, off);
            return true;
        case Expect::item:
            push(Role::item, off);
            begin_item(off);
            return !cancelled_;
        case Expect::client_meta:
            push(Role::client_meta, off);
            return true;
        case Expect::media:
            push(Role::media, off);
            media_ = coll()->media;
            media_seen_ = 0;
            media_offset_ = off;
            m_fps_ = m_duration_ = 0;
            m_width_ = m_height_ = 0;
            return true;
        case Expect::meta_value:
            if (meta_ && meta_->type == MetaType::geospatial) {
                push(Role::geo, off);
                geo_seen_ = 0;
                return true;
            }
            if (meta_) wrong(e, Got::object, off);
            ++skip_;
            return true;
        case Expect::ignore:
            ++skip_;
            return true;
        default:
            wrong(e, Got::object, off);
            ++skip_;
            return true;
    }
}

bool Validator::end_object(std::size_t off) {
    if (skip_) {
        --skip_;
        return true;
    }
    Role role = frames_[depth_ - 1].role;
    if (role == Role::item) {
        end_item();
        if (opt_.spans) opt_.spans->push_back({coll()->key.data(), std::uint32_t(item_index_), item_offset_, off + 1});
    } else if (role == Role::media)
        end_media();
    else if (role == Role::geo)
        end_geo();
    --depth_;
    return true;
}

bool Validator::begin_array(std::size_t off) {
    if (skip_) {
        ++skip_;
        return true;
    }
    Expect e = take();
    switch (e) {
        case Expect::collection:
            push(Role::collection, off);
            coll_present_[std::size_t(coll_)] = true;
            return true;
        case Expect::keyframes:
            push(Role::keyframes, off);
            return true;
        case Expect::meta_value:
            if (meta_ && meta_->type == MetaType::embedding) {
                push(Role::embedding, off);
                emb_count_ = 0;
                emb_bad_reported_ = false;
                return true;
            }
            if (meta_) wrong(e, Got::array, off);
            ++skip_;
            return true;
        case Expect::ignore:
            ++skip_;
            return true;
        default:
            wrong(e, Got::array, off);
            ++skip_;
            return true;
    }
}

bool Validator::end_array(std::size_t off) {
    if (skip_) {
        --skip_;
        return true;
    }
    Frame& f = frames_[depth_ - 1];
    if (f.role == Role::embedding && meta_) {
        emb_count_ = std::uint64_t(f.index + 1);
        auto size = std::uint64_t(meta_->kt->size);
        if (emb_count_ != size)
            emit(Severity::error, code::metadata_embedding_size, f.offset, At::container, [&] {
                return fmt::format("The embedding {} has {} numbers; the schema says {}. Give exactly {} numbers.",
                                   schema::quote(frames_[depth_ - 2].key), emb_count_, size, size);
            });
    }
    if (f.role == Role::collection) coll_ = kNoCollection;
    --depth_;
    return true;
}

// ---- member names ------------------------------------------------------------------------------

// Per token: inlined into the reader's loop (EIC_JSON_INLINE, json/scan.hpp).
EIC_JSON_INLINE bool Validator::key(std::string_view k, std::size_t off) {
    if (skip_) return true;
    Frame& f = frames_[depth_ - 1];
    if (k.data() >= bytes_.data() && k.data() + k.size() <= bytes_.data() + bytes_.size()) {
        f.key = k;
    } else {
        f.buf.assign(k.data(), k.size());
        f.key = f.buf;
    }
    switch (f.role) {
        case Role::top:
            top_key(k, off);
            break;
        case Role::item:
            item_key(k, off);
            break;
        case Role::client_meta:
            meta_key(k, off);
            break;
        case Role::media:
            media_key(k, off);
            break;
        case Role::geo:
            geo_key(k, off);
            break;
        default:
            pending_ = Expect::ignore;
            break;
    }
    return true;
}

void Validator::top_key(std::string_view k, std::size_t off) {
    coll_ = kNoCollection;
    const auto& names = format::top_level_keys();
    std::size_t i = 0;
    while (i < names.size() && names[i] != k) ++i;
    if (i == names.size()) {
        // Encord reads its documented keys and ignores the rest (index-register-cloud-data docs page):
        // the file is accepted, so this is a warning, however much it would leave out.
        pending_ = Expect::ignore;
        if (auto file_form = format::file_form_of_structured(k)) {
            emit(Severity::warning, code::unknown_key, off, At::value, [&] {
                return fmt::format(
                    "{} is the structured (SDK dataItems) name; a manifest file uses \"{}\", so Encord "
                    "ignores this key and everything in it. Rename the key.",
                    schema::quote(k), *file_form);
            });
            return;
        }
        emit(Severity::warning, code::unknown_key, off, At::value, [&] {
            return fmt::format("Unknown top-level key {}: Encord reads {} and {}, and ignores the rest.{}",
                               schema::quote(k), format::documented_collections_text(), format::kSkipDuplicateUrls,
                               did_you_mean(suggest(k, names)));
        });
        return;
    }
    if (top_seen_mask_ & (1u << i)) {
        emit(Severity::warning, code::duplicate_key, off, At::value, [&] {
            return fmt::format(
                "{} appears twice at the top level; JSON readers keep only the last one, so the first is "
                "lost. Merge them into one.",
                schema::quote(k));
        });
    }
    top_seen_mask_ |= 1u << i;
    if (k == format::kSkipDuplicateUrls) {
        pending_ = Expect::skip_duplicate_urls;
        return;
    }
    if (k == format::kUpsertMetadata) {
        pending_ = Expect::upsert_metadata;
        emit(Severity::info, code::upsert_metadata, off, At::value, [&] {
            return std::string(
                "upsert_metadata is documented for the structured (SDK) form only; whether a manifest file "
                "accepts it is not documented. It only acts with skip_duplicate_urls: true.");
        });
        return;
    }
    if (const CollectionInfo* c = format::find_collection(k)) {
        coll_ = int(c->id);
        pending_ = Expect::collection;
        if (!c->file_form_documented)
            emit(Severity::info, code::structured_collection, off, At::value, [&] {
                return fmt::format(
                    "{} is a collection of Encord's structured (SDK) form; Encord documents only {} for "
                    "manifest files, so the upload may not accept it.",
                    schema::quote(k), format::documented_collections_text());
            });
    }
}

void Validator::item_key(std::string_view k, std::size_t off) {
    const CollectionInfo& c = *coll();
    auto seen_once = [&](std::uint32_t flag, Expect e) {
        if (item_fields_ & flag)
            emit(Severity::warning, code::item_duplicate_key, off, At::value, [&] {
                return fmt::format("{} appears twice in this item; only the last value counts. Remove one.",
                                   schema::quote(k));
            });
        item_fields_ |= flag;
        pending_ = e;
    };
    // The documented names most items use, compared before the format table is walked.
    if (same_text(k, format::kTitle)) return seen_once(1, Expect::title);
    if (same_text(k, format::kClientMetadata)) return seen_once(2, Expect::client_meta);
    if (!c.grouped && same_text(k, format::kObjectUrl)) return seen_once(4, Expect::object_url);
    const auto m = format::match_item_field(c.id, k);
    if (!m) {
        pending_ = Expect::ignore;
        std::string hint = c.grouped && k == format::kObjectUrl
                               ? std::string(" Name the files objectUrl_0, objectUrl_1, ...")
                               : did_you_mean(suggest(k, format::item_field_names(c.id)));
        emit(Severity::warning, code::item_unknown_field, off, At::value, [&] {
            return fmt::format("Unknown field {} in an item of {}; Encord ignores it.{}", schema::quote(k), c.key,
                               hint);
        });
        return;
    }
    if (!m->documented)
        emit(Severity::warning, code::item_field_spelling, off, At::value, [&] {
            return fmt::format(
                "{} is not how Encord's docs spell this field, and no source says Encord reads it: write "
                "\"{}\". (eic reads it as {}, and eic convert keeps it as written.)",
                schema::quote(k), m->documented_as, m->documented_as);
        });
    switch (m->field) {
        case format::Field::title:
            return seen_once(1, Expect::title);
        case format::Field::client_metadata:
            return seen_once(2, Expect::client_meta);
        case format::Field::object_url:
            return seen_once(4, Expect::object_url);
        case format::Field::media_metadata:
            return seen_once(8, Expect::media);
        case format::Field::create_video:
            return seen_once(16, Expect::create_video);
        case format::Field::video_option:
            pending_ = Expect::ignore;
            return;
        case format::Field::group_url:
            break;
    }
    if (!m->position || *m->position > file_limits().max_urls) {
        pending_ = Expect::ignore;
        emit(Severity::warning, code::group_url_index, off, At::value, [&] {
            return fmt::format(
                "{} is not objectUrl_N with N a position 0, 1, 2, ... (no leading zeros), the form "
                "Encord's docs give, so Encord may not read this file. Rename the key.",
                schema::quote(k));
        });
        return;
    }
    const std::size_t n = *m->position;
    group_index_ = int(n);
    if (group_seen_.size() <= n) group_seen_.resize(n + 1, 0);
    if (group_seen_[n])
        emit(Severity::warning, code::item_duplicate_key, off, At::value, [&] {
            return fmt::format("{} appears twice in this item; only the last value counts. Remove one.",
                               schema::quote(k));
        });
    group_seen_[n] = 1;
    group_any_ = true;
    group_max_ = std::max(group_max_, n);
    pending_ = Expect::group_url;
}

void Validator::meta_key(std::string_view k, std::size_t off) {
    meta_ = nullptr;
    if (k == format::kKeyframes) {
        pending_ = Expect::keyframes;
        return;
    }
    // Video import options (format.hpp): accepted where the docs place them, unless the schema has the key.
    if (k == format::kVideoConfig && keys_.find(k) == keys_.end()) {
        pending_ = Expect::ignore;
        return;
    }
    if (!opt_.schema) {
        pending_ = Expect::ignore;
        return;
    }
    // Items list their metadata keys in one order: try the key found at this position last time
    // before hashing the name. (Objects' frames do not use `index` otherwise.)
    const std::size_t nth = std::size_t(++frames_[depth_ - 1].index);
    if (nth < meta_guess_.size() && meta_guess_[nth].second && same_text(meta_guess_[nth].first, k)) {
        meta_ = meta_guess_[nth].second;
        pending_ = Expect::meta_value;
        return;
    }
    auto it = keys_.find(k);
    if (it == keys_.end()) {
        pending_ = Expect::ignore;
        if (reported_unknown_keys_.insert(std::string(k)).second)
            emit(Severity::warning, code::metadata_unknown_key, off, At::value, [&] {
                std::vector<std::string> names;
                for (const auto& kv : keys_)
                    if (kv.second.state == KeyState::live) names.emplace_back(kv.first);
                std::sort(names.begin(), names.end());
                return fmt::format(
                    "The schema has no key {}: Encord stores the value but cannot filter or sort on it. Add "
                    "the key to the schema or fix the name.{} (Reported for its first use only.)",
                    schema::quote(k), did_you_mean(suggest(k, names)));
            });
        return;
    }
    const Resolved& r = it->second;
    if (r.state != KeyState::live) {
        pending_ = Expect::ignore;
        if (!r.reported) {
            r.reported = true;
            emit(Severity::warning, code::metadata_deleted_key, off, At::value, [&] {
                return r.state == KeyState::hard_deleted
                           ? fmt::format(
                                 "The schema key {} is hard deleted: Encord never indexes it again. Remove it from "
                                 "the manifest or use another key. (Reported for its first use only.)",
                                 schema::quote(k))
                           : fmt::format(
                                 "The schema key {} is deleted (soft): its values are not indexed until the key is "
                                 "restored. Restore the key or remove it here. (Reported for its first use only.)",
                                 schema::quote(k));
            });
        }
        return;
    }
    meta_ = &r;
    pending_ = Expect::meta_value;
    if (nth < meta_guess_.size()) meta_guess_[nth] = {it->first, &r};
}

void Validator::media_key(std::string_view k, std::size_t off) {
    const std::uint32_t allowed = media_fields(media_);
    for (std::size_t i = 0; i < format::kMediaFieldCount; ++i) {
        if ((allowed & (1u << i)) && (k == kMediaFields[i].snake || k == kMediaFields[i].camel)) {
            if (media_seen_ & (1u << i))
                emit(Severity::warning, code::item_duplicate_key, off, At::value, [&] {
                    return fmt::format(
                        "{} is given twice in this metadata object (perhaps in both snake_case and "
                        "camelCase); only one counts. Remove one.",
                        schema::quote(k));
                });
            media_seen_ |= 1u << i;
            media_field_ = MediaField(i);
            pending_ = Expect::media_field;
            return;
        }
    }
    pending_ = Expect::ignore;
    std::vector<std::string> names;
    for (std::size_t i = 0; i < format::kMediaFieldCount; ++i)
        if (allowed & (1u << i)) names.emplace_back(kMediaFields[i].snake);
    emit(Severity::warning, code::media_unknown_field, off, At::value, [&] {
        return fmt::format("Unknown field {} in {}; its fields are {}.{}", schema::quote(k), coll()->metadata_key,
                           fmt::join(names, ", "), did_you_mean(suggest(k, names)));
    });
}

void Validator::geo_key(std::string_view k, std::size_t off) {
    if (k == "latitude")
        geo_field_ = 1;
    else if (k == "longitude")
        geo_field_ = 2;
    else {
        geo_field_ = 0;
        pending_ = Expect::ignore;
        emit(Severity::error, code::metadata_geo_shape, off, At::value, [&] {
            return fmt::format(
                "A geospatial value is {{\"latitude\": -90..90, \"longitude\": -180..180}}; {} is not one "
                "of its fields.",
                schema::quote(k));
        });
        return;
    }
    if (geo_seen_ & (1u << geo_field_)) {
        emit(Severity::warning, code::item_duplicate_key, off, At::value,
             [&] { return fmt::format("{} is given twice; only the last value counts.", schema::quote(k)); });
    }
    geo_seen_ |= 1u << geo_field_;
    pending_ = Expect::geo_field;
}

// ---- items -------------------------------------------------------------------------------------

void Validator::begin_item(std::size_t off) {
    item_offset_ = off;
    item_index_ = frames_[depth_ - 2].index;
    has_url_ = has_title_ = has_media_ = create_video_ = false;
    item_fields_ = 0;
    if (group_any_) std::fill(group_seen_.begin(), group_seen_.begin() + std::ptrdiff_t(group_max_ + 1), 0);
    group_any_ = false;
    group_max_ = 0;
    ++items_;
    ++coll_items_[std::size_t(coll_)];
    if (coll()->video)
        ++videos_;
    else
        ++others_;
    if (items_ == file_limits().max_items + 1)
        emit(Severity::error, code::limit_items, off, At::item, [&] {
            return fmt::format(
                "This item is beyond Encord's limit of {} items per manifest file. Split the manifest "
                "(eic split).",
                file_limits().max_items);
        });
    if (opt_.progress && off >= next_progress_) {
        next_progress_ = off + std::max<std::size_t>(opt_.progress_every, 1);
        if (!opt_.progress(off, bytes_.size())) cancelled_ = true;
    }
}

void Validator::end_item() {
    const CollectionInfo& c = *coll();
    if (!c.grouped && !(item_fields_ & 4))
        emit(Severity::error, code::item_missing_url, item_offset_, At::item, [&] {
            return fmt::format(
                "This item of {} has no objectUrl, which Encord's docs require. Add \"objectUrl\": the "
                "file's URL.",
                c.key);
        });
    if (c.grouped) {
        if (!group_any_) {
            emit(Severity::warning, code::group_no_urls, item_offset_, At::item, [&] {
                return fmt::format(
                    "This item of {} names no files. Add \"objectUrl_0\", \"objectUrl_1\", ... in display "
                    "order.",
                    c.key);
            });
        } else {
            std::vector<std::size_t> missing;
            for (std::size_t i = 0; i <= group_max_; ++i)
                if (!group_seen_[i]) missing.push_back(i);
            if (!missing.empty())
                emit(Severity::warning, code::group_url_gap, item_offset_, At::item, [&] {
                    std::string list;
                    for (std::size_t i = 0; i < missing.size() && i < 5; ++i)
                        list += fmt::format("{}objectUrl_{}", i ? ", " : "", missing[i]);
                    if (missing.size() > 5) list += fmt::format(" and {} more", missing.size() - 5);
                    return fmt::format(
                        "The positions of this group have gaps: {} missing (the last is objectUrl_{}). "
                        "Encord's docs number the files 0, 1, 2, ...; how it orders other numbering is "
                        "not documented.",
                        list, group_max_);
                });
        }
        if (!(item_fields_ & 1))
            emit(Severity::warning, code::group_missing_title, item_offset_, At::item, [&] {
                return fmt::format(
                    "This {} has no title; Encord's SDK (encord/orm/storage.py, {}.title) says it is "
                    "\"required if using cloud integration\". Add \"title\".",
                    c.id == Collection::dicom_series ? "DICOM series" : "image group",
                    c.id == Collection::dicom_series ? "DataUploadDicomSeries" : "DataUploadImageGroup");
            });
    }
    if (opt_.strict_client_only && c.id == Collection::image_groups && create_video_)
        emit(Severity::warning, code::strict_image_sequence, item_offset_, At::item, [&] {
            return std::string(
                "This is an image sequence (createVideo: true), which Encord makes into a video on its "
                "side; under strict client-only access \"server-side media features will not be "
                "available\" (Encord's GCP import guide). Import it as an image group instead.");
        });
    if (opt_.strict_client_only && (c.media == Media::video || c.media == Media::image) && !(item_fields_ & 8))
        emit(Severity::error, code::strict_missing_metadata, item_offset_, At::item, [&] {
            return fmt::format(
                "Strict client-only access needs {} on every item of {}: Encord does not read the file. "
                "Add it with {}.",
                c.metadata_key, c.key,
                c.media == Media::video ? "fps, duration, width, height, file_size and mime_type"
                                        : "width, height, file_size and mime_type");
        });
    item_index_ = -1;
}

void Validator::end_media() {
    const std::uint32_t missing = media_fields(media_) & ~media_seen_;
    if (missing) {
        const bool strict = opt_.strict_client_only && (media_ == Media::video || media_ == Media::image);
        emit(strict ? Severity::error : Severity::warning, code::media_incomplete, media_offset_, At::container, [&] {
            std::vector<std::string> names;
            for (std::size_t i = 0; i < format::kMediaFieldCount; ++i)
                if (missing & (1u << i)) names.emplace_back(kMediaFields[i].snake);
            return fmt::format("{} lacks {}; Encord's SDK requires every field{}. Add them.", coll()->metadata_key,
                               fmt::join(names, ", "), strict ? ", and strict client-only access relies on them" : "");
        });
    }
    if (opt_.plan && media_ == Media::video && (media_seen_ & bit(fps)) && (media_seen_ & bit(duration))) {
        const auto& pl = plan_limits(*opt_.plan);
        double frames = m_fps_ * m_duration_;
        if (frames > double(pl.max_video_frames))
            emit(Severity::error, code::plan_frames, media_offset_, At::container, [&] {
                return fmt::format(
                    "This video has about {:.0f} frames (fps x duration); the {} plan allows {} per video. "
                    "Cut the video.",
                    frames, pl.name, pl.max_video_frames);
            });
    }
    if (opt_.plan && (media_seen_ & bit(width)) && (media_seen_ & bit(height))) {
        const auto& pl = plan_limits(*opt_.plan);
        auto lo = std::min(m_width_, m_height_), hi = std::max(m_width_, m_height_);
        if (hi > pl.max_width || lo > pl.max_height)
            emit(Severity::error, code::plan_resolution, media_offset_, At::container, [&] {
                return fmt::format("{}x{} is above the 4K resolution ({}x{}) the {} plan allows. Downscale the file.",
                                   m_width_, m_height_, pl.max_width, pl.max_height, pl.name);
            });
    }
}

void Validator::end_geo() {
    if ((geo_seen_ & 6) != 6)
        emit(Severity::error, code::metadata_geo_shape, frames_[depth_ - 1].offset, At::container,
             [&] { return std::string("A geospatial value needs both \"latitude\" and \"longitude\"."); });
}

// ---- scalars -----------------------------------------------------------------------------------

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

bool Validator::string(std::string_view s, std::size_t off) {
    if (skip_) return true;
    Expect e = take();
    switch (e) {
        case Expect::object_url:
            has_url_ = true;
            check_url(s, off);
            break;
        case Expect::group_url:
            check_url(s, off);
            break;
        case Expect::title:
            check_title(s, off);
            break;
        case Expect::meta_value:
            meta_string(s, off);
            break;
        case Expect::media_field:
            media_value(Got::string, s, nullptr, off);
            break;
        case Expect::ignore:
            break;
        case Expect::top:
            top_seen_ = true;
            [[fallthrough]];
        default:
            wrong(e, Got::string, off);
            break;
    }
    return true;
}

EIC_JSON_INLINE bool Validator::number(const json::Number& n, std::size_t off) {
    if (skip_) return true;
    Expect e = take();
    switch (e) {
        case Expect::meta_value:
            meta_number(n, off);
            break;
        case Expect::embedding_element:
            if (!number_in_range(n, false))
                emit(Severity::error, code::metadata_number_range, off, At::value, [&] {
                    return fmt::format("{} is too large to be a finite number. Fix the value.", shown(n.text));
                });
            break;
        case Expect::keyframe_element:
            if (!n.integer || n.negative)
                emit(Severity::error, code::metadata_keyframes, off, At::value, [&] {
                    return fmt::format("keyframes holds frame numbers (non-negative integers), not {}.", shown(n.text));
                });
            break;
        case Expect::media_field:
            media_value(Got::number, {}, &n, off);
            break;
        case Expect::geo_field:
            geo_value(n, off);
            break;
        case Expect::ignore:
            break;
        case Expect::top:
            top_seen_ = true;
            [[fallthrough]];
        default:
            wrong(e, Got::number, off);
            break;
    }
    return true;
}

bool Validator::boolean(bool b, std::size_t off) {
    if (skip_) return true;
    Expect e = take();
    switch (e) {
        case Expect::create_video:
            create_video_ = b;
            break;
        case Expect::skip_duplicate_urls:
        case Expect::upsert_metadata:
        case Expect::ignore:
            break;
        case Expect::meta_value:
            if (meta_->type != MetaType::boolean) wrong(e, Got::boolean, off);
            break;
        case Expect::top:
            top_seen_ = true;
            [[fallthrough]];
        default:
            wrong(e, Got::boolean, off);
            break;
    }
    return true;
}

bool Validator::null(std::size_t off) {
    if (skip_) return true;
    Expect e = take();
    switch (e) {
        case Expect::ignore:
            break;
        case Expect::meta_value:
            emit(Severity::warning, code::metadata_null, off, At::value, [&] {
                return fmt::format("null is not a documented value for the schema key {}; leave the key out instead.",
                                   schema::quote(frames_[depth_ - 1].key));
            });
            break;
        case Expect::top:
            top_seen_ = true;
            [[fallthrough]];
        default:
            wrong(e, Got::null, off);
            break;
    }
    return true;
}

void Validator::meta_string(std::string_view s, std::size_t off) {
    const Resolved& r = *meta_;
    const std::string_view key = frames_[depth_ - 1].key;
    switch (r.type) {
        case MetaType::text:
        case MetaType::user:
            return;
        case MetaType::varchar: {
            const auto max = std::uint64_t(std::max<std::int64_t>(r.max_length, 0));
            if (s.size() > max) {
                std::uint64_t chars = count_chars(s);
                if (chars > max)
                    emit(Severity::error, code::metadata_varchar_length, off, At::value, [&] {
                        return fmt::format(
                            "The value of {} has {} characters; a varchar holds at most {}. Shorten it, or "
                            "make the key a text key for long values.",
                            schema::quote(key), chars, max);
                    });
            }
            return;
        }
        case MetaType::datetime:
            if (!is_iso8601(s))
                emit(Severity::error, code::metadata_datetime, off, At::value, [&] {
                    return fmt::format(
                        "{} is not an ISO 8601 date or date-time for {}. Write e.g. \"2024-05-01\" or "
                        "\"2024-05-01T13:45:00Z\".",
                        shown(s), schema::quote(key));
                });
            return;
        case MetaType::uuid: {
            int v = uuid_version(s);
            if (v < 0)
                emit(Severity::error, code::metadata_uuid, off, At::value, [&] {
                    return fmt::format("{} is not a UUID (8-4-4-4-12 hexadecimal digits) for {}.", shown(s),
                                       schema::quote(key));
                });
            else if (v != 4)
                emit(Severity::warning, code::metadata_uuid_version, off, At::value, [&] {
                    return fmt::format("{} is a version {} UUID; Encord documents uuid values as UUIDv4.", shown(s), v);
                });
            return;
        }
        case MetaType::enumeration: {
            const auto& values = r.kt->values;
            auto it = std::lower_bound(values.begin(), values.end(), s, [](const std::string& a, std::string_view b) {
                return std::string_view(a) < b;
            });
            if (it == values.end() || *it != s)
                emit(Severity::error, code::metadata_enum, off, At::value, [&] {
                    std::string list;
                    for (std::size_t i = 0; i < values.size() && i < 10; ++i)
                        list += (i ? ", " : "") + schema::quote(values[i]);
                    if (values.size() > 10) list += ", ...";
                    return fmt::format("{} is not an option of the enum {} ({}).{}", shown(s), schema::quote(key), list,
                                       did_you_mean(suggest(s, values)));
                });
            return;
        }
        default:
            wrong(Expect::meta_value, Got::string, off);
            return;
    }
}

void Validator::meta_number(const json::Number& n, std::size_t off) {
    const Resolved& r = *meta_;
    if (r.type != MetaType::number) {
        wrong(Expect::meta_value, Got::number, off);
        return;
    }
    if (!number_in_range(n, r.f32))
        emit(Severity::error, code::metadata_number_range, off, At::value, [&] {
            return fmt::format("{} is outside the range of {} for {}. Fix the value.", shown(n.text),
                               r.f32 ? "a 32-bit float (F32)" : "a finite number",
                               schema::quote(frames_[depth_ - 1].key));
        });
}

void Validator::geo_value(const json::Number& n, std::size_t off) {
    double v = 0;
    const double limit = geo_field_ == 1 ? 90 : 180;
    if (json::to_double(n.text, v) != json::Errc::none || v < -limit || v > limit)
        emit(Severity::error, code::metadata_geo_range, off, At::value, [&] {
            return fmt::format("{} {} is outside {}..{}.", geo_field_ == 1 ? "latitude" : "longitude", shown(n.text),
                               -limit, limit);
        });
}

void Validator::media_value(Got g, std::string_view s, const json::Number* n, std::size_t off) {
    const format::MediaFieldInfo& f = kMediaFields[media_field_];
    if (f.type == format::MediaFieldType::string) {
        if (g != Got::string) return void(wrong(Expect::media_field, g, off));
        if (media_field_ == mime_type) {
            const char* prefix = mime_prefix(media_);
            if (prefix && s.substr(0, std::strlen(prefix)) != prefix)
                emit(Severity::warning, code::media_mime_type, off, At::value, [&] {
                    return fmt::format("{} is not a {}* MIME type, as {} expects.", shown(s), prefix,
                                       coll()->metadata_key);
                });
        }
        return;
    }
    if (g != Got::number) return void(wrong(Expect::media_field, g, off));
    if (f.type == format::MediaFieldType::integer) {
        std::int64_t v = 0;
        json::Errc e = json::to_int64(n->text, v);
        if (e != json::Errc::none) return void(wrong(Expect::media_field, g, off));
        const bool positive = media_field_ != file_size;
        if (v < 0 || (positive && v == 0))
            emit(Severity::warning, code::media_range, off, At::value, [&] {
                return fmt::format("{} is {}; it must be {}.", f.snake, v, positive ? "positive" : "zero or more");
            });
        if (media_field_ == width) m_width_ = v;
        if (media_field_ == height) m_height_ = v;
        if (media_field_ == file_size && v > 0) {
            known_bytes_ += std::uint64_t(v);
            if (opt_.plan && std::uint64_t(v) > plan_limits(*opt_.plan).max_media_bytes)
                emit(Severity::error, code::plan_media_size, off, At::value, [&] {
                    const auto& pl = plan_limits(*opt_.plan);
                    return fmt::format("This file has {} bytes; the {} plan allows files up to {} bytes.", v, pl.name,
                                       pl.max_media_bytes);
                });
        }
        return;
    }
    double v = 0;
    if (json::to_double(n->text, v) != json::Errc::none || v < 0 || (media_field_ == fps && v == 0)) {
        emit(Severity::warning, code::media_range, off, At::value, [&] {
            return fmt::format("{} is {}; it must be a finite number{}.", f.snake, n->text,
                               media_field_ == fps ? " above zero" : ", zero or more");
        });
        return;
    }
    if (media_field_ == fps) m_fps_ = v;
    if (media_field_ == duration) m_duration_ = v;
}

void Validator::check_title(std::string_view title, std::size_t off) {
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

void Validator::count_url(std::size_t off) {
    ++urls_;
    if (urls_ == file_limits().max_urls + 1)
        emit(Severity::error, code::limit_urls, off, At::value, [&] {
            return fmt::format(
                "This URL is beyond Encord's limit of {} URLs per manifest file. Split the manifest (eic split).",
                file_limits().max_urls);
        });
}

void Validator::check_url(std::string_view url, std::size_t off) {
    count_url(off);
    UrlCheck u = analyse_url(url, url_buffer_);
    if (const UrlFormNote* note = url_form_note(u.form)) {
        bool& noted = u.form == UrlForm::gs ? noted_gs_ : noted_googleapis_;
        if (!noted) {
            noted = true;
            emit(Severity::info, note->code, off, At::value, [&] { return std::string(note->message); });
        }
    }
    for (const UrlIssue& issue : u.issues)
        emit(issue.severity, issue.code, off, At::value, [&] { return issue.message; });
    if (!u.bucket.empty() && u.bucket != last_bucket_) {
        last_bucket_.assign(u.bucket.data(), u.bucket.size());
        if (checked_buckets_.size() < 10000 && checked_buckets_.insert(last_bucket_).second)
            for (const auto& issue : gcs::check_bucket_name(u.bucket))
                emit(issue.error ? Severity::error : Severity::warning, issue.code, off, At::value, [&] {
                    return fmt::format("Bucket {}: {} (Reported for its first URL only.)", shown(u.bucket),
                                       issue.message);
                });
    }
    if (!url.empty()) check_duplicate(u.identity, u.gcs, off);
}

// The table: one 64-bit slot per URL, half full at most: the low 24 bits of the URL's hash (they
// place it, so the table can grow to 2^24 slots without the URLs) and 40 bits of offset + 1 (0 = empty).
// Beside it, one byte per slot of other hash bits (0 = empty): probes read only those, a quarter of a
// megabyte per 100,000 URLs, which stays in cache, and the slot is read only when they match. Equal
// stored bits are only a candidate, confirmed by reading the earlier URL again.
void Validator::check_duplicate(std::string_view identity, bool gcs, std::size_t off) {
    constexpr int kHashBits = 24;
    constexpr std::uint64_t kOffsetMask = (std::uint64_t(1) << 40) - 1;
    if (dup_.empty()) {
        dup_.resize(1024);
        dup_tag_.resize(1024);
    }
    if ((dup_used_ + 1) * 2 > dup_.size()) {
        if (dup_.size() >= (std::size_t(1) << kHashBits) || off + 1 > kOffsetMask)
            return;  // far beyond Encord's limits
        std::vector<std::uint64_t> bigger(dup_.size() * 2);
        std::vector<std::uint8_t> bigger_tag(bigger.size());
        const std::size_t mask = bigger.size() - 1;
        for (std::size_t j = 0; j < dup_.size(); ++j) {
            if (!dup_tag_[j]) continue;
            std::size_t i = std::size_t(dup_[j] >> 40) & mask;
            while (bigger_tag[i]) i = (i + 1) & mask;
            bigger[i] = dup_[j];
            bigger_tag[i] = dup_tag_[j];
        }
        dup_.swap(bigger);
        dup_tag_.swap(bigger_tag);
    }
    const std::size_t hash = std::hash<std::string_view>{}(identity) + gcs;  // 32 bits in wasm
    const std::uint64_t h = hash & ((std::uint64_t(1) << kHashBits) - 1);
    const std::uint8_t tag = std::uint8_t(hash >> kHashBits) ? std::uint8_t(hash >> kHashBits) : 1;
    const std::size_t mask = dup_.size() - 1;
    std::size_t i = std::size_t(h) & mask;
    while (dup_tag_[i]) {
        if (dup_tag_[i] == tag && (dup_[i] >> 40) == h) {
            // Read the earlier URL again and compare identities, so a hash collision is never a finding.
            const std::size_t first = std::size_t((dup_[i] & kOffsetMask) - 1);
            FirstString fs;
            if (csv_) {
                csv::Options o;
                o.header = false;
                o.check_ragged = false;
                csv::Reader again(bytes_.substr(first), o);
                csv::Record rec;
                if (again.next(rec) && rec.size() > 0) fs.value.assign(rec[0].value);
            } else {
                json::read(bytes_.substr(first), fs);
            }
            std::string other_buffer;
            const UrlCheck other = analyse_url(fs.value, other_buffer);
            if (other.gcs == gcs && other.identity == identity) {
                emit(Severity::warning, code::url_duplicate, off, At::value, [&] {
                    json::Position p = lines_.position(first);
                    return fmt::format(
                        "This file is already named at line {}, column {}{}; Encord imports it twice unless "
                        "skip_duplicate_urls is true. Remove one.",
                        p.line, p.column, gcs ? " (same bucket and object)" : "");
                });
                return;
            }
        }
        i = (i + 1) & mask;
    }
    dup_[i] = (h << 40) | (std::uint64_t(off) + 1);
    dup_tag_[i] = tag;
    ++dup_used_;
}

// ---- the run -----------------------------------------------------------------------------------

void Validator::finish(const json::ReadResult& r) {
    if (r.error) {
        emit(Severity::error, r.error.code(), r.error.offset, At::value, [&] {
            std::string m = r.error.message;
            if (r.error.errc == json::Errc::truncated)
                m += " The file may be cut short: check that it was copied whole.";
            return m;
        });
    }
    depth_ = 0;
    coll_ = kNoCollection;
    item_index_ = -1;
    if (!r.error && !cancelled_ && top_is_object_ && elements_ == 0)
        emit(Severity::warning, code::empty, 0, At::value, [&] {
            return fmt::format("The manifest has no items: add a collection such as \"{}\": [{{\"{}\": ...}}].",
                               collection_key(Collection::images), format::kObjectUrl);
        });
    if (opt_.plan && !cancelled_) {
        const auto& pl = plan_limits(*opt_.plan);
        if (bytes_.size() > pl.max_json_bytes)
            emit(Severity::error, code::plan_file_size, 0, At::value, [&] {
                return fmt::format(
                    "The manifest has {} bytes; the {} plan accepts JSON files up to {} bytes. Split it "
                    "(eic split).",
                    bytes_.size(), pl.name, pl.max_json_bytes);
            });
        std::uint64_t entries =
            pl.max_json_entries ? std::min(pl.max_json_entries, pl.max_data_units) : pl.max_data_units;
        if (items_ > entries)
            emit(Severity::error, code::plan_entries, 0, At::value, [&] {
                return fmt::format(
                    "The manifest has {} items; the {} plan accepts {} entries (data units) at one time. "
                    "Split it (eic split).",
                    items_, pl.name, entries);
            });
        BatchTotals t{videos_, others_, known_bytes_};
        std::uint64_t batches = batch_count(t);
        if (batches > 1)
            emit(Severity::info, code::batch_recommended, 0, At::value, [&] {
                const auto& b = recommended_batch();
                return fmt::format(
                    "Encord recommends batches of at most {} videos, {} images and {} bytes; this manifest "
                    "makes {} such batches (eic split).",
                    b.max_videos, b.max_images, b.max_bytes, batches);
            });
    }
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

// CSV manifests: rows are read as Encord reads them, through the same reader as the loader
// (csv_manifest.hpp: its findings about columns and rows are passed through). Each kept row's
// ObjectUrl gets the URL rules and its item's title the file-name rule. Findings carry the data row
// and the column name (pointer null), and the collection and item as the loader numbers them.
void Validator::run_csv() {
    csv_ = true;
    CsvManifestReader reader(bytes_);
    if (!reader.readable()) {
        pass_through(reader.take_diagnostics());
        return;
    }
    const format::CsvLayout& layout = reader.layout();
    const csv::Record& header = reader.header_record();
    if (opt_.strict_client_only) {
        bool media = layout.titles.empty();  // lone ObjectUrl: videos
        for (const auto& t : layout.titles)
            media = media || t.info->collection == Collection::videos || t.info->collection == Collection::images;
        if (media)
            emit(Severity::error, code::strict_csv, header.offset, At::value, [&] {
                return std::string(
                    "Strict client-only access needs videoMetadata and imageMetadata for every video and "
                    "image (docs: annotate-data-integrations), which a CSV manifest cannot carry. Use a "
                    "JSON manifest (eic convert).");
            });
    }
    const std::uint64_t max_rows = file_limits().csv_max_entries;
    std::uint64_t rows = 0;
    CsvEntry e;
    while (!cancelled_ && reader.next(e)) {
        const csv::Record& rec = *e.record;
        ++rows;
        csv_row_ = rec.row;
        item_index_ = -1;
        coll_ = kNoCollection;
        csv_field_.clear();
        if (rows == max_rows + 1)
            emit(Severity::error, code::limit_csv_entries, rec.offset, At::value, [&] {
                return fmt::format(
                    "This row is beyond the {} entries Encord accepts in a CSV file (Encord's GCP import "
                    "guide). Split the file (eic split).",
                    max_rows);
            });
        pass_through(reader.take_diagnostics());
        if (!e.kept) continue;
        coll_ = int(e.type.collection);
        coll_present_[std::size_t(coll_)] = true;
        item_index_ = std::int64_t(e.item);
        if (e.first_of_item) {
            ++items_;
            ++coll_items_[std::size_t(coll_)];
            if (coll()->video)
                ++videos_;
            else
                ++others_;
            if (e.title && !e.title->value.empty()) {
                csv_field_ = reader.column_name(*e.type.title_index);
                check_title(e.title->value, e.title->offset);
            }
            if (opt_.strict_client_only && e.type.collection == Collection::image_groups && e.type.create_video)
                emit(Severity::warning, code::strict_image_sequence, rec.offset, At::value, [&] {
                    return std::string(
                        "This row starts an image sequence, which Encord makes into a video on its side; "
                        "under strict client-only access \"server-side media features will not be "
                        "available\" (Encord's GCP import guide). Import it as an image group instead.");
                });
        }
        csv_field_ = reader.column_name(*layout.url);
        check_url(e.url->value, e.url->offset);
        if (opt_.progress && rec.offset >= next_progress_) {
            next_progress_ = rec.offset + std::max<std::size_t>(opt_.progress_every, 1);
            if (!opt_.progress(rec.offset, bytes_.size())) cancelled_ = true;
        }
    }
    pass_through(reader.take_diagnostics());
    csv_row_ = 0;
    csv_field_.clear();
    item_index_ = -1;
    coll_ = kNoCollection;
    if (!cancelled_ && rows == 0)
        emit(Severity::warning, code::empty, 0, At::value,
             [&] { return std::string("The manifest has no rows: add one row per file under the header."); });
    json::ReadResult ok;
    top_is_object_ = false;  // the JSON-only empty check in finish() does not apply
    finish(ok);
}

bool Validator::is_csv() const {
    return opt_.format == InputFormat::csv || (opt_.format == InputFormat::auto_detect &&
                                               format::detect(bytes_, opt_.file_name) == format::FileFormat::csv);
}

ValidationResult Validator::run() {
    auto t0 = std::chrono::steady_clock::now();
    const bool csv = is_csv();
    if (csv) {
        run_csv();
    } else {
        // Paused reads: in wasm, a 1 GB manifest in one call would run wholly in V8's baseline tier.
        json::ReadOptions o;
        o.pause_every = 1 << 20;
        json::Reader reader;
        json::ReadResult r = reader.read(bytes_, *this, o);
        while (r.paused) r = reader.resume(bytes_, *this, o);
        if (r.stopped && !cancelled_) r.stopped = false;
        finish(r);
    }
    return summarize(csv, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
}

ValidationResult Validator::summarize(bool csv, double ms) {
    auto& s = res_.summary;
    s.format = csv ? "csv" : "json";
    s.bytes = bytes_.size();
    s.items = items_;
    s.urls = urls_;
    for (std::size_t c = 0; c < kCollectionCount; ++c)
        if (coll_present_[c]) s.collections[std::string(format::collections()[c].key)] = coll_items_[c];
    s.batches = batch_count(BatchTotals{videos_, others_, known_bytes_});
    s.cancelled = cancelled_;
    // Item-level findings come at the item's end but point at its start: restore file order.
    std::stable_sort(res_.diagnostics.begin(), res_.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        auto key = [](const Diagnostic& d) { return std::make_pair(d.line ? d.line : UINT32_MAX, d.column); };
        return key(a) < key(b);
    });
    if (!s.suppressed.empty()) {
        std::uint64_t total = 0;
        std::string list;
        for (const auto& [code, n] : s.suppressed) {
            total += n;
            list += fmt::format("{}{} {}", list.empty() ? "" : ", ", n, code);
        }
        Diagnostic d;
        d.severity = Severity::info;
        d.code = code::capped;
        d.message = fmt::format("{} more findings are not listed (--max-diagnostics {}): {}.", total,
                                opt_.max_diagnostics, list);
        d.pointer = "";
        ++s.infos;
        res_.diagnostics.push_back(std::move(d));
    }
    s.ms = ms;
    return std::move(res_);
}

// ---- the steppable form ------------------------------------------------------------------------
// The SAX reader cannot pause, so a job walks the manifest's outer structure itself ('{', member
// names, ':', '[', ',', ']', '}') and hands each collection item, and each other top-level value, to
// the reader as a document of its own, with offsets shifted to the whole file. The reader then stops
// at the byte after the value with json.trailing, which is where the walk continues. The Validator sees
// exactly the events of a one-call run. When the outer structure is not what a manifest looks like
// (not an object, a syntax error between items), the job parses the whole file once more without a
// handler to get the reader's own error, so findings are identical to validate_manifest's.

struct Shift {
    Validator& v;
    std::size_t base;
    bool begin_object(std::size_t o) { return v.begin_object(base + o); }
    bool end_object(std::size_t o) { return v.end_object(base + o); }
    bool begin_array(std::size_t o) { return v.begin_array(base + o); }
    bool end_array(std::size_t o) { return v.end_array(base + o); }
    bool key(std::string_view k, std::size_t o) { return v.key(k, base + o); }
    bool string(std::string_view x, std::size_t o) { return v.string(x, base + o); }
    bool number(const json::Number& n, std::size_t o) { return v.number(n, base + o); }
    bool boolean(bool b, std::size_t o) { return v.boolean(b, base + o); }
    bool null(std::size_t o) { return v.null(base + o); }
};

// A member name read as a string document, delivered to the Validator as a key.
struct KeyAsString : Shift {
    bool string(std::string_view x, std::size_t o) { return v.key(x, base + o); }
};

struct NoHandler {
    bool begin_object(std::size_t) { return true; }
    bool end_object(std::size_t) { return true; }
    bool begin_array(std::size_t) { return true; }
    bool end_array(std::size_t) { return true; }
    bool key(std::string_view, std::size_t) { return true; }
    bool string(std::string_view, std::size_t) { return true; }
    bool number(const json::Number&, std::size_t) { return true; }
    bool boolean(bool, std::size_t) { return true; }
    bool null(std::size_t) { return true; }
};

class Stepper {
public:
    Stepper(std::string_view bytes, ValidateOptions options)
        : bytes_(bytes), options_(std::move(options)), v_(bytes_, options_) {}

    bool step(std::size_t max_bytes) {
        if (finished_) return true;
        auto t0 = std::chrono::steady_clock::now();
        if (state_ == St::start && (v_.is_csv() || !starts_with_object())) {
            // CSV (at most 10,000 rows) and non-object JSON are validated in one step.
            result_ = v_.run();
            finished_ = true;
            return true;
        }
        if (v_.cancelled_ && state_ != St::start) end_stopped();
        const std::size_t stop = pos_ + std::max<std::size_t>(max_bytes, 1);
        while (!finished_ && pos_ < stop && advance()) {
        }
        ms_ += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (finished_) result_ = v_.summarize(false, ms_);
        return finished_;
    }
    void cancel() { v_.cancelled_ = true; }
    std::size_t done() const { return finished_ ? bytes_.size() : pos_; }
    std::size_t total() const { return bytes_.size(); }
    bool finished() const { return finished_; }
    const ValidationResult& result() const { return result_; }

private:
    enum class St {
        start,
        first_member,
        member,
        colon,
        value,
        first_element,
        element,
        after_element,
        after_member,
        end
    };

    bool starts_with_object() {
        std::size_t p = bytes_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
        while (p < bytes_.size() && json::detail::is_ws(static_cast<unsigned char>(bytes_[p]))) ++p;
        return p < bytes_.size() && bytes_[p] == '{';
    }
    void skip_ws() {
        while (pos_ < bytes_.size() && json::detail::is_ws(static_cast<unsigned char>(bytes_[pos_]))) ++pos_;
    }
    char at() const { return pos_ < bytes_.size() ? bytes_[pos_] : '\0'; }
    bool at_end() const { return pos_ >= bytes_.size(); }

    // The outer structure is broken: the reader's own error for the whole file.
    bool fail() {
        NoHandler none;
        json::ReadResult r = json::read(bytes_, none);
        end_with(r);
        return false;
    }
    // Ends as a cancelled read (the handler stopped it); returns false so advance() stops.
    bool end_stopped() {
        json::ReadResult c;
        c.stopped = true;
        end_with(c);
        return false;
    }
    void end_with(json::ReadResult r) {
        if (v_.cancelled_) r.stopped = true;
        v_.finish(r);
        finished_ = true;
    }
    // Reads one value at pos_ into the Validator; continues after it.
    template <class Handler>
    bool one_value(Handler h, std::size_t max_depth) {
        if (bytes_.substr(pos_, 3) == "\xEF\xBB\xBF") return fail();  // the reader would take it for a BOM
        json::ReadOptions o;
        o.max_depth = max_depth;
        json::ReadResult r = reader_.read(bytes_.substr(pos_), h, o);
        if (r.stopped) return end_stopped();
        if (r.error.errc == json::Errc::trailing) {
            pos_ += r.error.offset;
            return true;
        }
        if (r.error) return fail();
        pos_ = bytes_.size();
        return true;
    }

    bool advance() {
        switch (state_) {
            case St::start:
                pos_ = bytes_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
                skip_ws();
                v_.begin_object(pos_);
                ++pos_;
                state_ = St::first_member;
                return true;
            case St::first_member:
                skip_ws();
                if (at() == '}') return close_top();
                state_ = St::member;
                return true;
            case St::member:
                skip_ws();
                if (at() != '"') return fail();
                if (!one_value(KeyAsString{{v_, pos_}}, 512)) return false;
                state_ = St::colon;
                return true;
            case St::colon:
                skip_ws();
                if (at() != ':') return fail();
                ++pos_;
                skip_ws();
                if (at_end()) return fail();
                state_ = St::value;
                return true;
            case St::value:
                if (v_.pending_ == Expect::collection && at() == '[') {
                    v_.begin_array(pos_);
                    ++pos_;
                    state_ = St::first_element;
                    return true;
                }
                if (!one_value(Shift{v_, pos_}, 511)) return false;
                state_ = St::after_member;
                return true;
            case St::first_element:
                skip_ws();
                if (at() == ']') return close_collection();
                if (at_end()) return fail();
                state_ = St::element;
                return true;
            case St::element:
                if (!one_value(Shift{v_, pos_}, 510)) return false;
                if (v_.cancelled_) return end_stopped();
                state_ = St::after_element;
                return true;
            case St::after_element:
                skip_ws();
                if (at() == ']') return close_collection();
                if (at() != ',') return fail();
                ++pos_;
                skip_ws();
                if (at_end()) return fail();
                state_ = St::element;
                return true;
            case St::after_member:
                skip_ws();
                if (at() == '}') return close_top();
                if (at() != ',') return fail();
                ++pos_;
                state_ = St::member;
                return true;
            case St::end:
                skip_ws();
                if (!at_end()) return fail();
                end_with(json::ReadResult{});
                return false;
        }
        return false;
    }
    bool close_collection() {
        v_.end_array(pos_);
        ++pos_;
        state_ = St::after_member;
        return true;
    }
    bool close_top() {
        v_.end_object(pos_);
        ++pos_;
        state_ = St::end;
        return true;
    }

    std::string_view bytes_;
    ValidateOptions options_;  // owned: the Validator keeps a reference
    Validator v_;
    json::Reader reader_;
    St state_ = St::start;
    std::size_t pos_ = 0;
    double ms_ = 0;
    bool finished_ = false;
    ValidationResult result_;
};

}  // namespace

struct ValidationJob::Impl : Stepper {
    using Stepper::Stepper;
};

ValidationJob::ValidationJob(std::string_view bytes, ValidateOptions options)
    : impl_(std::make_unique<Impl>(bytes, std::move(options))) {}
ValidationJob::~ValidationJob() = default;
ValidationJob::ValidationJob(ValidationJob&&) noexcept = default;
ValidationJob& ValidationJob::operator=(ValidationJob&&) noexcept = default;
bool ValidationJob::step(std::size_t max_bytes) { return impl_->step(max_bytes); }
void ValidationJob::cancel() { impl_->cancel(); }
bool ValidationJob::finished() const { return impl_->finished(); }
std::size_t ValidationJob::done_bytes() const { return impl_->done(); }
std::size_t ValidationJob::total_bytes() const { return impl_->total(); }
const ValidationResult& ValidationJob::result() const { return impl_->result(); }

std::size_t edit_distance(std::string_view a, std::string_view b) {
    if (a.size() > 256 || b.size() > 256) return std::max(a.size(), b.size());
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

ValidationResult validate_manifest(std::string_view bytes, const ValidateOptions& options) {
    Validator v(bytes, options);
    return v.run();
}

nlohmann::ordered_json summary_json(const ValidationSummary& s) {
    nlohmann::ordered_json j;
    j["format"] = s.format;
    j["bytes"] = s.bytes;
    j["items"] = s.items;
    j["urls"] = s.urls;
    j["collections"] = nlohmann::ordered_json::object();
    for (const auto& [name, n] : s.collections) j["collections"][name] = n;
    j["errors"] = s.errors;
    j["warnings"] = s.warnings;
    j["infos"] = s.infos;
    j["ms"] = std::round(s.ms * 1000) / 1000;
    j["batches"] = s.batches;
    j["suppressed"] = nlohmann::ordered_json::object();
    for (const auto& [code, n] : s.suppressed) j["suppressed"][code] = n;
    j["cancelled"] = s.cancelled;
    return j;
}

}  // namespace eic::manifest

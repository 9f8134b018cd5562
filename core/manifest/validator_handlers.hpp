// The per-token SAX handlers of the Validator (validator.hpp) and the small functions they call on
// every token, inline: included by the translation unit that instantiates json::Reader with the
// Validator as its handler (validate.cpp), so that the compiler inlines them into the reader's loop.
// Anything colder is a call into the modules.
#pragma once

#include <algorithm>

#include "manifest/validator.hpp"

namespace eic::manifest::detail {

// ---- containers --------------------------------------------------------------------------------

inline bool Validator::begin_object(std::size_t off) {
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

inline bool Validator::end_object(std::size_t off) {
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

inline bool Validator::begin_array(std::size_t off) {
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

inline bool Validator::end_array(std::size_t off) {
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

inline void Validator::item_key(std::string_view k, std::size_t off) {
    // The documented names most items use, compared before the format table is walked.
    if (same_text(k, format::kTitle)) return seen_once(1, Expect::title, k, off);
    if (same_text(k, format::kClientMetadata)) return seen_once(2, Expect::client_meta, k, off);
    if (!coll()->grouped && same_text(k, format::kObjectUrl)) return seen_once(4, Expect::object_url, k, off);
    item_field(k, off);
}

inline void Validator::meta_key(std::string_view k, std::size_t off) {
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
    meta_lookup(k, off, nth);
}

// ---- scalars -----------------------------------------------------------------------------------

inline bool Validator::string(std::string_view s, std::size_t off) {
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

inline bool Validator::boolean(bool b, std::size_t off) {
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

inline bool Validator::null(std::size_t off) {
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

inline void Validator::meta_string(std::string_view s, std::size_t off) {
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

inline void Validator::meta_number(const json::Number& n, std::size_t off) {
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

}  // namespace eic::manifest::detail

// The Validator's values (validator.hpp) beyond the per-token checks of validator_handlers.hpp: the
// schema resolved for lookups, clientMetadata keys not at their usual position, media metadata, and
// geospatial values.
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "json/number.hpp"
#include "manifest/validator.hpp"

namespace eic::manifest::detail {

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

void Validator::meta_lookup(std::string_view k, std::size_t off, std::size_t nth) {
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

void Validator::geo_value(const json::Number& n, std::size_t off) {
    double v = 0;
    const double limit = geo_field_ == 1 ? 90 : 180;
    if (json::to_double(n.text, v) != json::Errc::none || v < -limit || v > limit)
        emit(Severity::error, code::metadata_geo_range, off, At::value, [&] {
            return fmt::format("{} {} is outside {}..{}.", geo_field_ == 1 ? "latitude" : "longitude", shown(n.text),
                               -limit, limit);
        });
}

void Validator::end_geo() {
    if ((geo_seen_ & 6) != 6)
        emit(Severity::error, code::metadata_geo_shape, frames_[depth_ - 1].offset, At::container,
             [&] { return std::string("A geospatial value needs both \"latitude\" and \"longitude\"."); });
}

}  // namespace eic::manifest::detail

// The Validator's structure (validator.hpp): the member names of the top level and of items (the
// common three are matched inline, validator_handlers.hpp), and the checks at an item's begin and end.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "manifest/validator.hpp"

namespace eic::manifest::detail {

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

void Validator::item_field(std::string_view k, std::size_t off) {
    const CollectionInfo& c = *coll();
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
            return seen_once(1, Expect::title, k, off);
        case format::Field::client_metadata:
            return seen_once(2, Expect::client_meta, k, off);
        case format::Field::object_url:
            return seen_once(4, Expect::object_url, k, off);
        case format::Field::media_metadata:
            return seen_once(8, Expect::media, k, off);
        case format::Field::create_video:
            return seen_once(16, Expect::create_video, k, off);
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
    if (group_seen_[n]) item_duplicate(k, off);
    group_seen_[n] = 1;
    group_any_ = true;
    group_max_ = std::max(group_max_, n);
    pending_ = Expect::group_url;
}

void Validator::item_duplicate(std::string_view k, std::size_t off) {
    emit(Severity::warning, code::item_duplicate_key, off, At::value, [&] {
        return fmt::format("{} appears twice in this item; only the last value counts. Remove one.", schema::quote(k));
    });
}

void Validator::begin_item(std::size_t off) {
    item_offset_ = off;
    item_index_ = frames_[depth_ - 2].index;
    has_url_ = has_title_ = has_media_ = create_video_ = false;
    item_fields_ = 0;
    if (group_any_) std::fill(group_seen_.begin(), group_seen_.begin() + std::ptrdiff_t(group_max_ + 1), 0);
    group_any_ = false;
    group_max_ = 0;
    count_item();
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
        warn_image_sequence(item_offset_, At::item);
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

void Validator::count_item() {
    ++items_;
    ++coll_items_[std::size_t(coll_)];
    if (coll()->video)
        ++videos_;
    else
        ++others_;
}

void Validator::warn_image_sequence(std::size_t off, At at) {
    emit(Severity::warning, code::strict_image_sequence, off, at, [&] {
        return std::string(
            "This is an image sequence, which Encord makes into a video on its side; under strict client-only "
            "access \"server-side media features will not be available\" (Encord's GCP import guide). Import it "
            "as an image group instead.");
    });
}

}  // namespace eic::manifest::detail

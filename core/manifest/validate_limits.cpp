// The end of the Validator's run (validator.hpp): the reader's error, an empty manifest, the plan's
// limits for the whole file, and the recommended batches.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "manifest/validator.hpp"

namespace eic::manifest::detail {

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

}  // namespace eic::manifest::detail

// Splitting a manifest into batches (parts) that Encord accepts, under a limits profile.
//
// Rules:
//   - an item is never split: an image group, an image sequence or a DICOM series stays whole in one part
//     (an item alone over a limit gets a part of its own and a split.item-too-large warning);
//   - items keep their order; a part is filled greedily and a new one starts when the next item would
//     break a limit of the profile, so the same input and profile always give the same parts;
//   - top-level flags (`skip_duplicate_urls`) and unknown top-level keys are copied into every part;
//   - parts are written in the input's format (JSON in, JSON parts; CSV in, CSV parts) and named
//     `STEM.part-001-of-012.EXT` (STEM is the input file name without its extension; the numbers have
//     three digits, more when there are 1,000 parts or more).
//
// Profiles (figures from manifest/limits.hpp, the one limits table, after
// https://docs.encord.com/platform-documentation/General/best-practices; every profile also keeps Encord's per-file
// limits, 1,000,000 URLs and 500,000 items, and CSV parts at most 10,000 rows):
//   recommended  100 videos and 1,000 other items per batch, and 2 GB of media as the items' metadata
//                states it (file_size); items without a file_size count 0 bytes
//   enterprise   10,000 items and 100 MB of manifest per file
//   team         2,500 items and 100 MB of manifest per file
//   free         1,000 items (data units at one time) and 10 MB of manifest per file
//   --max-items N  N items per part
// "Items" are entries of the manifest (a group is one item, whatever its number of images).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "manifest/load.hpp"
#include "manifest/model.hpp"
#include "manifest/write.hpp"

namespace eic::manifest {

namespace split_code {
inline constexpr const char* item_too_large = "split.item-too-large";  // warning: one item over a limit
inline constexpr const char* empty = "split.empty";                    // warning: no items, no parts
}  // namespace split_code

// 0 means "no limit" for every field.
struct SplitProfile {
    std::string name;                   // "recommended", "enterprise", "team", "free", "max-items"
    std::uint64_t max_items = 0;        // items per part
    std::uint64_t max_videos = 0;       // videos per part
    std::uint64_t max_others = 0;       // items of the other collections per part
    std::uint64_t max_urls = 0;         // object URLs per part
    std::uint64_t max_bytes = 0;        // bytes of the written part
    std::uint64_t max_media_bytes = 0;  // sum of the items' metadata file_size per part
};

// "recommended", "enterprise", "team" or "free"; nullopt for another name.
std::optional<SplitProfile> split_profile(std::string_view name);
SplitProfile max_items_profile(std::uint64_t n);

struct SplitOptions {
    SplitProfile profile;
    std::string file_name = "manifest.json";  // names the parts; its extension is replaced
    std::optional<Format> from;               // nullopt: detect_format(input, file_name)
    JsonWriteOptions json;
    CsvWriteOptions csv;
};

struct SplitPart {
    std::string name;  // "manifest.part-001-of-003.json"
    std::string bytes;
    std::size_t items = 0;
    std::size_t urls = 0;
};

struct SplitResult {
    std::vector<SplitPart> parts;  // empty when the input could not be read without loss (an error)
    Diagnostics diagnostics;
};

// The whole job for the CLI and the browser: bytes in, named parts out.
SplitResult split(std::string_view input, const SplitOptions& options);

// An item of a manifest: its collection and its index there.
struct ItemRef {
    Collection collection = Collection::videos;
    std::size_t index = 0;
};

// The media bytes an item counts against max_media_bytes. Default: the file_size its metadata objects
// state (0 without one); the upload plan (encord/upload_plan.hpp) counts the objects' sizes in the bucket.
using MediaBytes = std::function<std::uint64_t(const Item& item)>;

// The model-level split as references: part k lists its items in order. `format` decides how bytes are
// measured and whether the CSV row cap applies. Diagnostics (split.item-too-large) are appended to
// `diagnostics`.
std::vector<std::vector<ItemRef>> split_items(const Manifest& m, const SplitProfile& profile, Format format,
                                              const JsonWriteOptions& json, Diagnostics& diagnostics,
                                              const MediaBytes& media = {});

// The same split with the parts as manifests: each with the items split_items() lists, the top-level
// flags and unknown keys of `m`.
std::vector<Manifest> split_manifest(const Manifest& m, const SplitProfile& profile, Format format,
                                     const JsonWriteOptions& json, Diagnostics& diagnostics);
// One part: `m`'s top level with the items `refs` names, in that order (collections in the order they
// first appear).
Manifest manifest_part(const Manifest& m, const std::vector<ItemRef>& refs);

// "dir/a.b.json", 2, 12 -> "a.b.part-002-of-012.json" (extension from `format`).
std::string part_name(std::string_view file_name, std::size_t index, std::size_t count, Format format);

}  // namespace eic::manifest

// Splitting a validated JSON manifest into the upload jobs Encord is sent (encord/api_requests.hpp
// upload_job_start), one batch per job.
//
// The split is `eic split`'s (manifest/split.hpp, split_items) under a limits profile from the one limits
// table (manifest/limits.hpp): the plan's items and JSON bytes per file (enterprise, team, free), or the
// recommended batch. To that it adds a byte budget of media: by default the 2 GB that Encord's best
// practices recommend per batch so that an upload stays under 3 h (limits.hpp, recommended_batch(),
// https://docs.encord.com/platform-documentation/General/best-practices), counted from the objects' sizes
// in the bucket (the object check's results: URL -> bytes). An object whose size is not known counts 0
// bytes, and the plan says how many there were. An item is never split: one that alone is over a limit
// gets a batch of its own, with split's warning (split.item-too-large).
//
// Each batch lists the manifest's items it carries (collection and index), so that the unit errors of
// its job can be traced back to rows (encord/unit_error_map.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diag/diagnostic.hpp"
#include "manifest/model.hpp"
#include "manifest/split.hpp"
#include "manifest/write.hpp"

namespace eic::encord {

using ObjectSizes = std::unordered_map<std::string, std::uint64_t>;  // object URL as the manifest has it -> bytes

struct UploadPlanOptions {
    // Items and JSON bytes per batch: manifest::split_profile("enterprise"), "team", "free" or
    // "recommended".
    manifest::SplitProfile profile = *manifest::split_profile("enterprise");
    // Media bytes per batch; 0: the profile's own when it has one, else the recommended batch's 2 GB.
    std::uint64_t max_media_bytes = 0;
    // Sets skip_duplicate_urls: true in every batch (a retried upload then skips what arrived); otherwise
    // the manifest's own value is kept.
    bool skip_duplicate_urls = false;
    std::string file_name = "manifest.json";  // names the batches: NAME.part-001-of-003.json
    manifest::JsonWriteOptions json{false};   // compact by default: the bytes go over the network
};

struct UploadBatch {
    std::string file_name;  // the upload job's fileName
    std::string spec;       // the JSON file form to send (externalFiles)
    std::vector<manifest::ItemRef> units;
    std::optional<bool> skip_duplicate_urls;  // as written in `spec`
    std::size_t urls = 0;
    std::uint64_t media_bytes = 0;      // of the objects whose size is known
    std::size_t unknown_size_urls = 0;  // objects counted 0 bytes
};

struct UploadPlan {
    std::vector<UploadBatch> batches;
    std::uint64_t media_bytes = 0;
    std::size_t unknown_size_urls = 0;
    std::uint64_t max_media_bytes = 0;  // the budget applied
    Diagnostics diagnostics;            // split.item-too-large, encord.upload.sizes-unknown
};

UploadPlan plan_upload(const manifest::Manifest& manifest, const ObjectSizes& sizes, const UploadPlanOptions& options);

// The batches of a plan made earlier, from the items each carried (a saved plan, after a reload): the same
// file names and JSON as plan_upload wrote for them. Sizes are not known again: media_bytes stay 0.
std::vector<UploadBatch> rebuild_batches(const manifest::Manifest& manifest,
                                         const std::vector<std::vector<manifest::ItemRef>>& units,
                                         const UploadPlanOptions& options);

}  // namespace eic::encord

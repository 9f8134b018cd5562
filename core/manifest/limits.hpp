// Encord's limits for import manifests, in one table for the validator and the splitter. Sources:
// https://docs.encord.com/platform-documentation/Index/add-files/index-register-cloud-data (URLs, items,
// URL length per JSON file), https://docs.encord.com/platform-documentation/General/best-practices (the
// per-plan table, 2 GB batches), Encord's GCP import guide (300-character file names, 10,000 CSV
// entries, 100 videos and 1000 images per upload). Change a number only with its source.
//
//   file_limits()          limits of any one manifest, whatever the plan (errors when exceeded);
//   plan_limits(plan)      the best-practices table per plan (errors when a plan is named);
//   recommended_batch()    the recommended batch size (information: split beyond it);
//   batch_count(totals)    how many batches a split under recommended_batch() makes.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace eic::manifest {

struct FileLimits {
    std::uint64_t max_urls = 1'000'000;    // URLs per JSON file
    std::uint64_t max_items = 500'000;     // items (entries of all collections) per JSON file
    std::uint64_t max_url_bytes = 16'384;  // "each URL up to 16 KB"
    std::uint64_t max_file_name_chars = 300;
    // CSV: "Encord supports up to 10,000 entries for upload in the CSV file" (Encord's GCP import guide).
    std::uint64_t csv_max_entries = 10'000;
};
const FileLimits& file_limits();

enum class Plan { enterprise, team, free };

// One column of the best-practices table. 0 means "no figure given" (not checked).
struct PlanLimits {
    Plan plan;
    const char* name;                     // "enterprise", "team", "free"
    std::uint64_t max_json_bytes;         // Max JSON file: 100 MB, 100 MB, 10 MB (MB = 10^6 bytes)
    std::uint64_t max_json_entries;       // Max JSON file: 10,000, 2,500, none given
    std::uint64_t max_data_units;         // Max data units at one time: 10,000, 2,500, 1,000
    std::uint64_t max_media_bytes;        // Max image/video/DICOM file: 1 GB, 1 GB, 25 MB
    std::uint32_t max_width, max_height;  // Resolution "4K": read as 4096 x 2160 (DCI 4K), either orientation
    std::uint64_t max_video_frames;       // Frames per video: 200,000
};
const PlanLimits& plan_limits(Plan plan);
std::optional<Plan> plan_from_name(std::string_view name);  // "enterprise", "team", "free"
const char* plan_name(Plan plan);

// The recommended batch: "limit uploads to 100 videos and up to 1000 images at a time", and batches of
// at most 2 GB so that an upload stays under 3 h.
struct BatchProfile {
    std::uint64_t max_videos = 100;
    std::uint64_t max_images = 1'000;  // images and every other item that is not a video
    std::uint64_t max_bytes = 2'000'000'000;
};
const BatchProfile& recommended_batch();

struct BatchTotals {
    std::uint64_t videos = 0;
    std::uint64_t others = 0;       // items of every other collection
    std::uint64_t known_bytes = 0;  // sum of the media sizes the manifest states (metadata file_size)
};
// max(ceil(videos / max_videos), ceil(others / max_images), ceil(known_bytes / max_bytes)), and at
// least 1 when there is any item; 0 for an empty manifest. A lower bound for a real split, which also
// has to keep each batch within the other limits.
std::uint64_t batch_count(const BatchTotals& totals, const BatchProfile& profile = recommended_batch());

}  // namespace eic::manifest

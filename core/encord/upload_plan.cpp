#include "encord/upload_plan.hpp"

#include "encord/api_codes.hpp"
#include "manifest/limits.hpp"

namespace eic::encord {
namespace {

struct ItemSize {
    std::uint64_t known = 0;
    std::size_t unknown = 0;
};

ItemSize item_size(const manifest::Item& item, const ObjectSizes& sizes) {
    ItemSize s;
    for (const auto& url : item.urls) {
        const auto it = sizes.find(url);
        if (it == sizes.end())
            ++s.unknown;
        else
            s.known += it->second;
    }
    return s;
}

UploadBatch make_batch(const manifest::Manifest& m, std::vector<manifest::ItemRef> refs, std::size_t k, std::size_t n,
                       const UploadPlanOptions& options) {
    UploadBatch b;
    b.file_name = manifest::part_name(options.file_name, k + 1, n, manifest::Format::json);
    b.units = std::move(refs);
    manifest::Manifest part = manifest::manifest_part(m, b.units);
    if (options.skip_duplicate_urls) part.skip_duplicate_urls = true;
    b.skip_duplicate_urls = part.skip_duplicate_urls;
    b.urls = part.url_count();
    b.spec = manifest::write_json(part, options.json);
    return b;
}

}  // namespace

UploadPlan plan_upload(const manifest::Manifest& m, const ObjectSizes& sizes, const UploadPlanOptions& options) {
    UploadPlan plan;
    manifest::SplitProfile profile = options.profile;
    if (options.max_media_bytes)
        profile.max_media_bytes = options.max_media_bytes;
    else if (!profile.max_media_bytes)
        profile.max_media_bytes = manifest::recommended_batch().max_bytes;
    plan.max_media_bytes = profile.max_media_bytes;

    const auto refs = manifest::split_items(m, profile, manifest::Format::json, options.json, plan.diagnostics,
                                            [&](const manifest::Item& item) { return item_size(item, sizes).known; });
    for (std::size_t k = 0; k < refs.size(); ++k) {
        UploadBatch b = make_batch(m, refs[k], k, refs.size(), options);
        for (const auto& r : refs[k]) {
            const ItemSize s = item_size(m[r.collection][r.index], sizes);
            b.media_bytes += s.known;
            b.unknown_size_urls += s.unknown;
        }
        plan.media_bytes += b.media_bytes;
        plan.unknown_size_urls += b.unknown_size_urls;
        plan.batches.push_back(std::move(b));
    }
    if (plan.unknown_size_urls > 0)
        plan.diagnostics.push_back(Diagnostic::info(
            api_code::sizes_unknown,
            std::to_string(plan.unknown_size_urls) + " of " + std::to_string(m.url_count()) +
                " objects have no known size (the object check gives sizes); they count 0 bytes, so a batch may "
                "hold more than " +
                std::to_string(plan.max_media_bytes / 1'000'000) + " MB of media."));
    return plan;
}

std::vector<UploadBatch> rebuild_batches(const manifest::Manifest& m,
                                         const std::vector<std::vector<manifest::ItemRef>>& units,
                                         const UploadPlanOptions& options) {
    std::vector<UploadBatch> out;
    out.reserve(units.size());
    for (std::size_t k = 0; k < units.size(); ++k) out.push_back(make_batch(m, units[k], k, units.size(), options));
    return out;
}

}  // namespace eic::encord

#include "app/media_fill.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include "app/counted.hpp"
#include "gcs/media_findings.hpp"
#include "gcs/object_url.hpp"
#include "manifest/format.hpp"
#include "manifest/media_metadata_json.hpp"

namespace eic::app {

MediaFillJob::MediaFillJob(const ManifestDocument& doc, net::HttpClient& client, gcs::ProbeSigner& signer,
                           MediaFillOptions options) {
    std::vector<gcs::MediaProbeTarget> targets;
    const std::size_t n = doc.units().size();
    for (std::uint32_t unit = 0; unit < n; ++unit) {
        const manifest::Item* item = doc.item(unit);
        if (!item || item->urls.empty()) continue;
        const manifest::Collection c = doc.units().unit(unit).collection;
        const auto kind = manifest::media_kind_of(c);
        if (!kind || manifest::format::info(c).grouped) continue;
        if (!options.refill && item->metadata.is_object() && item->metadata.contains(manifest::metadata_key(c))) {
            ++counts_.had_metadata;
            continue;
        }
        if (!gcs::parse_object_url(item->urls.front()).checkable()) {
            ++counts_.not_in_gcs;
            continue;
        }
        gcs::MediaProbeTarget t;
        t.id = targets.size();
        t.url = item->urls.front();
        t.kind = *kind;
        targets.push_back(t);
        targets_.push_back(
            {unit, t.url, fmt::format("{}: {}", manifest::format::info(c).key, item->title ? *item->title : t.url)});
    }
    counts_.targets = targets.size();
    gcs::MediaProbeOptions m;
    m.steady = std::move(options.steady);
    m.wall = std::move(options.wall);
    probe_ = std::make_unique<gcs::MediaProbeJob>(std::move(targets), client, signer, std::move(m));
}

jobs::StepStatus MediaFillJob::step(std::size_t max_bytes) { return probe_->step(max_bytes); }

std::size_t MediaFillJob::apply(ManifestDocument& doc) {
    if (applied_ || !probe_->finished()) return 0;
    applied_ = true;
    std::vector<std::uint32_t> units;
    std::unordered_map<std::uint32_t, const gcs::MediaProbeResult*> read;
    for (const gcs::MediaProbeResult& r : probe_->results()) {
        if (!r.info || r.id >= targets_.size()) continue;
        const Target& t = targets_[std::size_t(r.id)];
        units.push_back(t.unit);
        read.emplace(t.unit, &r);
    }
    counts_.filled = doc.edit_items(
        units,
        [&](std::uint32_t unit, manifest::Item& item, manifest::Collection c) {
            const gcs::MediaProbeResult& r = *read.at(unit);
            if (item.urls.empty() || item.urls.front() != r.url) {
                ++counts_.changed_since;
                return false;
            }
            return manifest::set_media_metadata(item, c, *r.info);
        },
        [](std::size_t n) { return "Fill the media metadata of " + counted(n, "item"); });
    for (gcs::MediaFinding& f : gcs::media_findings(probe_->results())) {
        if (f.id >= targets_.size()) continue;
        const Target& t = targets_[std::size_t(f.id)];
        findings_.push_back({t.item, t.url, std::move(f.diagnostic)});
    }
    return counts_.filled;
}

}  // namespace eic::app

#include "app/bucket_import.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include "gcs/media_findings.hpp"
#include "gcs/object_url.hpp"
#include "manifest/format.hpp"
#include "manifest/media_metadata_json.hpp"
#include "manifest/write.hpp"

namespace eic::app {

std::vector<UnitFinding> place_import_findings(const ManifestDocument& doc,
                                               const std::vector<ImportFinding>& findings) {
    std::unordered_map<std::string, std::uint32_t> unit_of;
    for (const CheckedUrl& u : object_urls_of(doc)) unit_of.emplace(u.url, u.unit);
    std::vector<UnitFinding> out;
    out.reserve(findings.size());
    for (const ImportFinding& f : findings) {
        UnitFinding placed;
        placed.diagnostic = f.diagnostic;
        if (auto it = unit_of.find(f.url); !f.url.empty() && it != unit_of.end()) {
            placed.unit = it->second;
        } else {
            placed.whole_check = true;
            placed.diagnostic.message = f.item + ": " + placed.diagnostic.message;
        }
        out.push_back(std::move(placed));
    }
    return out;
}

BucketImportJob::BucketImportJob(net::HttpClient& client, gcs::ProbeSigner& signer, BucketImportOptions options)
    : client_(client), signer_(signer), options_(std::move(options)) {
    gcs::ListingOptions l;
    l.bucket = options_.bucket;
    l.query.prefix = options_.prefix;
    l.steady = options_.steady;
    l.wall = options_.wall;
    listing_ = std::make_unique<gcs::ListingJob>(client_, signer_, std::move(l));
}

void BucketImportJob::listed() {
    if (const auto& e = listing_->error()) {
        result_.error = e->code.empty() ? e->message : fmt::format("{}: {}", e->code, e->message);
        finished_ = true;
        return;
    }
    if (listing_->cancelled()) {
        result_.error = "The listing was cancelled.";
        finished_ = true;
        return;
    }
    manifest::FromListingOptions o;
    o.bucket = options_.bucket;
    o.url_form = options_.url_form;
    o.grouping = options_.grouping;
    manifest::FromListingResult built = manifest::manifest_from_listing(listing_->objects(), o);
    result_.listed = listing_->objects().size();
    result_.skipped = std::move(built.skipped);
    result_.warnings = std::move(built.warnings);
    if (listing_->truncated_by_cap())
        result_.warnings.push_back(
            fmt::format("The listing stopped at {} objects; more are under the prefix.", result_.listed));
    manifest_ = std::move(built.manifest);
    result_.items = manifest_.item_count();
    if (!options_.fill_metadata) {
        result_.json = std::move(built.json);
        finished_ = true;
        return;
    }
    // Sizes are known from the listing, so a probe needs no Content-Range to learn them.
    std::unordered_map<std::string, std::uint64_t> size_of;
    for (const gcs::ListedObject& o : listing_->objects()) size_of.emplace(o.name, o.size);
    std::vector<gcs::MediaProbeTarget> targets;
    for (const manifest::Collection c : manifest::kAllCollections) {
        const auto kind = manifest::media_kind_of(c);
        if (!kind || manifest::format::info(c).grouped) continue;
        const auto& items = manifest_[c];
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (items[i].urls.empty()) continue;
            gcs::MediaProbeTarget t;
            t.id = targets.size();
            t.url = items[i].urls[0];
            t.kind = *kind;
            const gcs::ObjectUrl parsed = gcs::parse_object_url(t.url);
            if (auto it = size_of.find(parsed.object); it != size_of.end()) t.size = it->second;
            targets.push_back(std::move(t));
            targets_.emplace_back(c, i);
        }
    }
    gcs::MediaProbeOptions m;
    m.steady = options_.steady;
    m.wall = options_.wall;
    media_ = std::make_unique<gcs::MediaProbeJob>(std::move(targets), client_, signer_, std::move(m));
    if (media_->finished()) probed();
}

void BucketImportJob::probed() {
    const auto& results = media_->results();
    for (const gcs::MediaProbeResult& r : results) {
        if (!r.info || r.id >= targets_.size()) continue;
        const auto [c, i] = targets_[std::size_t(r.id)];
        if (manifest::set_media_metadata(manifest_[c][i], c, *r.info)) ++result_.with_metadata;
    }
    for (gcs::MediaFinding& f : gcs::media_findings(results)) {
        ImportFinding out;
        if (f.id < targets_.size()) {
            const auto [c, i] = targets_[std::size_t(f.id)];
            const manifest::Item& item = manifest_[c][i];
            out.item =
                fmt::format("{}: {}", manifest::format::info(c).key, item.title ? *item.title : item.urls.front());
            out.url = item.urls.front();
        }
        out.diagnostic = std::move(f.diagnostic);
        result_.findings.push_back(std::move(out));
    }
    result_.json = manifest::write_json(manifest_);
    finished_ = true;
}

jobs::StepStatus BucketImportJob::step(std::size_t max_bytes) {
    if (finished_) return jobs::StepStatus::finished;
    if (!media_) {
        const jobs::StepStatus s = listing_->step(max_bytes);
        if (listing_->finished()) listed();
        return finished_ ? jobs::StepStatus::finished : s == jobs::StepStatus::finished ? jobs::StepStatus::running : s;
    }
    const jobs::StepStatus s = media_->step(max_bytes);
    if (media_->finished()) probed();
    return finished_ ? jobs::StepStatus::finished : s;
}

double BucketImportJob::progress() const {
    if (finished_) return 1;
    // Listing has no known end (GCS gives no total): it is the first fifth; reading headers the rest.
    return media_ ? 0.2 + 0.8 * media_->progress() : 0.0;
}

double BucketImportJob::rate() const { return media_ ? media_->rate() : listing_->rate(); }

void BucketImportJob::cancel() {
    if (finished_) return;
    if (media_) {
        media_->cancel();
        probed();  // what was read is kept
    } else {
        listing_->cancel();
        result_.error = "The listing was cancelled.";
        finished_ = true;
    }
}

std::string BucketImportJob::label() const {
    return media_ ? fmt::format("Reading media headers in gs://{}", options_.bucket)
                  : fmt::format("Listing gs://{}/{}", options_.bucket, options_.prefix);
}

}  // namespace eic::app

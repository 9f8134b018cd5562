#include "manifest/from_listing.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "gcs/object_url.hpp"
#include "gcs/v4_encoding.hpp"
#include "manifest/limits.hpp"
#include "manifest/values.hpp"
#include "manifest/write.hpp"

namespace eic::manifest {
namespace {

using format::ExtensionKind;

std::string_view folder_of(std::string_view name) {
    const std::size_t slash = name.rfind('/');
    return slash == std::string_view::npos ? std::string_view() : name.substr(0, slash);
}

std::string_view last_segment(std::string_view path) {
    const std::size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::optional<Collection> collection_of(ExtensionKind kind, ListingGrouping grouping) {
    switch (kind) {
        case ExtensionKind::video:
            return Collection::videos;
        case ExtensionKind::image:
            return grouping == ListingGrouping::none ? Collection::images : Collection::image_groups;
        case ExtensionKind::audio:
            return Collection::audio;
        case ExtensionKind::dicom:
            return Collection::dicom_series;
        case ExtensionKind::text:
            return Collection::text;
        case ExtensionKind::pdf:
            return Collection::pdf;
        case ExtensionKind::nifti:
            return Collection::nifti;
        case ExtensionKind::unknown:
            return std::nullopt;
    }
    return std::nullopt;
}

// Titles from `full` names (objects or folders): the last segment, or the full name where the last
// segment is shared; `root` stands for the empty name (objects at the top of the bucket).
std::vector<std::string> titles_for(const std::vector<std::string>& full, const std::string& root) {
    std::unordered_map<std::string_view, std::size_t> uses;
    for (const std::string& f : full) ++uses[last_segment(f)];
    std::vector<std::string> out;
    out.reserve(full.size());
    for (const std::string& f : full) {
        const std::string_view last = last_segment(f);
        out.emplace_back(f.empty() ? root : uses[last] > 1 ? f : std::string(last));
    }
    return out;
}

}  // namespace

const char* skip_reason_name(SkipReason reason) {
    switch (reason) {
        case SkipReason::folder:
            return "folder";
        case SkipReason::unknown_type:
            return "unknown type";
        case SkipReason::structured_only:
            return "structured form only";
        case SkipReason::url_rejected:
            return "URL refused";
    }
    return "";
}

FromListingResult manifest_from_listing(const std::vector<gcs::ListedObject>& objects,
                                        const FromListingOptions& options) {
    FromListingResult out;
    // Byte order of names, as GCS lists them, whatever order the pages came in.
    std::vector<const gcs::ListedObject*> sorted;
    sorted.reserve(objects.size());
    for (const gcs::ListedObject& o : objects) sorted.push_back(&o);
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->name < b->name; });

    // Single items: (object name, url) per collection. Groups: folder -> urls, per collection.
    std::map<Collection, std::vector<std::pair<std::string, std::string>>> singles;
    std::map<Collection, std::map<std::string, std::vector<std::string>>> groups;
    std::string buffer;
    for (const gcs::ListedObject* o : sorted) {
        const std::string& name = o->name;
        auto skip = [&](SkipReason reason, std::string detail) {
            out.skipped.push_back({name, reason, std::move(detail)});
        };
        if (!name.empty() && name.back() == '/') {
            skip(SkipReason::folder, o->size == 0 ? "A folder placeholder (a name ending in '/', 0 bytes)."
                                                  : "The name ends in '/', so its URL would name a folder.");
            continue;
        }
        // The extension of the encoded name, so a '?' or '#' in a name does not end it early. Kept in a
        // variable: extension_of returns a view into it.
        const std::string encoded = gcs::encode_object_path(name);
        const ExtensionKind by_extension = format::extension_kind(encoded);
        const ExtensionKind by_type = format::content_type_kind(o->content_type);
        if (by_type != ExtensionKind::unknown && by_extension != ExtensionKind::unknown && by_type != by_extension)
            out.disagreements.push_back({name, o->content_type, by_extension, by_type});
        const ExtensionKind kind = by_type != ExtensionKind::unknown ? by_type : by_extension;
        const std::optional<Collection> c = collection_of(kind, options.grouping);
        if (!c) {
            const std::string_view ext = format::extension_of(encoded);
            skip(SkipReason::unknown_type,
                 fmt::format("Neither its extension ({}) nor its content type ({}) names a media kind Encord imports.",
                             ext.empty() ? "none" : "." + std::string(ext),
                             o->content_type.empty() ? "not listed" : o->content_type));
            continue;
        }
        if (!format::info(*c).file_form_documented && !options.include_structured_only) {
            skip(SkipReason::structured_only, fmt::format("It is {}; Encord documents {} for manifest files, not {}.",
                                                          format::extension_kind_name(kind),
                                                          format::documented_collections_text(), collection_key(*c)));
            continue;
        }
        std::string url = options.url_form == ListingUrlForm::gs ? gcs::gs_url(options.bucket, name)
                                                                 : gcs::console_url(options.bucket, name);
        const UrlCheck check = analyse_url(url, buffer);
        const auto refused = std::find_if(check.issues.begin(), check.issues.end(),
                                          [](const UrlIssue& i) { return i.severity == Severity::error; });
        if (refused != check.issues.end()) {
            skip(SkipReason::url_rejected, refused->message);
            continue;
        }
        if (format::info(*c).grouped)
            groups[*c][std::string(folder_of(name))].push_back(std::move(url));
        else
            singles[*c].emplace_back(name, std::move(url));
    }

    Manifest& m = out.manifest;
    for (auto& [c, items] : singles) {
        std::vector<std::string> names;
        for (const auto& item : items) names.push_back(item.first);
        const std::vector<std::string> titles = titles_for(names, options.bucket);
        for (std::size_t i = 0; i < items.size(); ++i) {
            Item item;
            item.urls.push_back(std::move(items[i].second));
            if (options.titles) item.title = titles[i];
            m[c].push_back(std::move(item));
        }
    }
    for (auto& [c, folders] : groups) {
        std::vector<std::string> names;
        for (const auto& f : folders) names.push_back(f.first);
        const std::vector<std::string> titles = titles_for(names, options.bucket);
        std::size_t i = 0;
        for (auto& [folder, urls] : folders) {
            Item item;
            item.title = titles[i++];
            // Sequences need frames of one size (Encord: mixed sizes make several sequences); a listing has
            // names only, so sizes are left to the media metadata checks.
            if (c == Collection::image_groups) item.create_video = options.grouping == ListingGrouping::image_sequences;
            item.urls = std::move(urls);
            m[c].push_back(std::move(item));
        }
    }
    if (options.skip_duplicate_urls) m.skip_duplicate_urls = true;

    const FileLimits& limits = file_limits();
    if (m.item_count() > limits.max_items)
        out.warnings.push_back(
            fmt::format("{} items: Encord accepts at most {} per manifest file. Split the manifest (eic split).",
                        m.item_count(), limits.max_items));
    if (m.url_count() > limits.max_urls)
        out.warnings.push_back(
            fmt::format("{} URLs: Encord accepts at most {} per manifest file. Split the manifest (eic split).",
                        m.url_count(), limits.max_urls));
    BatchTotals totals;
    totals.videos = m[Collection::videos].size();
    totals.others = m.item_count() - totals.videos;
    if (const std::uint64_t batches = batch_count(totals); batches > 1)
        out.warnings.push_back(fmt::format(
            "{} videos and {} other items: Encord recommends uploading at most {} videos and {} images at a "
            "time, so split into {} batches (eic split).",
            totals.videos, totals.others, recommended_batch().max_videos, recommended_batch().max_images, batches));
    out.json = write_json(m);
    return out;
}

}  // namespace eic::manifest

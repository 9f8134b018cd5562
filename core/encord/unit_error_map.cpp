#include "encord/unit_error_map.hpp"

#include <algorithm>
#include <unordered_map>

#include "encord/api_codes.hpp"

namespace eic::encord {
namespace {

std::string describe(const UnitError& e) {
    std::string s = e.error.empty() ? "no reason given" : e.error;
    if (!e.action_description.empty()) s += " (" + e.action_description + ")";
    if (!e.subtask_uuid.empty()) s += "; Encord's subtask " + e.subtask_uuid + ", to quote to Encord support";
    return s;
}

std::string url_list(const std::vector<std::string>& urls) {
    if (urls.empty()) return "no object URL";
    std::string s = urls.front();
    if (urls.size() > 1) s += " and " + std::to_string(urls.size() - 1) + " more";
    return s;
}

}  // namespace

UnitErrorMap map_unit_errors(const manifest::Manifest& m, const UploadBatch& batch,
                             const std::vector<UnitError>& errors) {
    UnitErrorMap out;
    std::unordered_map<std::string, std::vector<std::size_t>> by_url;  // URL -> positions in batch.units
    for (std::size_t k = 0; k < batch.units.size(); ++k)
        for (const auto& url : m[batch.units[k].collection][batch.units[k].index].urls) {
            auto& at = by_url[url];
            if (at.empty() || at.back() != k) at.push_back(k);
        }

    std::vector<std::vector<std::size_t>> errors_of(batch.units.size());
    for (std::size_t e = 0; e < errors.size(); ++e) {
        bool matched = false;
        for (const auto& url : errors[e].object_urls) {
            const auto it = by_url.find(url);
            if (it == by_url.end()) continue;
            for (std::size_t k : it->second) {
                auto& list = errors_of[k];
                if (list.empty() || list.back() != e) list.push_back(e);
                matched = true;
            }
        }
        if (!matched) out.unmatched.push_back(e);
    }

    for (std::size_t k = 0; k < batch.units.size(); ++k) {
        if (errors_of[k].empty()) continue;
        const manifest::ItemRef ref = batch.units[k];
        const manifest::Item& item = m[ref.collection][ref.index];
        std::string why;
        for (std::size_t e : errors_of[k]) why += (why.empty() ? "" : "; ") + describe(errors[e]);
        const std::string key = manifest::collection_key(ref.collection);
        out.diagnostics.push_back(Diagnostic::error(api_code::unit_failed, "Encord could not import this item (batch " +
                                                                               batch.file_name + "): " + why + ".")
                                      .at(item.source.line, item.source.column)
                                      .at_pointer("/" + key + "/" + std::to_string(ref.index))
                                      .in_item(key, ref.index));
        out.failed.push_back({ref, std::move(errors_of[k])});
    }
    for (std::size_t e : out.unmatched)
        out.diagnostics.push_back(Diagnostic::warning(
            api_code::unmatched_error, "Encord reported an error for " + url_list(errors[e].object_urls) +
                                           ", which no item of batch " + batch.file_name +
                                           " names: " + describe(errors[e]) + "."));
    return out;
}

std::string failed_units_spec(const manifest::Manifest& m, const UploadBatch& batch, const UnitErrorMap& map,
                              const manifest::JsonWriteOptions& json) {
    if (map.failed.empty()) return {};
    std::vector<manifest::ItemRef> refs;
    for (const auto& f : map.failed) refs.push_back(f.unit);
    manifest::Manifest part = manifest::manifest_part(m, refs);
    part.skip_duplicate_urls = batch.skip_duplicate_urls;
    return manifest::write_json(part, json);
}

}  // namespace eic::encord

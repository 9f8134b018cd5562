#include "app/export_check.hpp"

#include <map>
#include <optional>

#include "app/counted.hpp"
#include "manifest/load.hpp"

namespace eic::app {
namespace {

constexpr std::size_t kItemsNamed = 8;

std::string item_list(const std::vector<std::uint64_t>& numbers) {
    std::string out = numbers.size() == 1 ? "item " : "items ";
    const std::size_t shown = std::min(numbers.size(), kItemsNamed);
    for (std::size_t i = 0; i < shown; ++i) {
        if (i) out += i + 1 == shown && shown == numbers.size() ? " and " : ", ";
        out += std::to_string(numbers[i]);
    }
    if (numbers.size() > shown) out += " and " + std::to_string(numbers.size() - shown) + " more";
    return out;
}

std::string json_text(const nlohmann::ordered_json& j) { return j.is_null() ? "" : j.dump(); }

}  // namespace

std::vector<std::string> export_reasons(const Diagnostics& ds, const ItemNumber& number, std::size_t max_lines,
                                        Severity severity) {
    // Messages in first-seen order, with the items each was said of.
    std::vector<std::pair<std::string, std::vector<std::uint64_t>>> groups;
    std::map<std::string, std::size_t> index;
    for (const Diagnostic& d : ds) {
        if (d.severity != severity) continue;
        auto [it, fresh] = index.emplace(d.message, groups.size());
        if (fresh) groups.push_back({d.message, {}});
        const auto c = d.collection ? manifest::collection_from_key(*d.collection) : std::nullopt;
        if (c && d.item) {
            const std::uint64_t n = number ? number(*c, std::size_t(*d.item)) : 0;
            groups[it->second].second.push_back(n ? n : *d.item + 1);
        }
    }
    std::vector<std::string> out;
    for (std::size_t g = 0; g < groups.size() && out.size() < max_lines; ++g) {
        const auto& [message, items] = groups[g];
        out.push_back(items.empty() ? message : item_list(items) + ": " + message);
    }
    if (groups.size() > out.size()) out.push_back("and " + counted(groups.size() - out.size(), "other reason"));
    return out;
}

std::vector<std::string> export_changes(const manifest::Manifest& before, std::string_view bytes,
                                        manifest::Format format, const ItemNumber& number, std::size_t max) {
    std::vector<std::string> out;
    std::size_t more = 0;
    const auto say = [&](std::string line) {
        if (out.size() < max)
            out.push_back(std::move(line));
        else
            ++more;
    };
    const manifest::LoadResult back = manifest::load(bytes, format);
    if (!back.manifest) {
        out.push_back("the exported file cannot be read back");
        return out;
    }
    const manifest::Manifest& after = *back.manifest;
    for (manifest::Collection c : manifest::kAllCollections) {
        const auto& a = before[c];
        const auto& b = after[c];
        const char* name = manifest::collection_key(c);
        if (a.size() != b.size()) {
            say(std::string(name) + ": " + counted(a.size(), "item") + " in the manifest, " + std::to_string(b.size()) +
                " in the export");
            continue;
        }
        for (std::size_t i = 0; i < a.size(); ++i) {
            const manifest::Item& x = a[i];
            const manifest::Item& y = b[i];
            const std::uint64_t n = number ? number(c, i) : 0;
            const std::string who = "item " + std::to_string(n ? n : i + 1) + " (" + name + ")";
            if (x.urls != y.urls) say(who + ": its object URLs change");
            const std::string tx = x.title.value_or(""), ty = y.title.value_or("");
            const bool filled = format == manifest::Format::csv && tx.empty();
            if (tx != ty && !filled)
                say(who + (ty.empty() ? ": loses its title \"" + tx + "\"" : ": its title becomes \"" + ty + "\""));
            if (json_text(x.client_metadata) != json_text(y.client_metadata)) say(who + ": its clientMetadata changes");
            if (json_text(x.metadata) != json_text(y.metadata)) say(who + ": its media metadata changes");
            if (x.create_video.value_or(false) != y.create_video.value_or(false)) say(who + ": createVideo changes");
            if (json_text(x.extra) != json_text(y.extra)) say(who + ": its other fields change");
        }
    }
    if (before.skip_duplicate_urls.value_or(false) != after.skip_duplicate_urls.value_or(false))
        say("skip_duplicate_urls changes");
    if (json_text(before.extra) != json_text(after.extra)) say("the manifest's other top-level fields change");
    if (more) out.push_back("and " + counted(more, "other change"));
    return out;
}

}  // namespace eic::app

#include "manifest/split.hpp"

#include <algorithm>

#include "csv/reader.hpp"
#include "manifest/limits.hpp"

namespace eic::manifest {
namespace {

std::uint64_t tighter(std::uint64_t a, std::uint64_t b) {
    if (a == 0) return b;
    if (b == 0) return a;
    return std::min(a, b);
}

struct Cost {
    std::uint64_t items = 0, videos = 0, others = 0, urls = 0, bytes = 0, media = 0;
};

std::uint64_t media_bytes(const Item& item) {
    std::uint64_t sum = 0;
    if (!item.metadata.is_object()) return 0;
    for (const auto& [key, obj] : item.metadata.items()) {
        if (!obj.is_object()) continue;
        auto it = obj.find("file_size");
        if (it == obj.end()) continue;
        if (it->is_number_unsigned())
            sum += it->get<std::uint64_t>();
        else if (it->is_number_integer() && it->get<std::int64_t>() > 0)
            sum += std::uint64_t(it->get<std::int64_t>());
        else if (it->is_number_float() && it->get<double>() > 0)
            sum += std::uint64_t(it->get<double>());
    }
    return sum;
}

std::uint64_t item_bytes(const Item& item, Collection c, Format format, const JsonWriteOptions& json) {
    if (format == Format::csv) {
        std::string scratch;
        std::vector<std::string> rec;
        for (const auto& url : item.urls) {
            rec.assign(1, url);
            rec.push_back(item.title.value_or(""));
            csv::write_record(scratch, rec);
        }
        return scratch.size();
    }
    auto v = item_json(item, c);
    if (!json.pretty) return v.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace).size() + 1;
    std::string s = v.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    std::uint64_t lines = std::uint64_t(std::count(s.begin(), s.end(), '\n')) + 1;
    return s.size() + 4 * lines + 2;  // the item sits two levels deep; ",\n" after it
}

Manifest empty_like(const Manifest& m) {
    Manifest p;
    p.skip_duplicate_urls = m.skip_duplicate_urls;
    p.extra = m.extra;
    return p;
}

}  // namespace

std::optional<SplitProfile> split_profile(std::string_view name) {
    SplitProfile p;
    p.name = std::string(name);
    if (name == "recommended") {
        const BatchProfile& b = recommended_batch();
        p.max_videos = b.max_videos;
        p.max_others = b.max_images;
        p.max_media_bytes = b.max_bytes;
        return p;
    }
    auto plan = plan_from_name(name);
    if (!plan) return std::nullopt;
    const PlanLimits& l = plan_limits(*plan);
    // Entries per JSON file and data units at one time: an item is both, so the tighter one applies.
    p.max_items = tighter(l.max_json_entries, l.max_data_units);
    p.max_bytes = l.max_json_bytes;
    return p;
}

SplitProfile max_items_profile(std::uint64_t n) {
    SplitProfile p;
    p.name = "max-items";
    p.max_items = n;
    return p;
}

std::string part_name(std::string_view file_name, std::size_t index, std::size_t count, Format format) {
    std::string_view base = file_name;
    if (auto slash = base.find_last_of("/\\"); slash != std::string_view::npos) base = base.substr(slash + 1);
    if (auto dot = base.rfind('.'); dot != std::string_view::npos && dot > 0) base = base.substr(0, dot);
    if (base.empty()) base = "manifest";
    std::size_t width = std::max<std::size_t>(3, std::to_string(count).size());
    auto pad = [width](std::size_t n) {
        std::string s = std::to_string(n);
        return std::string(width > s.size() ? width - s.size() : 0, '0') + s;
    };
    return std::string(base) + ".part-" + pad(index) + "-of-" + pad(count) + "." + format_name(format);
}

std::vector<std::vector<ItemRef>> split_items(const Manifest& m, const SplitProfile& profile, Format format,
                                              const JsonWriteOptions& json, Diagnostics& diagnostics,
                                              const MediaBytes& media) {
    Cost limit;
    limit.items = tighter(profile.max_items, file_limits().max_items);
    limit.videos = profile.max_videos;
    limit.others = profile.max_others;
    limit.urls = tighter(profile.max_urls, file_limits().max_urls);
    if (format == Format::csv) limit.urls = tighter(limit.urls, file_limits().csv_max_entries);
    limit.bytes = profile.max_bytes;
    limit.media = profile.max_media_bytes;

    // Bytes every part pays whatever its items: the top level, flags and a header line.
    std::uint64_t base_bytes = 0;
    if (limit.bytes) {
        if (format == Format::csv) {
            base_bytes = 64;
        } else {
            Manifest shell = empty_like(m);
            shell.order = m.collections();
            base_bytes = write_json(shell, json).size() + 16 * shell.order.size();
        }
    }

    auto over = [&](const Cost& c) {
        auto beyond = [](std::uint64_t v, std::uint64_t max) { return max != 0 && v > max; };
        return beyond(c.items, limit.items) || beyond(c.videos, limit.videos) || beyond(c.others, limit.others) ||
               beyond(c.urls, limit.urls) || beyond(c.bytes, limit.bytes) || beyond(c.media, limit.media);
    };

    std::vector<std::vector<ItemRef>> parts;
    std::vector<ItemRef> current;
    Cost used;
    used.bytes = base_bytes;
    bool empty = true;
    for (Collection c : m.collections()) {
        const auto& items = m[c];
        for (std::size_t i = 0; i < items.size(); ++i) {
            const Item& item = items[i];
            Cost add;
            add.items = 1;
            (c == Collection::videos ? add.videos : add.others) = 1;
            add.urls = item.urls.size();
            if (limit.bytes) add.bytes = item_bytes(item, c, format, json);
            if (limit.media) add.media = media ? media(item) : media_bytes(item);
            Cost sum{used.items + add.items, used.videos + add.videos, used.others + add.others,
                     used.urls + add.urls,   used.bytes + add.bytes,   used.media + add.media};
            if (!empty && over(sum)) {
                parts.push_back(std::move(current));
                current.clear();
                used = Cost{};
                used.bytes = base_bytes;
                empty = true;
                sum = Cost{add.items, add.videos, add.others, add.urls, base_bytes + add.bytes, add.media};
            }
            if (empty && over(sum)) {
                Diagnostic d;
                d.severity = Severity::warning;
                d.code = split_code::item_too_large;
                d.message = "this item alone is over the \"" + profile.name + "\" limits (" + std::to_string(add.urls) +
                            " URLs, " + std::to_string(add.bytes) + " bytes written, " + std::to_string(add.media) +
                            " media bytes); items are never split, so it gets a part of its own";
                d.line = item.source.line;
                d.column = item.source.column;
                d.collection = collection_key(c);
                d.item = i;
                if (item.source.row)
                    d.row = item.source.row;
                else
                    d.pointer = "/" + std::string(collection_key(c)) + "/" + std::to_string(i);
                diagnostics.push_back(std::move(d));
            }
            current.push_back({c, i});
            used = sum;
            empty = false;
        }
    }
    if (!empty) parts.push_back(std::move(current));
    return parts;
}

Manifest manifest_part(const Manifest& m, const std::vector<ItemRef>& refs) {
    Manifest part = empty_like(m);
    for (const ItemRef& r : refs) {
        if (std::find(part.order.begin(), part.order.end(), r.collection) == part.order.end())
            part.order.push_back(r.collection);
        part[r.collection].push_back(m[r.collection][r.index]);
    }
    return part;
}

std::vector<Manifest> split_manifest(const Manifest& m, const SplitProfile& profile, Format format,
                                     const JsonWriteOptions& json, Diagnostics& diagnostics) {
    std::vector<Manifest> parts;
    for (const auto& refs : split_items(m, profile, format, json, diagnostics)) parts.push_back(manifest_part(m, refs));
    return parts;
}

SplitResult split(std::string_view input, const SplitOptions& options) {
    SplitResult r;
    const Format format = options.from ? *options.from : detect_format(input, options.file_name);
    LoadResult loaded = load(input, format);
    r.diagnostics = std::move(loaded.diagnostics);
    if (!loaded.manifest || has_error(r.diagnostics)) return r;
    std::vector<Manifest> parts =
        split_manifest(*loaded.manifest, options.profile, format, options.json, r.diagnostics);
    if (parts.empty()) {
        Diagnostic d;
        d.severity = Severity::warning;
        d.code = split_code::empty;
        d.message = "the manifest has no items, so there is nothing to split";
        r.diagnostics.push_back(std::move(d));
        return r;
    }
    std::vector<SplitPart> out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        SplitPart p;
        p.name = part_name(options.file_name, i + 1, parts.size(), format);
        p.items = parts[i].item_count();
        p.urls = parts[i].url_count();
        if (format == Format::json) {
            p.bytes = write_json(parts[i], options.json);
        } else {
            CsvWriteResult w = write_csv(parts[i], options.csv);
            r.diagnostics.insert(r.diagnostics.end(), w.diagnostics.begin(), w.diagnostics.end());
            if (!w.bytes) return r;
            p.bytes = std::move(*w.bytes);
        }
        out.push_back(std::move(p));
    }
    r.parts = std::move(out);
    return r;
}

}  // namespace eic::manifest

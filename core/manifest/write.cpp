#include "manifest/write.hpp"

#include <set>
#include <vector>

#include "csv/reader.hpp"
#include "manifest/csv_columns.hpp"

namespace eic::manifest {

using nlohmann::ordered_json;

ordered_json item_json(const Item& item, Collection c) {
    ordered_json o = ordered_json::object();
    if (is_grouped(c)) {
        if (item.title) o["title"] = *item.title;
        if (item.create_video) o["createVideo"] = *item.create_video;
        for (std::size_t i = 0; i < item.urls.size(); ++i) o["objectUrl_" + std::to_string(i)] = item.urls[i];
    } else {
        if (!item.urls.empty()) o["objectUrl"] = item.urls.front();
        if (item.title) o["title"] = *item.title;
        if (item.create_video) o["createVideo"] = *item.create_video;
    }
    if (!item.client_metadata.is_null()) o["clientMetadata"] = item.client_metadata;
    if (item.metadata.is_object())
        for (auto it = item.metadata.begin(); it != item.metadata.end(); ++it) o[it.key()] = it.value();
    if (item.extra.is_object())
        for (auto it = item.extra.begin(); it != item.extra.end(); ++it) o[it.key()] = it.value();
    return o;
}

ordered_json to_json(const Manifest& m) {
    ordered_json o = ordered_json::object();
    for (Collection c : m.collections()) {
        ordered_json list = ordered_json::array();
        for (const Item& item : m[c]) list.push_back(item_json(item, c));
        o[collection_key(c)] = std::move(list);
    }
    if (m.skip_duplicate_urls) o["skip_duplicate_urls"] = *m.skip_duplicate_urls;
    if (m.extra.is_object())
        for (auto it = m.extra.begin(); it != m.extra.end(); ++it) o[it.key()] = it.value();
    return o;
}

std::string write_json(const Manifest& m, const JsonWriteOptions& options) {
    std::string out = to_json(m).dump(options.pretty ? 2 : -1, ' ', false, ordered_json::error_handler_t::replace);
    if (options.pretty) out += '\n';
    return out;
}

namespace {

Diagnostic item_diag(const char* code, std::string message, Collection c, std::size_t index, const Item& item) {
    Diagnostic d;
    d.code = code;
    d.message = std::move(message);
    d.line = item.source.line;
    d.column = item.source.column;
    d.collection = collection_key(c);
    d.item = index;
    if (item.source.row)
        d.row = item.source.row;
    else
        d.pointer = "/" + std::string(collection_key(c)) + "/" + std::to_string(index);
    return d;
}

bool empty_value(const ordered_json& v) { return v.is_null() || (v.is_object() && v.empty()); }

std::string key_list(const ordered_json& obj) {
    std::string out;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (!out.empty()) out += ", ";
        out += "\"" + it.key() + "\"";
    }
    return out;
}

}  // namespace

CsvWriteResult write_csv(const Manifest& m, const CsvWriteOptions& options) {
    namespace cols = csv_columns;
    CsvWriteResult r;
    auto& ds = r.diagnostics;
    std::vector<Collection> present;
    for (Collection c : m.collections())
        if (!m[c].empty()) present.push_back(c);

    if (m.skip_duplicate_urls.value_or(false)) {
        Diagnostic d;
        d.code = write_code::csv_top_level;
        d.message = "\"skip_duplicate_urls\": true has no CSV form; convert to JSON to keep it, or remove it";
        d.pointer = "/skip_duplicate_urls";
        ds.push_back(std::move(d));
    }
    if (m.extra.is_object() && !m.extra.empty()) {
        Diagnostic d;
        d.code = write_code::csv_top_level;
        d.message = "top-level " + key_list(m.extra) +
                    " cannot be written to CSV, which holds only object URLs and "
                    "titles";
        d.pointer = "/" + pointer_escape(m.extra.begin().key());
        ds.push_back(std::move(d));
    }
    if (present.size() > 1) {
        Diagnostic d;
        d.code = write_code::csv_mixed;
        std::string names;
        for (Collection c : present) names += std::string(names.empty() ? "" : ", ") + collection_key(c);
        d.message =
            "a CSV manifest holds one data type, and this one has " + names + ": split it into one file per type first";
        ds.push_back(std::move(d));
    }
    const Collection c = present.empty() ? Collection::videos : present.front();
    const auto& items = m[c];
    // Image groups or image sequences: the first group decides, the others must agree.
    const bool create_video = !items.empty() && items.front().create_video.value_or(false);
    const cols::ColumnInfo* title_col = cols::title_column_for(c, create_video);
    bool any_title = false;
    std::set<std::string> titles;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item& it = items[i];
        if (!title_col) {
            ds.push_back(item_diag(write_code::csv_collection,
                                   std::string("\"") + collection_key(c) +
                                       "\" items have no CSV form; keep this "
                                       "manifest as JSON",
                                   c, i, it));
            continue;
        }
        if (!empty_value(it.client_metadata))
            ds.push_back(item_diag(write_code::csv_client_metadata,
                                   "this item has clientMetadata, which CSV cannot hold; keep it as JSON or remove "
                                   "the metadata",
                                   c, i, it));
        if (!empty_value(it.metadata))
            ds.push_back(item_diag(write_code::csv_media_metadata,
                                   "this item has " + key_list(it.metadata) +
                                       ", which CSV cannot hold; keep it as "
                                       "JSON or remove the metadata",
                                   c, i, it));
        if (it.extra.is_object() && !it.extra.empty())
            ds.push_back(item_diag(write_code::csv_unknown_field,
                                   "this item has " + key_list(it.extra) + ", which CSV cannot hold", c, i, it));
        if (it.create_video && c != Collection::image_groups)
            ds.push_back(item_diag(
                write_code::csv_unknown_field,
                std::string("\"createVideo\" on \"") + collection_key(c) + "\" items cannot be written to CSV", c, i,
                it));
        if (c == Collection::image_groups && it.create_video.value_or(false) != create_video)
            ds.push_back(item_diag(write_code::csv_create_video,
                                   "image groups and image sequences (createVideo: true) need separate CSV files: "
                                   "split them first",
                                   c, i, it));
        if (it.urls.empty())
            ds.push_back(
                item_diag(write_code::csv_no_url, "this item has no object URL, so it has no CSV row", c, i, it));
        if (title_col->groups_rows) {
            if (!it.title || it.title->empty())
                ds.push_back(item_diag(write_code::csv_group_title,
                                       std::string("in CSV, rows are grouped by their \"") + title_col->name +
                                           "\", and this group has no title: give it one",
                                       c, i, it));
            else if (!titles.insert(*it.title).second)
                ds.push_back(item_diag(write_code::csv_duplicate_title,
                                       "another group has the title \"" + *it.title +
                                           "\"; in CSV the two would become one group: rename one",
                                       c, i, it));
        }
        if (it.title && !it.title->empty()) any_title = true;
    }
    if (has_error(ds)) return r;

    std::vector<std::string> header{cols::kObjectUrl};
    const bool with_title = title_col && (c != Collection::videos || any_title);
    if (with_title) header.push_back(title_col->name);
    std::string out;
    if (options.bom) out += "\xEF\xBB\xBF";
    csv::write_record(out, header, options.crlf);
    std::size_t rows = 0;
    std::vector<std::string> rec;
    for (const Item& it : items)
        for (const std::string& url : it.urls) {
            rec.assign(1, url);
            if (with_title) rec.push_back(it.title.value_or(""));
            csv::write_record(out, rec, options.crlf);
            ++rows;
        }
    if (rows > cols::kMaxCsvEntries) {
        Diagnostic d;
        d.severity = Severity::warning;
        d.code = write_code::csv_entries;
        d.message = "the CSV has " + std::to_string(rows) + " rows, more than the " +
                    std::to_string(cols::kMaxCsvEntries) + " entries a CSV manifest may have: split it (eic split)";
        ds.push_back(std::move(d));
    }
    r.bytes = std::move(out);
    return r;
}

}  // namespace eic::manifest

#include "manifest/write.hpp"

#include <algorithm>
#include <set>
#include <vector>

#include "csv/reader.hpp"
#include "manifest/format.hpp"
#include "manifest/limits.hpp"

namespace eic::manifest {

using nlohmann::ordered_json;

ordered_json item_json(const Item& item, Collection c) {
    ordered_json o = ordered_json::object();
    const format::Spelling& sp = item.spelling;
    const std::string title(format::kTitle), create_video(sp.create_video()), url(sp.url(is_grouped(c)));
    if (is_grouped(c)) {
        if (item.title) o[title] = *item.title;
        if (item.create_video) o[create_video] = *item.create_video;
        for (std::size_t i = 0; i < item.urls.size(); ++i) o[url + std::to_string(i)] = item.urls[i];
    } else {
        if (!item.urls.empty()) o[url] = item.urls.front();
        if (item.title) o[title] = *item.title;
        if (item.create_video) o[create_video] = *item.create_video;
    }
    if (!item.client_metadata.is_null()) o[std::string(sp.client_metadata())] = item.client_metadata;
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
    if (m.skip_duplicate_urls) o[std::string(format::kSkipDuplicateUrls)] = *m.skip_duplicate_urls;
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

// The title Encord gives an untitled file: its URL's path ("defaults to the URL path", index-register-
// cloud-data docs page), written out when a mixed CSV needs every row's title cell filled.
static std::string default_title(std::string_view url) {
    const std::size_t scheme = url.find("://");
    std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
    const std::size_t slash = rest.find('/');
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
    return std::string(rest.substr(0, rest.find_first_of("?#")));
}

CsvWriteResult write_csv(const Manifest& m, const CsvWriteOptions& options) {
    CsvWriteResult r;
    auto& ds = r.diagnostics;

    if (m.skip_duplicate_urls.value_or(false)) {
        Diagnostic d;
        d.code = write_code::csv_top_level;
        d.message = "\"skip_duplicate_urls\": true has no CSV form; convert to JSON to keep it, or remove it";
        d.pointer = "/" + std::string(format::kSkipDuplicateUrls);
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
    // The title column of every item; the header lists each column used, in order of first use. A file
    // of untitled videos alone is the lone ObjectUrl form, which Encord reads as videos.
    std::vector<const format::ColumnInfo*> header_cols;
    bool only_videos = true, any_title = false;
    for (Collection c : m.collections()) {
        for (std::size_t i = 0; i < m[c].size(); ++i) {
            const Item& it = m[c][i];
            const format::ColumnInfo* col = format::title_column_for(c, it.create_video.value_or(false));
            if (!col) {
                ds.push_back(item_diag(
                    write_code::csv_collection,
                    std::string("\"") + collection_key(c) + "\" items have no CSV form; keep this manifest as JSON", c,
                    i, it));
                continue;
            }
            if (std::find(header_cols.begin(), header_cols.end(), col) == header_cols.end()) header_cols.push_back(col);
            only_videos = only_videos && c == Collection::videos;
            any_title = any_title || (it.title && !it.title->empty());
        }
    }
    if (only_videos && !any_title) header_cols.clear();
    const bool mixed = header_cols.size() > 1;

    std::set<std::pair<const format::ColumnInfo*, std::string>> titles;
    for (Collection c : m.collections()) {
        for (std::size_t i = 0; i < m[c].size(); ++i) {
            const Item& it = m[c][i];
            const format::ColumnInfo* col = format::title_column_for(c, it.create_video.value_or(false));
            if (!col) continue;
            if (!empty_value(it.client_metadata))
                ds.push_back(item_diag(write_code::csv_client_metadata,
                                       "this item has clientMetadata, which CSV cannot hold; keep it as JSON or remove "
                                       "the metadata",
                                       c, i, it));
            if (!empty_value(it.metadata))
                ds.push_back(item_diag(write_code::csv_media_metadata,
                                       "this item has " + key_list(it.metadata) +
                                           ", which CSV cannot hold; keep it as JSON or remove the metadata",
                                       c, i, it));
            if (it.extra.is_object() && !it.extra.empty())
                ds.push_back(item_diag(write_code::csv_unknown_field,
                                       "this item has " + key_list(it.extra) + ", which CSV cannot hold", c, i, it));
            if (it.create_video && c != Collection::image_groups)
                ds.push_back(item_diag(write_code::csv_unknown_field,
                                       "\"" + std::string(it.spelling.create_video()) + "\" on \"" + collection_key(c) +
                                           "\" items cannot be written to CSV",
                                       c, i, it));
            if (it.urls.empty())
                ds.push_back(
                    item_diag(write_code::csv_no_url, "this item has no object URL, so it has no CSV row", c, i, it));
            if (col->groups_rows) {
                if (!it.title || it.title->empty())
                    ds.push_back(item_diag(write_code::csv_group_title,
                                           std::string("in CSV, rows are grouped by their \"") +
                                               std::string(col->name()) +
                                               "\", and this group has no title: give it one",
                                           c, i, it));
                else if (!titles.emplace(col, *it.title).second)
                    ds.push_back(item_diag(write_code::csv_duplicate_title,
                                           "another group has the title \"" + *it.title +
                                               "\"; in CSV the two would become one group: rename one",
                                           c, i, it));
            } else if (mixed && (!it.title || it.title->empty()) && !it.urls.empty()) {
                Diagnostic d = item_diag(write_code::csv_title_filled,
                                         "in a CSV of several data types a row's type is the title column it fills, "
                                         "so this untitled item is written with the title Encord would give it, its "
                                         "URL path \"" +
                                             default_title(it.urls.front()) + "\"",
                                         c, i, it);
                d.severity = Severity::warning;
                ds.push_back(std::move(d));
            }
        }
    }
    if (has_error(ds)) return r;

    std::vector<std::string> header{std::string(format::column_info(format::Column::object_url).name())};
    for (const auto* col : header_cols) header.emplace_back(col->name());
    std::string out;
    if (options.bom) out += "\xEF\xBB\xBF";
    csv::write_record(out, header, options.crlf);
    std::size_t rows = 0;
    std::vector<std::string> rec;
    for (Collection c : m.collections()) {
        for (const Item& it : m[c]) {
            const format::ColumnInfo* col = format::title_column_for(c, it.create_video.value_or(false));
            std::string title = it.title.value_or("");
            if (mixed && title.empty() && !it.urls.empty() && !col->groups_rows) title = default_title(it.urls.front());
            for (const std::string& url : it.urls) {
                rec.assign(1, url);
                for (const auto* h : header_cols) rec.push_back(h == col ? title : std::string());
                csv::write_record(out, rec, options.crlf);
                ++rows;
            }
        }
    }
    const auto max_rows = file_limits().csv_max_entries;
    if (rows > max_rows) {
        Diagnostic d;
        d.severity = Severity::warning;
        d.code = write_code::csv_entries;
        d.message = "the CSV has " + std::to_string(rows) + " rows, more than the " + std::to_string(max_rows) +
                    " entries Encord accepts in a CSV file (Encord's GCP import guide): split it (eic split)";
        ds.push_back(std::move(d));
    }
    r.bytes = std::move(out);
    return r;
}

}  // namespace eic::manifest

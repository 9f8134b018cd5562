#include "manifest/load.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "csv/reader.hpp"
#include "json/line_index.hpp"
#include "json/number.hpp"
#include "json/reader.hpp"
#include "manifest/csv_columns.hpp"

namespace eic::manifest {

using nlohmann::ordered_json;

const char* format_name(Format f) { return f == Format::json ? "json" : "csv"; }

Format detect_format(std::string_view bytes, std::string_view file_name) {
    auto ends_with = [&](std::string_view ext) {
        if (file_name.size() < ext.size()) return false;
        for (std::size_t i = 0; i < ext.size(); ++i) {
            char c = file_name[file_name.size() - ext.size() + i];
            if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
            if (c != ext[i]) return false;
        }
        return true;
    };
    if (ends_with(".json")) return Format::json;
    if (ends_with(".csv")) return Format::csv;
    std::size_t i = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\n' || bytes[i] == '\r')) ++i;
    if (i < bytes.size() && (bytes[i] == '{' || bytes[i] == '[')) return Format::json;
    return Format::csv;
}

namespace {

// ---- JSON ---------------------------------------------------------------------------------------

// Builds one JSON value from SAX events. Pointers into the tree stay valid: only the innermost open
// container grows.
struct Builder {
    ordered_json root;
    std::vector<ordered_json*> stack;
    std::string key;
    bool active = false;

    void start() {
        root = ordered_json();
        stack.clear();
        active = true;
    }
    // Returns false when the key was already present in the innermost object.
    bool put(ordered_json v, ordered_json** where = nullptr) {
        ordered_json* slot;
        bool fresh = true;
        if (stack.empty()) {
            root = std::move(v);
            slot = &root;
        } else if (stack.back()->is_object()) {
            ordered_json& obj = *stack.back();
            fresh = !obj.contains(key);
            obj[key] = std::move(v);
            slot = &obj[key];
        } else {
            stack.back()->push_back(std::move(v));
            slot = &stack.back()->back();
        }
        if (where) *where = slot;
        return fresh;
    }
    bool open(ordered_json v) {
        ordered_json* slot;
        bool fresh = put(std::move(v), &slot);
        stack.push_back(slot);
        return fresh;
    }
    // true when the value is complete
    bool close() {
        stack.pop_back();
        return stack.empty();
    }
};

ordered_json number_value(const json::Number& n, bool& overflow) {
    overflow = false;
    if (n.integer) {
        std::int64_t i;
        if (json::to_int64(n.text, i) == json::Errc::none) return i;
        std::uint64_t u;
        if (json::to_uint64(n.text, u) == json::Errc::none) return u;
    }
    double d;
    if (json::to_double(n.text, d) == json::Errc::none) return d;
    overflow = true;
    return nullptr;
}

std::optional<std::size_t> url_index(std::string_view key) {
    // "objectUrl_N" or "object_url_N", N a decimal without leading zeros
    std::string_view rest;
    if (key.substr(0, 10) == "objectUrl_")
        rest = key.substr(10);
    else if (key.substr(0, 11) == "object_url_")
        rest = key.substr(11);
    else
        return std::nullopt;
    if (rest.empty() || rest.size() > 9 || (rest.size() > 1 && rest[0] == '0')) return std::size_t(-1);
    std::size_t n = 0;
    for (char c : rest) {
        if (c < '0' || c > '9') return std::size_t(-1);
        n = n * 10 + std::size_t(c - '0');
    }
    return n;
}

std::optional<std::string> metadata_item_key(std::string_view key) {
    static const char* names[] = {"videoMetadata", "imageMetadata", "audioMetadata", "textMetadata", "pdfMetadata"};
    for (const char* n : names) {
        if (key == n) return std::string(n);
        if (key == snake_case(n)) return std::string(n);
    }
    return std::nullopt;
}

ordered_json snake_object(const ordered_json& v) {
    if (!v.is_object()) return v;
    ordered_json out = ordered_json::object();
    for (auto it = v.begin(); it != v.end(); ++it) out[snake_case(it.key())] = it.value();
    return out;
}

struct JsonLoader {
    std::string_view bytes;
    json::LineIndex lines;
    Manifest m;
    Diagnostics ds;

    // where we are
    int depth = 0;        // open containers
    std::string top_key;  // key at depth 1
    std::size_t top_key_offset = 0;
    std::optional<Collection> collection;  // inside a collection's array (depth 2)
    bool collection_array = false;
    std::size_t item_index = 0;
    std::size_t item_offset = 0;
    Builder b;  // the item or top-level value being built
    enum class Target { none, item, extra, skip_flag, junk } target = Target::none;
    std::size_t value_offset = 0;

    explicit JsonLoader(std::string_view bytes_) : bytes(bytes_), lines(bytes_) {}

    Diagnostic diag(Severity sev, const char* code, std::string message, std::size_t offset,
                    std::optional<std::string> pointer = std::nullopt) {
        Diagnostic d;
        d.severity = sev;
        d.code = code;
        d.message = std::move(message);
        auto p = lines.position(offset);
        d.line = p.line;
        d.column = p.column;
        d.pointer = std::move(pointer);
        return d;
    }
    std::string item_pointer() const { return "/" + pointer_escape(top_key) + "/" + std::to_string(item_index); }

    // A value starts at depth `depth` (before it is counted).
    bool begin_value(std::size_t offset, bool container) {
        if (b.active) return true;
        if (depth == 0) {
            if (!container || bytes[offset] != '{') {
                ds.push_back(diag(Severity::error, load_code::top_level,
                                  "a manifest is a JSON object with keys such as \"videos\" and \"images\"", offset,
                                  std::string()));
                target = Target::junk;
                b.start();
            }
            return true;
        }
        if (depth == 1) {
            value_offset = offset;
            collection = collection_from_key(top_key);
            if (collection) {
                if (bytes[offset] == '[') {
                    collection_array = true;
                    item_index = 0;
                    if (std::find(m.order.begin(), m.order.end(), *collection) == m.order.end())
                        m.order.push_back(*collection);
                    return true;
                }
                ds.push_back(diag(Severity::error, load_code::collection,
                                  "\"" + top_key + "\" must be an array of items; this value is ignored", offset,
                                  "/" + pointer_escape(top_key)));
                target = Target::junk;
            } else if (top_key == "skip_duplicate_urls" || top_key == "skipDuplicateUrls") {
                target = Target::skip_flag;
            } else {
                target = Target::extra;
            }
            b.start();
            return true;
        }
        if (depth == 2 && collection_array) {
            item_offset = offset;
            if (bytes[offset] != '{') {
                ds.push_back(diag(Severity::error, load_code::item, "an item must be a JSON object; it is skipped",
                                  offset, item_pointer()));
                target = Target::junk;
            } else {
                target = Target::item;
            }
            b.start();
        }
        return true;
    }

    void finish_value(std::size_t end_offset) {
        b.active = false;
        switch (target) {
            case Target::item:
                finish_item(end_offset);
                break;
            case Target::extra: {
                if (m.extra.is_null()) m.extra = ordered_json::object();
                if (m.extra.contains(top_key))
                    ds.push_back(diag(Severity::warning, load_code::duplicate_key,
                                      "\"" + top_key + "\" appears twice at the top level; the last one is used",
                                      top_key_offset, "/" + pointer_escape(top_key)));
                m.extra[top_key] = std::move(b.root);
                break;
            }
            case Target::skip_flag:
                if (b.root.is_boolean()) {
                    m.skip_duplicate_urls = b.root.get<bool>();
                } else {
                    ds.push_back(diag(Severity::error, load_code::field_type,
                                      "\"" + top_key + "\" must be true or false; it is kept as an unknown key",
                                      value_offset, "/" + pointer_escape(top_key)));
                    if (m.extra.is_null()) m.extra = ordered_json::object();
                    m.extra[top_key] = std::move(b.root);
                }
                break;
            default:
                break;
        }
        if (target == Target::item || (depth == 2 && collection_array)) ++item_index;
        target = Target::none;
    }

    void finish_item(std::size_t end_offset) {
        Item it;
        auto pos = lines.position(item_offset);
        it.source.line = pos.line;
        it.source.column = pos.column;
        it.source.offset = item_offset;
        it.source.end = end_offset;
        const Collection c = *collection;
        std::vector<std::pair<std::size_t, std::string>> numbered;
        auto field_error = [&](const std::string& key, const char* what) {
            ds.push_back(diag(Severity::error, load_code::field_type,
                              "\"" + key + "\" must be " + what + "; it is kept as an unknown field", item_offset,
                              item_pointer() + "/" + pointer_escape(key)));
        };
        auto keep = [&](const std::string& key, ordered_json v) {
            if (it.extra.is_null()) it.extra = ordered_json::object();
            it.extra[key] = std::move(v);
        };
        for (auto el = b.root.begin(); el != b.root.end(); ++el) {
            const std::string& key = el.key();
            ordered_json& v = el.value();
            if (!is_grouped(c) && (key == "objectUrl" || key == "object_url")) {
                if (v.is_string())
                    it.urls.assign(1, v.get<std::string>());
                else
                    field_error(key, "a string"), keep(key, std::move(v));
            } else if (auto n = is_grouped(c) ? url_index(key) : std::nullopt) {
                bool repeated = false;
                for (const auto& p : numbered) repeated = repeated || p.first == *n;
                if (*n == std::size_t(-1) || repeated) {
                    ds.push_back(diag(Severity::error, load_code::url_index,
                                      "\"" + key +
                                          "\" is not objectUrl_N with a new number N (0, 1, 2, ...); it is "
                                          "kept as an unknown field",
                                      item_offset, item_pointer() + "/" + pointer_escape(key)));
                    keep(key, std::move(v));
                } else if (!v.is_string()) {
                    field_error(key, "a string");
                    keep(key, std::move(v));
                } else {
                    numbered.emplace_back(*n, v.get<std::string>());
                }
            } else if (key == "title") {
                if (v.is_string())
                    it.title = v.get<std::string>();
                else
                    field_error(key, "a string"), keep(key, std::move(v));
            } else if (key == "createVideo" || key == "create_video") {
                if (v.is_boolean())
                    it.create_video = v.get<bool>();
                else
                    field_error(key, "true or false"), keep(key, std::move(v));
            } else if (key == "clientMetadata" || key == "client_metadata") {
                it.client_metadata = std::move(v);
            } else if (auto mk = metadata_item_key(key)) {
                if (it.metadata.is_null()) it.metadata = ordered_json::object();
                it.metadata[*mk] = snake_object(v);
            } else {
                keep(key, std::move(v));
            }
        }
        std::stable_sort(numbered.begin(), numbered.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto& p : numbered) it.urls.push_back(std::move(p.second));
        m[c].push_back(std::move(it));
    }

    // ---- SAX events ----
    bool begin_object(std::size_t o) {
        begin_value(o, true);
        if (b.active) {
            if (!b.open(ordered_json::object())) dup(o);
        } else if (depth == 0 && target == Target::none) {
            // the root object of a manifest
        }
        ++depth;
        return true;
    }
    bool end_object(std::size_t o) { return end_container(o); }
    bool begin_array(std::size_t o) {
        begin_value(o, true);
        if (b.active && !b.open(ordered_json::array())) dup(o);
        ++depth;
        return true;
    }
    bool end_array(std::size_t o) { return end_container(o); }
    bool end_container(std::size_t o) {
        --depth;
        if (b.active) {
            if (b.close() && b.stack.empty()) {
                // the builder's top value closed: it was opened at this depth
                finish_value(o + 1);
            }
        } else if (depth == 1 && collection_array) {
            collection_array = false;
            collection.reset();
        }
        return true;
    }
    bool key(std::string_view k, std::size_t o) {
        if (b.active) {
            b.key.assign(k.data(), k.size());
            key_offset = o;
        } else if (depth == 1) {
            top_key.assign(k.data(), k.size());
            top_key_offset = o;
        }
        return true;
    }
    std::size_t key_offset = 0;
    void dup(std::size_t) {
        std::string where = target == Target::item ? item_pointer() : "/" + pointer_escape(top_key);
        ds.push_back(diag(Severity::warning, load_code::duplicate_key,
                          "\"" + b.key + "\" appears twice in one object; the last one is used", key_offset, where));
    }
    void scalar(ordered_json v, std::size_t o) {
        begin_value(o, false);
        if (!b.active) return;
        if (!b.put(std::move(v))) dup(o);
        if (b.stack.empty()) finish_value(o + 1);
    }
    bool string(std::string_view s, std::size_t o) {
        scalar(ordered_json(std::string(s)), o);
        return true;
    }
    bool number(const json::Number& n, std::size_t o) {
        bool overflow;
        ordered_json v = number_value(n, overflow);
        if (overflow)
            ds.push_back(diag(Severity::error, load_code::number,
                              "this number is beyond the range of a double; it is read as null", o));
        scalar(std::move(v), o);
        return true;
    }
    bool boolean(bool v, std::size_t o) {
        scalar(ordered_json(v), o);
        return true;
    }
    bool null(std::size_t o) {
        scalar(ordered_json(nullptr), o);
        return true;
    }
};

// ---- CSV ----------------------------------------------------------------------------------------

Diagnostic csv_diag(Severity sev, const char* code, std::string message, std::uint32_t line, std::uint32_t column,
                    std::optional<std::uint64_t> row, std::optional<std::string> field) {
    Diagnostic d;
    d.severity = sev;
    d.code = code;
    d.message = std::move(message);
    d.line = line;
    d.column = column;
    d.row = row;
    d.field = std::move(field);
    return d;
}

}  // namespace

LoadResult load_json(std::string_view bytes) {
    LoadResult out;
    JsonLoader loader(bytes);
    json::Reader reader;
    json::ReadResult r = reader.read(bytes, loader);
    out.diagnostics = std::move(loader.ds);
    if (r.error) {
        Diagnostic d;
        d.code = r.error.code();
        d.message = r.error.message;
        auto p = loader.lines.position(r.error.offset);
        d.line = p.line;
        d.column = p.column;
        out.diagnostics.push_back(std::move(d));
        return out;
    }
    out.manifest = std::move(loader.m);
    return out;
}

LoadResult load_csv(std::string_view bytes) {
    namespace cols = csv_columns;
    LoadResult out;
    csv::Reader reader(bytes);
    csv::Record rec;
    if (!reader.next(rec)) {
        out.diagnostics = reader.take_diagnostics();
        return out;
    }
    // The header: which column is which.
    std::optional<std::size_t> url_col, title_col;
    const cols::ColumnInfo* title_info = nullptr;
    std::map<cols::Column, std::size_t> seen;
    for (std::size_t i = 0; i < rec.size(); ++i) {
        const csv::Field& f = rec[i];
        const cols::ColumnInfo* info = cols::find(f.value);
        if (!info) {
            info = cols::find_loose(f.value);
            if (info)
                out.diagnostics.push_back(csv_diag(
                    Severity::warning, load_code::csv_column_spelling,
                    "column \"" + std::string(f.value) + "\" is read as \"" + info->name + "\"; write it exactly so",
                    f.line, f.column, std::nullopt, std::string(f.value)));
        }
        if (!info) {
            out.diagnostics.push_back(csv_diag(Severity::warning, load_code::csv_unknown_column,
                                               "column \"" + std::string(f.value) +
                                                   "\" is not a manifest column (ObjectUrl or a title column); it is "
                                                   "ignored",
                                               f.line, f.column, std::nullopt, std::string(f.value)));
            continue;
        }
        if (seen.count(info->column)) {
            out.diagnostics.push_back(
                csv_diag(Severity::error, load_code::csv_duplicate_column,
                         std::string("column \"") + info->name + "\" appears twice; only the first one is read", f.line,
                         f.column, std::nullopt, std::string(f.value)));
            continue;
        }
        seen[info->column] = i;
        if (info->column == cols::Column::object_url) {
            url_col = i;
        } else if (title_info) {
            out.diagnostics.push_back(csv_diag(Severity::error, load_code::csv_title_conflict,
                                               std::string("a CSV manifest holds one data type: \"") + info->name +
                                                   "\" and \"" + title_info->name +
                                                   "\" cannot both be columns; this one is ignored",
                                               f.line, f.column, std::nullopt, std::string(f.value)));
        } else {
            title_info = info;
            title_col = i;
        }
    }
    if (!url_col) {
        out.diagnostics.push_back(csv_diag(
            Severity::error, load_code::csv_no_url_column,
            std::string("the header has no \"") + cols::kObjectUrl + "\" column: name the column of object URLs so",
            rec.line, 1, std::nullopt, std::nullopt));
        auto more = reader.take_diagnostics();
        out.diagnostics.insert(out.diagnostics.begin(), more.begin(), more.end());
        return out;
    }
    const std::string url_name = reader.header()[*url_col];
    const std::string title_name = title_col ? reader.header()[*title_col] : std::string();
    Manifest m;
    const Collection c = title_info ? title_info->collection : Collection::videos;
    const bool grouping = title_info && title_info->groups_rows;
    std::unordered_map<std::string, std::size_t> groups;  // title -> index in m[c]
    m.order.push_back(c);
    while (reader.next(rec)) {
        std::string_view url = *url_col < rec.size() ? rec[*url_col].value : std::string_view();
        std::string_view title = title_col && *title_col < rec.size() ? rec[*title_col].value : std::string_view();
        const std::uint32_t col = rec.fields.front().column;
        if (url.empty()) {
            const csv::Field& f = *url_col < rec.size() ? rec[*url_col] : rec.fields.back();
            out.diagnostics.push_back(csv_diag(Severity::error, load_code::csv_empty_url,
                                               "this row has no object URL; the row is skipped", f.line, f.column,
                                               rec.row, url_name));
            continue;
        }
        if (grouping) {
            if (title.empty()) {
                const csv::Field& f = *title_col < rec.size() ? rec[*title_col] : rec.fields.back();
                out.diagnostics.push_back(
                    csv_diag(Severity::error, load_code::csv_group_title,
                             "rows are grouped by \"" + title_name + "\", and this row has none; the row is skipped",
                             f.line, f.column, rec.row, title_name));
                continue;
            }
            auto [where, fresh] = groups.emplace(std::string(title), m[c].size());
            if (!fresh) {
                Item& g = m[c][where->second];
                g.urls.emplace_back(url);
                g.source.last_row = rec.row;
                g.source.end = rec.end;
                continue;
            }
        }
        Item it;
        it.urls.emplace_back(url);
        if (!title.empty()) it.title = std::string(title);
        if (title_info && title_info->create_video) it.create_video = true;
        it.source.line = rec.line;
        it.source.column = col;
        it.source.offset = rec.offset;
        it.source.end = rec.end;
        it.source.row = rec.row;
        it.source.last_row = rec.row;
        m[c].push_back(std::move(it));
    }
    auto more = reader.take_diagnostics();
    out.diagnostics.insert(out.diagnostics.begin(), more.begin(), more.end());
    std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    out.manifest = std::move(m);
    return out;
}

LoadResult load(std::string_view bytes, Format format) {
    return format == Format::json ? load_json(bytes) : load_csv(bytes);
}

}  // namespace eic::manifest

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
#include "manifest/format.hpp"

namespace eic::manifest {

using nlohmann::ordered_json;

const char* format_name(Format f) { return f == Format::json ? "json" : "csv"; }

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
                                  "a manifest is a JSON object with keys such as \"" +
                                      std::string(collection_key(Collection::videos)) + "\" and \"" +
                                      collection_key(Collection::images) + "\"",
                                  offset, std::string()));
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
            } else if (top_key == format::kSkipDuplicateUrls) {
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
            const auto field = format::match_item_field(c, key);
            if (!field) {
                keep(key, std::move(v));
                continue;
            }
            // Undocumented spellings are read, and remembered so writing keeps them (the validator warns).
            const bool snake = !field->documented;
            switch (field->field) {
                case format::Field::object_url:
                    if (v.is_string())
                        it.urls.assign(1, v.get<std::string>()), it.spelling.snake_url = snake;
                    else
                        field_error(key, "a string"), keep(key, std::move(v));
                    break;
                case format::Field::group_url: {
                    bool repeated = false;
                    for (const auto& p : numbered) repeated = repeated || p.first == field->position;
                    if (!field->position || repeated) {
                        ds.push_back(diag(Severity::warning, load_code::url_index,
                                          "\"" + key +
                                              "\" is not objectUrl_N with a new number N (0, 1, 2, ...); it is "
                                              "kept as an unknown field",
                                          item_offset, item_pointer() + "/" + pointer_escape(key)));
                        keep(key, std::move(v));
                    } else if (!v.is_string()) {
                        field_error(key, "a string");
                        keep(key, std::move(v));
                    } else {
                        numbered.emplace_back(*field->position, v.get<std::string>());
                        it.spelling.snake_url = snake;
                    }
                    break;
                }
                case format::Field::title:
                    if (v.is_string())
                        it.title = v.get<std::string>();
                    else
                        field_error(key, "a string"), keep(key, std::move(v));
                    break;
                case format::Field::create_video:
                    if (v.is_boolean())
                        it.create_video = v.get<bool>(), it.spelling.snake_create_video = snake;
                    else
                        field_error(key, "true or false"), keep(key, std::move(v));
                    break;
                case format::Field::client_metadata:
                    it.client_metadata = std::move(v);
                    it.spelling.snake_client_metadata = snake;
                    break;
                case format::Field::media_metadata:
                    if (!field->documented) {
                        keep(key, std::move(v));  // kept as written: no source says Encord reads it
                        break;
                    }
                    if (it.metadata.is_null()) it.metadata = ordered_json::object();
                    it.metadata[key] = snake_object(v);
                    break;
                case format::Field::video_option:
                    keep(key, std::move(v));
                    break;
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
    LoadResult out;
    CsvManifestReader reader(bytes);
    Manifest m;
    CsvEntry e;
    while (reader.next(e)) {
        if (!e.kept) continue;
        const Collection c = e.type.collection;
        if (std::find(m.order.begin(), m.order.end(), c) == m.order.end()) m.order.push_back(c);
        const csv::Record& rec = *e.record;
        if (!e.first_of_item) {
            Item& g = m[c][std::size_t(e.item)];
            g.urls.emplace_back(e.url->value);
            g.source.last_row = rec.row;
            g.source.end = rec.end;
            continue;
        }
        Item it;
        it.urls.emplace_back(e.url->value);
        if (!e.type.title.empty()) it.title = std::string(e.type.title);
        if (e.type.create_video) it.create_video = true;
        it.source.line = rec.line;
        it.source.column = rec.fields.front().column;
        it.source.offset = rec.offset;
        it.source.end = rec.end;
        it.source.row = rec.row;
        it.source.last_row = rec.row;
        m[c].push_back(std::move(it));
    }
    out.diagnostics = reader.take_diagnostics();
    if (!reader.readable()) return out;
    if (m.order.empty())
        m.order.push_back(reader.layout().titles.empty() ? Collection::videos
                                                         : reader.layout().titles.front().info->collection);
    out.manifest = std::move(m);
    return out;
}

LoadResult load(std::string_view bytes, Format format) {
    return format == Format::json ? load_json(bytes) : load_csv(bytes);
}

}  // namespace eic::manifest

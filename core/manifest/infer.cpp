#include "manifest/infer.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "manifest/values.hpp"
#include "schema/key_name.hpp"
#include "schema/model.hpp"

namespace eic::manifest {

using nlohmann::ordered_json;

namespace {

enum class Kind { boolean, number, string, array, object };

const char* kind_word(Kind k) {
    switch (k) {
        case Kind::boolean:
            return "boolean";
        case Kind::number:
            return "number";
        case Kind::string:
            return "string";
        case Kind::array:
            return "array";
        case Kind::object:
            return "object";
    }
    return "";
}

struct Place {
    std::uint32_t line = 0, column = 0;
    std::optional<std::uint64_t> row;
    std::string pointer;
    std::string collection;
    std::size_t item = 0;
};

std::string describe_place(const Place& p) {
    std::string s;
    if (p.line)
        s = "line " + std::to_string(p.line);
    else if (p.row)
        s = "row " + std::to_string(*p.row);
    if (!p.pointer.empty()) s += (s.empty() ? "" : ", ") + p.pointer;
    return s;
}

struct KeyStats {
    std::size_t occurrences = 0;  // non-null values
    std::size_t nulls = 0;
    Place first;                                          // first place the key was seen
    std::map<Kind, std::pair<std::size_t, Place>> kinds;  // count and first place per JSON type
    // strings
    bool all_datetime = true, all_uuid4 = true;
    std::uint64_t max_chars = 0;
    std::set<std::string> distinct;  // capped at enum_max_values + 1
    bool distinct_overflow = false;
    // arrays
    bool all_number_arrays = true;
    std::map<std::size_t, Place> sizes;  // array length -> first place (a few kept)
    // objects
    bool all_geo = true;
};

bool is_geo(const ordered_json& v) {
    if (!v.is_object() || v.size() != 2) return false;
    auto lat = v.find("latitude"), lon = v.find("longitude");
    return lat != v.end() && lon != v.end() && lat->is_number() && lon->is_number();
}

Diagnostic make(Severity sev, const char* code, std::string message, const Place& p, const std::string& key) {
    Diagnostic d;
    d.severity = sev;
    d.code = code;
    d.message = std::move(message);
    d.line = p.line;
    d.column = p.column;
    d.row = p.row;
    if (!p.pointer.empty()) d.pointer = p.pointer;
    if (!p.collection.empty()) {
        d.collection = p.collection;
        d.item = p.item;
    }
    (void)key;
    return d;
}

std::string plural(std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

// What the values of all keys looked like, in the order keys were first seen.
struct Observed {
    std::map<std::string, KeyStats> keys;
    std::vector<std::string> order;
};

// One non-null value of a key, at its place.
void observe_value(KeyStats& s, const ordered_json& v, const Place& p, const InferOptions& o) {
    ++s.occurrences;
    const Kind k = v.is_boolean()  ? Kind::boolean
                   : v.is_number() ? Kind::number
                   : v.is_string() ? Kind::string
                   : v.is_array()  ? Kind::array
                                   : Kind::object;
    ++s.kinds.try_emplace(k, 0, p).first->second.first;
    switch (k) {
        case Kind::string: {
            const std::string& str = v.get_ref<const std::string&>();
            if (s.all_datetime && !is_iso8601(str)) s.all_datetime = false;
            if (s.all_uuid4 && uuid_version(str) != 4) s.all_uuid4 = false;
            s.max_chars = std::max(s.max_chars, count_chars(str));
            if (!s.distinct_overflow) {
                s.distinct.insert(str);
                if (s.distinct.size() > o.enum_max_values) {
                    s.distinct_overflow = true;
                    s.distinct.clear();
                }
            }
            break;
        }
        case Kind::array:
            if (!std::all_of(v.begin(), v.end(), [](const ordered_json& e) { return e.is_number(); }))
                s.all_number_arrays = false;
            if (s.sizes.size() < 8) s.sizes.try_emplace(v.size(), p);
            break;
        case Kind::object:
            if (!is_geo(v)) s.all_geo = false;
            break;
        default:
            break;
    }
}

// Every item's clientMetadata, key by key.
Observed observe(const Manifest& m, const InferOptions& o, InferResult& r) {
    Observed seen;
    for (Collection c : m.collections()) {
        const auto& items = m[c];
        for (std::size_t i = 0; i < items.size(); ++i) {
            ++r.items;
            const Item& item = items[i];
            if (item.client_metadata.is_null()) continue;
            Place base;
            base.line = item.source.line;
            base.column = item.source.column;
            base.row = item.source.row;
            base.collection = collection_key(c);
            base.item = i;
            base.pointer = "/" + std::string(collection_key(c)) + "/" + std::to_string(i) + "/" +
                           std::string(item.spelling.client_metadata());
            if (!item.client_metadata.is_object()) {
                r.diagnostics.push_back(make(Severity::warning, infer_code::not_object,
                                             "clientMetadata should be an object of keys and values; this one is "
                                             "ignored",
                                             base, ""));
                continue;
            }
            ++r.items_with_metadata;
            for (auto it = item.client_metadata.begin(); it != item.client_metadata.end(); ++it) {
                auto [slot, fresh] = seen.keys.try_emplace(it.key());
                KeyStats& s = slot->second;
                Place p = base;
                p.pointer += "/" + pointer_escape(it.key());
                if (fresh) {
                    seen.order.push_back(it.key());
                    s.first = p;
                }
                if (it.value().is_null())
                    ++s.nulls;
                else
                    observe_value(s, it.value(), p, o);
            }
        }
    }
    return seen;
}

// A key's type and the note that says why; nullopt (with a finding) when it has none.
struct Inferred {
    schema::KeyType type;
    std::string note;
};
using Found = std::optional<Inferred>;

Found string_type(const KeyStats& s, const InferOptions& o, const std::string& seen) {
    const std::size_t distinct = s.distinct.size();
    if (s.all_datetime)
        return Inferred{schema::KeyType::variant(schema::ScalarHint::datetime),
                        "datetime: every value is ISO 8601" + seen};
    if (s.all_uuid4)
        return Inferred{schema::KeyType::variant(schema::ScalarHint::uuid), "uuid: every value is a UUIDv4" + seen};
    if (s.max_chars >= o.text_min_chars)
        return Inferred{schema::KeyType::variant(schema::ScalarHint::text),
                        "text: the longest value has " + std::to_string(s.max_chars) + " characters"};
    if (!s.distinct_overflow && distinct >= 1 && s.occurrences >= o.enum_min_repeat * distinct)
        return Inferred{schema::KeyType::enumeration(std::vector<std::string>(s.distinct.begin(), s.distinct.end())),
                        "enum: " + plural(distinct, "distinct value") + seen};
    return Inferred{
        schema::KeyType::variant(schema::ScalarHint::varchar),
        "varchar: " +
            (s.distinct_overflow ? "more than " + std::to_string(o.enum_max_values) : std::to_string(distinct)) +
            " distinct values" + seen + ", too many for an enum"};
}

Found array_type(const std::string& key, const KeyStats& s, const InferOptions& o, const std::string& seen,
                 Diagnostics& ds) {
    if (!s.all_number_arrays) {
        ds.push_back(make(Severity::warning, infer_code::unsupported,
                          "key " + schema::quote(key) +
                              " holds arrays that are not all numbers; only number arrays (embeddings) have a schema "
                              "type. The key is left out",
                          s.first, key));
        return std::nullopt;
    }
    if (s.sizes.size() > 1) {
        std::string sizes;
        for (const auto& [n, p] : s.sizes)
            sizes += (sizes.empty() ? "" : "; ") + std::to_string(n) + " at " + describe_place(p);
        ds.push_back(make(Severity::error, infer_code::embedding_size,
                          "key " + schema::quote(key) + " holds number arrays of several lengths (" + sizes +
                              "); an embedding has one size. The key is left out",
                          std::next(s.sizes.begin())->second, key));
        return std::nullopt;
    }
    const std::size_t size = s.sizes.begin()->first;
    if (size == 0 || size > o.embedding_max_size) {
        ds.push_back(make(Severity::error, infer_code::embedding_size,
                          "key " + schema::quote(key) + " holds number arrays of length " + std::to_string(size) +
                              "; an embedding has 1 to " + std::to_string(o.embedding_max_size) +
                              " numbers. The key is left out",
                          s.first, key));
        return std::nullopt;
    }
    return Inferred{schema::KeyType::embedding(std::int64_t(size)),
                    "embedding: number arrays of length " + std::to_string(size) + seen};
}

// Whether a key can be in the draft at all: a valid name, some value, one JSON type.
bool usable(const std::string& key, const KeyStats& s, Diagnostics& ds) {
    for (const Diagnostic& kd : schema::validate_key_name(key)) {
        if (kd.severity != Severity::error) continue;
        ds.push_back(
            make(Severity::warning, infer_code::key_name,
                 "key " + schema::quote(key) + " cannot be a schema key (eic schema check tells why); it is left out",
                 s.first, key));
        return false;
    }
    if (s.occurrences == 0) {
        ds.push_back(make(Severity::info, infer_code::only_null,
                          "key " + schema::quote(key) + " is null in every item (" + plural(s.nulls, "item") +
                              "), so its type is unknown; it is left out",
                          s.first, key));
        return false;
    }
    if (s.kinds.size() > 1) {
        std::string kinds, places;
        for (const auto& [k, cp] : s.kinds) {
            kinds += (kinds.empty() ? "" : ", ") + std::string(kind_word(k)) + " (" + plural(cp.first, "item") + ")";
            places += (places.empty() ? "" : "; ") + std::string(kind_word(k)) + " at " + describe_place(cp.second);
        }
        ds.push_back(make(Severity::error, infer_code::conflict,
                          "key " + schema::quote(key) + " has values of several types: " + kinds + " (for example " +
                              places + "); make them one type, then infer again. The key is left out",
                          std::next(s.kinds.begin())->second.second, key));
        return false;
    }
    return true;
}

Found infer_type(const std::string& key, const KeyStats& s, const InferOptions& o, Diagnostics& ds) {
    if (!usable(key, s, ds)) return std::nullopt;
    const std::string seen = " in " + plural(s.occurrences, "item");
    switch (s.kinds.begin()->first) {
        case Kind::boolean:
            return Inferred{schema::KeyType::variant(schema::ScalarHint::boolean), "boolean: true/false" + seen};
        case Kind::number:
            return Inferred{schema::KeyType::variant(schema::ScalarHint::number), "number" + seen};
        case Kind::string:
            return string_type(s, o, seen);
        case Kind::array:
            return array_type(key, s, o, seen, ds);
        case Kind::object:
            if (s.all_geo)
                return Inferred{schema::KeyType::geospatial(), "geospatial: latitude/longitude objects" + seen};
            ds.push_back(make(Severity::warning, infer_code::unsupported,
                              "key " + schema::quote(key) +
                                  " holds objects other than {\"latitude\", \"longitude\"}; only those (geospatial) "
                                  "have a schema type. The key is left out",
                              s.first, key));
            return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace

InferResult infer_schema(const Manifest& m, const InferOptions& o) {
    InferResult r;
    r.loaded = true;
    const Observed seen = observe(m, o, r);

    schema::Draft& d = r.draft;
    const std::string& source = o.file_name;
    d.title = !o.title.empty() ? o.title : source.empty() ? "Inferred schema" : "Inferred from " + source;
    d.description = "Inferred by eic infer-schema from the clientMetadata of " + plural(r.items_with_metadata, "item") +
                    (source.empty() ? "" : " in " + source) + ". Review every key before pushing it to Encord.";
    if (r.items_with_metadata == 0) {
        Diagnostic diag;
        diag.severity = Severity::warning;
        diag.code = infer_code::no_metadata;
        diag.message = "no item has clientMetadata, so the draft has no keys";
        r.diagnostics.push_back(std::move(diag));
        return r;
    }
    for (const std::string& key : seen.order) {
        if (key == format::kKeyframes) continue;  // reserved by Encord (frame numbers), not a schema key
        if (Found t = infer_type(key, seen.keys.at(key), o, r.diagnostics)) {
            d.schema.put(key, schema::KeyEntry::live(t->type));
            d.notes[key] = "Inferred " + t->note + ".";
        }
    }
    return r;
}

InferResult infer_schema(std::string_view bytes, const InferOptions& options) {
    LoadResult loaded = load(bytes, detect_format(bytes, options.file_name));
    if (!loaded.manifest) {
        InferResult r;
        r.diagnostics = std::move(loaded.diagnostics);
        return r;
    }
    InferResult r = infer_schema(*loaded.manifest, options);
    r.diagnostics.insert(r.diagnostics.begin(), loaded.diagnostics.begin(), loaded.diagnostics.end());
    return r;
}

std::string write_draft_file(const schema::Draft& draft) {
    return schema::write_draft(draft).dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace eic::manifest

#include "app/manifest_columns.hpp"

#include <fmt/format.h>

#include <cmath>

#include "json/number.hpp"
#include "manifest/format.hpp"
#include "schema/scalar.hpp"

namespace eic::app {

namespace {

using Json = nlohmann::ordered_json;

bool is_number(const schema::KeyType& t) {
    return t.kind == schema::TypeKind::number ||
           (t.kind == schema::TypeKind::variant && t.hint == schema::ScalarHint::number);
}
bool is_boolean(const schema::KeyType& t) {
    return t.kind == schema::TypeKind::boolean ||
           (t.kind == schema::TypeKind::variant && t.hint == schema::ScalarHint::boolean);
}
bool is_json_valued(const schema::KeyType& t) {
    return t.kind == schema::TypeKind::embedding || t.kind == schema::TypeKind::geospatial;
}

std::string trim(std::string_view s) {
    std::size_t a = 0, b = s.size();
    while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\n' || s[a] == '\r')) ++a;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\n' || s[b - 1] == '\r')) --b;
    return std::string(s.substr(a, b - a));
}

std::string value_text(const Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

std::string media_summary(const Json& m) {
    if (!m.is_object()) return "";
    std::string out;
    auto add = [&](const std::string& s) { out += (out.empty() ? "" : " ") + s; };
    if (m.contains("width") && m.contains("height")) add(value_text(m["width"]) + "x" + value_text(m["height"]));
    if (m.contains("mime_type")) add(value_text(m["mime_type"]));
    if (m.contains("duration")) add(value_text(m["duration"]) + " s");
    if (m.contains("fps")) add(value_text(m["fps"]) + " fps");
    if (m.contains("file_size") && m["file_size"].is_number()) {
        double b = m["file_size"].get<double>();
        add(b >= 1e9   ? fmt::format("{:.1f} GB", b / 1e9)
            : b >= 1e6 ? fmt::format("{:.1f} MB", b / 1e6)
                       : fmt::format("{:.0f} kB", b / 1e3));
    }
    return out.empty() ? m.dump() : out;
}

// The media metadata object of an item ("imageMetadata": {...}), or null.
const Json* media_of(const manifest::Item& item) {
    if (!item.metadata.is_object() || item.metadata.empty()) return nullptr;
    return &item.metadata.begin().value();
}

}  // namespace

std::vector<Column> table_columns(const schema::Schema& schema) {
    std::vector<Column> cols = {
        {ColumnKind::status, "", "Status", std::nullopt}, {ColumnKind::type, "", "Type", std::nullopt},
        {ColumnKind::title, "", "Title", std::nullopt},   {ColumnKind::url, "", "Object URL", std::nullopt},
        {ColumnKind::media, "", "Media", std::nullopt},
    };
    for (const auto& [name, entry] : schema)
        if (entry->is_live()) cols.push_back({ColumnKind::metadata, name, name, entry->type});
    return cols;
}

std::string cell_text(const manifest::Item& item, manifest::Collection c, const Column& column) {
    switch (column.kind) {
        case ColumnKind::status:
            return "";
        case ColumnKind::type:
            if (c == manifest::Collection::image_groups && item.create_video.value_or(false)) return "image sequence";
            return manifest::collection_key(c);
        case ColumnKind::title:
            return item.title.value_or("");
        case ColumnKind::url:
            if (item.urls.empty()) return "";
            if (item.urls.size() == 1) return item.urls[0];
            return fmt::format("{} (+{} more)", item.urls[0], item.urls.size() - 1);
        case ColumnKind::media: {
            const Json* m = media_of(item);
            return m ? media_summary(*m) : "";
        }
        case ColumnKind::metadata: {
            if (!item.client_metadata.is_object()) return "";
            auto it = item.client_metadata.find(column.key);
            if (it == item.client_metadata.end()) return "";
            return value_text(*it);
        }
    }
    return "";
}

std::string cell_edit_text(const manifest::Item& item, manifest::Collection c, const Column& column) {
    if (column.kind == ColumnKind::url) {
        std::string out;
        for (std::size_t i = 0; i < item.urls.size(); ++i) out += (i ? "\n" : "") + item.urls[i];
        return out;
    }
    if (column.kind == ColumnKind::media) {
        const Json* m = media_of(item);
        return m ? m->dump() : "";
    }
    return cell_text(item, c, column);
}

std::string apply_cell(manifest::Item& item, manifest::Collection c, const Column& column, std::string_view input) {
    switch (column.kind) {
        case ColumnKind::status:
        case ColumnKind::type:
            return "This column is not editable.";
        case ColumnKind::title:
            if (input.empty())
                item.title.reset();
            else
                item.title = std::string(input);
            return "";
        case ColumnKind::url: {
            // One URL a line; only a group takes several. Nothing is trimmed: whitespace is the
            // validator's to report (and a quick fix's to encode), never silently dropped.
            std::vector<std::string> urls;
            std::size_t at = 0;
            while (at <= input.size()) {
                std::size_t nl = input.find('\n', at);
                std::string_view line =
                    input.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
                if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
                if (!line.empty()) urls.emplace_back(line);
                if (nl == std::string_view::npos) break;
                at = nl + 1;
            }
            if (!manifest::is_grouped(c) && urls.size() > 1)
                return fmt::format("A {} item has one objectUrl; give one URL (groups take one per line).",
                                   manifest::collection_key(c));
            if (urls.empty()) return "Give the object's URL (https://storage.cloud.google.com/BUCKET/OBJECT).";
            item.urls = std::move(urls);
            return "";
        }
        case ColumnKind::media: {
            const char* key = manifest::metadata_key(c);
            if (!*key) return fmt::format("Items of {} have no media metadata.", manifest::collection_key(c));
            std::string t = trim(input);
            if (t.empty()) {
                item.metadata = nullptr;
                return "";
            }
            Json v = Json::parse(t, nullptr, false);
            if (v.is_discarded() || !v.is_object())
                return fmt::format(
                    "Write {} as a JSON object, e.g. {{\"width\": 1920, \"height\": 1080, \"mime_type\": "
                    "\"image/jpeg\"}}.",
                    key);
            Json m = Json::object();
            for (auto it = v.begin(); it != v.end(); ++it) m[manifest::snake_case(it.key())] = it.value();
            item.metadata = Json::object();
            item.metadata[key] = std::move(m);
            return "";
        }
        case ColumnKind::metadata:
            break;
    }
    Json value;
    const std::string t = trim(input);
    if (input.empty()) {
        if (item.client_metadata.is_object()) item.client_metadata.erase(column.key);
        if (item.client_metadata.is_object() && item.client_metadata.empty()) item.client_metadata = nullptr;
        return "";
    }
    const schema::KeyType* type = column.type ? &*column.type : nullptr;
    if (type && is_number(*type)) {
        double d = 0;
        if (t.empty() || json::to_double(t, d) != json::Errc::none || !std::isfinite(d)) {
            // to_double takes JSON's number grammar; say so with the text that failed.
            return fmt::format("\"{}\" is not a number; write it as JSON does (12, -0.5, 1e6).", t);
        }
        Json parsed = Json::parse(t, nullptr, false);
        if (parsed.is_discarded() || !parsed.is_number())
            return fmt::format("\"{}\" is not a number; write it as JSON does (12, -0.5, 1e6).", t);
        value = parsed;
    } else if (type && is_boolean(*type)) {
        if (t == "true")
            value = true;
        else if (t == "false")
            value = false;
        else
            return fmt::format("\"{}\" is not a boolean; write true or false.", t);
    } else if (type && is_json_valued(*type)) {
        value = Json::parse(t, nullptr, false);
        if (value.is_discarded()) {
            return type->kind == schema::TypeKind::embedding
                       ? fmt::format("Write the embedding as a JSON list of {} numbers: [0.1, 0.2, ...].", type->size)
                       : std::string("Write the place as JSON: {\"latitude\": 51.5, \"longitude\": -0.12}.");
        }
    } else if (type) {
        value = std::string(input);
    } else {
        // A key the schema does not type: JSON when it reads as JSON, else the text.
        value = Json::parse(t, nullptr, false);
        if (value.is_discarded()) value = std::string(input);
    }
    if (!item.client_metadata.is_object()) item.client_metadata = Json::object();
    item.client_metadata[column.key] = std::move(value);
    return "";
}

std::optional<std::size_t> column_of(const Diagnostic& d, const std::vector<Column>& columns) {
    auto find = [&](ColumnKind kind, const std::string& key = {}) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < columns.size(); ++i)
            if (columns[i].kind == kind && columns[i].key == key) return i;
        return std::nullopt;
    };
    namespace format = manifest::format;
    if (d.field) {  // a CSV column, under any spelling the format reads
        const format::ColumnInfo* col = format::find_column(*d.field);
        if (!col) col = format::find_column_loose(*d.field);
        if (col && col->column == format::Column::object_url) return find(ColumnKind::url);
        if (col && col->title) return find(ColumnKind::title);
        return std::nullopt;
    }
    if (!d.pointer) return std::nullopt;
    // "/<collection>/3/<field>/key/0": the field of an item of the collection.
    const std::vector<std::string> parts = pointer_tokens(*d.pointer);
    if (parts.size() < 3) return std::nullopt;
    const auto c = manifest::collection_from_key(parts[0]);
    const auto m = c ? format::match_item_field(*c, parts[2]) : std::nullopt;
    if (!m) return std::nullopt;
    switch (m->field) {
        case format::Field::title:
            return find(ColumnKind::title);
        case format::Field::object_url:
        case format::Field::group_url:
            return find(ColumnKind::url);
        case format::Field::media_metadata:
            return find(ColumnKind::media);
        case format::Field::client_metadata:
            return parts.size() >= 4 ? find(ColumnKind::metadata, parts[3]) : std::nullopt;
        case format::Field::create_video:
        case format::Field::video_option:
            return std::nullopt;
    }
    return std::nullopt;
}

std::vector<std::string> pointer_tokens(std::string_view pointer) {
    std::vector<std::string> out;
    if (pointer.empty() || pointer[0] != '/') return out;
    std::size_t at = 1;
    while (true) {
        std::size_t slash = pointer.find('/', at);
        std::string_view token =
            pointer.substr(at, slash == std::string_view::npos ? std::string_view::npos : slash - at);
        std::string un;
        for (std::size_t i = 0; i < token.size(); ++i) {
            // RFC 6901: ~1 is '/', ~0 is '~'.
            if (token[i] == '~' && i + 1 < token.size()) {
                un += token[i + 1] == '1' ? '/' : '~';
                ++i;
            } else {
                un += token[i];
            }
        }
        out.push_back(std::move(un));
        if (slash == std::string_view::npos) break;
        at = slash + 1;
    }
    return out;
}

CellEditor cell_editor(const Column& column, manifest::Collection c) {
    const schema::KeyType* type = column.type ? &*column.type : nullptr;
    const std::optional<schema::ScalarHint> hint = type ? schema::scalar_hint(*type) : std::nullopt;
    if (type && type->kind == schema::TypeKind::enumeration) return {CellEditor::Kind::options};
    if (hint == schema::ScalarHint::boolean) return {CellEditor::Kind::checkbox};
    const bool lines = column.kind == ColumnKind::url
                           ? manifest::is_grouped(c)
                           : column.kind == ColumnKind::media || (type && type->kind == schema::TypeKind::embedding) ||
                                 hint == schema::ScalarHint::text;
    if (lines) return {CellEditor::Kind::lines};
    if (hint == schema::ScalarHint::datetime) return {CellEditor::Kind::line, "2024-05-01T13:45:00Z"};
    return {CellEditor::Kind::line};
}

std::size_t editable_column(const std::vector<Column>& columns, int chosen) {
    if (chosen >= 0 && std::size_t(chosen) < columns.size()) {
        const ColumnKind k = columns[std::size_t(chosen)].kind;
        if (k != ColumnKind::status && k != ColumnKind::type) return std::size_t(chosen);
    }
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].kind == ColumnKind::title) return i;
    return 0;
}

}  // namespace eic::app

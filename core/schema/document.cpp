#include "schema/document.hpp"

#include <fmt/format.h>

#include <memory>
#include <set>

#include "json/positioned.hpp"
#include "schema/codes.hpp"
#include "schema/transition.hpp"
#include "schema/wire.hpp"

namespace eic::schema {
namespace {

using ojson = nlohmann::ordered_json;

// The key a wire-map-relative pointer starts with ("/a~1b/values" -> "a/b").
std::string first_token(const std::string& pointer) {
    std::string token;
    for (std::size_t i = 1; i < pointer.size() && pointer[i] != '/'; ++i) {
        if (pointer[i] == '~' && i + 1 < pointer.size()) {
            token += pointer[i + 1] == '1' ? '/' : '~';
            ++i;
        } else {
            token += pointer[i];
        }
    }
    return token;
}

std::set<std::string> keys_of(const ojson& unreadable) {
    std::set<std::string> keys;
    if (unreadable.is_object())
        for (auto it = unreadable.begin(); it != unreadable.end(); ++it) keys.insert(it.key());
    return keys;
}

// What Encord holds, as far as the file says: a plain wire map is what Encord returned, so it holds
// itself; a draft holds its base (nothing without one, so every key counts as added).
Held held_by(const SchemaFile& file) {
    Held held;
    const Draft& d = file.draft;
    if (!file.is_draft) {
        held.schema = &d.schema;
        held.unreadable_keys = keys_of(d.unreadable);
    } else if (d.base) {
        held.schema = &d.base->schema;
        held.unreadable_keys = keys_of(d.base->unreadable);
    }
    return held;
}

}  // namespace

SchemaLoad load_schema_json(const ojson& doc, Locator locator) {
    SchemaLoad r;
    r.locator = std::move(locator);
    if (is_draft_document(doc)) {
        DraftRead d = read_draft(doc);
        r.diagnostics = std::move(d.diagnostics);
        if (d.draft) r.file = SchemaFile{true, std::move(*d.draft)};
    } else {
        WireRead w = read_wire(doc);
        r.diagnostics = std::move(w.diagnostics);
        SchemaFile f;
        f.draft.schema = std::move(w.schema);
        for (const auto& key : w.broken_keys) f.draft.unreadable[key] = doc.at(key);
        f.draft.document = doc;
        r.file = std::move(f);
    }
    locate(r.diagnostics, r.locator);
    return r;
}

SchemaLoad load_schema_text(std::string_view text) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)  // an empty body: the empty schema
        return load_schema_json(ojson(nullptr), {});
    json::PositionedResult parsed = json::parse_positioned(text);
    if (parsed.error) {
        SchemaLoad r;
        Diagnostic d;
        d.code = parsed.error->code;  // the JSON reader's own code (json.syntax, json.invalid-utf8, ...)
        d.message = "the file is not valid JSON: " + parsed.error->message;
        d.line = parsed.error->position.line;
        d.column = parsed.error->position.column;
        r.diagnostics.push_back(std::move(d));
        return r;
    }
    // Shared: the locator outlives this call (callers locate later findings with it).
    auto doc = std::make_shared<const json::PositionedDocument>(std::move(*parsed.doc));
    auto lift = [](std::optional<json::Position> p) -> std::optional<LinePosition> {
        if (!p) return std::nullopt;
        return LinePosition{p->line, p->column};
    };
    Locator locator;
    locator.value_at = [doc, lift](const std::string& pointer) { return lift(doc->value_at(pointer)); };
    locator.key_at = [doc, lift](const std::string& pointer) { return lift(doc->key_at(pointer)); };
    SchemaLoad r = load_schema_json(doc->value, std::move(locator));
    for (const auto& [pointer, position] : doc->duplicate_keys) {
        Diagnostic d;
        d.code = code::wire_duplicate_key;
        d.message = fmt::format(
            "{} is given twice in the same object; JSON keeps only the last one, so the "
            "earlier one is lost. Remove one of them",
            quote(pointer.substr(pointer.rfind('/') + 1)));
        d.pointer = pointer;
        d.line = position.line;
        d.column = position.column;
        r.diagnostics.push_back(std::move(d));
    }
    return r;
}

Target effective_target(const SchemaFile& file, std::optional<Target> chosen) {
    if (chosen) return *chosen;
    return file.draft.target.value_or(Target::index);
}

Diagnostics check_schema_file(const SchemaFile& file, Target target) {
    Diagnostics out;
    const Draft& d = file.draft;
    const std::string prefix = file.is_draft ? "/schema" : "";
    const Schema* base = d.base ? &d.base->schema : nullptr;

    for (auto& diag : check_schema(d.schema, target, held_by(file))) {
        const std::string key = first_token(*diag.pointer);
        const KeyEntry* before = base ? base->find(key) : nullptr;
        if (before && diag.severity == Severity::error && *before == *d.schema.find(key)) {
            diag.severity = Severity::warning;
            diag.message +=
                " (the key is unchanged from the draft's base, so pushing the draft does not make it worse)";
        }
        diag.pointer = prefix + *diag.pointer;
        out.push_back(std::move(diag));
    }

    if (base) {
        std::set<std::string> skip = keys_of(d.unreadable), base_skip = keys_of(d.base->unreadable);
        skip.insert(base_skip.begin(), base_skip.end());
        std::set<std::string> keys;
        for (const auto& kv : d.schema) keys.insert(kv.first);
        for (const auto& kv : *base) keys.insert(kv.first);
        for (const auto& key : keys) {
            if (skip.count(key)) continue;
            for (auto& diag : classify(key, base->find(key), d.schema.find(key)).refusals) {
                diag.pointer = (diag.code == code::key_dropped ? "/base/schema" : prefix) + *diag.pointer;
                out.push_back(std::move(diag));
            }
        }
    }

    const auto unreadable = keys_of(d.unreadable);
    for (const auto& [key, text] : d.notes) {
        if (d.schema.contains(key) || unreadable.count(key)) continue;
        Diagnostic diag;
        diag.severity = Severity::warning;
        diag.code = code::draft_note_orphan;
        diag.message = fmt::format("there is a note about key {}, but the schema has no such key", quote(key));
        diag.pointer = "/notes/" + pointer_escape(key);
        out.push_back(std::move(diag));
    }
    return out;
}

}  // namespace eic::schema

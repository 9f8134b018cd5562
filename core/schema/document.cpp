#include "schema/document.hpp"

#include <set>

#include <fmt/format.h>

#include "schema/codes.hpp"
#include "schema/transition.hpp"
#include "schema/wire.hpp"

namespace eic::schema {
namespace {

using ojson = nlohmann::ordered_json;

// 1-based line and column (in code points) of a byte offset. Interim: core/json's positioned parser
// will supply positions for syntax errors and pointers alike.
LinePosition position_of(std::string_view text, std::size_t offset) {
    LinePosition p{1, 1};
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
            ++p.first;
            p.second = 1;
        } else if (c != '\r' && (c & 0xC0) != 0x80) {
            ++p.second;
        }
    }
    return p;
}

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
    ojson doc;
    try {
        doc = ojson::parse(text.begin(), text.end());
    } catch (const ojson::parse_error& e) {
        SchemaLoad r;
        Diagnostic d;
        d.code = code::wire_syntax;
        std::string what = e.what();
        auto colon = what.find(": ");
        d.message = "the file is not valid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2));
        auto pos = position_of(text, e.byte > 0 ? e.byte - 1 : 0);
        d.line = pos.first;
        d.column = pos.second;
        r.diagnostics.push_back(std::move(d));
        return r;
    }
    return load_schema_json(doc, {});
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

    for (auto& diag : check_schema(d.schema, target)) {
        const std::string key = first_token(*diag.pointer);
        const KeyEntry* before = base ? base->find(key) : nullptr;
        if (before && diag.severity == Severity::error && *before == *d.schema.find(key)) {
            diag.severity = Severity::warning;
            diag.message += " (the key is unchanged from the draft's base, so pushing the draft does not make it worse)";
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

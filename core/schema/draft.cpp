#include "schema/draft.hpp"

#include <fmt/format.h>

#include "schema/codes.hpp"
#include "schema/locate.hpp"
#include "schema/wire.hpp"

namespace eic::schema {
namespace {

using ojson = nlohmann::ordered_json;

// Reads a wire map nested in the draft at `at`, keeping the entries it could not read.
void read_nested(const ojson& map, const std::string& at, Schema& schema, ojson& unreadable, Diagnostics& out) {
    WireRead w = read_wire(map);
    rebase(w.diagnostics, at);
    for (auto& d : w.diagnostics) out.push_back(std::move(d));
    schema = std::move(w.schema);
    for (const auto& key : w.broken_keys) unreadable[key] = map.at(key);
}

std::optional<std::string> optional_string(const ojson& doc, const char* name, Diagnostics& out) {
    auto it = doc.find(name);
    if (it == doc.end() || it->is_null()) return std::nullopt;
    if (it->is_string()) return it->get<std::string>();
    out.push_back(Diagnostic::error(code::draft_field, fmt::format("\"{}\" must be a string", name))
                      .at_pointer(std::string("/") + name));
    return std::nullopt;
}

// Writes `value` under `name`, in place when the field exists so the file keeps its order.
void set(ojson& doc, const char* name, ojson value) { doc[name] = std::move(value); }

ojson with_unreadable(ojson map, const ojson& unreadable) {
    if (unreadable.is_object())
        for (auto it = unreadable.begin(); it != unreadable.end(); ++it) map[it.key()] = it.value();
    return map;
}

}  // namespace

bool is_draft_document(const ojson& doc) {
    if (!doc.is_object()) return false;
    auto format = doc.find("format");
    if (format != doc.end() && format->is_string()) return true;
    auto version = doc.find("version"), schema = doc.find("schema");
    return version != doc.end() && version->is_number() && schema != doc.end() && schema->is_object();
}

DraftRead read_draft(const ojson& doc) {
    DraftRead r;
    auto& out = r.diagnostics;
    if (!doc.is_object()) {
        out.push_back(Diagnostic::error(code::draft_format, "a schema draft must be a JSON object").at_pointer(""));
        return r;
    }
    auto format = doc.find("format");
    if (format == doc.end() || !format->is_string()) {
        out.push_back(
            Diagnostic::error(
                code::draft_format,
                fmt::format("this looks like a schema draft but has no \"format\": \"{}\"; add it", draft_format_name))
                .at_pointer(format == doc.end() ? "" : "/format"));
        return r;
    }
    if (*format != draft_format_name) {
        out.push_back(
            Diagnostic::error(code::draft_format,
                              fmt::format("the file's format is {}, not \"{}\": it is not an eic schema draft",
                                          quote(format->get<std::string>()), draft_format_name))
                .at_pointer("/format"));
        return r;
    }
    auto version = doc.find("version");
    if (version == doc.end() || !version->is_number_integer() || *version != draft_format_version) {
        std::string message =
            version == doc.end() ? fmt::format("a schema draft needs \"version\": {}", draft_format_version)
            : version->is_number_integer()
                ? fmt::format(
                      "this draft is version {} of the format, and this eic reads only version {}; open it "
                      "with a newer eic",
                      version->dump(), draft_format_version)
                : fmt::format("\"version\" must be the number {}", draft_format_version);
        out.push_back(Diagnostic::error(code::draft_version, std::move(message))
                          .at_pointer(version == doc.end() ? "" : "/version"));
        return r;
    }

    Draft d;
    d.document = doc;
    d.title = optional_string(doc, "title", out).value_or("");
    d.description = optional_string(doc, "description", out).value_or("");
    if (auto target = doc.find("target"); target != doc.end() && !target->is_null()) {
        if (target->is_string()) d.target = target_from_name(target->get<std::string>());
        if (!d.target)
            out.push_back(
                Diagnostic::error(code::draft_target,
                                  fmt::format("\"target\" is {}; it must be \"index\" or \"active\" (lower case)",
                                              target->dump(-1, ' ', false, ojson::error_handler_t::replace)))
                    .at_pointer("/target"));
    }

    auto schema = doc.find("schema");
    if (schema == doc.end())
        out.push_back(Diagnostic::error(code::draft_field, "a schema draft needs \"schema\", the wire map of its keys")
                          .at_pointer(""));
    else
        read_nested(*schema, "/schema", d.schema, d.unreadable, out);

    if (auto notes = doc.find("notes"); notes != doc.end() && !notes->is_null()) {
        if (!notes->is_object()) {
            out.push_back(Diagnostic::error(code::draft_field, "\"notes\" must be an object mapping keys to text")
                              .at_pointer("/notes"));
        } else {
            for (auto it = notes->begin(); it != notes->end(); ++it) {
                if (it.value().is_string())
                    d.notes[it.key()] = it.value().get<std::string>();
                else
                    out.push_back(Diagnostic::error(code::draft_field,
                                                    fmt::format("the note of key {} must be text", quote(it.key())))
                                      .at_pointer("/notes/" + pointer_escape(it.key())));
            }
        }
    }

    if (auto base = doc.find("base"); base != doc.end() && !base->is_null()) {
        if (!base->is_object()) {
            out.push_back(Diagnostic::error(code::draft_field, "\"base\" must be an object {\"fetchedAt\", \"schema\"}")
                              .at_pointer("/base"));
        } else {
            DraftBase b;
            if (auto at = base->find("fetchedAt"); at != base->end() && !at->is_null()) {
                if (at->is_string())
                    b.fetched_at = at->get<std::string>();
                else
                    out.push_back(Diagnostic::error(code::draft_field, "\"fetchedAt\" must be a date and time as text")
                                      .at_pointer("/base/fetchedAt"));
            }
            auto bs = base->find("schema");
            if (bs == base->end())
                out.push_back(
                    Diagnostic::error(code::draft_field,
                                      "\"base\" needs \"schema\", the schema Encord had when the draft started")
                        .at_pointer("/base"));
            else
                read_nested(*bs, "/base/schema", b.schema, b.unreadable, out);
            d.base = std::move(b);
        }
    }
    r.draft = std::move(d);
    return r;
}

ojson write_draft(const Draft& d) {
    ojson doc = d.document.is_object() ? d.document : ojson::object();
    set(doc, "format", draft_format_name);
    set(doc, "version", draft_format_version);
    set(doc, "title", d.title);
    set(doc, "description", d.description);
    if (d.target) set(doc, "target", target_name(*d.target));
    set(doc, "schema", with_unreadable(write_wire(d.schema), d.unreadable));
    if (!d.notes.empty() || doc.contains("notes")) {
        ojson notes = ojson::object();
        for (const auto& [key, text] : d.notes) notes[key] = text;
        set(doc, "notes", std::move(notes));
    }
    if (d.base) {
        ojson base = doc.contains("base") && doc["base"].is_object() ? doc["base"] : ojson::object();
        base["fetchedAt"] = d.base->fetched_at;
        base["schema"] = with_unreadable(write_wire(d.base->schema), d.base->unreadable);
        set(doc, "base", std::move(base));
    } else if (doc.contains("base")) {
        doc.erase("base");
    }
    return doc;
}

}  // namespace eic::schema

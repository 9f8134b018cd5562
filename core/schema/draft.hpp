// The schema draft file (*.eic-schema.json), shared between people and diffed against Encord:
// {"format": "eic-schema-draft", "version": 1, "title", "description", "target": "index"|"active",
//  "schema": <wire map>, "notes": {key: text}, "base": {"fetchedAt", "schema": <wire map>}}.
// `base` is the remote schema the draft started from, so a diff can tell "you changed this" from
// "someone changed Encord since". Unknown fields anywhere survive a read/write round trip.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "diag/diagnostic.hpp"
#include "schema/model.hpp"
#include "schema/rules.hpp"

namespace eic::schema {

inline constexpr const char* draft_format_name = "eic-schema-draft";
inline constexpr int draft_format_version = 1;

struct DraftBase {
    std::string fetched_at;  // as written; RFC 3339 by convention, not interpreted
    Schema schema;
    // Entries of base.schema that could not be read, verbatim (an object, null when none).
    nlohmann::ordered_json unreadable;
};

struct Draft {
    std::string title;
    std::string description;
    std::optional<Target> target;  // nullopt: the file does not say (Index is assumed)
    Schema schema;
    // Entries of `schema` that could not be read, verbatim (an object, null when none). They are not
    // part of `schema` (so never pushed) but are written back, so that saving loses nothing.
    nlohmann::ordered_json unreadable;
    std::map<std::string, std::string> notes;
    std::optional<DraftBase> base;
    // The file as read (null for a new draft); fields eic does not know survive through it.
    nlohmann::ordered_json document;
};

// Whether a parsed file is meant as a draft rather than a plain wire map: an object whose "format" is
// a string, or one with a numeric "version" and an object "schema" (a draft that lost its format). A
// wire map cannot look like that, since its values are type objects.
bool is_draft_document(const nlohmann::ordered_json& doc);

struct DraftRead {
    std::optional<Draft> draft;  // nullopt when this is not a draft eic can read (format, version)
    Diagnostics diagnostics;     // pointers are absolute within the file ("/schema/key/ty")
};

DraftRead read_draft(const nlohmann::ordered_json& doc);
nlohmann::ordered_json write_draft(const Draft& draft);

}  // namespace eic::schema

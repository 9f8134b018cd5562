// A schema file as the CLI and the UI open it: a draft (*.eic-schema.json) or a plain wire map (what
// GET client-metadata-schema-v2 returns). Loading never throws and never stops at the first problem.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "schema/draft.hpp"
#include "schema/locate.hpp"
#include "schema/rules.hpp"

namespace eic::schema {

struct SchemaFile {
    bool is_draft = false;
    Draft draft;  // a plain wire map is held as a draft with only `schema` (and `unreadable`) set
};

struct SchemaLoad {
    std::optional<SchemaFile> file;  // nullopt when nothing usable was read (syntax, format, version)
    Diagnostics diagnostics;         // already located
    Locator locator;                 // locates diagnostics found later, such as check_schema_file's
};

// From parsed JSON and a locator for its positions (an empty Locator leaves positions unknown).
SchemaLoad load_schema_json(const nlohmann::ordered_json& doc, Locator locator);
// From the file's text, parsed with core/json so every finding gets its line and column. A syntax
// error keeps the JSON reader's code (json.*); a member name given twice in one object is
// schema.wire.duplicate-key. Empty text is the empty schema, as an empty response body is.
SchemaLoad load_schema_text(std::string_view text);

// The target to check against: the caller's choice (a CLI flag), else the draft's, else Index.
Target effective_target(const SchemaFile& file, std::optional<Target> chosen);

// Every rule about the file's content (its reading problems are in SchemaLoad::diagnostics):
// - each key of the schema (rules.hpp), judged against what Encord holds (Held in rules.hpp): the
//   map itself for a plain wire map, the draft's base for a draft. A finding about a key that is
//   unchanged from the draft's base is only a warning: pushing the draft does not make it worse;
// - every change from the draft's base (transition.hpp), e.g. an enum that became a scalar;
// - notes about keys the schema does not have (a warning).
// Pointers are absolute within the file; locate them with SchemaLoad::locator.
Diagnostics check_schema_file(const SchemaFile& file, Target target);

}  // namespace eic::schema

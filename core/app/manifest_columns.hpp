// The columns of the manifest table and what a cell shows and accepts. A row is one unit (an item);
// the metadata columns come from the schema in the Schema panel, so a typed key gets an editor and a
// parser that fit its type (checkbox, enum, number, date, JSON for embeddings and places).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "manifest/model.hpp"
#include "schema/model.hpp"

namespace eic::app {

enum class ColumnKind { status, type, title, url, media, metadata };

struct Column {
    ColumnKind kind = ColumnKind::title;
    std::string key;                      // metadata: the clientMetadata key
    std::string label;                    // the header
    std::optional<schema::KeyType> type;  // metadata: the schema's type of the key
};

// Status, Type, Title, Object URL, Media, then the schema's live keys in name order.
std::vector<Column> table_columns(const schema::Schema& schema);

// What a cell shows. Groups show their first URL and the count of the rest; media metadata shows
// "1920x1080 video/mp4 ..." in short; metadata values show strings bare and other values as JSON.
std::string cell_text(const manifest::Item& item, manifest::Collection c, const Column& column);
// What the cell editor starts with: the full value (all URLs, one a line; media metadata as JSON).
std::string cell_edit_text(const manifest::Item& item, manifest::Collection c, const Column& column);

// Which editor a cell gets: the options of an enum, a checkbox for a boolean, several lines for a
// group's URLs, media metadata, an embedding or text, else one line (`placeholder`: an example value
// for datetimes, whose format is easy to get wrong).
struct CellEditor {
    enum class Kind { options, checkbox, lines, line };
    Kind kind = Kind::line;
    const char* placeholder = "";
};
CellEditor cell_editor(const Column& column, manifest::Collection c);
// The cell edited when none is chosen, or when the chosen one cannot be edited (status, type): the
// title.
std::size_t editable_column(const std::vector<Column>& columns, int chosen);

// Puts the user's text into the item. Empty text removes a title or a metadata value. Returns an
// empty string on success, else what is wrong (the item is then unchanged). Values are read by the
// key's type: a number must be a finite JSON number, a boolean true/false, an embedding or geospatial
// value JSON; varchar, text, datetime, uuid and enum take the text as is (the validator judges it).
std::string apply_cell(manifest::Item& item, manifest::Collection c, const Column& column, std::string_view text);

// The column a finding points at (by its JSON pointer, or its CSV field); nullopt when it is about the
// whole item or the file.
std::optional<std::size_t> column_of(const Diagnostic& d, const std::vector<Column>& columns);

// A JSON pointer's reference tokens, unescaped ("/a~1b/0" -> {"a/b", "0"}); none for "" or no leading '/'.
std::vector<std::string> pointer_tokens(std::string_view pointer);

}  // namespace eic::app

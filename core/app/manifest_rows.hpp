// Which units the table shows, in which order: the filter (type, text, findings, a selection from the
// embedding map) and the sort by a column. Values for sorting are read with unit_fields.hpp, so a
// sort over a million units reads each unit once and builds no item.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/manifest_columns.hpp"
#include "app/manifest_document.hpp"

namespace eic::app {

enum class StatusFilter { all, errors, warnings, findings, clean };

struct RowFilter {
    int collection = -1;   // -1: every type; else a manifest::Collection
    std::string text;      // ASCII case-insensitive; anywhere in the item's JSON, or in one column
    int text_column = -1;  // index into the columns (title, URL, media or a key); -1: anywhere
    StatusFilter status = StatusFilter::all;
    std::string code;            // only units with a finding of this code ("" for any)
    bool use_selection = false;  // only the units in `selection` (sorted ids)
    std::vector<std::uint32_t> selection;
};

struct RowSort {
    int column = -1;  // index into the columns; -1 keeps the file's order
    bool descending = false;
};

std::vector<std::uint32_t> table_rows(const ManifestDocument& doc, const std::vector<Column>& columns,
                                      const RowFilter& filter, const RowSort& sort);

}  // namespace eic::app

#include "app/manifest_rows.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "app/unit_fields.hpp"

namespace eic::app {

namespace {

bool contains_folded(std::string_view hay, const std::string& needle_lower) {
    if (needle_lower.empty()) return true;
    auto it = std::search(hay.begin(), hay.end(), needle_lower.begin(), needle_lower.end(),
                          [](char a, char b) { return std::tolower((unsigned char)a) == b; });
    return it != hay.end();
}

bool status_passes(std::uint8_t s, StatusFilter f) {
    switch (f) {
        case StatusFilter::all:
            return true;
        case StatusFilter::errors:
            return s & status_error;
        case StatusFilter::warnings:
            return s & status_warning;
        case StatusFilter::findings:
            return s & (status_error | status_warning);
        case StatusFilter::clean:
            return s == 0;
    }
    return true;
}

// The text filter: the item's whole JSON text, or one column's value as the table shows it.
bool text_passes(const ManifestDocument& doc, const std::vector<Column>& columns, int column, std::uint32_t id,
                 const std::string& needle) {
    const ManifestUnits& units = doc.units();
    if (column < 0 || column >= int(columns.size())) return contains_folded(units.text(id), needle);
    const Column& col = columns[std::size_t(column)];
    std::optional<std::string> value;
    switch (col.kind) {
        case ColumnKind::title:
            value = field_value(units.text(id), FieldKind::title);
            break;
        case ColumnKind::url:
            value = field_value(units.text(id), FieldKind::url);
            break;
        case ColumnKind::metadata:
            value = field_value(units.text(id), FieldKind::metadata, col.key);
            break;
        case ColumnKind::type:
            value = manifest::collection_key(units.unit(id).collection);
            break;
        case ColumnKind::status:
        case ColumnKind::media: {
            // Shown values, not raw fields: read the item.
            const manifest::Item* item = doc.item(id);
            if (item) value = cell_text(*item, units.unit(id).collection, col);
            break;
        }
    }
    return value && contains_folded(*value, needle);
}

int status_rank(std::uint8_t s) { return s & status_error ? 3 : s & status_warning ? 2 : s & status_info ? 1 : 0; }

}  // namespace

std::vector<std::uint32_t> table_rows(const ManifestDocument& doc, const std::vector<Column>& columns,
                                      const RowFilter& filter, const RowSort& sort) {
    const ManifestUnits& units = doc.units();
    std::string needle;
    for (char c : filter.text) needle += char(std::tolower((unsigned char)c));
    std::vector<char> has_code;
    if (!filter.code.empty() && doc.result()) {
        has_code.assign(units.size(), 0);
        const auto& ds = doc.result()->diagnostics;
        for (std::size_t i = 0; i < ds.size(); ++i)
            if (ds[i].code == filter.code) {
                std::uint32_t u = doc.unit_of(i);
                if (u < has_code.size()) has_code[u] = 1;
            }
    }
    std::vector<std::uint32_t> rows;
    rows.reserve(units.live_count());
    for (std::uint32_t id = 0; id < units.size(); ++id) {
        const auto& u = units.unit(id);
        if (u.deleted) continue;
        if (filter.collection >= 0 && int(u.collection) != filter.collection) continue;
        if (!status_passes(doc.status(id), filter.status)) continue;
        if (!filter.code.empty() && (has_code.empty() || !has_code[id])) continue;
        if (filter.use_selection && !std::binary_search(filter.selection.begin(), filter.selection.end(), id)) continue;
        if (!needle.empty() && !text_passes(doc, columns, filter.text_column, id, needle)) continue;
        rows.push_back(id);
    }
    if (sort.column < 0 || sort.column >= int(columns.size())) {
        if (sort.descending) std::reverse(rows.begin(), rows.end());
        return rows;
    }
    const Column& col = columns[std::size_t(sort.column)];
    // One key per row; numbers sort numerically and before text; missing values sort last.
    struct Key {
        int kind = 2;  // 0 number, 1 text, 2 missing
        double number = 0;
        std::string text;
    };
    std::vector<Key> keys(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::uint32_t id = rows[i];
        Key& k = keys[i];
        switch (col.kind) {
            case ColumnKind::status:
                k = {0, double(-status_rank(doc.status(id))), {}};
                break;
            case ColumnKind::type:
                k = {1, 0, manifest::collection_key(units.unit(id).collection)};
                break;
            case ColumnKind::title:
            case ColumnKind::url: {
                auto v = field_value(units.text(id), col.kind == ColumnKind::title ? FieldKind::title : FieldKind::url);
                if (v) k = {1, 0, std::move(*v)};
                break;
            }
            case ColumnKind::media:
                break;
            case ColumnKind::metadata: {
                if (auto n = metadata_number(units.text(id), col.key))
                    k = {0, *n, {}};
                else if (auto v = field_value(units.text(id), FieldKind::metadata, col.key))
                    k = {1, 0, std::move(*v)};
                break;
            }
        }
    }
    std::vector<std::uint32_t> order(rows.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    const bool desc = sort.descending;
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        const Key& x = keys[a];
        const Key& y = keys[b];
        if (x.kind != y.kind) return x.kind < y.kind;  // missing last either way
        if (x.kind == 0) return desc ? y.number < x.number : x.number < y.number;
        if (x.kind == 1) return desc ? y.text < x.text : x.text < y.text;
        return false;
    });
    std::vector<std::uint32_t> sorted(rows.size());
    for (std::size_t i = 0; i < order.size(); ++i) sorted[i] = rows[order[i]];
    return sorted;
}

}  // namespace eic::app

// What the insight views (embedding map, per-key summaries) read from the manifest table. The table
// implements it; the views never see rows, only the table's stable unit ids. The insight model
// (insight_model.hpp) caches what it computes and recomputes only when revision() or a choice changes,
// so calls here may be as slow as a scan.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "schema/model.hpp"

namespace eic::app {

struct InsightKey {
    std::string name;
    schema::KeyType type;
};

class InsightSource {
public:
    virtual ~InsightSource() = default;

    // Changes whenever units, their values or the table's filter change. The map's own selection
    // (select_units) is not part of the filter the views see: selecting must not re-project the map.
    virtual std::uint64_t revision() const = 0;
    virtual std::vector<InsightKey> keys() const = 0;  // the schema's live keys
    virtual std::size_t unit_count() const = 0;        // units in the table's current filter

    // For each unit in the filter that has a valid embedding of `dim` numbers under `key`: append dim
    // floats to `out` and its id to `units`, in table order.
    virtual void embeddings(const std::string& key, std::size_t dim, std::vector<float>& out,
                            std::vector<std::uint32_t>& units) = 0;
    // One entry per id in `units` (out is resized to match). numbers(): number keys; nothing where the
    // unit has no value or one that is not a number. strings(): every other scalar key as its text
    // (enum option, "true"/"false", the datetime as written); nothing where the unit has no value.
    virtual void numbers(const std::string& key, const std::vector<std::uint32_t>& units,
                         std::vector<std::optional<double>>& out) = 0;
    virtual void strings(const std::string& key, const std::vector<std::uint32_t>& units,
                         std::vector<std::optional<std::string>>& out) = 0;

    virtual std::vector<std::uint32_t> filtered_units() = 0;  // ids in the filter, table order
    virtual std::string describe(std::uint32_t unit) = 0;     // for hover: type, title, URL (lines)
    // The map's box selection: the table shows only these units; {} clears the selection.
    virtual void select_units(std::vector<std::uint32_t> units) = 0;
};

}  // namespace eic::app

// A small JSON document read into nlohmann::ordered_json, remembering where every value and member
// name starts, so schema drafts and other hand-edited files get diagnostics at line:column.
// Meant for documents of a few MB at most: it keeps a position per value, keyed by JSON pointer.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "json/error.hpp"
#include "json/line_index.hpp"

namespace eic::json {

struct SyntaxError {
    Errc errc = Errc::syntax;
    std::string code;     // errc_code(errc), e.g. "json.syntax"
    std::string message;  // user words, without the position
    std::size_t offset = 0;
    Position position;
};

struct PositionedDocument {
    nlohmann::ordered_json value;  // key order preserved, so unknown fields survive round trips
    // Members whose name appeared before in the same object: the value kept is the last one (as
    // nlohmann does); each entry is the member's pointer and where the repeated name starts.
    std::vector<std::pair<std::string, Position>> duplicate_keys;

    // json_pointer is RFC 6901 ("" is the whole document). nullopt when nothing is there.
    std::optional<Position> value_at(const std::string& json_pointer) const;  // where the value starts
    std::optional<Position> key_at(const std::string& json_pointer) const;    // where the member name starts

    struct Spot {
        Position value;
        Position key;  // line 0 for array elements and the root
    };
    std::unordered_map<std::string, Spot> spots;  // by JSON pointer; filled by parse_positioned
};

struct PositionedResult {
    std::optional<PositionedDocument> doc;  // exactly one of the two is set
    std::optional<SyntaxError> error;
};

// Strict RFC 8259 (see reader.hpp). Integers that fit int64 or uint64 stay integers, other numbers
// become doubles; a number beyond the double range is json.number-overflow at its position.
PositionedResult parse_positioned(std::string_view bytes, std::size_t max_depth = 512);

}  // namespace eic::json

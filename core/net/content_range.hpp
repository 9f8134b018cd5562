// The Content-Range header of a 206 or 416 answer (RFC 9110 §14.4): "bytes FIRST-LAST/COMPLETE" for the
// bytes sent, "bytes */COMPLETE" for a range the server could not satisfy; COMPLETE is "*" when unknown.
// Only the "bytes" unit is read (the only one GCS uses).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace eic::net {

struct ContentRange {
    std::optional<std::uint64_t> first, last;  // both or neither (unsatisfied)
    std::optional<std::uint64_t> complete;     // the representation's length: the object's size
};

// nullopt when the value is not of those forms (or first > last, or last >= complete).
std::optional<ContentRange> parse_content_range(std::string_view value);

}  // namespace eic::net

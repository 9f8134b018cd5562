// A count with its noun in the right number, for every message that states one: "1 error", "2 errors",
// "1 batch", "3 batches". One place, so no message says "1 errors".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace eic::app {

// `plural` defaults to the singular with "s" added.
inline std::string counted(std::uint64_t n, std::string_view singular, std::string_view plural = {}) {
    std::string out = std::to_string(n) + " ";
    if (n == 1) return out.append(singular);
    if (plural.empty()) return out.append(singular).append("s");
    return out.append(plural);
}

}  // namespace eic::app

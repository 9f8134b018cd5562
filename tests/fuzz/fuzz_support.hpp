// Shared by the libFuzzer targets in this folder (docs/fuzzing.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace eic::fuzz {

// A broken invariant is a crash, so libFuzzer saves the input that broke it (an exception would only
// be another crash, with a less useful stack).
inline void check(bool ok) {
    if (!ok) __builtin_trap();
}

inline std::string_view text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace eic::fuzz

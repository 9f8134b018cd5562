// Byte offset -> 1-based line and column (in Unicode characters), for diagnostics.
// Built lazily: a clean 1 GB manifest never pays for it, and a file with errors pays only up to the last
// error. Checkpoints every few KiB keep a lookup cheap even when the whole file is one line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace eic::json {

struct Position {
    std::uint32_t line = 0;    // 1-based; 0 means unknown
    std::uint32_t column = 0;  // 1-based, counted in code points (a tab is one)
};

inline bool operator==(Position a, Position b) { return a.line == b.line && a.column == b.column; }
inline bool operator!=(Position a, Position b) { return !(a == b); }

class LineIndex {
public:
    // `bytes` must outlive the index. LF, CRLF and a lone CR each end one line. A leading UTF-8 BOM
    // takes no column, as editors do not show it.
    explicit LineIndex(std::string_view bytes) : bytes_(bytes), bom_(bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0) {}

    // Offsets past the end are clamped to the end. Cheapest when queried in increasing order.
    Position position(std::size_t offset) const;

private:
    // Scanner state at a byte offset: where the next character would be.
    struct State {
        std::uint32_t line = 1;
        std::uint32_t column = 1;
        bool after_cr = false;  // so the LF of a CRLF does not count as a second break
    };
    static constexpr std::size_t kStride = 4096;

    State advance(State s, std::size_t from, std::size_t to) const;

    std::string_view bytes_;
    std::size_t bom_;
    mutable std::vector<State> marks_;  // marks_[i] is the state at offset i * kStride
    mutable std::size_t last_offset_ = 0;
    mutable State last_;
};

}  // namespace eic::json

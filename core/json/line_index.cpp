#include "json/line_index.hpp"

#include <cstring>

namespace eic::json {

LineIndex::State LineIndex::advance(State s, std::size_t from, std::size_t to) const {
    if (from < bom_) from = to < bom_ ? to : bom_;
    const unsigned char* p = reinterpret_cast<const unsigned char*>(bytes_.data()) + from;
    const unsigned char* end = reinterpret_cast<const unsigned char*>(bytes_.data()) + to;
    while (p < end) {
        // Eight plain ASCII bytes without line breaks: eight columns at once.
        if (end - p >= 8) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            const std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
            std::uint64_t lf = w ^ (ones * '\n'), cr = w ^ (ones * '\r');
            std::uint64_t special = ((lf - ones) & ~lf) | ((cr - ones) & ~cr) | w;
            if ((special & highs) == 0) {
                s.column += 8;
                s.after_cr = false;
                p += 8;
                continue;
            }
        }
        unsigned char c = *p++;
        if (c == '\r') {
            ++s.line;
            s.column = 1;
            s.after_cr = true;
        } else if (c == '\n') {
            if (!s.after_cr) {
                ++s.line;
                s.column = 1;
            }
            s.after_cr = false;
        } else {
            // UTF-8 continuation bytes belong to the character before them.
            if ((c & 0xC0) != 0x80) ++s.column;
            s.after_cr = false;
        }
    }
    return s;
}

Position LineIndex::position(std::size_t offset) const {
    if (offset > bytes_.size()) offset = bytes_.size();
    std::size_t mark = offset / kStride;
    if (marks_.empty()) marks_.push_back(State{});
    while (marks_.size() <= mark) {
        std::size_t at = (marks_.size() - 1) * kStride;
        marks_.push_back(advance(marks_.back(), at, at + kStride));
    }
    std::size_t from = mark * kStride;
    State s = marks_[mark];
    if (last_offset_ <= offset && last_offset_ > from) {
        from = last_offset_;
        s = last_;
    }
    s = advance(s, from, offset);
    last_offset_ = offset;
    last_ = s;
    return Position{s.line, s.column};
}

}  // namespace eic::json

#include "media/byte_ranges.hpp"

#include <algorithm>

namespace eic::media {

void SparseBytes::add(std::uint64_t offset, std::string_view data) {
    if (data.empty()) return;
    if (data.size() > UINT64_MAX - offset) data = data.substr(0, std::size_t(UINT64_MAX - offset));
    std::uint64_t begin = offset, end = offset + data.size();
    std::string joined(data);
    // The first piece that could touch [begin, end): the last one starting at or before `begin`.
    auto it = pieces_.upper_bound(begin);
    if (it != pieces_.begin()) --it;
    while (it != pieces_.end() && it->first <= end) {
        const std::uint64_t p_begin = it->first, p_end = it->first + it->second.size();
        if (p_end < begin) {
            ++it;
            continue;
        }
        // Join: the piece held keeps its bytes; the new data fills around it.
        const std::uint64_t new_begin = std::min(begin, p_begin), new_end = std::max(end, p_end);
        std::string merged(std::size_t(new_end - new_begin), '\0');
        merged.replace(std::size_t(begin - new_begin), joined.size(), joined);
        merged.replace(std::size_t(p_begin - new_begin), it->second.size(), it->second);
        held_ -= it->second.size();
        it = pieces_.erase(it);
        begin = new_begin;
        end = new_end;
        joined = std::move(merged);
    }
    held_ += joined.size();
    pieces_.emplace(begin, std::move(joined));
}

std::string_view SparseBytes::run(std::uint64_t offset, std::uint64_t max_length) const {
    auto it = pieces_.upper_bound(offset);
    if (it == pieces_.begin()) return {};
    --it;
    const std::uint64_t inside = offset - it->first;
    if (inside >= it->second.size()) return {};
    const std::uint64_t n = std::min<std::uint64_t>(it->second.size() - inside, max_length);
    return std::string_view(it->second).substr(std::size_t(inside), std::size_t(n));
}

std::optional<std::string_view> SparseBytes::view(std::uint64_t offset, std::uint64_t length) const {
    if (length == 0) return std::string_view();
    if (!add_offsets(offset, length)) return std::nullopt;
    const std::string_view r = run(offset, length);
    if (r.size() < length) return std::nullopt;
    return r;
}

std::uint64_t SparseBytes::first_missing(std::uint64_t offset) const {
    // Pieces are never adjacent, so the run from `offset` ends at the first missing byte.
    return offset + run(offset).size();
}

}  // namespace eic::media

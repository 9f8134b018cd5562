#include "manifest/suggest.hpp"

#include <algorithm>

namespace eic::manifest {
namespace {

std::string lower_alnum(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c >= 'A' && c <= 'Z')
            out += char(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += c;
    }
    return out;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
    if (a.size() > 256 || b.size() > 256) return std::max(a.size(), b.size());
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

std::optional<std::string> closest_name(std::string_view name, const std::vector<std::string>& names) {
    const std::string folded = lower_alnum(name);
    if (!folded.empty())
        for (const auto& n : names)
            if (lower_alnum(n) == folded) return n;
    std::optional<std::string> best;
    std::size_t best_d = std::max<std::size_t>(2, name.size() / 3) + 1;
    for (const auto& n : names) {
        const std::size_t d = edit_distance(name, n);
        if (d < best_d) {
            best_d = d;
            best = n;
        }
    }
    return best;
}

}  // namespace eic::manifest

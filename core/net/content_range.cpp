#include "net/content_range.hpp"

#include <charconv>

namespace eic::net {
namespace {

// 1*DIGIT as a 64-bit number; nullopt for anything else (signs, spaces, overflow).
std::optional<std::uint64_t> digits(std::string_view s) {
    if (s.empty() || s.front() < '0' || s.front() > '9') return std::nullopt;
    std::uint64_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

}  // namespace

std::optional<ContentRange> parse_content_range(std::string_view v) {
    constexpr std::string_view kUnit = "bytes ";
    if (v.substr(0, kUnit.size()) != kUnit) return std::nullopt;
    v.remove_prefix(kUnit.size());
    const std::size_t slash = v.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    const std::string_view range = v.substr(0, slash), complete = v.substr(slash + 1);
    ContentRange out;
    if (complete != "*") {
        out.complete = digits(complete);
        if (!out.complete) return std::nullopt;
    }
    if (range == "*") return out.complete ? std::optional<ContentRange>(out) : std::nullopt;
    const std::size_t dash = range.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    out.first = digits(range.substr(0, dash));
    out.last = digits(range.substr(dash + 1));
    if (!out.first || !out.last || *out.first > *out.last) return std::nullopt;
    if (out.complete && *out.last >= *out.complete) return std::nullopt;
    return out;
}

}  // namespace eic::net

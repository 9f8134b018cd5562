#include "app/browser_limits.hpp"

#include <fmt/format.h>

#include <iterator>

namespace eic::app {

std::string byte_size_text(std::uint64_t bytes) {
    if (bytes < 1000) return fmt::format("{} byte{}", bytes, bytes == 1 ? "" : "s");
    static const char* const units[] = {"kB", "MB", "GB", "TB", "PB", "EB"};
    double value = double(bytes) / 1000;
    std::size_t unit = 0;
    // Move up a unit while one decimal would round to 1000 ("1000.0 kB" reads as "1.0 MB").
    while (value >= 999.95 && unit + 1 < std::size(units)) {
        value /= 1000;
        ++unit;
    }
    return fmt::format("{:.1f} {}", value, units[unit]);
}

std::string shell_quoted(std::string_view word) {
    const auto safe = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               std::string_view("_-.,/:@%+=").find(c) != std::string_view::npos;
    };
    bool plain = !word.empty() && word[0] != '-';  // a leading dash would read as an option
    for (char c : word) plain = plain && safe(c);
    if (plain) return std::string(word);
    std::string out = word.size() && word[0] == '-' ? "./'" : "'";
    for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::optional<std::string> too_large_for_browser(std::string_view name, std::uint64_t size, std::uint64_t limit) {
    if (size <= limit) return std::nullopt;
    return fmt::format("{} is {}; the browser can hold about {} — validate it with the CLI: eic validate {}", name,
                       byte_size_text(size), byte_size_text(limit), shell_quoted(name));
}

}  // namespace eic::app

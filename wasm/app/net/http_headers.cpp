#include "app/net/http_headers.hpp"

#include <cctype>

namespace eic::web {

namespace {
std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}
}  // namespace

net::Headers parse_header_lines(std::string_view text) {
    net::Headers out;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        std::string name(trim(line.substr(0, colon)));
        for (char& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
        if (!name.empty()) out.emplace_back(std::move(name), std::string(trim(line.substr(colon + 1))));
    }
    return out;
}

}  // namespace eic::web

#include "app/share_link.hpp"

#include <fmt/format.h>

namespace eic::app {

std::string share_link_refusal(std::size_t link_chars, const std::string& file_name) {
    if (link_chars <= kShareLinkMaxChars) return {};
    return fmt::format(
        "{} is too large to share as a link: {} characters compressed, over the {} a link may have. "
        "Share it as a file (Save).",
        file_name, link_chars, kShareLinkMaxChars);
}

std::string share_link_copied(std::size_t link_chars, const std::string& file_name) {
    return fmt::format("Copied a link to {} ({} characters): opening it in eic loads the draft.", file_name,
                       link_chars);
}

}  // namespace eic::app

// A schema draft shared as a link (the plugin issue: "copy as link puts a schema draft into a URL
// fragment (compressed) when small enough, and opening such a link loads it; files stay the main way").
// The page builds the link (web/share-link.js: the draft file's UTF-8 bytes, deflated raw, in base64url,
// after "#schema=", then "&name=" and the file name); this decides whether it is short enough to share.
#pragma once

#include <cstddef>
#include <string>

namespace eic::app {

// Links longer than this are refused: mail clients and chat tools cut or mangle long URLs, and a draft
// that large is better shared as the file it is. A choice of ours, not a documented limit.
inline constexpr std::size_t kShareLinkMaxChars = 8192;

// Empty when a link of `link_chars` characters may be copied; else the message that says why not.
std::string share_link_refusal(std::size_t link_chars, const std::string& file_name);

// The message once a link was copied.
std::string share_link_copied(std::size_t link_chars, const std::string& file_name);

}  // namespace eic::app

// How large a file the browser build takes, and what to tell the user about one it cannot take.
// The wasm heap stops at 4 GB (-sMAXIMUM_MEMORY); a manifest needs about 1.1x its size while it is
// validated, on top of the app itself, and growing the heap needs a contiguous reservation that the
// browser may refuse well before 4 GB. Refusing before reading says so while there is still
// something useful to say (the CLI has no such limit), instead of an out-of-memory abort.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eic::app {

inline constexpr std::uint64_t kBrowserMaxFileBytes = 1'500'000'000;

// "512 bytes", "2.3 GB": decimal units, as file managers and download bars show sizes.
std::string byte_size_text(std::uint64_t bytes);

// The word as a POSIX shell reads it back: unchanged when it is safe, else single-quoted.
std::string shell_quoted(std::string_view word);

// Nothing when `size` fits within `limit`; else the sentence to show, naming the size, the limit
// and the CLI command that handles the file.
std::optional<std::string> too_large_for_browser(std::string_view name, std::uint64_t size,
                                                 std::uint64_t limit = kBrowserMaxFileBytes);

}  // namespace eic::app

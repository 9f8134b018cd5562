// Lower-case hexadecimal, the form GCS V4 signing uses for digests and signatures (the canonical
// request's SHA-256 in the string to sign, X-Goog-Signature).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace eic::crypto {

std::string hex_lower(std::string_view bytes);
// The value of a hexadecimal digit (either case), or -1.
int hex_digit(char c);
// The bytes of hexadecimal text (either case); nullopt for an odd length or a character that is not a
// hex digit. Digests and signatures come back from the browser's WebCrypto this way.
std::optional<std::string> from_hex(std::string_view hex);

}  // namespace eic::crypto

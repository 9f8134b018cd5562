// Lower-case hexadecimal, the form GCS V4 signing uses for digests and signatures (the canonical
// request's SHA-256 in the string to sign, X-Goog-Signature).
#pragma once

#include <string>
#include <string_view>

namespace eic::crypto {

std::string hex_lower(std::string_view bytes);

}  // namespace eic::crypto

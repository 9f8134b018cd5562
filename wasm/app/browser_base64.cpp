#include "app/browser_base64.hpp"

extern "C" {
void eic_js_base64_encode(const char* data, int len, char* out);
int eic_js_base64_decode(const char* text, int len, char* out);
}

namespace eic::web {

std::string BrowserBase64::base64_encode(std::string_view bytes) const {
    std::string out((bytes.size() + 2) / 3 * 4, '\0');
    eic_js_base64_encode(bytes.data(), int(bytes.size()), out.data());
    return out;
}

std::optional<std::string> BrowserBase64::base64_decode(std::string_view text) const {
    // atob forgives missing padding (the forgiving-base64 decode of the HTML standard); RFC 4648 text is
    // padded to whole quantums, so anything else is not what Google sent.
    if (text.size() % 4 != 0) return std::nullopt;
    std::string out(text.size() / 4 * 3 + 3, '\0');
    const int n = eic_js_base64_decode(text.data(), int(text.size()), out.data());
    if (n < 0) return std::nullopt;
    out.resize(std::size_t(n));
    return out;
}

const BrowserBase64& browser_base64() {
    static const BrowserBase64 codec;
    return codec;
}

}  // namespace eic::web

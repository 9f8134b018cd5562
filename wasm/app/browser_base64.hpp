// The browser's base64 codec (btoa and atob, through wasm/app/eic_app_lib.js): synchronous, unlike its
// WebCrypto, so the page can hand it to core code that needs the codec alone (gcs/iam_sign_blob.hpp).
#pragma once

#include "crypto/base64_codec.hpp"

namespace eic::web {

class BrowserBase64 final : public crypto::Base64Codec {
public:
    std::string base64_encode(std::string_view bytes) const override;
    std::optional<std::string> base64_decode(std::string_view text) const override;
};

const BrowserBase64& browser_base64();

}  // namespace eic::web

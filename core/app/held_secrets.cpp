#include "app/held_secrets.hpp"

#include <vector>

namespace eic::app {

std::string held_secrets_text(const HeldSecrets& held) {
    std::vector<const char*> parts;
    if (held.encord_key) parts.push_back("the Encord key");
    if (held.cloud_key) parts.push_back("the service-account key");
    if (held.access_token) parts.push_back("an access token");
    if (held.signed_urls) parts.push_back("signed URLs on screen");
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += i + 1 == parts.size() ? " and " : ", ";
        out += parts[i];
    }
    return out;
}

}  // namespace eic::app

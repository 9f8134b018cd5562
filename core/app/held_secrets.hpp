// What the page holds that would let someone act as the user (issue 16: "an explicit, visible 'forget
// keys' action"): the Encord key, the service-account key, a GCS access token, and signed URLs on screen
// (a signed URL is a credential until it expires). All live in memory only; the menu bar says which are
// held and forgets them all at once.
#pragma once

#include <string>

namespace eic::app {

struct HeldSecrets {
    bool encord_key = false;
    bool cloud_key = false;
    bool access_token = false;
    bool signed_urls = false;
    bool any() const { return encord_key || cloud_key || access_token || signed_urls; }
    int count() const { return int(encord_key) + int(cloud_key) + int(access_token) + int(signed_urls); }
};

// "the Encord key, the service-account key and an access token"; "" when none.
std::string held_secrets_text(const HeldSecrets& held);

}  // namespace eic::app

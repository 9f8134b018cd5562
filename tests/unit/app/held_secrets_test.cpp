#include "app/held_secrets.hpp"

#include <catch2/catch.hpp>

using namespace eic::app;

TEST_CASE("the held secrets are named in one sentence part", "[app][held_secrets]") {
    HeldSecrets h;
    CHECK_FALSE(h.any());
    CHECK(h.count() == 0);
    CHECK(held_secrets_text(h).empty());
    h.cloud_key = true;
    CHECK(held_secrets_text(h) == "the service-account key");
    h.encord_key = true;
    CHECK(held_secrets_text(h) == "the Encord key and the service-account key");
    h.access_token = true;
    h.signed_urls = true;
    CHECK(h.count() == 4);
    CHECK(held_secrets_text(h) == "the Encord key, the service-account key, an access token and signed URLs on screen");
}

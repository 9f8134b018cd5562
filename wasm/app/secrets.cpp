#include "app/secrets.hpp"

#include <cstring>

#include "app/cloud_bridge.hpp"
#include "app/cloud_checks.hpp"
#include "app/encord/encord_connection.hpp"

extern "C" {
void eic_js_key_remember(const char* which, int on, const char* info_json);
}

namespace eic::web {

app::HeldSecrets held_secrets(const ui::CloudView& cloud) {
    app::HeldSecrets h;
    const auto state = encord_connection().key_state();
    h.encord_key = state == EncordConnection::KeyState::ready || state == EncordConnection::KeyState::importing;
    h.cloud_key = !cloud.key_email.empty();
    h.access_token = cloud_checks().has_token() || cloud.token[0] != '\0';
    h.signed_urls = !cloud.url.empty() || cloud.inspect_url[0] != '\0';
    return h;
}

void forget_secrets(ui::CloudView& cloud, app::Log& log, double now_s) {
    const std::string what = app::held_secrets_text(held_secrets(cloud));
    encord_connection().forget_key();
    if (!cloud.key_email.empty()) {
        cloud_forget_key();
        cloud_checks().set_key("");
        cloud.key_email.clear();
    }
    cloud_checks().forget_token();
    std::memset(cloud.token, 0, sizeof cloud.token);
    cloud.url.clear();
    std::memset(cloud.inspect_url, 0, sizeof cloud.inspect_url);
    cloud.inspection = nullptr;
    cloud.key_remembered = false;
    log.add(app::LogLevel::info, what.empty() ? "No key or token was held" : "Forgot " + what, now_s);
}

void remember_cloud_key(bool on) { eic_js_key_remember("cloud", on ? 1 : 0, "{}"); }

void key_remembered(ui::CloudView& cloud, const std::string& which, bool on) {
    if (which == "encord")
        encord_connection().remembered(on);
    else if (which == "cloud")
        cloud.key_remembered = on && !cloud.key_email.empty();
}

void key_store_failed(const std::string& which, const std::string& message, app::Log& log, double now_s) {
    const std::string what = which == "encord"  ? "The Encord key"
                             : which == "cloud" ? "The service-account key"
                                                : "The keys remembered in this browser";
    log.notify(app::LogLevel::warning, what + " " + message, now_s);
}

std::string remembered_keys_text(const ui::CloudView& cloud) {
    const bool encord = encord_connection().is_remembered();
    if (encord && cloud.key_remembered) return "the Encord key and the service-account key";
    return encord ? "the Encord key" : cloud.key_remembered ? "the service-account key" : "";
}

}  // namespace eic::web

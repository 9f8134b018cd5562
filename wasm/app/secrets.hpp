// The page's secrets as one thing the user can see and drop (app/held_secrets.hpp): the menu bar's
// "Keys held" menu, File > Forget keys and tokens, and the JS API's forgetKeys() all come here.
#pragma once

#include "app/held_secrets.hpp"
#include "app/log.hpp"
#include "ui/ui_state.hpp"

namespace eic::web {

app::HeldSecrets held_secrets(const ui::CloudView& cloud);
// Forgets every key and token, and clears the signed URLs shown and typed (a signed URL is a
// credential); says so in the Log. Jobs that needed them stop at their next request, as after each
// window's own Forget.
void forget_secrets(ui::CloudView& cloud, app::Log& log, double now_s);

// "Remember this key in this browser" for the Cloud window's key (the Encord key's is EncordConnection's).
void remember_cloud_key(bool on);
// The page's answers (web/encord-console.js, keys): `which` is "encord" or "cloud".
void key_remembered(ui::CloudView& cloud, const std::string& which, bool on);
void key_store_failed(const std::string& which, const std::string& message, app::Log& log, double now_s);
// Which keys are kept in this browser, for the Keys held menu: "the Encord key"; "" when none.
std::string remembered_keys_text(const ui::CloudView& cloud);

}  // namespace eic::web

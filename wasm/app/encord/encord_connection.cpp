#include "app/encord/encord_connection.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/browser_base64.hpp"
#include "app/bucket_check.hpp"
#include "app/clocks.hpp"
#include "app/encord/encord_transport.hpp"
#include "app/encord/web_request_signer.hpp"
#include "encord/endpoint.hpp"
#include "encord/openssh_key.hpp"

extern "C" {
void eic_js_encord_import_seed(const unsigned char* seed);
void eic_js_encord_forget_key();
void eic_js_key_remember(const char* which, int on, const char* info_json);
void eic_js_encord_remember_domain(const char* domain);
}

namespace eic::web {

EncordConnection& encord_connection() {
    static EncordConnection c;
    return c;
}

void EncordConnection::use_key_text(std::string& text) {
    encord::OpenSshKeyRead read =
        encord::read_openssh_private_key(text, [](std::string_view t) { return browser_base64().base64_decode(t); });
    std::fill(text.begin(), text.end(), '\0');
    forget_key();
    if (!read.key) {
        key_state_ = KeyState::refused;
        key_error_ = read.diagnostics.empty() ? "This is not an Encord key file." : read.diagnostics.front().message;
        return;
    }
    keyid_ = read.key->keyid;
    comment_ = read.key->comment;
    key_state_ = KeyState::importing;
    // The page copies the 32 bytes during the call; the key (and its seed) is wiped when `read` goes.
    eic_js_encord_import_seed(read.key->seed.data());
}

void EncordConnection::key_imported(bool ok, const std::string& error) {
    if (key_state_ != KeyState::importing) return;
    key_state_ = ok ? KeyState::ready : KeyState::refused;
    key_error_ = ok ? "" : error;
    if (!ok) keyid_.clear();
}

void EncordConnection::forget_key() {
    if (key_state_ != KeyState::none) eic_js_encord_forget_key();  // and its remembered copy
    key_state_ = KeyState::none;
    remembered_ = false;
    keyid_.clear();
    comment_.clear();
    key_error_.clear();
    signer_.reset();
}

void EncordConnection::set_remember(bool on) {
    if (key_state_ != KeyState::ready) return;
    const std::string info = nlohmann::json{{"keyid", keyid_}, {"comment", comment_}}.dump();
    eic_js_key_remember("encord", on ? 1 : 0, info.c_str());
}

void EncordConnection::restore_remembered(const std::string& keyid, const std::string& comment) {
    if (key_state_ != KeyState::none) return;  // a key opened meanwhile wins
    keyid_ = keyid;
    comment_ = comment;
    key_error_.clear();
    key_state_ = KeyState::ready;
    remembered_ = true;
}

std::string EncordConnection::set_domain(const std::string& text, bool remember) {
    const encord::DomainRead d = encord::read_domain(text);
    if (!d.ok()) return d.error;
    domain_ = d.domain;
    if (remember) eic_js_encord_remember_domain(domain_.c_str());
    return "";
}

encord::ProbeVerdict EncordConnection::transport() const { return encord_transport().verdict(domain_); }

std::shared_ptr<encord::RequestSigner> EncordConnection::signer() {
    if (key_state_ != KeyState::ready) return nullptr;
    if (!signer_) signer_ = std::make_shared<WebRequestSigner>(keyid_);
    return signer_;
}

std::string failure_text(const encord::ApiJobFailure& failure) {
    if (failure.api && failure.api->status != 0)
        return "Encord refused the request (HTTP " + std::to_string(failure.api->status) + ", " +
               failure.api->sdk_class + "): " + failure.message();
    return failure.message();
}

std::string EncordConnection::cannot_fetch_schema() const {
    if (key_state_ != KeyState::ready) return "Open your Encord key first.";
    if (schema_ && !schema_->finished()) return "The schema is being fetched.";
    return "";
}

std::optional<EncordConnection::Calls> EncordConnection::calls() {
    Calls out;
    out.signer = signer();
    if (!out.signer) return std::nullopt;
    out.context.client = &encord_transport();
    out.context.signer = out.signer.get();
    out.context.domain = domain_;
    out.context.steady = steady_seconds;
    out.context.wall = wall_seconds;
    encord_transport().probe(out.context, out.signer);
    return out;
}

bool EncordConnection::fetch_schema(app::ManifestWorkspace& ws) {
    if (!cannot_fetch_schema().empty()) return false;
    std::optional<Calls> c = calls();
    if (!c) return false;
    schema_signer_ = c->signer;
    schema_ = std::make_shared<encord::FetchSchemaJob>(c->context);
    ws.run_job(std::make_unique<app::SharedJob>(schema_));
    ++schema_fetches_;
    return true;
}

}  // namespace eic::web

// The page's connection to Encord: the domain (api.encord.com, api.us.encord.com or a private one) and the
// user's Ed25519 key. The key file's text is read by core (encord/openssh_key.hpp: clear refusals for a
// wrong type, a password, a corrupt file); its seed goes at once to the page's WebCrypto as a
// non-extractable CryptoKey (web/web-crypto.js) and is wiped from wasm memory. Nothing of the key is
// stored, logged or put in the state; the page keeps it in memory until it is closed or the key forgotten.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "app/manifest_workspace.hpp"
#include "encord/api_job.hpp"
#include "encord/request_signer.hpp"
#include "encord/transport_probe.hpp"

namespace eic::web {

class EncordConnection {
public:
    enum class KeyState { none, importing, ready, refused };

    // The text of an OpenSSH private key file (opened or pasted). `text` is wiped after reading.
    void use_key_text(std::string& text);
    // The page's answer to the seed import.
    void key_imported(bool ok, const std::string& error);
    void forget_key();
    KeyState key_state() const { return key_state_; }
    // "Remember this key in this browser" (web/idb-records.js writeKey): asked of the page, which answers
    // through remembered(); a remembered key comes back at start through restore_remembered.
    void set_remember(bool on);
    void remembered(bool on) { remembered_ = on && key_state_ == KeyState::ready; }
    bool is_remembered() const { return remembered_; }
    void restore_remembered(const std::string& keyid, const std::string& comment);
    const std::string& keyid() const { return keyid_; }      // lower-case hex of the public key
    const std::string& comment() const { return comment_; }  // the key file's comment
    const std::string& key_error() const { return key_error_; }

    // "https://api.encord.com", "https://api.us.encord.com" or a private deployment's; returns why a text is
    // refused (encord/endpoint.hpp's read_domain) and keeps the last good one. With `remember`, the page
    // stores the domain (never the key) in the host's storage or localStorage, and restores it at start.
    std::string set_domain(const std::string& text, bool remember = true);
    const std::string& domain() const { return domain_; }

    // How the domain is reached: the probe's verdict so far (app/encord/encord_transport.hpp).
    encord::ProbeVerdict transport() const;

    // The signer for requests from now on; nullptr until a key is ready.
    std::shared_ptr<encord::RequestSigner> signer();

    // What a job needs to call Encord: the domain, the transport Encord is reached through, the clocks and
    // the signer. The transport holds the job's requests until the domain's probe has chosen the page's own
    // transport or the host's fetch (encord/transport_probe.hpp); asking for calls starts that probe. The job's owner
    // keeps `signer` while the job may run (the context holds a raw pointer; forgetting the key drops only the
    // connection's own reference). No signer: the key is not ready.
    struct Calls {
        encord::ApiContext context;
        std::shared_ptr<encord::RequestSigner> signer;
    };
    std::optional<Calls> calls();

    // The folder and integration uploads go to (chosen in the Folders tab, read by the Upload tab).
    struct Destination {
        std::string folder_uuid, folder_name;
        std::string integration_uuid, integration_title;
    };
    Destination& destination() { return destination_; }
    const Destination& destination() const { return destination_; }

    // ---- the live schema (GET organisation/client-metadata-schema-v2), as a job on the workspace's runner
    std::string cannot_fetch_schema() const;
    bool fetch_schema(app::ManifestWorkspace& ws);
    const encord::FetchSchemaJob* schema_job() const { return schema_.get(); }
    int schema_fetches() const { return schema_fetches_; }

private:
    KeyState key_state_ = KeyState::none;
    bool remembered_ = false;
    std::string keyid_, comment_, key_error_;
    std::string domain_ = "https://api.encord.com";
    std::shared_ptr<encord::RequestSigner> signer_;
    std::shared_ptr<encord::RequestSigner> schema_signer_;  // the job's, kept while it may run
    Destination destination_;
    std::shared_ptr<encord::FetchSchemaJob> schema_;
    int schema_fetches_ = 0;
};

EncordConnection& encord_connection();

// A failed call in words, with the HTTP status and the SDK's error class when Encord answered:
// "Encord refused the request (HTTP 401, AuthenticationError): ...".
std::string failure_text(const encord::ApiJobFailure& failure);

}  // namespace eic::web

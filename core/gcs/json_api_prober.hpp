// Probes through the Cloud Storage JSON API with an OAuth 2.0 access token (a ProbeSigner whose api() is
// ProbeApi::json): no signature and no key, so the browser needs only the token the user's Google sign-in
// gives (`Authorization: Bearer TOKEN`, RFC 6750 section 2.1). A probe target becomes (gcs/json_api.hpp):
//
//   HEAD of an object     GET /storage/v1/b/BUCKET/o/OBJECT?fields=name,size,contentType,updated,md5Hash,generation
//                         (HEAD is no JSON API verb; objects.get with a partial response is the metadata)
//   GET of an object      GET /storage/v1/b/BUCKET/o/OBJECT?alt=media, with the target's headers (Range)
//   the bucket            GET /storage/v1/b/BUCKET/o?QUERY (objects.list: prefix, delimiter, pageToken...)
//
// The target's query parameters follow eic's own. The token lives in this object's memory only: it goes into
// the Authorization header of the requests it makes and into no message, log, error text or URL. Tokens
// expire: when GCS answers 401 the caller gets a new one and set_token()s it.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "gcs/probe_signer.hpp"

namespace eic::gcs {

struct JsonApiProbeOptions {
    // "SCHEME://HOST[:PORT]"; empty: https://storage.googleapis.com. A stand-in: "http://127.0.0.1:PORT".
    std::string endpoint;
};

// True for a token the Authorization header can carry: RFC 6750's b64token (section 2.1), letters, digits
// and "-._~+/" then any '='. Anything else (a line break above all) would change the request's headers.
bool valid_bearer_token(std::string_view token);

// The JSON API request for `target` with `token`, or why there is none (a method the JSON API probes do
// not map, a token that is missing or malformed: needs_token).
ProbeRequest json_api_probe(const ProbeTarget& target, const JsonApiProbeOptions& options, std::string_view token);

class BearerTokenProber : public ImmediateProbeSigner {
public:
    explicit BearerTokenProber(std::string token, JsonApiProbeOptions options = {});
    ProbeApi api() const override { return ProbeApi::json; }
    // Replaces the token, for the requests made from now on (resuming after the old one expired).
    void set_token(std::string token) { token_ = std::move(token); }
    bool has_token() const { return !token_.empty(); }

protected:
    ProbeRequest make(const ProbeTarget& target, std::int64_t) override {
        return json_api_probe(target, options_, token_);
    }

private:
    std::string token_;  // secret
    JsonApiProbeOptions options_;
};

}  // namespace eic::gcs

#include "gcs/iam_sign_blob.hpp"

#include <nlohmann/json.hpp>

#include "gcs/google_error.hpp"
#include "gcs/json_api_prober.hpp"

namespace eic::gcs {
namespace {

// Service-account emails (NAME@PROJECT.iam.gserviceaccount.com) and unique IDs (digits) go into the URL
// path as they are, as Google's libraries put them (google-auth-library-python `google/auth/iam.py`):
// nothing that would end or change the path segment.
bool valid_account(std::string_view account) {
    if (account.empty()) return false;
    for (char c : account)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '@' || c == '.' ||
              c == '-' || c == '_'))
            return false;
    return true;
}

// signBlob only signs: it creates and changes nothing, so sending it again after a failure that may have
// reached IAM is safe, unlike the POSTs net/retry.hpp never repeats. Google's own client retries it on 500,
// 502, 503 and 504 (google-auth-library-python `google/auth/iam.py`, IAM_RETRY_CODES); eic also on 408,
// 429 and network failures, as for GCS (https://cloud.google.com/storage/docs/retry-strategy).
bool retryable(const net::HttpResponse& r) {
    if (r.status == 0) return r.failure == net::Failure::network || r.failure == net::Failure::timeout;
    return r.status == 408 || r.status == 429 || (r.status >= 500 && r.status <= 599);
}

// " (403 PERMISSION_DENIED: message)" from IAM's error document; " (HTTP 403)" without one.
std::string iam_says(const net::HttpResponse& r) {
    const std::optional<GoogleError> e = read_google_error(r.body);
    std::string out = " (" + std::to_string(r.status);
    if (e && !e->status.empty()) out += " " + e->status;
    if (e && !e->message.empty()) out += ": " + e->message;
    return out + ")";
}

}  // namespace

std::string sign_blob_url(std::string_view endpoint, std::string_view service_account) {
    std::string base(endpoint.empty() ? std::string_view(kIamCredentialsEndpoint) : endpoint);
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base + "/v1/projects/-/serviceAccounts/" + std::string(service_account) + ":signBlob";
}

IamSignBlobSigner::IamSignBlobSigner(std::string token, const crypto::Crypto& crypto, net::HttpClient& http,
                                     IamSignBlobOptions options)
    : IamSignBlobSigner(std::move(token), static_cast<const crypto::Base64Codec&>(crypto), http, std::move(options)) {
    hasher_ = &crypto;
}

IamSignBlobSigner::IamSignBlobSigner(std::string token, const crypto::Base64Codec& base64, net::HttpClient& http,
                                     IamSignBlobOptions options)
    : token_(std::move(token)), hasher_(nullptr), base64_(base64), http_(http), options_(std::move(options)) {
    if (options_.retry.max_attempts < 1) options_.retry.max_attempts = 1;
}

IamSignBlobSigner::~IamSignBlobSigner() {
    for (auto& [ticket, p] : pending_)
        if (p.request) http_.abort(p.request);
}

namespace {
// Why the signer cannot sign as it stands (no usable token, no account); nullopt when it can. A missing or
// unusable token is needs_token: a new one lets the caller go on.
std::optional<ProbeRequest> refusal(const std::string& token, const std::string& account) {
    ProbeRequest failed;
    if (token.empty() || !valid_bearer_token(token)) {
        failed.error = token.empty() ? "No OAuth access token was given for IAM Credentials' signBlob."
                                     : "The access token has characters an OAuth access token cannot have (RFC "
                                       "6750 section 2.1); paste it again without spaces or line breaks.";
        failed.needs_token = true;
        return failed;
    }
    if (!valid_account(account)) {
        failed.error =
            "The service account to sign as must be its email (NAME@PROJECT.iam.gserviceaccount.com) or unique ID.";
        return failed;
    }
    return std::nullopt;
}
}  // namespace

ProbeSigner::Ticket IamSignBlobSigner::start(const ProbeTarget& target, std::int64_t now_posix) {
    if (!hasher_) {
        const Ticket t = next_++;
        pending_[t].done = ProbeRequest{};
        pending_[t].done->error = "This signer was made without SHA-256: hash the request and use start_prepared().";
        return t;
    }
    V4Request request = v4_request_for(target, options_.v4, now_posix);
    request.client_email = options_.service_account;
    V4Preparation preparation = prepare_v4(request);
    if (!preparation.prepared) {
        const Ticket t = next_++;
        pending_[t].done = ProbeRequest{};
        pending_[t].done->error = preparation.diagnostics.empty() ? "The probe could not be signed."
                                                                  : preparation.diagnostics.front().message;
        return t;
    }
    add_canonical_request_hash(*preparation.prepared, hasher_->sha256(preparation.prepared->canonical_request));
    return start_prepared(target, std::move(*preparation.prepared));
}

ProbeSigner::Ticket IamSignBlobSigner::start_prepared(const ProbeTarget& target, V4Prepared prepared) {
    const Ticket t = next_++;
    Pending& p = pending_[t];
    p.target = target;
    p.prepared = std::move(prepared);
    if (auto refused = refusal(token_, options_.service_account)) {
        refused->canonical_request = p.prepared.canonical_request;
        refused->string_to_sign = p.prepared.string_to_sign;
        p.done = std::move(refused);
        return t;
    }
    p.body = nlohmann::json{{"payload", base64_.base64_encode(p.prepared.string_to_sign)}}.dump();
    send(p);
    return t;
}

void IamSignBlobSigner::send(Pending& p) {
    net::HttpRequest post;
    post.method = "POST";
    post.url = sign_blob_url(options_.endpoint, options_.service_account);
    post.headers = {{"Authorization", "Bearer " + token_}, {"Content-Type", "application/json"}};
    post.body = p.body;
    p.request = http_.send(std::move(post));
    p.sent_at = now();
    ++p.sends;
}

std::optional<ProbeRequest> IamSignBlobSigner::poll(Ticket ticket) {
    auto it = pending_.find(ticket);
    if (it == pending_.end()) return std::nullopt;
    Pending& p = it->second;
    if (!p.done) {
        if (p.request == 0) {  // waiting to send again
            if (now() < p.retry_at) return std::nullopt;
            send(p);
        }
        std::optional<net::HttpResponse> response = http_.poll(p.request);
        if (!response) {
            if (!options_.steady || now() - p.sent_at < options_.timeout_s) return std::nullopt;
            http_.abort(p.request);
            response = net::HttpResponse{};
            response->failure = net::Failure::timeout;
            response->message = "no answer within " + std::to_string(int(options_.timeout_s)) + " s";
        }
        p.request = 0;
        p.done = on_answer(p, *response);
        if (!p.done) return std::nullopt;
    }
    ProbeRequest out = std::move(*p.done);
    pending_.erase(it);
    return out;
}

void IamSignBlobSigner::forget(Ticket ticket) {
    auto it = pending_.find(ticket);
    if (it == pending_.end()) return;
    if (it->second.request) http_.abort(it->second.request);
    pending_.erase(it);
}

std::optional<ProbeRequest> IamSignBlobSigner::on_answer(Pending& p, const net::HttpResponse& response) {
    ProbeRequest out;
    out.canonical_request = p.prepared.canonical_request;
    out.string_to_sign = p.prepared.string_to_sign;
    const std::string& account = options_.service_account;
    if (response.status >= 200 && response.status <= 299) {
        const auto doc = nlohmann::json::parse(response.body, nullptr, false);
        std::optional<std::string> signature;
        if (doc.is_object())
            if (const auto blob = doc.find("signedBlob"); blob != doc.end() && blob->is_string())
                signature = base64_.base64_decode(blob->get_ref<const std::string&>());
        if (!signature || signature->empty()) {
            out.error = "IAM Credentials answered signBlob without a signature (a base64 signedBlob).";
            return out;
        }
        out.http.method = p.target.method;
        out.http.url = finish_v4(p.prepared, *signature);
        out.http.headers = p.target.headers;
        return out;
    }
    if (retryable(response) && p.sends < options_.retry.max_attempts) {
        p.retry_at = now() + net::backoff_delay(options_.retry, p.sends, &response);
        return std::nullopt;
    }
    if (response.status == 401) {
        out.error = "IAM Credentials refused the access token" + iam_says(response) +
                    ": it has expired or is not valid. Get a new token and resume.";
        out.needs_token = true;
    } else if (response.status == 403) {
        out.error = "IAM Credentials refused to sign as " + account + iam_says(response) +
                    ". The signed-in account needs iam.serviceAccounts.signBlob on it (role Service Account Token "
                    "Creator).";
    } else if (response.status == 404) {
        out.error = "IAM Credentials knows no service account " + account + iam_says(response) + ".";
    } else if (response.status != 0) {
        out.error = "IAM Credentials could not sign" + iam_says(response) + ".";
    } else if (response.failure == net::Failure::cors || response.failure == net::Failure::policy) {
        out.error = std::string("The browser refused the IAM Credentials request (") +
                    net::failure_name(response.failure) + "): " + response.message;
    } else {
        out.error = "No answer from IAM Credentials: " +
                    (response.message.empty() ? std::string(net::failure_name(response.failure)) : response.message);
    }
    if (p.sends > 1) out.error += " (gave up after " + std::to_string(p.sends) + " attempts)";
    return out;
}

}  // namespace eic::gcs

#include "encord/api_errors.hpp"

#include <nlohmann/json.hpp>

#include "diag/codes.hpp"
#include "encord/api_codes.hpp"
#include "encord/signing_codes.hpp"
#include "net/retry.hpp"

namespace eic::encord {
namespace {

using Json = nlohmann::json;

// Python's truth value of a JSON value: false for null, false, 0, "" and empty containers.
bool truthy(const Json& v) {
    if (v.is_null()) return false;
    if (v.is_boolean()) return v.get<bool>();
    if (v.is_number()) return v.get<double>() != 0;
    if (v.is_string()) return !v.get_ref<const std::string&>().empty();
    if (v.is_array() || v.is_object()) return !v.empty();
    return false;
}

// description.get("message") or description.get("detail"); a value that is not a string (FastAPI's
// validation `detail` is a list) as compact JSON. Empty when the body is not a JSON object.
std::string body_message(const net::HttpResponse& r) {
    const Json doc = Json::parse(r.body, nullptr, false);
    if (!doc.is_object()) return {};
    for (const char* name : {"message", "detail"}) {
        const auto it = doc.find(name);
        if (it == doc.end() || !truthy(*it)) continue;
        return it->is_string() ? it->get<std::string>() : it->dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    return {};
}

struct StatusRule {
    int status;
    ApiErrorKind kind;
    const char* sdk_class;
    const char* code;
    const char* default_text;
    bool uses_message;  // the SDK puts Encord's message in place of the default text
};

const StatusRule kRules[] = {
    {400, ApiErrorKind::invalid_arguments, "InvalidArgumentsError", api_code::invalid_arguments,
     "Provided payload is invalid and can't be processed.", true},
    {401, ApiErrorKind::authentication, "AuthenticationError", api_code::authentication,
     "You are not authenticated to access the Encord platform.", true},
    {403, ApiErrorKind::authorisation, "AuthorisationError", api_code::authorisation,
     "You are not authorised to access this asset.", true},
    {404, ApiErrorKind::not_found, "ResourceNotFoundError", api_code::not_found,
     "The requested resource was not found.", false},
    {405, ApiErrorKind::method_not_allowed, "MethodNotAllowedError", api_code::method_not_allowed,
     "HTTP method is not allowed.", false},
    {413, ApiErrorKind::payload_too_large, "PayloadTooLargeError", api_code::payload_too_large,
     "Request payload is too large and exceeds the maximum allowed size.", true},
    {429, ApiErrorKind::rate_limited, "RateLimitExceededError", api_code::rate_limited, "Rate limit exceeded.", false},
};
const StatusRule kUnknown = {
    0, ApiErrorKind::unknown, "UnknownException", api_code::unknown_error, "An unknown error occurred.", true};

struct FailureRule {
    net::Failure failure;
    ApiErrorKind kind;
    const char* code;
    const char* text;
};

const FailureRule kFailures[] = {
    {net::Failure::policy, ApiErrorKind::blocked, api_code::blocked,
     "The request never left the page: its Content-Security-Policy (connect-src) does not list the Encord API "
     "domain, or the page is https and the domain http (mixed content). Allow the domain in the page's policy."},
    {net::Failure::cors, ApiErrorKind::cors, api_code::cors,
     "The browser withheld Encord's answer: Encord's API does not answer this page's origin for cross-origin "
     "requests (CORS). Give eic the host page's own fetch (the `fetch` option of create()), which can reach Encord, "
     "or use the eic CLI."},
    {net::Failure::timeout, ApiErrorKind::timeout, api_code::timeout, "Encord did not answer in time."},
    {net::Failure::aborted, ApiErrorKind::cancelled, api_code::cancelled,
     "The request was cancelled before Encord answered."},
};
// net::Failure::network, and a status 0 that names no failure.
const FailureRule kNetwork = {
    net::Failure::network, ApiErrorKind::network, api_code::network,
    "No answer from Encord: the network failed (name lookup, a refused or dropped connection, offline), or the "
    "browser blocked the answer for CORS, which it cannot always tell from a network failure."};

ApiError no_answer(const net::HttpResponse& r) {
    const FailureRule* rule = &kNetwork;
    for (const auto& candidate : kFailures)
        if (candidate.failure == r.failure) rule = &candidate;
    ApiError e;
    e.kind = rule->kind;
    e.sdk_class = "RequestException";
    e.code = rule->code;
    e.message = rule->text;
    if (!r.message.empty() && r.message != net::failure_name(r.failure))
        e.message += " (The platform said: " + r.message + ")";
    return e;
}

}  // namespace

std::string ApiError::full_message() const {
    if (server_message.empty()) return message;
    return message + " Encord said: " + server_message;
}

std::optional<ApiError> api_error(const net::HttpResponse& r) {
    if (r.status == 200 || r.status == 204) return std::nullopt;
    if (r.status == 0) return no_answer(r);
    const StatusRule* rule = &kUnknown;
    for (const auto& candidate : kRules)
        if (candidate.status == r.status) rule = &candidate;
    ApiError e;
    e.kind = rule->kind;
    e.status = r.status;
    e.sdk_class = rule->sdk_class;
    e.code = rule->code;
    const std::string said = body_message(r);
    e.message = rule->uses_message && !said.empty() ? said : rule->default_text;
    if (!rule->uses_message) e.server_message = said;
    if (e.kind == ApiErrorKind::rate_limited) {
        e.retry_after_s = net::retry_after_seconds(r);
        // RateLimitExceededError adds the wait only when it is not 0 (`if retry_after:`).
        if (e.retry_after_s && *e.retry_after_s > 0)
            e.message += " Retry after " + std::to_string(*e.retry_after_s) + " second" +
                         (*e.retry_after_s > 1 ? "s" : "") + ".";
    }
    return e;
}

ApiError unknown_outcome(const net::HttpResponse& r, const std::string& what) {
    ApiError e = no_answer(r);
    e.kind = ApiErrorKind::unknown_outcome;
    e.code = api_code::unknown_outcome;
    e.message = "No answer came for " + what +
                ", so it is not known whether Encord acted on it; eic does not send it again, since a second one "
                "would act twice. Look in Encord before trying again. Why there was no answer: " +
                e.message;
    return e;
}

ApiError signing_failed(const std::string& why) {
    ApiError e;
    e.kind = ApiErrorKind::signing;
    e.code = signing_code::failed;
    e.message = "The request was not sent: it could not be signed. " + why;
    return e;
}

Diagnostic to_diagnostic(const ApiError& error) {
    const diag::CodeInfo* info = diag::find_code(error.code);
    return Diagnostic::of(info ? info->severity : Severity::error, error.code, error.full_message());
}

}  // namespace eic::encord

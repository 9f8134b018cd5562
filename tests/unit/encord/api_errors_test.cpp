// Encord's error answers as the SDK reads them (core/encord/api_errors.hpp), and their diagnostic codes
// (core/encord/api_codes.hpp, registered in core/diag/codes_encord_api.cpp).
#include "encord/api_errors.hpp"

#include <catch2/catch.hpp>

#include "diag/codes.hpp"
#include "encord/api_codes.hpp"

using namespace eic;
using namespace eic::encord;

namespace {

net::HttpResponse answer(int status, std::string body = {}, net::Headers headers = {}) {
    net::HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    r.headers = std::move(headers);
    return r;
}

net::HttpResponse none(net::Failure f, std::string message = {}) {
    net::HttpResponse r;
    r.failure = f;
    r.message = message.empty() ? net::failure_name(f) : std::move(message);
    return r;
}

}  // namespace

TEST_CASE("success is 200 or 204 only", "[encord-api]") {
    CHECK_FALSE(api_error(answer(200)));
    CHECK_FALSE(api_error(answer(204)));
    const auto created = api_error(answer(201, "{}"));
    REQUIRE(created);
    CHECK(created->kind == ApiErrorKind::unknown);
    CHECK(created->message == "An unknown error occurred.");
}

TEST_CASE("each status maps to the SDK's class and text", "[encord-api]") {
    struct Row {
        int status;
        ApiErrorKind kind;
        const char* sdk_class;
        const char* code;
        const char* default_text;
        bool uses_message;
    };
    const Row rows[] = {
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
        {429, ApiErrorKind::rate_limited, "RateLimitExceededError", api_code::rate_limited, "Rate limit exceeded.",
         false},
        {500, ApiErrorKind::unknown, "UnknownException", api_code::unknown_error, "An unknown error occurred.", true},
        {418, ApiErrorKind::unknown, "UnknownException", api_code::unknown_error, "An unknown error occurred.", true},
    };
    for (const Row& row : rows) {
        INFO(row.status);
        // No body, or a body that is not a JSON object: the default text.
        for (const char* body : {"", "<html>502</html>", "[\"message\"]", "{\"message\": \"\", \"detail\": null}"}) {
            const auto e = api_error(answer(row.status, body));
            REQUIRE(e);
            CHECK(e->kind == row.kind);
            CHECK(e->status == row.status);
            CHECK(std::string(e->sdk_class) == row.sdk_class);
            CHECK(std::string(e->code) == row.code);
            CHECK(e->message == row.default_text);
            CHECK(e->server_message.empty());
            CHECK(e->full_message() == row.default_text);
        }
        // `message` first, else `detail`.
        for (const char* body :
             {R"({"message": "Folder name taken", "detail": "other"})",
              R"({"message": "", "detail": "Folder name taken"})", R"({"detail": "Folder name taken"})"}) {
            const auto e = api_error(answer(row.status, body));
            REQUIRE(e);
            if (row.uses_message) {
                CHECK(e->message == "Folder name taken");
                CHECK(e->server_message.empty());
            } else {  // the SDK's fixed text; Encord's words kept beside it
                CHECK(e->message == row.default_text);
                CHECK(e->server_message == "Folder name taken");
                CHECK(e->full_message() == std::string(row.default_text) + " Encord said: Folder name taken");
            }
        }
    }
}

TEST_CASE("a detail that is not a string is shown as JSON", "[encord-api]") {
    const auto e = api_error(answer(400, R"({"detail": [{"loc": ["body", "name"], "msg": "field required"}]})"));
    REQUIRE(e);
    CHECK(e->message == R"([{"loc":["body","name"],"msg":"field required"}])");
}

TEST_CASE("429 reads an integer Retry-After", "[encord-api]") {
    auto rate = [](const char* after) {
        net::Headers h;
        if (after) h.emplace_back("retry-after", after);
        return api_error(answer(429, R"({"message": "slow down"})", h));
    };
    CHECK(rate("30")->retry_after_s == 30L);
    CHECK(rate("30")->message == "Rate limit exceeded. Retry after 30 seconds.");
    CHECK(rate("30")->server_message == "slow down");
    CHECK(rate("1")->message == "Rate limit exceeded. Retry after 1 second.");
    CHECK(rate("0")->message == "Rate limit exceeded.");  // the SDK's `if retry_after:`
    CHECK(rate("0")->retry_after_s == 0L);
    for (const char* not_seconds : {"Wed, 21 Oct 2015 07:28:00 GMT", "-5", "1.5", ""}) {
        INFO(not_seconds);
        CHECK_FALSE(rate(not_seconds)->retry_after_s);
        CHECK(rate(not_seconds)->message == "Rate limit exceeded.");
    }
    CHECK_FALSE(rate(nullptr)->retry_after_s);
}

TEST_CASE("no answer: each failure gets its own explanation", "[encord-api]") {
    const auto cors = api_error(none(net::Failure::cors));
    REQUIRE(cors);
    CHECK(cors->kind == ApiErrorKind::cors);
    CHECK(std::string(cors->code) == api_code::cors);
    CHECK(std::string(cors->sdk_class) == "RequestException");
    CHECK(cors->message.find("Encord's API does not answer this page's origin") != std::string::npos);
    CHECK(cors->message.find("`fetch` option") != std::string::npos);

    CHECK(api_error(none(net::Failure::policy))->message.find("Content-Security-Policy") != std::string::npos);
    CHECK(api_error(none(net::Failure::policy))->kind == ApiErrorKind::blocked);
    CHECK(api_error(none(net::Failure::network))->kind == ApiErrorKind::network);
    CHECK(api_error(none(net::Failure::timeout))->kind == ApiErrorKind::timeout);
    CHECK(api_error(none(net::Failure::aborted))->kind == ApiErrorKind::cancelled);
    // The platform's own words, when it has more than the failure's name.
    CHECK(api_error(none(net::Failure::network, "net::ERR_NAME_NOT_RESOLVED"))
              ->message.find("(The platform said: net::ERR_NAME_NOT_RESOLVED)") != std::string::npos);
    CHECK(api_error(none(net::Failure::network))->message.find("platform said") == std::string::npos);
}

TEST_CASE("unknown outcome names what may have happened", "[encord-api]") {
    const ApiError e = unknown_outcome(none(net::Failure::network), "starting the upload job");
    CHECK(e.kind == ApiErrorKind::unknown_outcome);
    CHECK(std::string(e.code) == api_code::unknown_outcome);
    CHECK(e.message.find("No answer came for starting the upload job") != std::string::npos);
    CHECK(e.message.find("not known whether Encord acted on it") != std::string::npos);
    const Diagnostic d = to_diagnostic(e);
    CHECK(d.severity == Severity::warning);
    CHECK(d.code == api_code::unknown_outcome);
}

TEST_CASE("every Encord API code is registered with an explanation", "[encord-api]") {
    for (const char* code : api_code::all()) {
        INFO(code);
        const diag::CodeInfo* info = diag::find_code(code);
        REQUIRE(info != nullptr);
        CHECK(std::string(info->section) == "Encord API");
    }
    const Diagnostic d = to_diagnostic(*api_error(answer(403, R"({"message": "Not an integration admin"})")));
    CHECK(d.severity == Severity::error);
    CHECK(d.code == "encord.api.authorisation");
    CHECK(d.message == "Not an integration admin");
    CHECK(to_diagnostic(*api_error(none(net::Failure::aborted))).severity == Severity::info);
}

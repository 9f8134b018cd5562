// Reading a service-account key file (core/gcs/service_account.hpp): the two fields V4 signing needs, and
// a clear refusal, never quoting the key, for anything else.
#include "gcs/service_account.hpp"

#include <catch2/catch.hpp>

#include "v4_vectors.hpp"

using eic::gcs::read_service_account;

namespace {

// The one finding of a refused file: its code, pointer and message.
eic::Diagnostic refusal(const std::string& text) {
    auto r = read_service_account(text);
    CHECK_FALSE(r.account);
    REQUIRE(r.diagnostics.size() >= 1);
    CHECK(r.diagnostics[0].code == "gcs.sign.key-file");
    CHECK(r.diagnostics[0].severity == eic::Severity::error);
    return r.diagnostics[0];
}

}  // namespace

TEST_CASE("service account: the published test key gives its email and PEM key", "[gcs][v4]") {
    auto r = read_service_account(eic::test::read_text_file(eic::test::v4_key_path()));
    CHECK(r.diagnostics.empty());
    REQUIRE(r.account);
    CHECK(r.account->client_email == "test-iam-credentials@dummy-project-id.iam.gserviceaccount.com");
    CHECK(r.account->private_key.rfind("-----BEGIN PRIVATE KEY-----\n", 0) == 0);
}

TEST_CASE("service account: what is not a key file is refused with the field at fault", "[gcs][v4]") {
    // Not JSON: the message gives the byte, and never the text (which could hold the key).
    auto d = refusal("{\"private_key\": \"-----BEGIN PRIVATE KEY-----\\nSECRETSECRET\n");
    CHECK(d.message.find("not valid JSON") != std::string::npos);
    CHECK(d.message.find("SECRET") == std::string::npos);
    CHECK(d.pointer == "");
    CHECK(refusal("").message.find("not valid JSON") != std::string::npos);
    CHECK(refusal("[1, 2]").message.find("not an object") != std::string::npos);
    d = refusal(R"({"type": "authorized_user", "client_email": "a@b", "private_key": "k"})");
    CHECK(d.pointer == "/type");
    CHECK(d.message.find("\"authorized_user\"") != std::string::npos);
    d = refusal(R"({"type": "service_account", "client_email": "a@b.iam.gserviceaccount.com"})");
    CHECK(d.pointer == "/private_key");
    CHECK(d.message.find("no private_key") != std::string::npos);
    d = refusal(R"({"client_email": "a@b", "private_key": 42})");
    CHECK(d.pointer == "/private_key");
    d = refusal(R"({"client_email": "", "private_key": "SECRETKEY"})");
    CHECK(d.pointer == "/client_email");
    CHECK(d.message.find("SECRETKEY") == std::string::npos);
    auto both = read_service_account("{}");
    CHECK(both.diagnostics.size() == 2);
}

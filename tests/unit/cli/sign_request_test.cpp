// `eic sign-request` (core/cli/sign_request_cmd.hpp): every signing vector through the CLI's dispatch, in
// JSON and text; the default `created`; and the refusals, which all exit 2.
#include <catch2/catch.hpp>
#include <chrono>
#include <nlohmann/json.hpp>

#include "../encord/encord_test_data.hpp"
#include "../helpers/cli_run.hpp"
#include "cli/commands.hpp"
#include "cli/sign_request_cmd.hpp"

namespace {

using eic::test::encord_key_path;

eic::test::CliRun run(std::vector<std::string> args) {
    args.insert(args.begin(), "sign-request");
    return eic::test::run_cli(eic::cli::dispatch, args);
}

std::vector<std::string> vector_args(const eic::test::SigningVector& v) {
    std::vector<std::string> args = {"--key",     encord_key_path(v.key),   "--method", v.method, "--url", v.url,
                                     "--created", std::to_string(v.created)};
    if (!v.body_file.empty()) args.insert(args.end(), {"--body-file", v.body_file});
    return args;
}

// A request that is fine but for what `extra` adds.
std::vector<std::string> with(std::vector<std::string> extra) {
    std::vector<std::string> args = {"--key",    encord_key_path("ed25519"),
                                     "--method", "GET",
                                     "--url",    "https://api.encord.com/v2/public/user/bearer-token"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

}  // namespace

TEST_CASE("sign-request: --output json reproduces every vector exactly", "[encord-sign][cli]") {
    const auto vectors = eic::test::load_signing_vectors();
    REQUIRE(vectors.size() == 9);
    for (const auto& v : vectors) {
        INFO(v.name);
        auto args = vector_args(v);
        args.insert(args.end(), {"--output", "json"});
        const auto r = run(args);
        INFO(r.err);
        CHECK(r.code == 0);
        CHECK(r.err.empty());
        const auto doc = nlohmann::ordered_json::parse(r.out);
        REQUIRE(doc.is_object());
        CHECK(doc.size() == 3);
        const nlohmann::ordered_json expected = {
            {"Content-Digest", v.content_digest}, {"Signature-Input", v.signature_input}, {"Signature", v.signature}};
        CHECK(doc == expected);
        CHECK(r.out == expected.dump(2) + "\n");
    }
}

TEST_CASE("sign-request: text output is three header lines", "[encord-sign][cli]") {
    for (const auto& v : eic::test::load_signing_vectors()) {
        INFO(v.name);
        const auto r = run(vector_args(v));
        CHECK(r.code == 0);
        CHECK(r.out == "Content-Digest: " + v.content_digest + "\nSignature-Input: " + v.signature_input +
                           "\nSignature: " + v.signature + "\n");
    }
    CHECK(run(with({"--output", "text", "--created", "1"})).out == run(with({"--created", "1"})).out);
}

TEST_CASE("sign-request: created defaults to now minus 30 seconds", "[encord-sign][cli]") {
    using namespace std::chrono;
    const auto before = duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
    const auto r = run(with({"--output", "json"}));
    const auto after = duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
    REQUIRE(r.code == 0);
    const std::string input = nlohmann::json::parse(r.out).at("Signature-Input").get<std::string>();
    const auto at = input.find(";created=") + 9;
    const long long created = std::stoll(input.substr(at, input.find(';', at) - at));
    CHECK(created >= before - 30);
    CHECK(created <= after - 30);
}

TEST_CASE("sign-request: usage errors exit 2 with the usage", "[encord-sign][cli]") {
    auto usage = [](std::vector<std::string> args) {
        auto r = run(std::move(args));
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find("usage: eic sign-request") != std::string::npos);
        return first_line(r.err);
    };
    CHECK(usage({"--method", "GET", "--url", "https://h/a"}) == "eic sign-request: --key is required");
    CHECK(usage({"--key", "k", "--url", "https://h/a"}) == "eic sign-request: --method is required");
    CHECK(usage({"--key", "k", "--method", "GET"}) == "eic sign-request: --url is required");
    const std::string created_usage =
        "eic sign-request: --created must be a whole number of seconds since 1970 (at most 15 digits, no leading zero)";
    for (const char* created : {"", "-1", "+5", "01", "1.5", "now", "1000000000000000"}) {
        INFO(created);
        CHECK(usage(with({"--created", created})) == created_usage);
    }
    CHECK(usage(with({"--output", "xml"})) == "eic sign-request: --output must be text or json");
    CHECK(usage(with({"extra"})) == "eic sign-request: sign-request takes options only, not \"extra\"");
    CHECK(usage(with({"--bogus", "1"})) == "eic sign-request: unknown option --bogus");
    CHECK(usage(with({"--url", "https://h/b"})) == "eic sign-request: --url given twice");
}

TEST_CASE("sign-request: files that cannot be read exit 2", "[encord-sign][cli]") {
    auto r = run({"--key", encord_key_path("no-such-key"), "--method", "GET", "--url", "https://h/a"});
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("eic sign-request: ", 0) == 0);
    CHECK(r.err.find("no-such-key") != std::string::npos);
    r = run(with({"--body-file", encord_key_path("no-such-body")}));
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("no-such-body") != std::string::npos);
}

TEST_CASE("sign-request: a key that cannot sign exits 2 with the reader's message", "[encord-sign][cli]") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"ed25519.pub", "error encord.key.public-key: This is the public key"},
        {"rsa", "error encord.key.type: Provided key is not an Ed25519 private key"},
        {"ecdsa", "error encord.key.type: Provided key is not an Ed25519 private key"},
        {"ed25519-password", "error encord.key.encrypted: The key is password protected"},
        {"rsa-pem", "error encord.key.not-openssh: This is a PEM key"},
    };
    for (const auto& [name, message] : cases) {
        INFO(name);
        const std::string path = encord_key_path(name);
        auto args = with({});
        args[1] = path;  // the key file
        const auto r = run(args);
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(first_line(r.err).rfind(path + ": " + message, 0) == 0);
    }
}

TEST_CASE("sign-request: a request that cannot be signed exits 2", "[encord-sign][cli]") {
    auto args = with({});
    args[5] = "https://h/a b";  // the URL
    auto r = run(args);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(first_line(r.err).rfind("eic sign-request: error encord.sign.url: ", 0) == 0);
    args = with({});
    args[3] = "GE T";  // the method
    r = run(args);
    CHECK(r.code == 2);
    CHECK(first_line(r.err).rfind("eic sign-request: error encord.sign.method: ", 0) == 0);
    r = eic::test::run_cli([](const std::vector<std::string>& a, std::ostream& out,
                              std::ostream& err) { return eic::cli::run_sign_request(a, out, err, nullptr); },
                           with({}));
    CHECK(r.code == 2);
    CHECK(r.err == "eic sign-request: this build has no synchronous crypto to sign with\n");
}

TEST_CASE("sign-request: --help prints the usage and the command is in eic --help", "[encord-sign][cli]") {
    auto r = run({"--help"});
    CHECK(r.code == 0);
    CHECK(r.out.rfind("usage: eic sign-request --key ED25519_OPENSSH_FILE --method M --url URL", 0) == 0);
    auto help = eic::test::run_cli(eic::cli::dispatch, {"--help"});
    CHECK(help.out.find("sign-request --key ED25519_OPENSSH_FILE --method M --url URL [--body-file F]") !=
          std::string::npos);
}

// `eic sign-url`'s refusals, which need no signature: usage errors, the key file, and requests V4 cannot
// sign, all exit 2. The URLs themselves (every published vector) are checked in
// tests/unit/gcs/v4_signing_openssl_test.cpp.
#include <catch2/catch.hpp>

#include "../gcs/v4_vectors.hpp"
#include "../helpers/cli_run.hpp"
#include "cli/commands.hpp"
#include "cli/sign_url_cmd.hpp"

namespace {

eic::test::CliRun run(std::vector<std::string> args) {
    args.insert(args.begin(), "sign-url");
    return eic::test::run_cli(eic::cli::dispatch, args);
}

// A request that is fine but for what `extra` and `expires` add.
std::vector<std::string> with(std::vector<std::string> extra, const std::string& expires = "10") {
    std::vector<std::string> args = {"--key", eic::test::v4_key_path(), "--bucket", "test-bucket", "--method", "GET"};
    args.insert(args.end(), {"--expires", expires, "--timestamp", "2019-02-01T09:00:00Z"});
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

}  // namespace

TEST_CASE("sign-url: usage errors exit 2 with the usage", "[gcs][v4][cli]") {
    auto usage = [](std::vector<std::string> args) {
        auto r = run(std::move(args));
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find("usage: eic sign-url") != std::string::npos);
        return first_line(r.err);
    };
    CHECK(usage({"--bucket", "b"}) == "eic sign-url: --key is required");
    CHECK(usage({"--key", "k.json", "--bucket", "b", "--method", "GET", "--timestamp", "2019-02-01T09:00:00Z"}) ==
          "eic sign-url: --expires is required");
    CHECK(usage(with({"--expires", "1"})) == "eic sign-url: --expires given twice");
    CHECK(usage({"--key", "k", "--bucket", "b", "--method", "GET", "--expires", "ten", "--timestamp", "x"}) ==
          "eic sign-url: --expires must be a whole number of seconds");
    CHECK(usage({"--key", "k", "--bucket", "b", "--method", "GET", "--expires", "-5", "--timestamp", "x"}) ==
          "eic sign-url: --expires must be a whole number of seconds");
    CHECK(usage({"--key", "k", "--bucket", "b", "--method", "GET", "--expires", "10", "--timestamp",
                 "2019-02-01 09:00"}) ==
          "eic sign-url: --timestamp must be an RFC 3339 date-time such as 2019-02-01T09:00:00Z");
    CHECK(usage(with({"--header", "no-colon"})) == "eic sign-url: --header takes NAME:VALUE, not \"no-colon\"");
    CHECK(usage(with({"--query", "no-equals"})) == "eic sign-url: --query takes NAME=VALUE, not \"no-equals\"");
    CHECK(usage(with({"--query-json", "[1]"})) ==
          "eic sign-url: --query-json must be a JSON object whose values are strings");
    CHECK(usage(with({"--query-json", "{\"a\": 1}"})) ==
          "eic sign-url: --query-json must be a JSON object whose values are strings");
    CHECK(usage(with({"--scheme", "ftp"})) == "eic sign-url: --scheme must be https or http");
    CHECK(usage(with({"--url-style", "virtual"})) ==
          "eic sign-url: --url-style must be path, virtual-hosted or bucket-bound");
    CHECK(usage(with({"extra"})) == "eic sign-url: sign-url takes options only, not \"extra\"");
    CHECK(usage(with({"--bogus", "1"})) == "eic sign-url: unknown option --bogus");
}

TEST_CASE("sign-url: --help prints the usage and the command is in eic --help", "[gcs][v4][cli]") {
    auto r = run({"--help"});
    CHECK(r.code == 0);
    CHECK(r.out.rfind("usage: eic sign-url --key SA.json --bucket B", 0) == 0);
    auto help = eic::test::run_cli(eic::cli::dispatch, {"--help"});
    CHECK(help.out.find("sign-url --key SA.json --bucket B [--object O] --method M --expires SECONDS") !=
          std::string::npos);
}

TEST_CASE("sign-url: an expiry over 604,800 seconds exits 2 with gcs.sign.expires", "[gcs][v4][cli]") {
    auto r = run(with({"--object", "o"}, "604801"));
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(first_line(r.err) ==
          "eic sign-url: error gcs.sign.expires: The expiry is 604801 seconds; a V4 signed URL is valid for 1 to "
          "604,800 seconds (7 days).");
    r = run(with({}, "99999999999999999999999"));  // too long to be a number of seconds
    CHECK(r.code == 2);
    CHECK(first_line(r.err) == "eic sign-url: --expires is at most 604800 seconds (7 days)");
}

TEST_CASE("sign-url: a key file that cannot be read or is not a service-account key exits 2", "[gcs][v4][cli]") {
    auto key = [](const std::string& path) {
        auto r = run({"--key", path, "--bucket", "b", "--method", "GET", "--expires", "10", "--timestamp",
                      "2019-02-01T09:00:00Z"});
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        return first_line(r.err);
    };
    CHECK(key("no-such-key.json") == "eic sign-url: cannot read no-such-key.json");
    const std::string data = EIC_TEST_DATA;
    const std::string csv = data + "/manifest/errors.csv";
    CHECK(key(csv).rfind(csv + ": error gcs.sign.key-file: The key file is not valid JSON", 0) == 0);
    const std::string no_key = data + "/gcs-keys/no-private-key.json";
    CHECK(key(no_key) == no_key +
                             ": error gcs.sign.key-file: The key file has no private_key (a non-empty string); is it "
                             "a service-account key file? [at /private_key]");
}

TEST_CASE("sign-url: without a synchronous crypto the request is still checked, then refused", "[gcs][v4][cli]") {
    // As in a build with no platform crypto installed (the browser's wasm).
    auto without = [](const std::vector<std::string>& args) {
        return eic::test::run_cli([](const std::vector<std::string>& a, std::ostream& out,
                                     std::ostream& err) { return eic::cli::run_sign_url(a, out, err, nullptr); },
                                  args);
    };
    auto r = without(with({}));
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "eic sign-url: this build has no synchronous crypto to sign with\n");
    r = without(with({}, "604801"));
    CHECK(r.code == 2);
    CHECK(first_line(r.err).rfind("eic sign-url: error gcs.sign.expires: ", 0) == 0);
}

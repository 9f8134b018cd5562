// The inputs the fuzz targets found (tests/fuzz/regressions/TARGET/, docs/fuzzing.md), each fed through the
// API its target fuzzes, so that every tier (native, wasm under node) keeps the fix; the fuzz binaries
// replay the same files under the sanitizers (ctest label fuzz).
#include <catch2/catch.hpp>
#include <string>

#include "crypto/crypto.hpp"
#include "gcs/listing.hpp"
#include "gcs/service_account.hpp"
#include "gcs/signed_url.hpp"
#include "gcs/signed_url_inspect.hpp"
#include "gcs/v4_vectors.hpp"  // read_text_file
#include "json/reader.hpp"
#include "manifest/convert.hpp"
#include "manifest/from_listing.hpp"

using namespace eic;

namespace {

std::string regression(const std::string& target, const std::string& name) {
    return test::read_text_file(std::string(EIC_TEST_DATA) + "/../fuzz/regressions/" + target + "/" + name);
}

}  // namespace

TEST_CASE("fuzz regression: a key file with a number beyond the double range is refused, not thrown on",
          "[fuzz][gcs]") {
    // nlohmann's parser throws out_of_range (not parse_error) for 1e400; the reader let it escape.
    const std::string text = regression("service_account_fuzz", "number-out-of-range.json");
    REQUIRE_FALSE(text.empty());
    const gcs::ServiceAccountRead r = gcs::read_service_account(text);
    CHECK_FALSE(r.account);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == "gcs.sign.key-file");
    CHECK(r.diagnostics[0].message.find("not valid JSON") != std::string::npos);
}

TEST_CASE("fuzz regression: a URL signed for an account with '/' in its email reads back with that signer",
          "[fuzz][gcs]") {
    // The inspector took the credential's first '/' for the end of the signer; the scope is its last four
    // segments.
    const gcs::ServiceAccountRead key =
        gcs::read_service_account(regression("service_account_fuzz", "slash-in-client-email.json"));
    REQUIRE(key.account);
    REQUIRE(crypto::platform() != nullptr);
    gcs::V4Request request;
    request.method = "GET";
    request.bucket = "eic-demo";
    request.object = "images/cat 1.jpg";
    request.expires = 900;
    request.timestamp = 1767225600;
    const gcs::SignedUrl url = gcs::sign_url_v4(request, *key.account, *crypto::platform());
    REQUIRE_FALSE(url.url.empty());
    const gcs::SignedUrlInspection back = gcs::inspect_signed_url(url.url, request.timestamp);
    REQUIRE(back.info);
    CHECK(back.diagnostics.empty());
    CHECK(back.info->signer == "test/iam@dummy-project-id.iam.gserviceaccount.com");
    CHECK(back.info->scope == "20260101/auto/storage/goog4_request");
    CHECK(gcs::canonical_request_of(*back.info, "GET") == url.prepared->canonical_request);
}

TEST_CASE("fuzz regression: a listed object of no known kind is skipped with its extension named", "[fuzz][gcs]") {
    // The message read the extension from a view into a temporary that was gone (stack-use-after-scope).
    const gcs::ParsedListing page = gcs::parse_listing_json(regression("gcs_listing_fuzz", "unknown-extension.json"));
    REQUIRE(page.ok());
    manifest::FromListingOptions options;
    options.bucket = "eic-demo";
    const manifest::FromListingResult made = manifest::manifest_from_listing(page.page.objects, options);
    REQUIRE(made.skipped.size() == 1);
    CHECK(made.skipped[0].detail ==
          "Neither its extension (.xyz) nor its content type (not listed) names a media kind Encord imports.");
}

TEST_CASE("fuzz regression: a NUL byte after a JSON value is trailing data", "[fuzz][json]") {
    // nlohmann stops at a NUL byte and accepts this; eic's reader must not (the fuzz target skips the
    // comparison for inputs with a NUL).
    json::VirtualHandler ignore;
    const json::ReadResult r = json::read(regression("json_fuzz", "nul-after-value.json"), ignore);
    CHECK(r.error.errc == json::Errc::trailing);
    CHECK(r.error.offset == 1);
}

TEST_CASE("fuzz regression: a CSV URL that is not UTF-8 converts to JSON with U+FFFD and a warning", "[fuzz][csv]") {
    // CSV keeps the bytes; JSON cannot hold them (the fuzz target no longer expects CSV -> JSON -> CSV to
    // give them back).
    manifest::ConvertOptions options;
    options.from = manifest::Format::csv;
    const manifest::ConvertResult r = manifest::convert(regression("csv_fuzz", "invalid-utf8-url.csv"), options);
    REQUIRE(r.bytes);
    CHECK(r.bytes->find("b-1/\xEF\xBF\xBD.mp4") != std::string::npos);
    REQUIRE(r.diagnostics.size() >= 1);
    CHECK(r.diagnostics[0].code == "csv.invalid-utf8");
}

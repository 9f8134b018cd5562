// Fuzzes the readers of GCS's answers: a bucket listing page from the XML API (ListBucketResult, read with
// pugixml) and from the JSON API (storage#objects), both in core/gcs/listing.hpp; GCS's error documents
// (core/gcs/xml_error.hpp, google_error.hpp, error_body.hpp); the JSON API's object resource
// (core/gcs/json_api.hpp); and a bucket's CORS configuration (core/gcs/cors_rules.hpp). A listing read
// becomes a manifest (core/manifest/from_listing.hpp), as View > Cloud's "list a prefix into a manifest"
// does. Invariants: a page read has named objects, a next token exactly when truncated (JSON); the manifest
// made from it validates without errors (eic must not write a manifest its own validator refuses).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "gcs/cors_rules.hpp"
#include "gcs/error_body.hpp"
#include "gcs/google_error.hpp"
#include "gcs/json_api.hpp"
#include "gcs/listing.hpp"
#include "gcs/xml_error.hpp"
#include "manifest/from_listing.hpp"
#include "manifest/validate.hpp"

using eic::fuzz::check;
namespace g = eic::gcs;
namespace m = eic::manifest;

namespace {

void to_manifest(const g::ListingPage& page, std::size_t variant) {
    m::FromListingOptions options;
    options.bucket = "eic-demo";
    options.url_form = variant % 2 ? m::ListingUrlForm::gs : m::ListingUrlForm::cloud_console;
    options.grouping = m::ListingGrouping(variant % 3);
    options.include_structured_only = variant % 5 == 0;
    const m::FromListingResult made = m::manifest_from_listing(page.objects, options);
    m::ValidateOptions validate;
    validate.format = m::InputFormat::json;
    const m::ValidationResult r = m::validate_manifest(made.json, validate);
    check(r.summary.errors == 0);
    check(r.summary.items == made.manifest.item_count());
}

void listing(const g::ParsedListing& p, bool json, std::size_t variant) {
    if (!p.ok()) {
        check(p.error->kind == g::ListingErrorKind::gcs || !p.error->message.empty());
        return;
    }
    for (const auto& o : p.page.objects) check(!o.name.empty());
    if (json) check(p.page.truncated == !p.page.next_token.empty());
    to_manifest(p.page, variant);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in = eic::fuzz::text(data, size);
    listing(g::parse_listing_xml(in), false, size);
    listing(g::parse_listing_json(in), true, size);
    g::listing_error_from(403, in);
    g::parse_xml_error(in);
    g::read_google_error(in);
    g::read_object_resource(in);
    const std::string body(in);
    g::read_error_body(body, g::ProbeApi::xml);
    g::read_error_body(body, g::ProbeApi::json);

    const g::CorsConfigRead cors = g::read_cors_config(in);
    check(cors.rules || eic::has_error(cors.diagnostics));
    if (cors.rules) {
        for (const auto& rule : *cors.rules)
            for (const auto& origin : rule.origins) g::origin_problem(origin);
        g::matching_rule(*cors.rules, "https://app.encord.com", "GET");
    }
    return 0;
}

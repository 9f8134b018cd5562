// The CORS doctor (core/gcs/cors_rules.hpp, cors_doctor.hpp): the configuration eic recommends, reading
// configurations (good and bad), GCS's first-match evaluation, and verdicts from what a page observed.
#include "gcs/cors_doctor.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../helpers/fake_http.hpp"
#include "diag/codes.hpp"
#include "gcs/cors_codes.hpp"

using namespace eic;
using gcs::CorsVerdict;

namespace {

const char* kOrigin = "https://eic.example.org";

net::HttpResponse config_answer(const std::string& cors_array) {
    return test::answer(200, {{"content-type", "application/json; charset=UTF-8"}},
                        cors_array.empty() ? "{}" : "{\"cors\": " + cors_array + "}")
        .response;
}

gcs::CorsEvidence with_config(const std::string& cors_array) {
    gcs::CorsEvidence e;
    e.origin = kOrigin;
    e.bucket = "b-1";
    e.config = config_answer(cors_array);
    return e;
}

const std::string kAllHeaders =
    R"(["Content-Range","Date","Range","x-goog-generation","x-goog-hash","x-goog-stored-content-length"])";

// Every finding is registered, with its registered severity.
void check_registered(const Diagnostics& ds) {
    for (const auto& d : ds) {
        INFO(d.code << ": " << d.message);
        const diag::CodeInfo* info = diag::find_code(d.code);
        REQUIRE(info != nullptr);
        CHECK(info->severity == d.severity);
    }
}

}  // namespace

TEST_CASE("CORS: the recommended configuration, exactly, and the gcloud command", "[gcs][cors]") {
    const std::string json = gcs::cors_config_for({kOrigin, "https://app.encord.com", kOrigin});
    CHECK(json ==
          "[\n"
          "  {\n"
          "    \"origin\": [\"https://eic.example.org\", \"https://app.encord.com\"],\n"
          "    \"method\": [\"GET\", \"HEAD\"],\n"
          "    \"responseHeader\": [\"Content-Range\", \"Date\", \"Range\", \"x-goog-generation\", \"x-goog-hash\", "
          "\"x-goog-stored-content-length\"],\n"
          "    \"maxAgeSeconds\": 3600\n"
          "  }\n"
          "]\n");
    // It reads back as a configuration that allows the page with every header eic needs.
    const auto read = gcs::read_cors_config(json);
    REQUIRE(read.rules);
    CHECK(read.diagnostics.empty());
    gcs::CorsEvidence e;
    e.origin = kOrigin;
    e.config = test::answer(200, {}, "{\"cors\": " + json + "}").response;
    CHECK(gcs::cors_diagnosis(e).verdict == CorsVerdict::allowed);

    gcs::CorsConfigOptions uploads;
    uploads.uploads = true;
    uploads.max_age_s = 600;
    const auto up = nlohmann::json::parse(gcs::cors_config_for(gcs::encord_app_origins(), uploads));
    CHECK(up[0]["origin"] == nlohmann::json({"https://app.encord.com", "https://app.us.encord.com"}));
    CHECK(up[0]["method"] == nlohmann::json({"GET", "HEAD", "PUT", "POST"}));
    CHECK(up[0]["responseHeader"].size() == 9);
    CHECK(up[0]["maxAgeSeconds"] == 600);
    for (const auto& need : gcs::cors_headers_eic_needs()) CHECK(std::string(need.why).size() > 20);

    CHECK(gcs::gcloud_cors_command("b-1") == "gcloud storage buckets update gs://b-1 --cors-file=cors.json");
}

TEST_CASE("CORS: bad configurations are refused with a pointer; never-matching rules are warned of", "[gcs][cors]") {
    for (const char* bad : {"not json", "\"text\"", "42", R"({"cors": {"origin": ["*"]}})", "[7]",
                            R"([{"origin": "https://a.example"}])", R"([{"origin": ["https://a.example", 1]}])",
                            R"([{"origin": ["*"], "method": ["GET"], "maxAgeSeconds": "3600"}])",
                            R"({"origin": ["*"], "method": ["GET"]})"}) {
        INFO(bad);
        const auto read = gcs::read_cors_config(bad);
        CHECK_FALSE(read.rules);
        REQUIRE_FALSE(read.diagnostics.empty());
        CHECK(read.diagnostics[0].code == gcs::cors_code::config);
        CHECK(read.diagnostics[0].pointer);
        check_registered(read.diagnostics);
    }
    CHECK(gcs::read_cors_config(R"([{"origin": "x"}])").diagnostics[0].pointer == "/0/origin");

    const auto odd = gcs::read_cors_config(
        R"([{"method": ["GET"]}, {"origin": ["https://a.example/", "https://*.encord.com", "HTTPS://B.example"],)"
        R"( "method": ["GET", "OPTIONS"]}, {"origin": ["*"]}])");
    REQUIRE(odd.rules);  // GCS keeps them; they just never match
    CHECK(odd.rules->size() == 3);
    std::vector<std::string> pointers;
    for (const auto& d : odd.diagnostics) {
        CHECK(d.code == gcs::cors_code::rule);
        pointers.push_back(d.pointer.value_or("?"));
    }
    CHECK(pointers == std::vector<std::string>{"/0", "/1/origin/0", "/1/origin/1", "/1/origin/2", "/1/method/1", "/2"});
    check_registered(odd.diagnostics);

    // No configuration at all: the bucket resource without "cors", or an empty array.
    CHECK(gcs::read_cors_config("{}").rules->empty());
    CHECK(gcs::read_cors_config("[]").rules->empty());
    CHECK(gcs::origin_problem("*").empty());
    CHECK(gcs::origin_problem("http://127.0.0.1:8080").empty());
    CHECK_FALSE(gcs::origin_problem("app.encord.com").empty());
}

TEST_CASE("CORS: the first rule matching origin and method wins; '*' matches any", "[gcs][cors]") {
    const auto read =
        gcs::read_cors_config(R"([{"origin": ["https://other.example"], "method": ["*"], "responseHeader": ["Date"]},)"
                              R"( {"origin": ["https://eic.example.org"], "method": ["HEAD"], "responseHeader": []},)"
                              R"( {"origin": ["*"], "method": ["GET", "HEAD"], "responseHeader": ["*"]}])");
    REQUIRE(read.rules);
    const auto& rules = *read.rules;
    CHECK(gcs::matching_rule(rules, kOrigin, "HEAD") == &rules[1]);  // before the catch-all
    CHECK(gcs::matching_rule(rules, kOrigin, "GET") == &rules[2]);
    CHECK(gcs::matching_rule(rules, "https://other.example", "DELETE") == &rules[0]);
    CHECK(gcs::matching_rule(rules, kOrigin, "PUT") == nullptr);
    CHECK(gcs::matching_rule(rules, "https://EIC.example.org", "PUT") == nullptr);

    // The HEAD rule exposes nothing, though the catch-all after it would: GCS applies the first.
    const auto d = gcs::cors_diagnosis(with_config(R"([{"origin": ["https://eic.example.org"], "method": ["HEAD"],)"
                                                   R"( "responseHeader": []}, {"origin": ["*"], "method": ["GET",)"
                                                   R"( "HEAD"], "responseHeader": ["*"]}])"));
    CHECK(d.verdict == CorsVerdict::header_not_exposed);
    CHECK(d.rule == 1u);  // GET: the catch-all (0-based)
    CHECK(d.missing_headers ==
          std::vector<std::string>{"Date", "x-goog-generation", "x-goog-hash", "x-goog-stored-content-length"});
    // The fix puts eic's rule first and keeps the bucket's rules after it.
    const auto fixed = nlohmann::json::parse(d.fix_config);
    REQUIRE(fixed.size() == 3);
    CHECK(fixed[0]["origin"] == nlohmann::json({kOrigin}));
    CHECK(fixed[1]["method"] == nlohmann::json({"HEAD"}));
    CHECK(fixed[2]["responseHeader"] == nlohmann::json({"*"}));
    CHECK(d.fix_command == "gcloud storage buckets update gs://b-1 --cors-file=cors.json");
}

TEST_CASE("CORS: verdicts from the configuration", "[gcs][cors]") {
    SECTION("allowed, a wildcard origin and header included") {
        const auto d = gcs::cors_diagnosis(
            with_config(R"([{"origin": ["*"], "method": ["GET", "HEAD"], "responseHeader": ["*"]}])"));
        CHECK(d.verdict == CorsVerdict::allowed);
        CHECK(d.diagnostics().empty());
        CHECK(d.fix_config.empty());
    }
    SECTION("no configuration") {
        auto e = with_config("");
        e.also_allow = gcs::encord_app_origins();
        const auto d = gcs::cors_diagnosis(e);
        CHECK(d.verdict == CorsVerdict::no_configuration);
        CHECK(d.diagnostics()[0].code == gcs::cors_code::none);
        CHECK(d.diagnostics()[0].severity == Severity::error);
        CHECK(nlohmann::json::parse(d.fix_config)[0]["origin"] ==
              nlohmann::json({kOrigin, "https://app.encord.com", "https://app.us.encord.com"}));
        CHECK(d.fix.find("replaces the bucket's configuration") != std::string::npos);
        CHECK(gcs::cors_diagnosis(with_config("[]")).verdict == CorsVerdict::no_configuration);
    }
    SECTION("origin not listed: a trailing slash does not match") {
        const auto d = gcs::cors_diagnosis(with_config(
            R"([{"origin": ["https://eic.example.org/"], "method": ["GET", "HEAD"], "responseHeader": ["*"]}])"));
        CHECK(d.verdict == CorsVerdict::origin_not_listed);
        CHECK(d.missing_methods == std::vector<std::string>{"GET", "HEAD"});
        const auto ds = d.diagnostics();
        REQUIRE(ds.size() == 2);
        CHECK(ds[0].code == gcs::cors_code::origin);
        CHECK(ds[1].code == gcs::cors_code::rule);  // the reason it never matches
        check_registered(ds);
    }
    SECTION("method not listed") {
        const auto d = gcs::cors_diagnosis(with_config(
            R"([{"origin": ["https://eic.example.org"], "method": ["GET"], "responseHeader": )" + kAllHeaders + "}]"));
        CHECK(d.verdict == CorsVerdict::method_not_listed);
        CHECK(d.missing_methods == std::vector<std::string>{"HEAD"});
        CHECK(d.explanation.find("HEAD") != std::string::npos);
        CHECK(d.diagnostics()[0].code == gcs::cors_code::method);
    }
    SECTION("uploads need PUT and POST, and their headers") {
        auto e = with_config(R"([{"origin": ["*"], "method": ["*"], "responseHeader": )" + kAllHeaders + "}]");
        CHECK(gcs::cors_diagnosis(e).verdict == CorsVerdict::allowed);
        e.uploads = true;
        const auto d = gcs::cors_diagnosis(e);
        CHECK(d.verdict == CorsVerdict::header_not_exposed);
        CHECK(d.missing_headers == std::vector<std::string>{"Content-Type", "x-goog-resumable", "Location"});
    }
    SECTION("Date missing: the clock check degrades") {
        const auto d = gcs::cors_diagnosis(with_config(
            R"([{"origin": ["https://eic.example.org"], "method": ["GET", "HEAD"], "responseHeader": )"
            R"(["content-range", "range", "X-Goog-Generation", "x-goog-hash", "x-goog-stored-content-length"]}])"));
        CHECK(d.verdict == CorsVerdict::header_not_exposed);
        CHECK(d.missing_headers == std::vector<std::string>{"Date"});  // header names compare in any case
        REQUIRE(d.degraded.size() == 1);
        CHECK(d.degraded[0].find("clock") != std::string::npos);
        CHECK(d.diagnostics()[0].severity == Severity::warning);
    }
    SECTION("a configuration that is not one: the probes decide, and the reading error is reported") {
        auto e = with_config(R"({"origin": ["*"]})");
        const auto d = gcs::cors_diagnosis(e);
        CHECK(d.verdict == CorsVerdict::unknown);
        CHECK(d.explanation.find("could not be read") != std::string::npos);
        const auto ds = d.diagnostics();
        REQUIRE(ds.size() == 2);
        CHECK(ds[1].code == gcs::cors_code::config);
        check_registered(ds);
    }
}

TEST_CASE("CORS: verdicts from the page's probes when the configuration is unknown", "[gcs][cors]") {
    gcs::CorsEvidence e;
    e.origin = kOrigin;
    e.bucket = "b-1";
    CHECK(gcs::cors_diagnosis(e).verdict == CorsVerdict::unknown);  // nothing observed

    SECTION("status 0 while a no-cors HEAD reached GCS: CORS") {
        e.xml_head = test::failure(net::Failure::network).response;
        e.no_cors_reached = true;
        const auto d = gcs::cors_diagnosis(e);
        CHECK(d.verdict == CorsVerdict::refused);
        CHECK(d.diagnostics()[0].code == gcs::cors_code::refused);
        CHECK(nlohmann::json::parse(d.fix_config)[0]["origin"] == nlohmann::json({kOrigin}));
    }
    SECTION("both failed: the network, not CORS") {
        e.xml_head = test::failure(net::Failure::network).response;
        e.no_cors_reached = false;
        const auto d = gcs::cors_diagnosis(e);
        CHECK(d.verdict == CorsVerdict::unknown);
        CHECK(d.explanation.find("not CORS") != std::string::npos);
        CHECK(d.fix_config.empty());
    }
    SECTION("the page's policy") {
        e.xml_head = test::failure(net::Failure::policy).response;
        const auto d = gcs::cors_diagnosis(e);
        CHECK(d.verdict == CorsVerdict::unknown);
        CHECK(d.fix.find("connect-src") != std::string::npos);
    }
    SECTION("an answer the page could read, without Date and the x-goog headers") {
        e.xml_head = test::answer(200, {{"content-length", "5"}}).response;
        const auto d = gcs::cors_diagnosis(e);
        CHECK(d.verdict == CorsVerdict::header_not_exposed);
        CHECK(d.missing_headers ==
              std::vector<std::string>{"Date", "x-goog-generation", "x-goog-hash", "x-goog-stored-content-length"});
        CHECK(d.degraded.size() == 4);
    }
    SECTION("a 404 the page could read, with Date: allowed") {
        e.xml_head = test::answer(404, {{"date", "Tue, 14 Nov 2023 22:13:20 GMT"}}).response;
        CHECK(gcs::cors_diagnosis(e).verdict == CorsVerdict::allowed);
    }
    SECTION("the configuration could not be read (403): the probes decide, and the message says why") {
        e.config =
            test::answer(403, {}, R"({"error":{"code":403,"message":"x does not have storage.buckets.get access"}})")
                .response;
        e.xml_head = test::failure(net::Failure::cors).response;
        const auto d = gcs::cors_diagnosis(e);
        CHECK(d.verdict == CorsVerdict::refused);
        CHECK(d.explanation.find("storage.buckets.get") != std::string::npos);
    }
    SECTION("the configuration allows the page, yet its HEAD was withheld") {
        e = with_config(R"([{"origin": ["*"], "method": ["*"], "responseHeader": ["*"]}])");
        e.xml_head = test::failure(net::Failure::cors).response;
        const auto d = gcs::cors_diagnosis(e);
        CHECK(d.verdict == CorsVerdict::unknown);
        check_registered(d.diagnostics());
    }
    CHECK(std::string(gcs::cors_verdict_name(CorsVerdict::header_not_exposed)) == "header not exposed");
}

// Unit errors of an upload job traced back to the items of its batch (core/encord/unit_error_map.hpp),
// and the failed items as a manifest to send again.
#include "encord/unit_error_map.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "encord/api_codes.hpp"
#include "manifest/load.hpp"

using namespace eic;
using namespace eic::encord;
using manifest::Collection;

namespace {

// Line numbers matter: items start on lines 2, 3, 4, 5.
constexpr const char* kManifest = R"({"videos": [
  {"objectUrl": "gs://b/v0.mp4"},
  {"objectUrl": "gs://b/v1.mp4", "title": "second"}],
 "image_groups": [
  {"title": "g0", "objectUrl_0": "gs://b/g0/0.jpg", "objectUrl_1": "gs://b/g0/1.jpg", "objectUrl_2": "gs://b/g0/2.jpg"},
  {"title": "g1", "objectUrl_0": "gs://b/g1/0.jpg"}],
 "skip_duplicate_urls": true, "upsert_metadata": true})";

manifest::Manifest load(const std::string& json) {
    auto r = manifest::load_json(json);
    REQUIRE(r.manifest);
    return *r.manifest;
}

UploadBatch whole_batch(const manifest::Manifest& m) {
    UploadPlanOptions o;
    o.file_name = "m.json";
    UploadPlan plan = plan_upload(m, {}, o);
    REQUIRE(plan.batches.size() == 1);
    return plan.batches[0];
}

UnitError unit_error(std::vector<std::string> urls, std::string error = "Object not found") {
    UnitError e;
    e.object_urls = std::move(urls);
    e.error = std::move(error);
    e.subtask_uuid = "dddddddd-0000-4000-8000-000000000001";
    e.action_description = "Uploading";
    return e;
}

}  // namespace

TEST_CASE("unit errors map to items by URL, image groups through any of their images", "[encord-plan]") {
    const manifest::Manifest m = load(kManifest);
    const UploadBatch batch = whole_batch(m);
    const std::vector<UnitError> errors = {
        unit_error({"gs://b/g0/1.jpg", "gs://b/g0/2.jpg"}, "Image too large"),  // 0: group 0
        unit_error({"gs://b/v1.mp4"}),                                          // 1: video 1
        unit_error({"gs://b/elsewhere.mp4"}),                                   // 2: nothing
        unit_error({"gs://b/v1.mp4"}, "Codec not supported"),                   // 3: video 1 again
        unit_error({}),                                                         // 4: nothing
        unit_error({"gs://b/V1.mp4"}),                                          // 5: nothing (case differs)
    };
    const UnitErrorMap map = map_unit_errors(m, batch, errors);

    REQUIRE(map.failed.size() == 2);
    CHECK(map.failed[0].unit.collection == Collection::videos);  // manifest order
    CHECK(map.failed[0].unit.index == 1);
    CHECK(map.failed[0].errors == std::vector<std::size_t>{1, 3});
    CHECK(map.failed[1].unit.collection == Collection::image_groups);
    CHECK(map.failed[1].unit.index == 0);
    CHECK(map.failed[1].errors == std::vector<std::size_t>{0});
    CHECK(map.unmatched == std::vector<std::size_t>{2, 4, 5});

    // One error per failed item, at its place; one warning per unmatched error.
    REQUIRE(map.diagnostics.size() == 5);
    const Diagnostic& v1 = map.diagnostics[0];
    CHECK(v1.code == api_code::unit_failed);
    CHECK(v1.severity == Severity::error);
    CHECK(v1.pointer == std::optional<std::string>("/videos/1"));
    CHECK(v1.line == 3);
    CHECK(v1.collection == std::optional<std::string>("videos"));
    CHECK(v1.item == std::optional<std::uint64_t>(1));
    CHECK(v1.message.find("Object not found (Uploading)") != std::string::npos);
    CHECK(v1.message.find("Codec not supported") != std::string::npos);
    CHECK(v1.message.find("dddddddd-0000-4000-8000-000000000001") != std::string::npos);
    CHECK(v1.message.find("m.part-001-of-001.json") != std::string::npos);
    CHECK(map.diagnostics[1].pointer == std::optional<std::string>("/image_groups/0"));
    CHECK(map.diagnostics[1].line == 5);
    for (std::size_t k = 2; k < 5; ++k) {
        CHECK(map.diagnostics[k].code == api_code::unmatched_error);
        CHECK(map.diagnostics[k].severity == Severity::warning);
        CHECK_FALSE(map.diagnostics[k].pointer);
    }
    CHECK(map.diagnostics[2].message.find("gs://b/elsewhere.mp4") != std::string::npos);
    CHECK(map.diagnostics[3].message.find("no object URL") != std::string::npos);
}

TEST_CASE("the failed items as a manifest to send again", "[encord-plan]") {
    const manifest::Manifest m = load(kManifest);
    const UploadBatch batch = whole_batch(m);
    const UnitErrorMap map =
        map_unit_errors(m, batch, {unit_error({"gs://b/g1/0.jpg"}), unit_error({"gs://b/v0.mp4"})});
    const std::string spec = failed_units_spec(m, batch, map, manifest::JsonWriteOptions{false});
    const auto j = nlohmann::json::parse(spec);
    REQUIRE(j["videos"].size() == 1);
    CHECK(j["videos"][0]["objectUrl"] == "gs://b/v0.mp4");
    REQUIRE(j["image_groups"].size() == 1);
    CHECK(j["image_groups"][0]["title"] == "g1");
    CHECK(j["skip_duplicate_urls"] == true);
    CHECK(j["upsert_metadata"] == true);
    CHECK(j.size() == 4);

    CHECK(failed_units_spec(m, batch, map_unit_errors(m, batch, {})).empty());
    CHECK(failed_units_spec(m, batch, map_unit_errors(m, batch, {unit_error({"gs://x"})})).empty());
}

TEST_CASE("only the batch's own items match", "[encord-plan]") {
    const manifest::Manifest m = load(R"({"videos": [{"objectUrl": "gs://b/a.mp4"}, {"objectUrl": "gs://b/b.mp4"},
                                                     {"objectUrl": "gs://b/a.mp4"}]})");
    UploadPlanOptions o;
    o.profile = manifest::max_items_profile(1);
    const UploadPlan plan = plan_upload(m, {}, o);
    REQUIRE(plan.batches.size() == 3);
    // a.mp4 is in batches 1 and 3; an error of batch 2 naming it matches nothing there.
    const UnitErrorMap second = map_unit_errors(m, plan.batches[1], {unit_error({"gs://b/a.mp4"})});
    CHECK(second.failed.empty());
    CHECK(second.unmatched == std::vector<std::size_t>{0});
    const UnitErrorMap third = map_unit_errors(m, plan.batches[2], {unit_error({"gs://b/a.mp4"})});
    REQUIRE(third.failed.size() == 1);
    CHECK(third.failed[0].unit.index == 2);
    // The failed manifest keeps the batch's skip_duplicate_urls as it was sent (absent here).
    CHECK(nlohmann::json::parse(failed_units_spec(m, plan.batches[2], third)).count("skip_duplicate_urls") == 0);
}

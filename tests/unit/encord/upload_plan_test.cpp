// Upload batches (core/encord/upload_plan.hpp): the split's item limits per profile, the media byte
// budget from the objects' sizes, unknown sizes, and the items each batch carries.
#include "encord/upload_plan.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "encord/api_codes.hpp"
#include "manifest/limits.hpp"
#include "manifest/load.hpp"

using namespace eic;
using namespace eic::encord;
using manifest::Collection;

namespace {

constexpr std::uint64_t MB = 1'000'000, GB = 1'000'000'000;

manifest::Manifest load(const std::string& json) {
    auto r = manifest::load_json(json);
    REQUIRE(r.manifest);
    return *r.manifest;
}

std::string images_json(int n) {
    std::string s = "{\"images\": [";
    for (int i = 0; i < n; ++i)
        s += std::string(i ? "," : "") + "{\"objectUrl\": \"gs://b/i" + std::to_string(i) + ".jpg\"}";
    return s + "]}";
}

std::string videos_json(int n, const std::string& top = "") {
    std::string s = "{\"videos\": [";
    for (int i = 0; i < n; ++i)
        s += std::string(i ? "," : "") + "{\"objectUrl\": \"gs://b/v" + std::to_string(i) + ".mp4\"}";
    return s + "]" + top + "}";
}

std::string video(int i) { return "gs://b/v" + std::to_string(i) + ".mp4"; }

UploadPlanOptions with_profile(const char* name) {
    UploadPlanOptions o;
    o.profile = *manifest::split_profile(name);
    o.file_name = "dir/m.json";
    return o;
}

std::size_t count_code(const Diagnostics& ds, const std::string& code) {
    std::size_t n = 0;
    for (const auto& d : ds) n += d.code == code;
    return n;
}

}  // namespace

TEST_CASE("batches keep to the profile's item count", "[encord-plan]") {
    const manifest::Manifest m = load(images_json(2600));
    ObjectSizes sizes;
    for (int i = 0; i < 2600; ++i) sizes["gs://b/i" + std::to_string(i) + ".jpg"] = 1000;

    struct Case {
        const char* profile;
        std::vector<std::size_t> counts;
    };
    for (const Case& c : {Case{"enterprise", {2600}}, Case{"team", {2500, 100}}, Case{"free", {1000, 1000, 600}},
                          Case{"recommended", {1000, 1000, 600}}}) {
        INFO(c.profile);
        const UploadPlan plan = plan_upload(m, sizes, with_profile(c.profile));
        REQUIRE(plan.batches.size() == c.counts.size());
        std::size_t next = 0;
        for (std::size_t k = 0; k < c.counts.size(); ++k) {
            const UploadBatch& b = plan.batches[k];
            CHECK(b.units.size() == c.counts[k]);
            CHECK(b.urls == c.counts[k]);
            // Items in order, each once, with their place in the manifest.
            CHECK(b.units.front().collection == Collection::images);
            CHECK(b.units.front().index == next);
            CHECK(b.units.back().index == next + c.counts[k] - 1);
            next += c.counts[k];
            const auto spec = nlohmann::json::parse(b.spec);
            CHECK(spec["images"].size() == c.counts[k]);
            CHECK(spec["images"][0]["objectUrl"] == "gs://b/i" + std::to_string(b.units.front().index) + ".jpg");
            CHECK(b.media_bytes == 1000 * c.counts[k]);
            CHECK(b.unknown_size_urls == 0);
        }
        CHECK(plan.unknown_size_urls == 0);
        CHECK(plan.media_bytes == 2'600'000);
        CHECK(plan.diagnostics.empty());
    }
    const UploadPlan team = plan_upload(m, sizes, with_profile("team"));
    CHECK(team.batches[0].file_name == "m.part-001-of-002.json");
    CHECK(team.batches[1].file_name == "m.part-002-of-002.json");
    CHECK(team.max_media_bytes == manifest::recommended_batch().max_bytes);
    // Compact JSON, as it goes over the network.
    CHECK(team.batches[0].spec.find('\n') == std::string::npos);
}

TEST_CASE("batches keep to the media byte budget (2 GB by default)", "[encord-plan]") {
    const manifest::Manifest m = load(videos_json(5));
    ObjectSizes sizes;
    for (int i = 0; i < 5; ++i) sizes[video(i)] = 900 * MB;
    const UploadPlan plan = plan_upload(m, sizes, with_profile("enterprise"));
    CHECK(plan.max_media_bytes == 2 * GB);
    REQUIRE(plan.batches.size() == 3);
    CHECK(plan.batches[0].units.size() == 2);
    CHECK(plan.batches[0].media_bytes == 1800 * MB);
    CHECK(plan.batches[1].units.size() == 2);
    CHECK(plan.batches[2].units.size() == 1);
    CHECK(plan.batches[2].units[0].index == 4);
    CHECK(plan.media_bytes == 4500 * MB);

    // A budget of one's own.
    UploadPlanOptions o = with_profile("enterprise");
    o.max_media_bytes = 1 * GB;
    CHECK(plan_upload(m, sizes, o).batches.size() == 5);
    o.max_media_bytes = 10 * GB;
    CHECK(plan_upload(m, sizes, o).batches.size() == 1);
}

TEST_CASE("objects of unknown size count 0 bytes, and the plan says how many", "[encord-plan]") {
    const manifest::Manifest m = load(videos_json(5));
    ObjectSizes sizes = {{video(0), 1500 * MB}, {video(2), 1500 * MB}};  // v1, v3, v4 unknown
    const UploadPlan plan = plan_upload(m, sizes, with_profile("enterprise"));
    REQUIRE(plan.batches.size() == 2);  // [v0 v1] [v2 v3 v4]
    CHECK(plan.batches[0].units.size() == 2);
    CHECK(plan.batches[0].unknown_size_urls == 1);
    CHECK(plan.batches[1].units.size() == 3);
    CHECK(plan.batches[1].unknown_size_urls == 2);
    CHECK(plan.unknown_size_urls == 3);
    CHECK(plan.media_bytes == 3000 * MB);
    REQUIRE(count_code(plan.diagnostics, api_code::sizes_unknown) == 1);
    CHECK(plan.diagnostics[0].severity == Severity::info);
    CHECK(plan.diagnostics[0].message.find("3 of 5 objects have no known size") != std::string::npos);

    // With no sizes at all, only the item limits split.
    const UploadPlan blind = plan_upload(m, {}, with_profile("enterprise"));
    CHECK(blind.batches.size() == 1);
    CHECK(blind.unknown_size_urls == 5);
}

TEST_CASE("a single item over the budget goes alone, with a warning", "[encord-plan]") {
    const manifest::Manifest m = load(videos_json(3));
    const ObjectSizes sizes = {{video(0), 500 * MB}, {video(1), 3 * GB}, {video(2), 500 * MB}};
    const UploadPlan plan = plan_upload(m, sizes, with_profile("enterprise"));
    REQUIRE(plan.batches.size() == 3);
    CHECK(plan.batches[1].units.size() == 1);
    CHECK(plan.batches[1].units[0].index == 1);
    CHECK(plan.batches[1].media_bytes == 3 * GB);
    REQUIRE(count_code(plan.diagnostics, manifest::split_code::item_too_large) == 1);
    CHECK(plan.diagnostics[0].severity == Severity::warning);
    CHECK(plan.diagnostics[0].pointer == std::optional<std::string>("/videos/1"));
}

TEST_CASE("an image group's size is the sum of its images; units span collections", "[encord-plan]") {
    const manifest::Manifest m = load(R"({"videos": [{"objectUrl": "gs://b/v.mp4"}],
        "image_groups": [{"title": "g", "objectUrl_0": "gs://b/g0.jpg", "objectUrl_1": "gs://b/g1.jpg"}],
        "skip_duplicate_urls": false, "upsert_metadata": true})");
    const ObjectSizes sizes = {{"gs://b/v.mp4", 1200 * MB}, {"gs://b/g0.jpg", 500 * MB}, {"gs://b/g1.jpg", 500 * MB}};
    const UploadPlan plan = plan_upload(m, sizes, with_profile("enterprise"));
    REQUIRE(plan.batches.size() == 2);  // 1.2 GB + 1.0 GB > 2 GB
    CHECK(plan.batches[0].units[0].collection == Collection::videos);
    REQUIRE(plan.batches[1].units.size() == 1);
    CHECK(plan.batches[1].units[0].collection == Collection::image_groups);
    CHECK(plan.batches[1].media_bytes == 1000 * MB);
    CHECK(plan.batches[1].urls == 2);
    // The manifest's own skip_duplicate_urls and other top-level keys go into every batch.
    for (const auto& b : plan.batches) {
        const auto spec = nlohmann::json::parse(b.spec);
        CHECK(spec["skip_duplicate_urls"] == false);
        CHECK(spec["upsert_metadata"] == true);
        CHECK(b.skip_duplicate_urls == std::optional<bool>(false));
    }
    CHECK(nlohmann::json::parse(plan.batches[1].spec)["image_groups"][0]["objectUrl_1"] == "gs://b/g1.jpg");
}

TEST_CASE("skip_duplicate_urls: true when asked", "[encord-plan]") {
    const manifest::Manifest m = load(videos_json(2));
    UploadPlanOptions o = with_profile("enterprise");
    const UploadPlan kept = plan_upload(m, {}, o);
    CHECK(nlohmann::json::parse(kept.batches[0].spec).count("skip_duplicate_urls") == 0);
    CHECK_FALSE(kept.batches[0].skip_duplicate_urls);
    o.skip_duplicate_urls = true;
    const UploadPlan set = plan_upload(m, {}, o);
    CHECK(nlohmann::json::parse(set.batches[0].spec)["skip_duplicate_urls"] == true);
    CHECK(set.batches[0].skip_duplicate_urls == std::optional<bool>(true));
    // Asked or not, a manifest that says true keeps it.
    const UploadPlan own =
        plan_upload(load(videos_json(2, ", \"skip_duplicate_urls\": true")), {}, with_profile("team"));
    CHECK(nlohmann::json::parse(own.batches[0].spec)["skip_duplicate_urls"] == true);
}

TEST_CASE("an empty manifest plans no batch", "[encord-plan]") {
    const UploadPlan plan = plan_upload(load("{\"videos\": []}"), {}, with_profile("enterprise"));
    CHECK(plan.batches.empty());
    CHECK(plan.diagnostics.empty());
}

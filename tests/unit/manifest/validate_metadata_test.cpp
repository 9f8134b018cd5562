// clientMetadata against the schema, media metadata objects, strict client-only access, plan limits.
#include <catch2/catch.hpp>

#include "validate_support.hpp"

using namespace eic;
using namespace eic::manifest;
using namespace eic::manifest::test;

namespace {

const char* kSchema = R"({
 "score": {"ty": "variant", "hint": "number"},
 "f32": {"ty": "number", "format": "F32"},
 "name": {"ty": "variant", "hint": "varchar"},
 "short": {"ty": "varchar", "max_length": 5},
 "notes": {"ty": "variant", "hint": "text"},
 "ok": {"ty": "variant", "hint": "boolean"},
 "when": {"ty": "variant", "hint": "datetime"},
 "id": {"ty": "variant", "hint": "uuid"},
 "tag": {"ty": "enum", "values": ["cat", "dog"]},
 "emb": {"ty": "embedding", "size": 3, "api": null},
 "geo": {"ty": "geospatial"},
 "gone": {"ty": "tombstone", "deleted_ty": {"ty": "variant", "hint": "number"}},
 "burnt": {"ty": "tombstone", "deleted_ty": null}
})";

// One image whose clientMetadata is `meta` (a JSON object body without braces), which starts at
// column 92 of line 1.
std::string item(const std::string& meta) {
    return R"({"images": [{"objectUrl": "https://storage.cloud.google.com/b-1/a.jpg", "clientMetadata": {)" + meta +
           "}}]}";
}

ValidationResult check(const std::string& meta) { return validate(item(meta), with_schema(kSchema)); }
std::vector<std::string> check_codes(const std::string& meta) { return codes(check(meta)); }
using V = std::vector<std::string>;

}  // namespace

TEST_CASE("metadata values that match the schema pass", "[manifest][validate][metadata]") {
    CHECK(check_codes(R"("score": -1.5e3, "f32": 3.4e38, "name": "x", "short": "abcde", "notes": "long", "ok": true,
        "when": "2024-02-29", "id": "123e4567-e89b-42d3-a456-426614174000", "tag": "dog", "emb": [1, -2.5, 3e-5],
        "geo": {"latitude": -90, "longitude": 180}, "keyframes": [0, 10, 20])")
              .empty());
}

TEST_CASE("metadata type mismatches point at the value", "[manifest][validate][metadata]") {
    auto r = check(R"("score": "1")");
    REQUIRE(codes(r) == V{"manifest.metadata.type"});
    const auto& d = r.diagnostics[0];
    CHECK(d.line == 1);
    CHECK(d.column == 101);
    CHECK(d.pointer == "/images/0/clientMetadata/score");
    CHECK(d.collection == "images");
    CHECK(d.item == 0u);
    CHECK(check_codes(R"("ok": "true")") == V{"manifest.metadata.type"});
    CHECK(check_codes(R"("name": 5)") == V{"manifest.metadata.type"});
    CHECK(check_codes(R"("tag": ["cat"])") == V{"manifest.metadata.type"});
    CHECK(check_codes(R"("emb": "1,2,3")") == V{"manifest.metadata.type"});
    CHECK(check_codes(R"("geo": [1, 2])") == V{"manifest.metadata.type"});
    CHECK(check_codes(R"("score": null)") == V{"manifest.metadata.null"});
    auto cm =
        validate(R"({"images": [{"objectUrl": "https://storage.cloud.google.com/b-1/a.jpg", "clientMetadata": [1]}]})");
    CHECK(codes(cm) == V{"manifest.type"});
}

TEST_CASE("numbers: finite, and F32 range when the schema says so", "[manifest][validate][metadata]") {
    CHECK(check_codes(R"("score": 1e308)").empty());
    CHECK(check_codes(R"("score": 1e309)") == V{"manifest.metadata.number-range"});
    CHECK(check_codes(R"("score": 0.000000001e317)").empty());
    CHECK(check_codes(R"("score": 1.7976931348623157e308)").empty());
    CHECK(check_codes(R"("score": 1.8e308)") == V{"manifest.metadata.number-range"});
    CHECK(check_codes(R"("score": 1e-400)").empty());
    CHECK(check_codes(R"("f32": 3.4028234e38)").empty());
    CHECK(check_codes(R"("f32": 3.5e38)") == V{"manifest.metadata.number-range"});
    CHECK(check_codes(R"("f32": -1e39)") == V{"manifest.metadata.number-range"});
    CHECK(check_codes(R"("f32": 1234567890123456789012345678901234567890)") == V{"manifest.metadata.number-range"});
    CHECK(check_codes(R"("f32": 0.0)").empty());
}

TEST_CASE("varchar length in characters, default 8192", "[manifest][validate][metadata]") {
    CHECK(check_codes(R"("short": "ééééé")").empty());
    auto r = check(R"("short": "abcdef")");
    REQUIRE(codes(r) == V{"manifest.metadata.varchar-length"});
    CHECK(r.diagnostics[0].message.find("text key") != std::string::npos);
    CHECK(check_codes("\"name\": \"" + std::string(8192, 'a') + "\"").empty());
    CHECK(check_codes("\"name\": \"" + std::string(8193, 'a') + "\"") == V{"manifest.metadata.varchar-length"});
    CHECK(check_codes("\"notes\": \"" + std::string(9000, 'a') + "\"").empty());
}

TEST_CASE("datetimes are ISO 8601 dates or date-times", "[manifest][validate][metadata]") {
    for (const char* ok : {"2024-05-01", "2024-05-01T13:45", "2024-05-01T13:45:00", "2024-05-01T13:45:00Z",
                           "2024-05-01T13:45:00.123456+02:00", "2024-05-01 13:45:00-0530", "2000-02-29"})
        CHECK(check_codes(std::string("\"when\": \"") + ok + "\"").empty());
    for (const char* bad : {"2024-13-01", "2023-02-29", "2024-05-01T24:00", "05/01/2024", "2024-05-01T13:45:00+25:00",
                            "2024-5-1", "2024-05-01T13:45:00.Z", "yesterday", "2024-05-01T"})
        CHECK(check_codes(std::string("\"when\": \"") + bad + "\"") == V{"manifest.metadata.datetime"});
    CHECK(check_codes(R"("when": 1714567890)") == V{"manifest.metadata.type"});
}

TEST_CASE("uuids are canonical; a version other than 4 is a warning", "[manifest][validate][metadata]") {
    CHECK(check_codes(R"("id": "123E4567-E89B-42D3-A456-426614174000")").empty());
    auto v1 = check(R"("id": "123e4567-e89b-12d3-a456-426614174000")");
    REQUIRE(codes(v1) == V{"manifest.metadata.uuid-version"});
    CHECK(v1.diagnostics[0].severity == Severity::warning);
    CHECK(check_codes(R"("id": "123e4567e89b42d3a456426614174000")") == V{"manifest.metadata.uuid"});
    CHECK(check_codes(R"("id": "{123e4567-e89b-42d3-a456-426614174000}")") == V{"manifest.metadata.uuid"});
    CHECK(check_codes(R"("id": "123e4567-e89b-42d3-a456-42661417400g")") == V{"manifest.metadata.uuid"});
}

TEST_CASE("enum membership, case sensitive, with a suggestion", "[manifest][validate][metadata]") {
    auto r = check(R"("tag": "Cat")");
    REQUIRE(codes(r) == V{"manifest.metadata.enum"});
    CHECK(r.diagnostics[0].message.find("Did you mean \"cat\"?") != std::string::npos);
    CHECK(check_codes(R"("tag": "cat")").empty());
}

TEST_CASE("embeddings: length and finite numbers", "[manifest][validate][metadata]") {
    auto r = check(R"("emb": [1, 2])");
    REQUIRE(codes(r) == V{"manifest.metadata.embedding-size"});
    CHECK(r.diagnostics[0].pointer == "/images/0/clientMetadata/emb");
    CHECK(r.diagnostics[0].column == 99);
    CHECK(check_codes(R"("emb": [1, 2, 3, 4])") == V{"manifest.metadata.embedding-size"});
    auto big = check(R"("emb": [1, 1e400, 3])");
    REQUIRE(codes(big) == V{"manifest.metadata.number-range"});
    CHECK(big.diagnostics[0].pointer == "/images/0/clientMetadata/emb/1");
    // one report per embedding for non-numbers, plus the count
    CHECK(check_codes(R"("emb": [1, "2", null])") == V{"manifest.metadata.embedding"});
    CHECK(check_codes(R"("emb": [1, [2], 3])") == V{"manifest.metadata.embedding"});
}

TEST_CASE("geospatial values are {latitude, longitude} in range", "[manifest][validate][metadata]") {
    CHECK(check_codes(R"("geo": {"latitude": 90.1, "longitude": 0})") == V{"manifest.metadata.geo-range"});
    CHECK(check_codes(R"("geo": {"latitude": 0, "longitude": -180.5})") == V{"manifest.metadata.geo-range"});
    auto shape = check(R"("geo": {"lat": 1, "lng": 2})");
    CHECK(count(shape, "manifest.metadata.geo-shape") == 3);  // two unknown fields, then both missing
    CHECK(check_codes(R"("geo": {"latitude": 1})") == V{"manifest.metadata.geo-shape"});
    CHECK(check_codes(R"("geo": {"latitude": "1", "longitude": 2})") == V{"manifest.metadata.geo-shape"});
}

TEST_CASE("keyframes are non-negative integers, with or without a schema", "[manifest][validate][metadata]") {
    CHECK(codes(validate(item(R"("keyframes": [0, 5])"))).empty());
    auto r = validate(item(R"("keyframes": [0, 1.5, -1, "2"])"));
    CHECK(count(r, "manifest.metadata.keyframes") == 3);
    CHECK(r.diagnostics[0].pointer == "/images/0/clientMetadata/keyframes/1");
    CHECK(codes(validate(item(R"("keyframes": 5)"))) == V{"manifest.metadata.keyframes"});
}

TEST_CASE("unknown and deleted keys are warnings, once per key", "[manifest][validate][metadata]") {
    std::string two =
        R"({"images": [{"objectUrl": "https://storage.cloud.google.com/b-1/a.jpg", "clientMetadata": {"scor": 1, "gone": 1, "burnt": 2}},
      {"objectUrl": "https://storage.cloud.google.com/b-1/b.jpg", "clientMetadata": {"scor": 1, "gone": 1, "burnt": 2}}]})";
    auto r = validate(two, with_schema(kSchema));
    REQUIRE(codes(r) ==
            V{"manifest.metadata.unknown-key", "manifest.metadata.deleted-key", "manifest.metadata.deleted-key"});
    CHECK(r.diagnostics[0].severity == Severity::warning);
    CHECK(r.diagnostics[0].message.find("Did you mean \"score\"?") != std::string::npos);
    CHECK(r.diagnostics[1].message.find("soft") != std::string::npos);
    CHECK(r.diagnostics[2].message.find("hard deleted") != std::string::npos);
    // without a schema, keys are not checked
    CHECK(codes(validate(two)).empty());
}

TEST_CASE("media metadata: fields, both casings, types and ranges", "[manifest][validate][media]") {
    auto video = [](const std::string& meta) {
        return validate(
            R"({"videos": [{"objectUrl": "https://storage.cloud.google.com/b-1/v.mp4", "videoMetadata": {)" + meta +
            "}}]}");
    };
    CHECK(
        codes(
            video(
                R"("fps": 29.97, "duration": 10.5, "width": 1920, "height": 1080, "file_size": 123, "mime_type": "video/mp4")"))
            .empty());
    CHECK(
        codes(
            video(
                R"("fps": 25, "duration": 1, "width": 1920, "height": 1080, "fileSize": 123, "mimeType": "video/mp4")"))
            .empty());
    auto incomplete = video(R"("fps": 25, "width": 1920)");
    REQUIRE(codes(incomplete) == V{"manifest.media.incomplete"});
    CHECK(incomplete.diagnostics[0].severity == Severity::warning);
    CHECK(incomplete.diagnostics[0].pointer == "/videos/0/videoMetadata");
    CHECK(incomplete.diagnostics[0].message.find("duration, height, file_size, mime_type") != std::string::npos);
    auto wrong = video(
        R"("fps": "25", "duration": 1, "width": 19.5, "height": 0, "file_size": -1, "mime_type": "image/png", "bitrate": 5)");
    CHECK(codes(wrong) == V{"manifest.media.type", "manifest.media.type", "manifest.media.range",
                            "manifest.media.range", "manifest.media.mime-type", "manifest.media.unknown-field"});
    CHECK(wrong.diagnostics[0].pointer == "/videos/0/videoMetadata/fps");
    auto dup = video(
        R"("fps": 25, "duration": 1, "width": 1, "height": 1, "file_size": 1, "fileSize": 1, "mime_type": "video/mp4")");
    CHECK(codes(dup) == V{"manifest.item.duplicate-key"});
    auto audio = validate(
        R"({"audio": [{"objectUrl": "https://storage.cloud.google.com/b-1/a.wav", "audioMetadata": {"duration": 1,
        "file_size": 1, "mime_type": "audio/wav", "sample_rate": 44100, "bit_depth": 16, "codec": "pcm", "num_channels": 2}}]})");
    CHECK(codes(audio).empty());
    auto image_as_video =
        validate(R"({"images": [{"objectUrl": "https://storage.cloud.google.com/b-1/a.png", "videoMetadata": {}}]})");
    CHECK(codes(image_as_video) == V{"manifest.item.unknown-field"});
}

TEST_CASE("strict client-only access requires complete video and image metadata", "[manifest][validate][media]") {
    std::string text = R"({"videos": [{"objectUrl": "https://storage.cloud.google.com/b-1/v.mp4"}],
 "images": [{"objectUrl": "https://storage.cloud.google.com/b-1/a.png", "imageMetadata": {"width": 1, "height": 1}},
            {"objectUrl": "https://storage.cloud.google.com/b-1/b.png", "imageMetadata": {"width": 1, "height": 1, "file_size": 1, "mime_type": "image/png"}}],
 "audio": [{"objectUrl": "https://storage.cloud.google.com/b-1/a.wav"}]})";
    CHECK(codes(validate(text)) == V{"manifest.media.incomplete"});
    ValidateOptions o;
    o.strict_client_only = true;
    auto r = validate(text, o);
    REQUIRE(codes(r) == V{"manifest.strict.missing-metadata", "manifest.media.incomplete"});
    CHECK(r.diagnostics[0].severity == Severity::error);
    CHECK(r.diagnostics[0].pointer == "/videos/0");
    CHECK(r.diagnostics[0].line == 1);
    CHECK(r.diagnostics[0].column == 13);
    CHECK(r.diagnostics[1].severity == Severity::error);
    CHECK(r.diagnostics[1].pointer == "/images/0/imageMetadata");
}

TEST_CASE("plan limits are errors, recommended batches information", "[manifest][validate][limits]") {
    std::string text = "{\"videos\": [";
    for (int i = 0; i < 150; ++i)
        text += std::string(i ? "," : "") + "{\"objectUrl\": \"https://storage.cloud.google.com/b-1/" +
                std::to_string(i) +
                ".mp4\", \"videoMetadata\": {\"fps\": 30, \"duration\": 7000, \"width\": 4096, \"height\": 2160, "
                "\"file_size\": 30000000, \"mime_type\": \"video/mp4\"}}";
    text += "]}";
    CHECK(codes(validate(text)).empty());
    CHECK(validate(text).summary.batches == 3);  // 150 videos, 4.5 GB: ceil(4.5 / 2)
    ValidateOptions o;
    o.plan = Plan::free;
    auto r = validate(text, o);
    CHECK(count(r, "manifest.plan.frames") == 150);      // 210,000 frames
    CHECK(count(r, "manifest.plan.media-size") == 150);  // 30 MB > 25 MB
    CHECK(count(r, "manifest.plan.resolution") == 0);    // 4096x2160 is 4K
    CHECK(count(r, "manifest.plan.entries") == 0);       // 150 <= 1,000
    CHECK(count(r, "manifest.batch.recommended") == 1);
    CHECK(find(r, "manifest.batch.recommended")->severity == Severity::info);
    o.plan = Plan::enterprise;
    auto e = validate(text, o);
    CHECK(count(e, "manifest.plan.media-size") == 0);
    CHECK(count(e, "manifest.plan.frames") == 150);
}

TEST_CASE("plan entries and file size", "[manifest][validate][limits]") {
    std::string text = "{\"images\": [";
    for (int i = 0; i < 2501; ++i)
        text += std::string(i ? "," : "") + "{\"objectUrl\": \"https://storage.cloud.google.com/b-1/" +
                std::to_string(i) + "\"}";
    text += "]}";
    ValidateOptions o;
    o.plan = Plan::team;
    auto r = validate(text, o);
    CHECK(codes(r) == V{"manifest.plan.entries", "manifest.batch.recommended"});
    o.plan = Plan::enterprise;
    CHECK(codes(validate(text, o)) == V{"manifest.batch.recommended"});
    std::string big = "{\"images\": [], \"x_pad\": \"" + std::string(10'000'001, 'a') + "\"}";
    o.plan = Plan::free;
    CHECK(count(validate(big, o), "manifest.plan.file-size") == 1);
}

TEST_CASE("limits table and batch count", "[manifest][limits]") {
    CHECK(file_limits().max_urls == 1'000'000);
    CHECK(file_limits().max_items == 500'000);
    CHECK(plan_limits(Plan::team).max_json_entries == 2'500);
    CHECK(plan_limits(Plan::free).max_media_bytes == 25'000'000);
    CHECK(plan_from_name("enterprise") == Plan::enterprise);
    CHECK_FALSE(plan_from_name("pro"));
    CHECK(batch_count({0, 0, 0}) == 0);
    CHECK(batch_count({1, 0, 0}) == 1);
    CHECK(batch_count({101, 0, 0}) == 2);
    CHECK(batch_count({0, 2001, 0}) == 3);
    CHECK(batch_count({0, 5, 4'000'000'001}) == 3);
}

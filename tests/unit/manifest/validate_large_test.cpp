// Manifests larger than the reader's pause interval (1 MiB): the one-call validator reads them in
// paused slices, so findings on either side of a pause must be exactly those of the item-by-item job.
#include <catch2/catch.hpp>
#include <string>

#include "validate_support.hpp"

using namespace eic::manifest;
using namespace eic::manifest::test;
using eic::Diagnostic;

namespace {

constexpr const char* kWire = R"({"score": {"ty": "variant", "hint": "number"},
  "species": {"ty": "enum", "values": ["cat", "dog"]},
  "clip": {"ty": "embedding", "size": 5, "api": null}})";

// One item per line (line = index + 3); every 997th item has a bad enum value, every 1499th a short
// embedding, and the last one a missing objectUrl.
std::string large_manifest(int items) {
    std::string s = "{\n  \"images\": [\n";
    for (int i = 0; i < items; ++i) {
        const bool last = i + 1 == items;
        s += "    {";
        if (!last) s += "\"objectUrl\": \"https://storage.cloud.google.com/bkt-1/img/" + std::to_string(i) + ".jpg\", ";
        s += "\"title\": \"" + std::to_string(i) + ".jpg\", \"clientMetadata\": {\"score\": " + std::to_string(i) +
             ".5, \"species\": \"" + (i % 997 == 5 ? "cow" : "cat") + "\", \"clip\": [0.25, -1.5e3, 7, " +
             (i % 1499 == 7 ? "" : "0.125, ") + "1]}}";
        s += last ? "\n" : ",\n";
    }
    s += "  ]\n}\n";
    return s;
}

}  // namespace

TEST_CASE("a manifest of several MiB: findings on both sides of the reader's pauses", "[manifest][validate][large]") {
    const int items = 20000;
    const std::string text = large_manifest(items);
    REQUIRE(text.size() > 3 * (1u << 20));
    ValidateOptions o = with_schema(kWire);
    o.max_diagnostics = 0;
    const ValidationResult r = validate(text, o);

    CHECK(r.summary.items == std::uint64_t(items));
    CHECK(r.summary.urls == std::uint64_t(items - 1));
    const std::size_t enums = (items - 5 + 996) / 997, shorts = (items - 7 + 1498) / 1499;
    CHECK(count(r, "manifest.metadata.enum") == enums);
    CHECK(count(r, "manifest.metadata.embedding-size") == shorts);
    CHECK(count(r, "manifest.item.missing-url") == 1);
    CHECK(r.summary.errors == enums + shorts + 1);

    // Places: the item's line, and pointers with the right item index, far past the first pause.
    const Diagnostic* last_enum = nullptr;
    for (const auto& d : r.diagnostics)
        if (d.code == "manifest.metadata.enum") last_enum = &d;
    REQUIRE(last_enum);
    const int k = 5 + 997 * int(enums - 1);
    CHECK(last_enum->line == std::uint32_t(k + 3));
    CHECK(last_enum->pointer == "/images/" + std::to_string(k) + "/clientMetadata/species");
    CHECK(last_enum->item == std::uint64_t(k));
    const Diagnostic* missing = find(r, "manifest.item.missing-url");
    REQUIRE(missing);
    CHECK(missing->line == std::uint32_t(items - 1 + 3));
    CHECK(missing->column == 5);
    CHECK(missing->pointer == "/images/" + std::to_string(items - 1));

    // The job walks items itself, never pausing the reader: the same findings in the same order.
    ValidationJob job(text, o);
    int guard = 0;
    while (!job.step(64 << 10)) REQUIRE(++guard < 100000);
    const ValidationResult& j = job.result();
    REQUIRE(j.diagnostics.size() == r.diagnostics.size());
    for (std::size_t i = 0; i < r.diagnostics.size(); ++i) {
        INFO(i << ": " << r.diagnostics[i].code);
        CHECK(j.diagnostics[i].code == r.diagnostics[i].code);
        CHECK(j.diagnostics[i].line == r.diagnostics[i].line);
        CHECK(j.diagnostics[i].column == r.diagnostics[i].column);
        CHECK(j.diagnostics[i].pointer == r.diagnostics[i].pointer);
        CHECK(j.diagnostics[i].message == r.diagnostics[i].message);
    }
}

TEST_CASE("a syntax error after the reader paused is reported once, at its place", "[manifest][validate][large]") {
    std::string text = large_manifest(12000);
    REQUIRE(text.size() > 2 * (1u << 20));
    const std::size_t at = text.rfind("\"title\"");
    text.insert(at, "\"oops\" ");  // a missing colon/comma deep in the file
    const ValidationResult r = validate(text, with_schema(kWire));
    REQUIRE(count(r, "json.syntax") == 1);
    const Diagnostic* d = find(r, "json.syntax");
    CHECK(d->line == std::uint32_t(12000 - 1 + 3));
    CHECK(r.summary.items == 12000);
}

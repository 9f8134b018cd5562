// Bad input never crashes the validator: every truncation of the fixtures and random mutations.
#include <catch2/catch.hpp>
#include <fstream>
#include <random>
#include <sstream>

#include "validate_support.hpp"

using namespace eic;
using namespace eic::manifest;
using namespace eic::manifest::test;

namespace {

std::string fixture(const char* name) {
    std::ifstream in(std::string(EIC_TEST_DATA) + "/manifest/" + name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Invariants of any result: counts add up, places are sane, JSON findings have a pointer.
void check_result(const ValidationResult& r, std::string_view text) {
    std::uint64_t e = 0, w = 0, i = 0;
    for (const auto& d : r.diagnostics) {
        e += d.severity == Severity::error;
        w += d.severity == Severity::warning;
        i += d.severity == Severity::info;
        REQUIRE(d.pointer.has_value());
        REQUIRE_FALSE(d.code.empty());
        REQUIRE_FALSE(d.message.empty());
        if (d.code != "manifest.capped") REQUIRE(d.line >= 1);
    }
    REQUIRE(r.summary.errors == e);
    REQUIRE(r.summary.warnings == w);
    REQUIRE(r.summary.infos == i);
    REQUIRE(r.summary.bytes == text.size());
}

ValidateOptions options() {
    ValidateOptions o = with_schema(fixture("schema.json"));
    o.strict_client_only = true;
    o.plan = Plan::free;
    o.max_diagnostics = 0;
    o.format = InputFormat::json;
    return o;
}

}  // namespace

TEST_CASE("every truncation of the fixtures is reported, never crashes", "[manifest][validate][robust]") {
    const ValidateOptions o = options();
    for (const char* name : {"clean.json", "errors.json"}) {
        const std::string text = fixture(name);
        REQUIRE(text.size() > 100);
        for (std::size_t n = 0; n < text.size(); ++n) {
            std::string_view cut(text.data(), n);
            INFO(name << " cut at " << n);
            auto r = validate_manifest(cut, o);
            check_result(r, cut);
            // a cut before the closing brace is never clean
            if (n <= text.find_last_of('}')) REQUIRE(r.has_errors());
        }
    }
}

TEST_CASE("random mutations never crash", "[manifest][validate][robust]") {
    const ValidateOptions o = options();
    std::mt19937 rng(20261125);
    const char alphabet[] = "{}[]\":,0123456789-+.eE truefalsnul\\/_objectUrl\xC3\xA9\xFF\n";
    for (const char* name : {"clean.json", "errors.json"}) {
        const std::string base = fixture(name);
        for (int round = 0; round < 1500; ++round) {
            std::string text = base;
            int edits = 1 + int(rng() % 4);
            for (int k = 0; k < edits; ++k) {
                std::size_t at = rng() % text.size();
                switch (rng() % 3) {
                    case 0:
                        text[at] = alphabet[rng() % (sizeof alphabet - 1)];
                        break;
                    case 1:
                        text.erase(at, 1 + rng() % 8);
                        break;
                    default:
                        text.insert(at, 1, alphabet[rng() % (sizeof alphabet - 1)]);
                        break;
                }
                if (text.empty()) text = "{";
            }
            check_result(validate_manifest(text, o), text);
        }
    }
}

TEST_CASE("deep nesting is bounded by the reader", "[manifest][validate][robust]") {
    std::string deep = R"({"images": [{"objectUrl": "gs://b-1/a", "clientMetadata": {"x": )" + std::string(100000, '[');
    auto r = validate(deep);
    CHECK(find(r, "json.depth"));
}

namespace {

ValidationResult stepped(std::string_view text, const ValidateOptions& o, std::size_t slice) {
    ValidationJob job(text, o);
    int guard = 0;
    while (!job.step(slice)) REQUIRE(++guard < 1000000);
    REQUIRE(job.done_bytes() == text.size());
    return job.result();
}

void same(const ValidationResult& a, const ValidationResult& b) {
    REQUIRE(a.diagnostics.size() == b.diagnostics.size());
    for (std::size_t i = 0; i < a.diagnostics.size(); ++i) {
        const auto &x = a.diagnostics[i], &y = b.diagnostics[i];
        INFO(x.code << " " << x.message << " / " << y.code << " " << y.message);
        REQUIRE(x.code == y.code);
        REQUIRE(x.message == y.message);
        REQUIRE(x.line == y.line);
        REQUIRE(x.column == y.column);
        REQUIRE(x.pointer == y.pointer);
        REQUIRE(x.collection == y.collection);
        REQUIRE(x.item == y.item);
    }
    REQUIRE(a.summary.items == b.summary.items);
    REQUIRE(a.summary.urls == b.summary.urls);
    REQUIRE(a.summary.errors == b.summary.errors);
    REQUIRE(a.summary.collections == b.summary.collections);
}

}  // namespace

TEST_CASE("a job in slices finds exactly what one call finds", "[manifest][validate][robust][job]") {
    const ValidateOptions o = options();
    for (const char* name : {"clean.json", "errors.json"}) {
        const std::string text = fixture(name);
        for (std::size_t n = 0; n <= text.size(); ++n) {
            INFO(name << " cut at " << n);
            std::string_view cut(text.data(), n);
            auto one = validate_manifest(cut, o);
            same(one, stepped(cut, o, 1));
            same(one, stepped(cut, o, 1 << 20));
        }
    }
    std::mt19937 rng(42);
    const char alphabet[] = "{}[]\":, 0123456789-truefalsnul\\objectUrl_";
    for (int round = 0; round < 2000; ++round) {
        std::string text = fixture(round % 2 ? "clean.json" : "errors.json");
        for (int k = 0; k < 3; ++k) {
            std::size_t at = rng() % text.size();
            if (rng() % 2)
                text[at] = alphabet[rng() % (sizeof alphabet - 1)];
            else
                text.erase(at, 1 + rng() % 4);
        }
        INFO(text);
        same(validate_manifest(text, o), stepped(text, o, 1 + rng() % 200));
    }
}

TEST_CASE("a job resumes between items, reports progress and cancels", "[manifest][validate][job]") {
    std::string text = "{\"images\": [";
    for (int i = 0; i < 100; ++i)
        text += std::string(i ? "," : "") + "{\"objectUrl\": \"https://storage.cloud.google.com/b-1/" +
                std::to_string(i % 90) + "\"}";
    text += "], \"skip_duplicate_urls\": true}";
    ValidationJob job(text, ValidateOptions{});
    std::size_t steps = 0, last = 0;
    while (!job.step(500)) {
        ++steps;
        CHECK(job.done_bytes() > last);
        CHECK(job.done_bytes() < job.total_bytes());
        last = job.done_bytes();
    }
    CHECK(steps > 5);
    CHECK(job.finished());
    CHECK(job.result().summary.items == 100);
    CHECK(count(job.result(), "manifest.url.duplicate") == 10);

    ValidationJob cancelled(text, ValidateOptions{});
    cancelled.step(500);
    cancelled.cancel();
    CHECK(cancelled.step(500));
    CHECK(cancelled.result().summary.cancelled);
    CHECK(cancelled.result().summary.items < 100);

    ValidateOptions csv;
    csv.format = InputFormat::csv;
    ValidationJob one_step("ObjectUrl\nhttps://storage.cloud.google.com/b-1/a.mp4\n", csv);
    CHECK(one_step.step(1));
    CHECK(one_step.result().summary.format == "csv");
}

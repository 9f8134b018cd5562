// The open manifests' autosave (core/app/manifest_autosave.hpp): written once the tabs have been quiet for
// the pause, each tab as it stands (the bytes as opened, an edited CSV file as JSON), tabs over a limit
// named rather than dropped silently, and the record read back strictly.
#include "app/manifest_autosave.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace eic;

namespace {

const char* const kJson = R"({"images":[{"objectUrl":"https://storage.cloud.google.com/b/a.jpg"}]})";
const char* const kCsv =
    "ObjectUrl,Image title\nhttps://storage.cloud.google.com/b/a.jpg,a\nhttps://storage.cloud.google.com/b/b.jpg,b\n";

struct Fixture {
    double clock = 0;
    schema::Schema schema;
    app::ManifestWorkspace ws{[this] { return clock += 0.001; }};
    app::ValidationInputs in() const { return {schema, 1, {}}; }
    void validated(double now_s) {
        for (int i = 0; i < 1000 && !ws.runner().empty(); ++i) ws.update(in(), now_s);
    }
};

}  // namespace

TEST_CASE("autosave: a record once the tabs are quiet for the pause, and none while nothing changed",
          "[app][autosave]") {
    Fixture f;
    app::ManifestAutosave autosave;
    f.ws.open("a.json", kJson, f.in(), 1.0);
    CHECK_FALSE(autosave.due(f.ws, 1.0));  // validating
    f.validated(1.0);
    CHECK_FALSE(autosave.due(f.ws, 1.1));  // the change is seen now: the pause starts
    CHECK_FALSE(autosave.due(f.ws, 1.1 + autosave.limits().pause_s / 2));
    const auto r = autosave.due(f.ws, 1.1 + autosave.limits().pause_s);
    REQUIRE(r);
    CHECK(r->left_out.empty());
    const app::AutosaveRead back = app::read_autosave(r->text);
    REQUIRE(back.error.empty());
    REQUIRE(back.tabs.size() == 1);
    CHECK(back.tabs[0].name == "a.json");
    CHECK(back.tabs[0].text == kJson);
    CHECK(back.tabs[0].front);
    CHECK_FALSE(back.tabs[0].dirty);
    CHECK_FALSE(autosave.due(f.ws, 10.0));  // nothing changed since

    // Closing the last tab is a change too: a reload must not bring back what was closed.
    f.ws.close(f.ws.active_id(), true, 11.0);
    CHECK_FALSE(autosave.due(f.ws, 11.0));
    const auto closed = autosave.due(f.ws, 12.0);
    REQUIRE(closed);
    CHECK(app::read_autosave(closed->text).tabs.empty());
}

TEST_CASE("autosave: changes that never pause are written once the oldest is max_wait_s old", "[app][autosave]") {
    Fixture f;
    app::ManifestAutosave autosave;
    const double step = autosave.limits().pause_s / 2;  // each change comes before the pause is over
    REQUIRE(autosave.limits().max_wait_s < 1.0);        // a closed tab loses under a second of work
    double t = 1.0;
    int written = 0;
    double first_unsaved = t, oldest_kept = 0;
    for (int i = 0; i < 20; ++i, t += step) {
        f.ws.open("m" + std::to_string(i) + ".json", kJson, f.in(), t);
        f.validated(t);
        if (const auto r = autosave.due(f.ws, t)) {
            ++written;
            CHECK(t - first_unsaved >= autosave.limits().max_wait_s);
            CHECK(t - first_unsaved < autosave.limits().max_wait_s + step);
            CHECK(app::read_autosave(r->text).tabs.size() == std::size_t(i + 1));  // everything up to now
            oldest_kept = t;
            first_unsaved = t + step;
        }
    }
    CHECK(written >= 4);  // 5 s of changes: about one write every max_wait_s
    CHECK(t - step - oldest_kept < autosave.limits().max_wait_s + step);
}

TEST_CASE("autosave: a CSV file is kept as opened until edited, then as JSON under a .json name", "[app][autosave]") {
    Fixture f;
    app::ManifestAutosave autosave;
    const app::TabId id = f.ws.open("m.csv", kCsv, f.in(), 1.0);
    f.validated(1.0);
    autosave.due(f.ws, 1.0);
    auto r = autosave.due(f.ws, 2.0);
    REQUIRE(r);
    auto back = app::read_autosave(r->text);
    REQUIRE(back.tabs.size() == 1);
    CHECK(back.tabs[0].name == "m.csv");
    CHECK(back.tabs[0].text == kCsv);

    f.ws.find(id)->doc.delete_units({0});
    autosave.due(f.ws, 3.0);
    r = autosave.due(f.ws, 4.0);
    REQUIRE(r);
    back = app::read_autosave(r->text);
    REQUIRE(back.tabs.size() == 1);
    CHECK(back.tabs[0].name == "m.json");
    CHECK(back.tabs[0].dirty);  // so the restored tab asks before it is closed
    const auto j = nlohmann::json::parse(back.tabs[0].text);
    REQUIRE(j["images"].size() == 1);
    CHECK(j["images"][0]["objectUrl"] == "https://storage.cloud.google.com/b/b.jpg");
}

TEST_CASE("autosave: tabs over the limits are named, the others kept", "[app][autosave]") {
    Fixture f;
    app::AutosaveLimits limits;
    limits.max_tab_bytes = std::string(kCsv).size();  // the CSV fits, the JSON does not... and the total
    limits.max_total_bytes = std::string(kCsv).size();
    app::ManifestAutosave autosave(limits);
    f.ws.open("m.csv", kCsv, f.in(), 1.0);
    f.ws.open("big.json", std::string(kJson) + std::string(200, ' '), f.in(), 1.0);
    f.ws.open("small.json", kJson, f.in(), 1.0);
    f.validated(1.0);
    autosave.due(f.ws, 1.0);
    const auto r = autosave.due(f.ws, 2.0);
    REQUIRE(r);
    CHECK(r->left_out == std::vector<std::string>{"big.json", "small.json"});  // too big; over the total
    const auto back = app::read_autosave(r->text);
    REQUIRE(back.tabs.size() == 1);
    CHECK(back.tabs[0].name == "m.csv");
    CHECK_FALSE(back.tabs[0].front);  // small.json was in front
}

TEST_CASE("autosave: a record that is not one is refused with the reason", "[app][autosave]") {
    CHECK(app::read_autosave("not json").error == "the autosaved manifests are not a JSON object");
    CHECK_THAT(app::read_autosave(R"({"format": "other", "version": 1, "tabs": []})").error,
               Catch::Contains("eic-autosave-manifests"));
    CHECK_THAT(app::read_autosave(R"({"format": "eic-autosave-manifests", "version": 1})").error,
               Catch::Contains("/tabs"));
    const auto bad = app::read_autosave(
        R"({"format": "eic-autosave-manifests", "version": 1, "tabs": [{"name": "a", "text": "x"}, {"name": "b"}]})");
    CHECK(bad.error == "the autosaved manifest at /tabs/1 needs a name and a text");
    CHECK(bad.tabs.empty());
}

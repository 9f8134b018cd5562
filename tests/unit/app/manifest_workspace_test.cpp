#include "app/manifest_workspace.hpp"

#include <catch2/catch.hpp>

using namespace eic;
using app::ManifestWorkspace;
using app::WorkspaceEvent;

namespace {

const char* const kOne = R"({"images":[{"objectUrl":"https://storage.cloud.google.com/my-bucket/a.jpg"}]})";
const char* const kCsv = "ObjectUrl,Image title\nhttps://storage.cloud.google.com/my-bucket/a.jpg,a\n";

// A clock each reading of which is a millisecond later, so every step takes time.
struct TickClock {
    double now = 0;
    jobs::JobRunner::Clock fn() {
        return [this] { return now += 0.001; };
    }
};

struct Fixture {
    TickClock clock;
    schema::Schema schema;
    std::uint64_t schema_revision = 1;
    ManifestWorkspace ws;
    explicit Fixture(ManifestWorkspace::Settings s = {}) : ws(clock.fn(), s) {}
    app::ValidationInputs in() const { return {schema, schema_revision, {}}; }
    // Frames until no validation runs (at most n).
    void frames(double now_s, int n = 1000) {
        for (int i = 0; i < n && !ws.runner().empty(); ++i) ws.update(in(), now_s);
    }
    std::vector<WorkspaceEvent> events_of(WorkspaceEvent::Kind kind) {
        std::vector<WorkspaceEvent> out;
        for (auto& e : ws.take_events())
            if (e.kind == kind) out.push_back(e);
        return out;
    }
};

}  // namespace

TEST_CASE("Opened bytes become the tab in front and are validated on the runner") {
    Fixture f;
    const app::TabId a = f.ws.open("a.json", kOne, f.in(), 2.0);
    CHECK(a != 0);
    CHECK(f.ws.active_id() == a);
    CHECK(f.ws.tabs().size() == 1);
    REQUIRE(f.ws.find(a));
    CHECK(f.ws.find(a)->doc.validating());
    CHECK(f.ws.runner().size() == 1);
    auto events = f.ws.take_events();
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == WorkspaceEvent::Kind::opened);
    CHECK(events[0].tab == a);
    CHECK(events[0].message.rfind("Opened the manifest a.json (", 0) == 0);
    CHECK(events[0].time_s == 2.0);

    f.frames(3.0);
    CHECK_FALSE(f.ws.find(a)->doc.validating());
    CHECK(f.ws.runner().empty());
    auto done = f.events_of(WorkspaceEvent::Kind::validated);
    REQUIRE(done.size() == 1);
    CHECK(done[0].tab == a);
    CHECK(done[0].message.rfind("Validated a.json: 1 item, 0 errors", 0) == 0);
    CHECK(done[0].level == app::LogLevel::info);

    const app::TabId b = f.ws.open("b.csv", kCsv, f.in(), 4.0);
    CHECK(b != a);
    CHECK(f.ws.active_id() == b);
    CHECK(f.ws.active_index() == 1);
    f.ws.activate(a);
    CHECK(f.ws.active_id() == a);
}

TEST_CASE("A new manifest has a plain name; tabs of one name are told apart") {
    Fixture f;
    const app::TabId first = f.ws.open_new(f.in(), 0);
    REQUIRE(f.ws.active());
    CHECK(f.ws.active()->doc.file_name() == "manifest.json");
    f.frames(0);
    CHECK(f.ws.active()->doc.editable());
    const app::TabId second = f.ws.open_new(f.in(), 0);
    const app::TabId other = f.ws.open("a.json", R"({"images":[]})", f.in(), 0);
    const app::TabId third = f.ws.open("manifest.json", R"({"images":[]})", f.in(), 0);
    CHECK(f.ws.display_name(first) == "manifest.json");
    CHECK(f.ws.display_name(second) == "manifest.json (2)");
    CHECK(f.ws.display_name(other) == "a.json");
    CHECK(f.ws.display_name(third) == "manifest.json (3)");
    CHECK(f.ws.display_name(9999) == "");
}

TEST_CASE("Pasted text opens as a manifest named by its format") {
    CHECK(ManifestWorkspace::pasted_name(kOne) == "pasted.json");
    CHECK(ManifestWorkspace::pasted_name("  \n[{}]") == "pasted.json");
    CHECK(ManifestWorkspace::pasted_name(kCsv) == "pasted.csv");
    Fixture f;
    CHECK(f.ws.paste("", f.in(), 0) == 0);
    CHECK(f.ws.empty());
    const app::TabId id = f.ws.paste(kCsv, f.in(), 0);
    REQUIRE(f.ws.find(id));
    CHECK(f.ws.find(id)->doc.file_name() == "pasted.csv");
    CHECK(f.ws.find(id)->doc.format() == manifest::Format::csv);
}

TEST_CASE("Validation ends with one message, logged at the level of what it found") {
    Fixture f;
    const app::TabId id = f.ws.open("bad.json", R"({"images":[{"title":"no url"}]})", f.in(), 0);
    f.ws.validate_to_end(id, 1.0);
    CHECK(f.ws.runner().empty());
    auto done = f.events_of(WorkspaceEvent::Kind::validated);
    REQUIRE(done.size() == 1);
    CHECK(done[0].level == app::LogLevel::error);
    CHECK(done[0].message.rfind("Validated bad.json: 1 item, 1 error, ", 0) == 0);
    f.frames(2.0);
    CHECK(f.events_of(WorkspaceEvent::Kind::validated).empty());  // not twice
}

TEST_CASE("Closing a tab with edits that were not exported asks first") {
    Fixture f;
    const app::TabId a = f.ws.open("a.json", kOne, f.in(), 0);
    const app::TabId b = f.ws.open("b.json", kOne, f.in(), 0);
    const app::TabId c = f.ws.open("c.json", kOne, f.in(), 0);
    f.frames(0);
    f.ws.take_events();

    app::WorkspaceTab* tb = f.ws.find(b);
    tb->doc.add_unit(manifest::Collection::videos);
    f.ws.edited(b, "Add a row", 1.0);
    CHECK(tb->doc.dirty());
    CHECK(f.ws.close(b, false, 1.0) == ManifestWorkspace::CloseState::unsaved);
    CHECK(f.ws.tabs().size() == 3);
    CHECK(f.events_of(WorkspaceEvent::Kind::closed).empty());

    // The tab in front is the last; closing one before it keeps it in front.
    CHECK(f.ws.close(b, true, 2.0) == ManifestWorkspace::CloseState::closed);
    CHECK(f.ws.tabs().size() == 2);
    CHECK(f.ws.active_id() == c);
    auto closed = f.events_of(WorkspaceEvent::Kind::closed);
    REQUIRE(closed.size() == 1);
    CHECK(closed[0].message == "Closed b.json");
    CHECK(f.ws.close(b, true, 2.0) == ManifestWorkspace::CloseState::no_such_tab);

    // Closing the tab in front brings the one before it.
    CHECK(f.ws.close(c, false, 3.0) == ManifestWorkspace::CloseState::closed);
    CHECK(f.ws.active_id() == a);
    CHECK(f.ws.close(a, false, 3.0) == ManifestWorkspace::CloseState::closed);
    CHECK(f.ws.active() == nullptr);
    CHECK(f.ws.active_index() == -1);
}

TEST_CASE("Closing a tab that is being validated drops its job") {
    Fixture f;
    const app::TabId a = f.ws.open("a.json", kOne, f.in(), 0);
    CHECK(f.ws.runner().size() == 1);
    CHECK(f.ws.close(a, false, 0) == ManifestWorkspace::CloseState::closed);
    CHECK(f.ws.runner().empty());
    f.frames(1.0);
}

TEST_CASE("After an edit the full pass waits for a pause") {
    Fixture f;
    const app::TabId id = f.ws.open("a.json", kOne, f.in(), 0);
    f.frames(0);
    app::WorkspaceTab& t = *f.ws.find(id);
    t.doc.add_unit(manifest::Collection::videos);
    f.ws.edited(id, "Add a row", 10.0);
    auto edits = f.events_of(WorkspaceEvent::Kind::edited);
    REQUIRE(edits.size() == 1);
    CHECK(edits[0].level == app::LogLevel::debug);
    CHECK(edits[0].message == "Add a row in a.json");
    CHECK(t.doc.stale());
    CHECK_FALSE(f.ws.wants_revalidation(t, f.schema_revision, 10.3));
    f.ws.update(f.in(), 10.3);
    CHECK_FALSE(t.doc.validating());
    CHECK(f.ws.wants_revalidation(t, f.schema_revision, 10.7));
    f.ws.update(f.in(), 10.7);
    CHECK(t.doc.validating());
    f.frames(11);
    CHECK_FALSE(t.doc.stale());
    CHECK_FALSE(f.ws.wants_revalidation(t, f.schema_revision, 20));
}

TEST_CASE("A schema change validates the tab in front again, and only it") {
    Fixture f;
    const app::TabId a = f.ws.open("a.json", kOne, f.in(), 0);
    const app::TabId b = f.ws.open("b.json", kOne, f.in(), 0);
    f.frames(0);
    f.ws.take_events();
    ++f.schema_revision;
    CHECK(f.ws.schema_changed(*f.ws.find(a), f.schema_revision));
    f.ws.update(f.in(), 1.0);
    CHECK(f.ws.find(b)->doc.validating());
    CHECK_FALSE(f.ws.find(a)->doc.validating());
    f.frames(1.0);
    CHECK_FALSE(f.ws.schema_changed(*f.ws.find(b), f.schema_revision));
    CHECK(f.ws.schema_changed(*f.ws.find(a), f.schema_revision));
    f.ws.activate(a);
    f.ws.update(f.in(), 2.0);
    CHECK(f.ws.find(a)->doc.validating());
}

TEST_CASE("Large files are validated again on request only") {
    ManifestWorkspace::Settings s;
    s.auto_revalidate_bytes = 10;
    Fixture f(s);
    const app::TabId id = f.ws.open("a.json", kOne, f.in(), 0);
    f.frames(0);
    app::WorkspaceTab& t = *f.ws.find(id);
    CHECK_FALSE(f.ws.auto_revalidates(t));
    ++f.schema_revision;
    f.ws.update(f.in(), 100);
    CHECK_FALSE(t.doc.validating());
    f.ws.validate(id, f.in());
    CHECK(t.doc.validating());
    CHECK(f.ws.runner().size() == 1);
    f.frames(100);
    CHECK_FALSE(f.ws.schema_changed(t, f.schema_revision));
}

TEST_CASE("Cancelling a validation says so, and not that it was validated") {
    Fixture f;
    const app::TabId id = f.ws.open("a.json", kOne, f.in(), 0);
    f.ws.take_events();
    f.ws.cancel(id, 5.0);
    CHECK_FALSE(f.ws.find(id)->doc.validating());
    CHECK(f.ws.runner().empty());
    auto events = f.ws.take_events();
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == WorkspaceEvent::Kind::cancelled);
    CHECK(events[0].level == app::LogLevel::warning);
    CHECK(events[0].message == "Validation of a.json cancelled");
    f.frames(6.0);
    CHECK(f.events_of(WorkspaceEvent::Kind::validated).empty());
}

TEST_CASE("Several tabs validate side by side within the frame budget") {
    Fixture f;
    for (int i = 0; i < 3; ++i) f.ws.open("m" + std::to_string(i) + ".json", kOne, f.in(), 0);
    CHECK(f.ws.runner().size() == 3);
    f.frames(1.0);
    CHECK(f.events_of(WorkspaceEvent::Kind::validated).size() == 3);
    for (const auto& t : f.ws.tabs()) CHECK(t->job == 0);
}

TEST_CASE("Idle-time steps validate without the frame, and say when the work is done") {
    Fixture f;
    CHECK_FALSE(f.ws.busy());
    CHECK_FALSE(f.ws.step(0.01, 0));  // nothing to do
    // A manifest of many items takes several steps of a small budget.
    std::string big = R"({"images":[)";
    for (int i = 0; i < 60000; ++i)
        big += (i ? "," : "") + std::string(R"({"objectUrl":"https://storage.cloud.google.com/my-bucket/)") +
               std::to_string(i) + R"(.jpg"})";
    big += "]}";
    const app::TabId a = f.ws.open("big.json", big, f.in(), 0);
    f.ws.take_events();
    CHECK(f.ws.busy());
    int steps = 0;
    while (f.ws.step(0.002, 1.0) && steps < 100000) ++steps;
    CHECK(steps > 1);  // the budget bounds each step
    CHECK_FALSE(f.ws.busy());
    CHECK_FALSE(f.ws.find(a)->doc.validating());
    auto done = f.events_of(WorkspaceEvent::Kind::validated);
    REQUIRE(done.size() == 1);
    CHECK(done[0].tab == a);
    CHECK(done[0].message.rfind("Validated big.json: 60000 items, 0 errors", 0) == 0);
    CHECK(done[0].time_s == 1.0);
    // A validation started on the document directly is picked up by the next step.
    f.ws.find(a)->doc.validate(f.schema, {});
    CHECK(f.ws.step(0.0001, 2.0));
    CHECK(f.ws.busy());
}

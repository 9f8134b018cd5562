#include "app/schema_document.hpp"

#include <catch2/catch.hpp>

#include "schema/mutations.hpp"

using namespace eic;
using eic::app::draft_file_name;
using eic::app::SchemaDocument;

namespace {
Diagnostics add_number(SchemaDocument& doc, const std::string& key) {
    return doc.edit("Added " + key,
                    [&](schema::Draft& d) { return schema::set_scalar(d.schema, key, schema::ScalarHint::number); });
}
}  // namespace

TEST_CASE("edits enter the history and undo/redo walk it", "[app][schema-doc]") {
    SchemaDocument doc;
    CHECK_FALSE(doc.dirty());
    CHECK_FALSE(doc.can_undo());
    REQUIRE_FALSE(has_error(add_number(doc, "a")));
    REQUIRE_FALSE(has_error(add_number(doc, "b")));
    CHECK(doc.dirty());
    CHECK(doc.draft().schema.size() == 2);
    CHECK(doc.history_labels() == std::vector<std::string>{"New draft", "Added a", "Added b"});
    doc.undo();
    CHECK(doc.draft().schema.size() == 1);
    CHECK(doc.can_redo());
    doc.redo();
    CHECK(doc.draft().schema.contains("b"));
    doc.undo();
    doc.undo();
    CHECK(doc.draft().schema.empty());
    CHECK_FALSE(doc.dirty());  // back at the saved state
    REQUIRE_FALSE(has_error(add_number(doc, "c")));
    CHECK_FALSE(doc.can_redo());  // a new edit drops the redo branch
    CHECK(doc.history_labels().size() == 2);
}

TEST_CASE("a refused edit changes nothing and leaves no history", "[app][schema-doc]") {
    SchemaDocument doc;
    auto ds = doc.edit("Added $bad",
                       [](schema::Draft& d) { return schema::set_scalar(d.schema, "$bad", schema::ScalarHint::text); });
    REQUIRE(has_error(ds));
    CHECK(doc.draft().schema.empty());
    CHECK_FALSE(doc.can_undo());
    CHECK_FALSE(doc.dirty());
}

TEST_CASE("a saved draft reopens as the identical schema", "[app][schema-doc]") {
    SchemaDocument doc;
    add_number(doc, "team.count");
    doc.edit("Added colour", [](schema::Draft& d) { return schema::add_enum(d.schema, "colour", {"red", "green"}); });
    doc.edit("Note", [](schema::Draft& d) {
        d.notes["colour"] = "Цвет объекта";
        return Diagnostics{};
    });
    const std::string text = doc.draft_text();
    doc.mark_saved("mine.eic-schema.json");
    CHECK_FALSE(doc.dirty());

    SchemaDocument other;
    auto ds = other.open(text, "mine.eic-schema.json");
    CHECK_FALSE(has_error(ds));
    CHECK(other.draft().schema == doc.draft().schema);
    CHECK(other.draft().notes.at("colour") == "Цвет объекта");
    CHECK(other.file_name() == "mine.eic-schema.json");
    CHECK_FALSE(other.dirty());
    CHECK(other.draft_text() == text);
}

TEST_CASE("a restored draft can be marked unsaved", "[app][schema-doc]") {
    SchemaDocument doc;
    add_number(doc, "a");
    SchemaDocument restored;
    REQUIRE_FALSE(has_error(restored.open(doc.draft_text(), "x.eic-schema.json")));
    CHECK_FALSE(restored.dirty());
    restored.mark_unsaved();
    CHECK(restored.dirty());
    restored.mark_saved("");
    CHECK_FALSE(restored.dirty());
    CHECK(restored.file_name() == "x.eic-schema.json");
}

TEST_CASE("a plain wire map opens as a draft based on it", "[app][schema-doc]") {
    SchemaDocument doc;
    auto ds = doc.open(R"({"fps": {"ty": "variant", "hint": "number"}})", "remote.json");
    CHECK_FALSE(has_error(ds));
    REQUIRE(doc.draft().base.has_value());
    CHECK(doc.draft().base->schema == doc.draft().schema);
    CHECK(doc.draft().schema.contains("fps"));
    CHECK(doc.dirty());
    CHECK(doc.wire_text().find("\"hint\": \"number\"") != std::string::npos);
}

TEST_CASE("a broken file leaves the open document alone and says where", "[app][schema-doc]") {
    SchemaDocument doc;
    add_number(doc, "kept");
    auto ds = doc.open("{\n  \"format\": \"eic-schema-draft\",\n  \"version\": 1,\n  \"schema\": {,}\n}", "bad.json");
    REQUIRE(has_error(ds));
    CHECK(ds[0].line == 4);
    CHECK(ds[0].column > 0);
    CHECK(doc.draft().schema.contains("kept"));
    CHECK(has_error(doc.open("[1, 2]", "array.json")));
    CHECK(doc.draft().schema.contains("kept"));
}

TEST_CASE("Save writes a name made from the draft's title until the user chooses one", "[app][schema-doc]") {
    SchemaDocument doc;
    CHECK(doc.file_name() == "Untitled schema.eic-schema.json");
    doc.edit("Renamed", [](schema::Draft& d) {
        d.title = "Acme videos";
        return Diagnostics{};
    });
    CHECK(doc.file_name() == "Acme videos.eic-schema.json");
    doc.mark_saved();
    doc.edit("Renamed", [](schema::Draft& d) {
        d.title = "Acme images";
        return Diagnostics{};
    });
    CHECK(doc.file_name() == "Acme images.eic-schema.json");
    doc.mark_saved("mine.eic-schema.json");  // Save as
    doc.edit("Renamed", [](schema::Draft& d) {
        d.title = "Other";
        return Diagnostics{};
    });
    CHECK(doc.file_name() == "mine.eic-schema.json");
    doc.reset();
    CHECK(doc.file_name() == "Untitled schema.eic-schema.json");
}

TEST_CASE("an imported map is named from its file; an opened draft keeps its file's name", "[app][schema-doc]") {
    SchemaDocument doc;
    REQUIRE_FALSE(has_error(doc.open(R"({"fps": {"ty": "variant", "hint": "number"}})", "schema.json")));
    CHECK(doc.file_name() == "schema.eic-schema.json");
    SchemaDocument draft;
    REQUIRE_FALSE(has_error(draft.open(doc.draft_text(), "team-v2.eic-schema.json")));
    CHECK(draft.file_name() == "team-v2.eic-schema.json");
    // An autosaved draft carries the title's own name: it goes on following the title.
    SchemaDocument restored;
    REQUIRE_FALSE(has_error(restored.open(doc.draft_text(), "schema.eic-schema.json")));
    restored.edit("Renamed", [](schema::Draft& d) {
        d.title = "renamed";
        return Diagnostics{};
    });
    CHECK(restored.file_name() == "renamed.eic-schema.json");
}

TEST_CASE("draft_file_name makes a file name any system accepts", "[app][schema-doc]") {
    CHECK(draft_file_name("") == "untitled.eic-schema.json");
    CHECK(draft_file_name("  ") == "untitled.eic-schema.json");
    CHECK(draft_file_name("a/b:c*?") == "a-b-c--.eic-schema.json");
    CHECK(draft_file_name("x.eic-schema.json") == "x.eic-schema.json");
    CHECK(draft_file_name("Схема видео") == "Схема видео.eic-schema.json");
    CHECK(draft_file_name("tab\there") == "tab-here.eic-schema.json");
}

// The schema draft open in the app: the draft, its file name, and the undo history. Every edit goes
// through edit(), which applies a schema mutation to a copy and keeps the previous state, so undo and
// redo cover every change and the UI holds no logic a test would miss.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "schema/draft.hpp"
#include "schema/rules.hpp"

namespace eic::app {

// A draft file's name from its title: characters file systems refuse become "-", a trailing ".json" or
// ".eic-schema.json" is not doubled, an empty title is "untitled"; always ends in ".eic-schema.json".
std::string draft_file_name(std::string_view title);

class SchemaDocument {
public:
    SchemaDocument();

    // Replaces the document with a file's text (a draft or a plain wire map). A wire map becomes a new
    // draft whose base is that map, so later diffs know what Encord had. On a reading error the
    // document is unchanged and the diagnostics say why; warnings come back either way.
    Diagnostics open(std::string_view text, std::string file_name);
    void reset();  // a new, empty, untitled draft

    // The draft file as saved (pretty JSON), and the plain wire map of the draft's schema.
    std::string draft_text() const;
    std::string wire_text() const;
    // Saved: under `chosen_name` when the user chose one (Save as), which the file keeps from then on;
    // empty keeps the current name.
    void mark_saved(std::string chosen_name = {});
    void mark_unsaved();  // e.g. a draft restored from autosave that had unsaved changes

    // Runs `fn` on a copy of the draft. If it reports an error, nothing changes; otherwise the copy
    // becomes the document and `label` enters the history (the redo branch is dropped).
    using Edit = std::function<Diagnostics(schema::Draft&)>;
    Diagnostics edit(std::string label, const Edit& fn);

    bool can_undo() const { return pos_ > 0; }
    bool can_redo() const { return pos_ + 1 < history_.size(); }
    void undo();
    void redo();
    void jump_to(std::size_t index);  // a point in the history list

    // Labels of every state, oldest first ("Opened x.json", "Added key a", ...), and where we are.
    std::vector<std::string> history_labels() const;
    std::size_t history_position() const { return pos_; }

    const schema::Draft& draft() const { return history_[pos_].draft; }
    // The name Save writes: the one the user chose or opened the draft from, else one made from the
    // draft's title (draft_file_name), so that it follows a renamed draft.
    std::string file_name() const { return chosen_name_.empty() ? draft_file_name(draft().title) : chosen_name_; }
    bool dirty() const { return history_[pos_].revision != saved_revision_; }
    // Changes whenever the document's content does (edit, undo, redo, open): for caches.
    std::uint64_t revision() const { return history_[pos_].revision; }
    schema::Target target() const;
    Diagnostics check() const;  // every rule about the draft, for its target

private:
    struct State {
        schema::Draft draft;
        std::string label;
        std::uint64_t revision;
    };
    void start(schema::Draft draft, std::string label);

    std::vector<State> history_;
    std::size_t pos_ = 0;
    std::uint64_t next_revision_ = 0;
    std::uint64_t saved_revision_ = 0;
    std::string chosen_name_;  // empty: the name follows the title
};

}  // namespace eic::app

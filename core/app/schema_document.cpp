#include "app/schema_document.hpp"

#include "schema/document.hpp"
#include "schema/wire.hpp"

namespace eic::app {

constexpr std::size_t kMaxHistory = 500;  // snapshots share storage, but a bound keeps a long session flat

std::string draft_file_name(std::string_view title) {
    std::string name;
    for (unsigned char c : title) {
        // Windows refuses these, and "/" is a path everywhere; control characters are never wanted.
        const bool refused =
            c < 0x20 || c == 0x7F || std::string_view("/\\:*?\"<>|").find(char(c)) != std::string_view::npos;
        name += refused ? '-' : char(c);
    }
    const auto trim = [&] {
        while (!name.empty() && (name.back() == ' ' || name.back() == '.')) name.pop_back();
        while (!name.empty() && (name.front() == ' ' || name.front() == '.')) name.erase(name.begin());
    };
    trim();
    for (std::string_view suffix : {".json", ".eic-schema"})
        if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
            name.resize(name.size() - suffix.size());
    trim();
    return (name.empty() ? std::string("untitled") : name) + ".eic-schema.json";
}

SchemaDocument::SchemaDocument() { reset(); }

void SchemaDocument::start(schema::Draft draft, std::string label) {
    history_.clear();
    history_.push_back({std::move(draft), std::move(label), next_revision_++});
    pos_ = 0;
}

void SchemaDocument::reset() {
    schema::Draft draft;
    draft.title = "Untitled schema";
    start(std::move(draft), "New draft");
    saved_revision_ = history_[0].revision;  // nothing to lose yet
    chosen_name_.clear();
}

Diagnostics SchemaDocument::open(std::string_view text, std::string file_name) {
    schema::SchemaLoad load = schema::load_schema_text(text);
    Diagnostics out = load.diagnostics;
    if (!load.file || has_error(out)) {
        if (!load.file && !has_error(out))
            out.push_back(
                {Severity::error, "app.schema.unreadable", "This file is not a schema draft or an Encord schema map."});
        return out;
    }
    schema::Draft draft = std::move(load.file->draft);
    if (!load.file->is_draft) {
        // A map fetched from Encord: start a draft from it, remembering it as the base.
        schema::DraftBase base;
        base.schema = draft.schema;
        draft.base = std::move(base);
        if (draft.title.empty()) draft.title = file_name;
        chosen_name_.clear();  // a map is not a draft file: saving it makes one, named from the title
        start(std::move(draft), "Imported " + file_name);
        saved_revision_ = next_revision_;  // never saved as a draft: unsaved
    } else {
        // A draft file keeps its name, unless it is just the title's (an autosaved untitled draft):
        // then it goes on following the title.
        chosen_name_ = file_name == draft_file_name(draft.title) ? std::string() : file_name;
        start(std::move(draft), "Opened " + file_name);
        saved_revision_ = history_[0].revision;
    }
    return out;
}

std::string SchemaDocument::draft_text() const { return schema::write_draft(draft()).dump(2) + "\n"; }

std::string SchemaDocument::wire_text() const { return schema::write_wire(draft().schema).dump(2) + "\n"; }

void SchemaDocument::mark_saved(std::string chosen_name) {
    if (!chosen_name.empty()) chosen_name_ = std::move(chosen_name);
    saved_revision_ = history_[pos_].revision;
}

void SchemaDocument::mark_unsaved() { saved_revision_ = next_revision_++; }

Diagnostics SchemaDocument::edit(std::string label, const Edit& fn) {
    schema::Draft copy = draft();  // O(1) for the schema itself; notes and text are small
    Diagnostics ds = fn(copy);
    if (has_error(ds)) return ds;
    history_.resize(pos_ + 1);
    history_.push_back({std::move(copy), std::move(label), next_revision_++});
    if (history_.size() > kMaxHistory) history_.erase(history_.begin());
    pos_ = history_.size() - 1;
    return ds;
}

void SchemaDocument::undo() {
    if (can_undo()) --pos_;
}

void SchemaDocument::redo() {
    if (can_redo()) ++pos_;
}

void SchemaDocument::jump_to(std::size_t index) {
    if (index < history_.size()) pos_ = index;
}

std::vector<std::string> SchemaDocument::history_labels() const {
    std::vector<std::string> out;
    out.reserve(history_.size());
    for (const auto& s : history_) out.push_back(s.label);
    return out;
}

schema::Target SchemaDocument::target() const { return draft().target.value_or(schema::Target::index); }

Diagnostics SchemaDocument::check() const {
    schema::SchemaFile file;
    file.is_draft = true;
    file.draft = draft();
    return schema::check_schema_file(file, target());
}

}  // namespace eic::app

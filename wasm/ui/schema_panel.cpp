// The Schema panel: the open draft as a table grouped by namespace, with every edit the SDK allows,
// live diagnostics while typing, undo/redo, files, and a comparison with another schema file.
#include <fmt/format.h>
#include <imgui.h>

#include <cstring>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/counted.hpp"
#include "app/files.hpp"
#include "app/host_events.hpp"
#include "app/share_link.hpp"
#include "schema/document.hpp"
#include "schema/key_name.hpp"
#include "schema/mutations.hpp"
#include "schema/namespaces.hpp"
#include "schema/plan.hpp"
#include "schema/wire.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace eic::ui {
namespace {

using schema::KeyEntry;
using schema::KeyState;
using schema::TypeKind;

// The types a user can create, in the order the "Type" combo lists them.
const char* const kNewTypes[] = {"boolean", "datetime", "number",    "uuid",      "varchar",
                                 "text",    "enum",     "embedding", "geospatial"};
constexpr int kEnumType = 6, kEmbeddingType = 7, kGeoType = 8;
const schema::ScalarHint kHints[] = {schema::ScalarHint::boolean, schema::ScalarHint::datetime,
                                     schema::ScalarHint::number,  schema::ScalarHint::uuid,
                                     schema::ScalarHint::varchar, schema::ScalarHint::text};

void show_diagnostics(const Diagnostics& ds, std::size_t max = 8) {
    std::size_t shown = 0;
    for (const auto& d : ds) {
        if (shown++ == max) {
            ImGui::TextDisabled("… and %d more", (int)(ds.size() - max));
            break;
        }
        ImGui::PushStyleColor(ImGuiCol_Text, severity_colour(d.severity));
        ImGui::TextWrapped("%s %s: %s", severity_name(d.severity), d.code.c_str(), d.message.c_str());
        ImGui::PopStyleColor();
    }
}

std::vector<std::string> lines_of(const char* text) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        const auto b = cur.find_first_not_of(" \t\r");
        const auto e = cur.find_last_not_of(" \t\r");
        if (b != std::string::npos) out.push_back(cur.substr(b, e - b + 1));
        cur.clear();
    };
    for (const char* p = text; *p; ++p) {
        if (*p == '\n')
            flush();
        else
            cur += *p;
    }
    flush();
    return out;
}

// Runs the add on `s` (a copy when previewing): the same call validates while typing and commits.
Diagnostics add_key(schema::Schema& s, const SchemaView& v, schema::Target target) {
    const std::string key = v.new_key;
    if (v.new_type == kEnumType) return schema::add_enum(s, key, lines_of(v.new_options));
    if (v.new_type == kEmbeddingType) return schema::add_embedding(s, key, v.new_size, target);
    if (v.new_type == kGeoType) return schema::add_geospatial(s, key);
    // set_scalar would also change an existing key; "Add" only makes new ones.
    Diagnostics ds = schema::check_new_key(s, key);
    if (has_error(ds)) return ds;
    return schema::set_scalar(s, key, kHints[v.new_type]);
}

std::string short_type(const schema::KeyType& t) {
    switch (t.kind) {
        case TypeKind::variant:
            return schema::hint_name(t.hint);
        case TypeKind::enumeration:
            return "enum";
        case TypeKind::embedding:
            return "embedding";
        case TypeKind::geospatial:
            return "geospatial";
        default:
            return std::string(schema::kind_name(t.kind)) + " (typed)";
    }
}

std::string details(const schema::KeyType& t) {
    switch (t.kind) {
        case TypeKind::enumeration: {
            std::string s;
            for (const auto& v : t.values) s += (s.empty() ? "" : ", ") + v;
            return s;
        }
        case TypeKind::embedding:
            return "size " + std::to_string(t.size);
        case TypeKind::varchar:
            return "max length " + std::to_string(t.max_length);
        case TypeKind::number:
            return schema::format_name(t.format);
        default:
            return "";
    }
}

const char* state_name(KeyState s) {
    switch (s) {
        case KeyState::live:
            return "active";
        case KeyState::soft_deleted:
            return "soft-deleted";
        case KeyState::hard_deleted:
            return "hard-deleted";
    }
    return "";
}

void report(ShellContext& ctx, const std::string& action, const Diagnostics& ds) {
    SchemaView& v = ctx.ui.schema_view;
    if (has_error(ds)) {
        v.last_error = ds.front().message;
        ctx.log.add(app::LogLevel::error, action + " refused: " + ds.front().message, ctx.now_s);
    } else {
        v.last_error.clear();
        ctx.log.add(app::LogLevel::info, action, ctx.now_s);
        for (const auto& d : ds)
            if (d.severity == Severity::warning) ctx.log.add(app::LogLevel::warning, d.message, ctx.now_s);
    }
}

void edit(ShellContext& ctx, const std::string& label, const app::SchemaDocument::Edit& fn) {
    report(ctx, label, ctx.schema.edit(label, fn));
}

// Saves under `chosen` (Save as), or the document's name: the chosen one, else made from the title.
void save(ShellContext& ctx, const std::string& chosen = {}) {
    const std::string name = chosen.empty() ? ctx.schema.file_name() : chosen;
    web::download(name, "application/json", ctx.schema.draft_text());
    ctx.schema.mark_saved(chosen);
    ctx.log.add(app::LogLevel::info, "Saved the draft as " + name, ctx.now_s);
    web::emit_host_event("schema-saved", {{"fileName", name}, {"keys", ctx.schema.draft().schema.size()}});
}

bool matches_filter(const SchemaView& v, const std::string& key, const KeyEntry& e) {
    if (v.type_filter > 0) {
        if (e.state == KeyState::hard_deleted) return false;
        if (short_type(e.type) != kNewTypes[v.type_filter - 1]) return false;
    }
    if (!*v.filter) return true;
    return key.find(v.filter) != std::string::npos;
}

void key_row(ShellContext& ctx, const std::string& key, const std::string& shown) {
    const KeyEntry* e = ctx.schema.draft().schema.find(key);
    if (!e) return;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushID(key.c_str());
    if (ImGui::Selectable(shown.c_str(), ctx.ui.schema_view.menu_key == key, ImGuiSelectableFlags_SpanAllColumns)) {
        ctx.ui.schema_view.menu_key = key;
        ctx.ui.schema_view.open_key_menu = true;
    }
    if (ImGui::IsItemHovered() && ImGui::IsMouseReleased(ImGuiMouseButton_Right)) {
        ctx.ui.schema_view.menu_key = key;
        ctx.ui.schema_view.open_key_menu = true;
    }
    const bool hard = e->state == KeyState::hard_deleted;
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(hard ? "—" : short_type(e->type).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(hard ? "" : details(e->type).c_str());
    ImGui::TableNextColumn();
    if (e->state == KeyState::live)
        ImGui::TextUnformatted(state_name(e->state));
    else
        ImGui::TextColored(severity_colour(hard ? Severity::error : Severity::warning), "%s", state_name(e->state));
    ImGui::TableNextColumn();
    const auto note = ctx.schema.draft().notes.find(key);
    if (note != ctx.schema.draft().notes.end()) ImGui::TextUnformatted(note->second.c_str());

    ImGui::PopID();
}

// The actions of the key whose row was clicked. One popup at panel level (not one per row), opened
// outside the table so it does not depend on the table's clipping and scrolling child window.
void key_menu(ShellContext& ctx) {
    const std::string key = ctx.ui.schema_view.menu_key;
    if (ctx.ui.schema_view.open_key_menu) {
        ImGui::OpenPopup("key actions");
        ctx.ui.schema_view.open_key_menu = false;
    }
    const KeyEntry* found = ctx.schema.draft().schema.find(key);
    if (!found) return;
    const KeyEntry entry = *found;  // an action below replaces the draft; keep our own copy
    const KeyEntry* e = &entry;
    const bool hard = e->state == KeyState::hard_deleted;
    const std::map<std::string, std::string> notes = ctx.schema.draft().notes;
    const auto note = notes.find(key);
    if (ImGui::BeginPopup("key actions")) {
        ImGui::TextDisabled("%s", key.c_str());
        ImGui::Separator();
        if (e->state == KeyState::live && e->type.kind == TypeKind::variant && ImGui::BeginMenu("Change type")) {
            for (auto hint : kHints) {
                if (ImGui::MenuItem(schema::hint_name(hint), nullptr, e->type.hint == hint) && e->type.hint != hint)
                    edit(ctx, "Changed " + key + " to " + schema::hint_name(hint),
                         [&](schema::Draft& d) { return schema::set_scalar(d.schema, key, hint); });
            }
            ImGui::EndMenu();
        }
        if (e->state == KeyState::live && e->type.kind == TypeKind::enumeration && ImGui::MenuItem("Add options…")) {
            ctx.ui.schema_view.option_buf[0] = 0;
            ctx.ui.schema_view.pending_popup = SchemaPopup::add_options;
        }
        if (!hard && ImGui::MenuItem("Edit note…")) {
            const std::string current = note != notes.end() ? note->second : "";
            std::snprintf(ctx.ui.schema_view.note_buf, sizeof ctx.ui.schema_view.note_buf, "%s", current.c_str());
            ctx.ui.schema_view.pending_popup = SchemaPopup::edit_note;
        }
        if (e->state == KeyState::live) {
            if (ImGui::MenuItem("Delete"))
                edit(ctx, "Soft-deleted " + key,
                     [&](schema::Draft& d) { return schema::delete_key(d.schema, key, schema::DeleteMode::soft); });
            explain(
                "Soft delete: Encord stops showing the key, keeps its values, and the key can be restored "
                "later.");
            if (ImGui::MenuItem("Delete permanently…")) {
                ctx.ui.schema_view.confirm_hard = key;
                ctx.ui.schema_view.pending_popup = SchemaPopup::hard_delete;
            }
            explain(
                "Hard delete: once pushed, Encord removes the key for good and reserves its name: no key of "
                "that name can be created again. Asks first.");
        }
        if (e->state == KeyState::soft_deleted && ImGui::MenuItem("Restore"))
            edit(ctx, "Restored " + key, [&](schema::Draft& d) { return schema::restore_key(d.schema, key); });
        const auto& base = ctx.schema.draft().base;
        if (!(base && base->schema.contains(key))) {
            if (ImGui::MenuItem("Remove from draft"))
                edit(ctx, "Removed " + key + " from the draft", [&](schema::Draft& d) {
                    return schema::discard_key(d.schema, key, d.base ? d.base->schema : schema::Schema());
                });
            explain(
                "Remove from draft: the key was added in this draft and Encord has never seen it, so it is "
                "simply dropped; nothing is deleted in Encord.");
        }
        ImGui::EndPopup();
    }
}

void namespace_rows(ShellContext& ctx, const schema::NamespaceNode& node) {
    for (const auto& child : node.children) {
        if (child.key) key_row(ctx, *child.key, child.name.empty() ? "(empty segment)" : child.name);
        if (child.children.empty()) continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const std::string label = child.path + "  (" + std::to_string(child.key_count) + ")##ns";
        if (ImGui::TreeNodeEx(label.c_str(), ImGuiTreeNodeFlags_SpanFullWidth | ImGuiTreeNodeFlags_DefaultOpen)) {
            namespace_rows(ctx, child);
            ImGui::TreePop();
        }
    }
}

void key_table(ShellContext& ctx) {
    SchemaView& v = ctx.ui.schema_view;
    const schema::Schema& s = ctx.schema.draft().schema;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    const float height = std::max(120.f, ImGui::GetContentRegionAvail().y * 0.55f);
    if (!ImGui::BeginTable("keys", 5, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Key", ImGuiTableColumnFlags_WidthStretch, 2.f);
    ImGui::TableSetupColumn("Type", ImGuiTableColumnFlags_WidthStretch, 1.f);
    ImGui::TableSetupColumn("Details", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn("State", ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn("Notes", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableHeadersRow();
    if (*v.filter || v.type_filter > 0) {
        for (const auto& [key, entry] : s)
            if (matches_filter(v, key, *entry)) key_row(ctx, key, key);
    } else {
        namespace_rows(ctx, schema::namespace_tree(s, true));
    }
    ImGui::EndTable();
    if (s.empty()) ImGui::TextDisabled("No keys yet: add one below, or open a draft or an Encord schema map.");
}

void add_key_form(ShellContext& ctx) {
    SchemaView& v = ctx.ui.schema_view;
    ImGui::SeparatorText("Add a key");
    if (v.focus_key_name) ImGui::SetKeyboardFocusHere();
    v.focus_key_name = false;
    ImGui::SetNextItemWidth(220);
    const bool enter =
        input_text("Key name", "team.video.fps", v.new_key, sizeof v.new_key, ImGuiInputTextFlags_EnterReturnsTrue);
    same_line_if_fits(labelled_width("Key type", 130));
    ImGui::SetNextItemWidth(130);
    combo("Key type", &v.new_type, kNewTypes, IM_ARRAYSIZE(kNewTypes));
    if (v.new_type == kEnumType) {
        ImGui::TextUnformatted("Options, one per line");
        ImGui::InputTextMultiline("##Options", v.new_options, sizeof v.new_options, ImVec2(260, 70));
        web::debug_items_name_last("Options");
    } else if (v.new_type == kEmbeddingType) {
        label_before("Size");
        ImGui::SetNextItemWidth(120);
        ImGui::InputInt("##Size", &v.new_size);
        web::debug_items_name_last("Size");
    }
    Diagnostics preview;
    if (*v.new_key || v.new_type == kEnumType) {
        schema::Schema copy = ctx.schema.draft().schema;  // O(1): the preview never touches the draft
        preview = add_key(copy, v, ctx.schema.target());
    }
    const bool ok = *v.new_key && !has_error(preview);
    ImGui::BeginDisabled(!ok);
    // Enter in the name adds the key and keeps the field for the next one.
    if (ImGui::Button("Add key") || (enter && ok)) {
        v.focus_key_name = enter;
        const std::string key = v.new_key;
        Diagnostics ds = ctx.schema.edit("Added " + key,
                                         [&](schema::Draft& d) { return add_key(d.schema, v, ctx.schema.target()); });
        report(ctx, "Added " + key + " (" + kNewTypes[v.new_type] + ")", ds);
        if (!has_error(ds)) {
            v.new_key[0] = 0;
            v.new_options[0] = 0;
        }
    }
    ImGui::EndDisabled();
    if (*v.new_key) show_diagnostics(preview, 4);
}

// Open… and Ctrl+O: a file picker, after asking when the draft has unsaved changes.
void open_draft(ShellContext& ctx) {
    if (ctx.schema.dirty())
        ctx.ui.schema_view.pending_popup = SchemaPopup::open_doc;
    else
        web::request_open_file(web::FilePurpose::open_schema, web::kSchemaAccept);
}

void toolbar(ShellContext& ctx) {
    SchemaView& v = ctx.ui.schema_view;
    app::SchemaDocument& doc = ctx.schema;
    if (ImGui::Button("New")) v.pending_popup = doc.dirty() ? SchemaPopup::new_doc : (doc.reset(), SchemaPopup::none);
    if (flow_button("Open…")) open_draft(ctx);
    if (flow_button("Save")) save(ctx);
    explain(("Download the draft as " + doc.file_name() + " (Ctrl+S)").c_str());
    if (flow_button("Save as…")) {
        std::snprintf(v.save_as, sizeof v.save_as, "%s", doc.file_name().c_str());
        v.pending_popup = SchemaPopup::save_as;
    }
    if (flow_button("Copy link")) web::share_link(doc.file_name(), doc.draft_text());
    explain(fmt::format("Copy a link that holds this draft, compressed (up to {} characters): opening it in eic "
                        "loads the draft. A file (Save) stays the way to keep and share it.",
                        app::kShareLinkMaxChars)
                .c_str());
    if (flow_button("Export wire map")) {
        std::string stem = doc.file_name();
        const auto dot = stem.find('.');
        if (dot != std::string::npos) stem.resize(dot);
        web::download(stem + ".wire.json", "application/json", doc.wire_text());
        ctx.log.add(app::LogLevel::info, "Exported the wire map as " + stem + ".wire.json", ctx.now_s);
    }
    explain(
        "Download the schema alone, as the JSON map Encord's metadata schema API takes (key -> type), "
        "without this draft's title, notes and history.");
    same_line_if_fits(button_width("Undo"));
    ImGui::BeginDisabled(!doc.can_undo());
    if (ImGui::Button("Undo")) doc.undo();
    ImGui::EndDisabled();
    same_line_if_fits(button_width("Redo"));
    ImGui::BeginDisabled(!doc.can_redo());
    if (ImGui::Button("Redo")) doc.redo();
    ImGui::EndDisabled();
    if (flow_button("History")) ImGui::OpenPopup("history");
    if (ImGui::BeginPopup("history")) {
        const auto labels = doc.history_labels();
        for (std::size_t i = 0; i < labels.size(); ++i) {
            ImGui::PushID((int)i);
            if (ImGui::Selectable(labels[i].c_str(), i == doc.history_position())) doc.jump_to(i);
            ImGui::PopID();
        }
        ImGui::EndPopup();
    }
    if (flow_button("Compare…")) web::request_open_file(web::FilePurpose::compare_schema, web::kSchemaAccept);
    explain(
        "Open another schema (a draft, or the map Encord has) and list what this draft would change in it: "
        "keys added, changed, deleted, and conflicts.");
}

void document_fields(ShellContext& ctx) {
    // Title and target are edits like any other, so they undo too; committed when the field is left.
    SchemaView& v = ctx.ui.schema_view;
    if (v.title_revision != ctx.schema.revision()) {
        std::snprintf(v.title, sizeof v.title, "%s", ctx.schema.draft().title.c_str());
        v.title_revision = ctx.schema.revision();
    }
    label_before("Title");
    ImGui::SetNextItemWidth(260);
    ImGui::InputText("##Title", v.title, sizeof v.title);
    web::debug_items_name_last("Title");
    explain("The draft's name; Save names the file after it until you choose a name with Save as.");
    if (ImGui::IsItemDeactivatedAfterEdit() && ctx.schema.draft().title != v.title) {
        const std::string t = v.title;
        edit(ctx, "Renamed the draft to " + t, [&](schema::Draft& d) {
            d.title = t;
            return Diagnostics{};
        });
    }
    same_line_if_fits(labelled_width("Target", 100));
    int target = (int)ctx.schema.target();
    const char* targets[] = {"Index", "Active"};
    ImGui::SetNextItemWidth(100);
    const bool picked = combo("Target", &target, targets, 2);
    explain(
        "Which Encord product the schema is for: Index (custom metadata on files) or Active. The checks "
        "follow the target's rules, e.g. which key types it accepts.");
    if (picked && target != (int)ctx.schema.target()) {
        const auto t = (schema::Target)target;
        edit(ctx, std::string("Targeted ") + targets[target], [&](schema::Draft& d) {
            d.target = t;
            return Diagnostics{};
        });
    }
}

void filters(ShellContext& ctx) {
    SchemaView& v = ctx.ui.schema_view;
    ImGui::SetNextItemWidth(200);
    if (v.focus_filter) {
        ImGui::SetKeyboardFocusHere();
        v.focus_filter = false;
    }
    input_text("Filter keys", "part of a key", v.filter, sizeof v.filter);
    same_line_if_fits(labelled_width("Type", 130));
    static const char* const types[] = {"all types", "boolean", "datetime", "number",    "uuid",
                                        "varchar",   "text",    "enum",     "embedding", "geospatial"};
    ImGui::SetNextItemWidth(130);
    combo("Type", &v.type_filter, types, IM_ARRAYSIZE(types));
}

void checks_section(ShellContext& ctx) {
    SchemaView& v = ctx.ui.schema_view;
    if (v.checks_revision != ctx.schema.revision()) {
        v.checks = ctx.schema.check();
        v.checks_revision = ctx.schema.revision();
    }
    const Diagnostics& checks = v.checks;
    const auto n = [&](Severity s) {
        int c = 0;
        for (auto& d : checks) c += d.severity == s;
        return c;
    };
    const std::string title = "Checks: " + app::counted(n(Severity::error), "error") + ", " +
                              app::counted(n(Severity::warning), "warning") + "###checks";
    if (ImGui::CollapsingHeader(title.c_str())) {
        if (checks.empty()) ImGui::TextDisabled("The draft passes every rule for its target.");
        for (const auto& d : checks) {
            ImGui::PushStyleColor(ImGuiCol_Text, severity_colour(d.severity));
            ImGui::TextWrapped("%s  %s: %s", d.pointer.value_or("").c_str(), d.code.c_str(), d.message.c_str());
            ImGui::PopStyleColor();
        }
    }
}

// The comparison follows the draft: computed again when it changed since.
void refresh_comparison(ShellContext& ctx) {
    SchemaView& v = ctx.ui.schema_view;
    if (v.compare_revision == ctx.schema.revision() && v.compared_text == v.compare_text) return;
    v.compare_revision = ctx.schema.revision();
    v.compared_text = v.compare_text;
    v.comparison = app::compare_schema(ctx.schema.draft(), v.compare_text);
}

void compare_section(ShellContext& ctx) {
    SchemaView& v = ctx.ui.schema_view;
    if (!v.comparing) return;
    refresh_comparison(ctx);
    const std::optional<schema::Plan>& plan = v.comparison.plan;
    const std::string title = "Comparison with " + v.compare_name + "###compare";
    if (!ImGui::CollapsingHeader(title.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return;
    if (ImGui::Button("Close comparison")) {
        v.comparing = false;
        return;
    }
    if (!plan) {
        ImGui::TextUnformatted("That file could not be read as a schema:");
        show_diagnostics(v.comparison.load_errors);
        return;
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(!plan->applicable() || !plan->has_changes());
    if (ImGui::Button("Export merged map")) {
        if (auto body = schema::apply_plan(*plan)) {
            web::download("merged.wire.json", "application/json", body->dump(2) + "\n");
            ctx.log.add(app::LogLevel::info, "Exported the merged map (the body a push would POST)", ctx.now_s);
        }
    }
    ImGui::EndDisabled();
    const auto count = [](std::size_t n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    ImGui::TextWrapped("%s to push; %s in the other schema since the draft's base; %s",
                       count(plan->changes.size(), "change", "changes").c_str(),
                       count(plan->remote_changes.size(), "change", "changes").c_str(),
                       count(plan->conflicts.size(), "conflict", "conflicts").c_str());
    if (plan->changes.empty() && plan->conflicts.empty())
        ImGui::TextDisabled("The draft and %s agree.", v.compare_name.c_str());
    if (!plan->changes.empty() && ImGui::BeginTable("plan", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupColumn("Key");
        ImGui::TableSetupColumn("Change");
        ImGui::TableSetupColumn("Summary");
        ImGui::TableSetupColumn("Safety");
        ImGui::TableHeadersRow();
        for (const auto& c : plan->changes) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(c.key.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(schema::change_kind_name(c.kind));
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", c.summary.c_str());
            ImGui::TableNextColumn();
            if (c.refused)
                ImGui::TextColored(severity_colour(Severity::error), "refused");
            else if (c.destructive)
                ImGui::TextColored(severity_colour(Severity::warning), "destructive");
            else
                ImGui::TextUnformatted("safe");
        }
        ImGui::EndTable();
    }
    for (const auto& c : plan->conflicts)
        ImGui::TextColored(severity_colour(Severity::error), "conflict %s: %s", c.key.c_str(), c.message.c_str());
    show_diagnostics(plan->diagnostics);
}

bool modal_buttons(const char* ok_label, bool ok_enabled = true) {
    bool ok = false;
    ImGui::BeginDisabled(!ok_enabled);
    if (ImGui::Button(ok_label)) ok = true;
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    if (ok) ImGui::CloseCurrentPopup();
    return ok;
}

void modals(ShellContext& ctx) {
    SchemaView& v = ctx.ui.schema_view;
    const char* names[] = {
        "",
        "Discard changes?###new",
        "Discard changes?###open",
        "Delete permanently?###hard",
        "Add enum options###options",
        "Note###note",
        "Save as###saveas",
        v.shared_from_recent ? "Open the recent draft?###shared" : "Open the shared draft?###shared"};
    if (v.pending_popup != SchemaPopup::none) {
        ImGui::OpenPopup(names[(int)v.pending_popup]);
        v.pending_popup = SchemaPopup::none;
    }
    for (int which : {1, 2}) {
        if (begin_modal(names[which])) {
            ImGui::TextUnformatted("The draft has unsaved changes. Discard them?");
            if (modal_buttons("Discard changes")) {
                if (which == 1)
                    ctx.schema.reset();
                else
                    web::request_open_file(web::FilePurpose::open_schema, web::kSchemaAccept);
            }
            ImGui::EndPopup();
        }
    }
    if (begin_modal(names[7])) {
        ImGui::TextWrapped("The draft %s has unsaved changes. Open the %s draft %s in its place?",
                           ctx.schema.file_name().c_str(), v.shared_from_recent ? "recent" : "shared",
                           v.shared_name.c_str());
        if (modal_buttons(v.shared_from_recent ? "Open the recent draft" : "Open the shared draft")) {
            open_schema_text(ctx, v.shared_name, v.shared_text);
            v.shared_text.clear();
        }
        ImGui::EndPopup();
    }
    if (begin_modal(names[3])) {
        ImGui::Text("Delete %s permanently?", schema::quote(v.confirm_hard).c_str());
        ImGui::TextWrapped(
            "A hard delete is irreversible once pushed: Encord keeps the name reserved for ever and "
            "no key of that name can be created again. Undo works only until you push.");
        if (modal_buttons("Delete permanently")) {
            const std::string key = v.confirm_hard;
            edit(ctx, "Hard-deleted " + key,
                 [&](schema::Draft& d) { return schema::delete_key(d.schema, key, schema::DeleteMode::hard); });
        }
        ImGui::EndPopup();
    }
    if (begin_modal(names[4])) {
        const std::string key = v.menu_key;
        ImGui::Text("New options for %s, one per line. Options can never be removed or renamed.",
                    schema::quote(key).c_str());
        ImGui::InputTextMultiline("##New options", v.option_buf, sizeof v.option_buf, ImVec2(320, 100));
        web::debug_items_name_last("New options");
        schema::Schema copy = ctx.schema.draft().schema;
        const auto options = lines_of(v.option_buf);
        Diagnostics preview = options.empty() ? Diagnostics{} : schema::add_enum_options(copy, key, options);
        show_diagnostics(preview, 4);
        if (modal_buttons("Add options", !options.empty() && !has_error(preview)))
            edit(ctx, "Added options to " + key,
                 [&](schema::Draft& d) { return schema::add_enum_options(d.schema, key, options); });
        ImGui::EndPopup();
    }
    if (begin_modal(names[5])) {
        const std::string key = v.menu_key;
        ImGui::Text("Note for %s (saved in the draft file, never pushed):", schema::quote(key).c_str());
        ImGui::InputTextMultiline("##Note text", v.note_buf, sizeof v.note_buf, ImVec2(360, 90));
        web::debug_items_name_last("Note text");
        if (modal_buttons("Save note")) {
            const std::string text = v.note_buf;
            edit(ctx, "Noted " + key, [&](schema::Draft& d) {
                if (text.empty())
                    d.notes.erase(key);
                else
                    d.notes[key] = text;
                return Diagnostics{};
            });
        }
        ImGui::EndPopup();
    }
    if (begin_modal(names[6])) {
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        label_before("File name");
        ImGui::SetNextItemWidth(320);
        const bool enter =
            ImGui::InputText("##File name", v.save_as, sizeof v.save_as, ImGuiInputTextFlags_EnterReturnsTrue);
        web::debug_items_name_last("File name");
        if (modal_buttons("Save draft", *v.save_as != 0) || (enter && *v.save_as)) {
            save(ctx, v.save_as);
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

void shortcuts(ShellContext& ctx) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || !ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) return;
    const bool ctrl = io.KeyCtrl || io.KeySuper;
    if (!ctrl) return;
    if (ImGui::IsKeyPressed(ImGuiKey_Z, false)) io.KeyShift ? ctx.schema.redo() : ctx.schema.undo();
    if (ImGui::IsKeyPressed(ImGuiKey_Y, false)) ctx.schema.redo();
    if (ImGui::IsKeyPressed(ImGuiKey_S, false)) save(ctx);
    if (ImGui::IsKeyPressed(ImGuiKey_O, false)) open_draft(ctx);
    if (ImGui::IsKeyPressed(ImGuiKey_F, false)) ctx.ui.schema_view.focus_filter = true;
    if (ImGui::IsKeyPressed(ImGuiKey_V, false)) {
        // A pasted draft or wire map opens like a file.
        const char* text = ImGui::GetClipboardText();
        if (text && *text) open_schema_text(ctx, "pasted.json", text);
    }
}

}  // namespace

void open_schema_file(ShellContext& ctx) { open_draft(ctx); }

Diagnostics open_schema_text(ShellContext& ctx, const std::string& name, std::string_view text) {
    Diagnostics ds = ctx.schema.open(text, name);
    if (has_error(ds)) {
        const Diagnostic& d = ds.front();
        ctx.log.add(app::LogLevel::error,
                    name + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message, ctx.now_s);
    } else {
        ctx.log.add(app::LogLevel::info,
                    "Opened " + name + " (" + app::counted(ctx.schema.draft().schema.size(), "key") + ")", ctx.now_s);
    }
    return ds;
}

void compare_schema_text(ShellContext& ctx, const std::string& name, std::string text) {
    SchemaView& v = ctx.ui.schema_view;
    v.comparing = true;
    v.compare_name = name;
    v.compare_text = std::move(text);
    refresh_comparison(ctx);  // state() reports it before the panel is drawn again
    ctx.log.add(app::LogLevel::info, "Comparing the draft with " + name, ctx.now_s);
}

void offer_schema_draft(ShellContext& ctx, const std::string& name, std::string text, DraftOrigin origin) {
    const bool recent = origin == DraftOrigin::recent;
    if (ctx.schema.dirty()) {
        SchemaView& v = ctx.ui.schema_view;
        v.shared_name = name;
        v.shared_text = std::move(text);
        v.shared_from_recent = recent;
        v.pending_popup = SchemaPopup::open_shared;
        ctx.ui.panels[(int)app::Panel::schema].open = true;
        return;
    }
    if (has_error(open_schema_text(ctx, name, text)))
        ctx.log.notify(app::LogLevel::error,
                       std::string(recent ? "The recent draft " : "The shared link's draft ") + name +
                           " could not be opened: " + ctx.log.entries().back().message,
                       ctx.now_s);
}

void open_shared_schema(ShellContext& ctx, const std::string& name, std::string text, const std::string& error) {
    if (!error.empty()) {
        ctx.log.notify(app::LogLevel::error, "The shared link could not be read: " + error, ctx.now_s);
        return;
    }
    offer_schema_draft(ctx, name, std::move(text), DraftOrigin::shared_link);
}

void share_link_made(ShellContext& ctx, const std::string& name, const std::string& link, const std::string& error) {
    if (!error.empty()) {
        ctx.log.notify(app::LogLevel::error, "No link was made for " + name + ": " + error, ctx.now_s);
        return;
    }
    if (const std::string refusal = app::share_link_refusal(link.size(), name); !refusal.empty()) {
        ctx.log.notify(app::LogLevel::warning, refusal, ctx.now_s);
        return;
    }
    ImGui::SetClipboardText(link.c_str());
    ctx.log.notify(app::LogLevel::info, app::share_link_copied(link.size(), name), ctx.now_s);
}

std::string schema_window_title(const ShellContext& ctx) {
    return "Schema — " + ctx.schema.file_name() + (ctx.schema.dirty() ? " •" : "") + "###schema";
}

void draw_schema_panel(ShellContext& ctx) {
    shortcuts(ctx);
    toolbar(ctx);
    document_fields(ctx);
    if (!ctx.ui.schema_view.last_error.empty())
        ImGui::TextColored(severity_colour(Severity::error), "%s", ctx.ui.schema_view.last_error.c_str());
    filters(ctx);
    key_table(ctx);
    key_menu(ctx);
    add_key_form(ctx);
    checks_section(ctx);
    compare_section(ctx);
    modals(ctx);
}

}  // namespace eic::ui

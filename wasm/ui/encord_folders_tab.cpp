// The Encord window's Folders tab: the cloud integrations (which one reads the bucket), the folders in
// Encord's Files (the top level, a folder's children, a search; a page at a time), a new folder under the
// one viewed, and the folder and integration uploads go to. What is listed and what may be sent is decided
// in core (app/folder_browser.hpp, app/integration_choice.hpp, app/folder_name.hpp); the calls run in
// app/encord/encord_folders.hpp.
#include <imgui.h>

#include <cfloat>
#include <string>

#include "app/encord/encord_connection.hpp"
#include "app/encord/encord_folders.hpp"
#include "app/folder_name.hpp"
#include "ui/encord_tabs.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace eic::ui {
namespace {

// Folders a page: Encord takes 1 to 1000 and lists 100 by default (ListFoldersParams, encord/orm/storage.py).
const char* const kFolderPageSizeNames[] = {"10", "50", "100", "500", "1000"};
const int kFolderPageSizes[] = {10, 50, 100, 500, 1000};
const char* const kNewFolderDialog = "New folder";

void error_text(const std::string& text) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(severity_colour(Severity::error), "%s", text.c_str());
    ImGui::PopTextWrapPos();
}

std::string integration_label(const encord::CloudIntegration& i) { return i.title + "  (" + i.uuid + ")"; }

void destination_section() {
    const web::EncordConnection::Destination& d = web::encord_connection().destination();
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(
        app::destination_text(d.folder_uuid, d.folder_name, d.integration_uuid, d.integration_title).c_str());
    ImGui::PopTextWrapPos();
}

void integrations_section(ShellContext& ctx, bool can_call) {
    web::EncordFolders& f = web::encord_folders();
    const app::IntegrationChoice& ic = f.integrations();
    const float em = ImGui::GetFontSize();
    const auto& list = ic.integrations();
    const std::optional<std::size_t> chosen = ic.chosen_index();
    const std::string preview = chosen         ? integration_label(list[*chosen])
                                : ic.loading() ? std::string("listing…")
                                : list.empty() ? std::string(ic.listed() ? "none in Encord" : "not listed yet")
                                               : std::string("choose one");
    label_before("Integration");
    ImGui::SetNextItemWidth(em * 26);
    if (ImGui::BeginCombo("##Integration", preview.c_str())) {
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string label = integration_label(list[i]);
            if (ImGui::Selectable((label + "##" + list[i].uuid).c_str(), chosen == i)) f.choose_integration(i);
            web::debug_items_name_last(list[i].title.c_str());
        }
        ImGui::EndCombo();
    }
    web::debug_items_name_last("Integration");
    explain(
        "The cloud integration that reads your bucket (GET cloud-integrations). Uploads name it, and only an "
        "integration's Admins may register data through it.");
    ImGui::BeginDisabled(!can_call || ic.loading());
    if (flow_button("List integrations")) f.list_integrations(ctx.workspace);
    ImGui::EndDisabled();
    if (ic.error()) error_text("Integrations: " + web::failure_text(*ic.error()));
}

// Going to a folder leaves the search, so the field empties too.
void breadcrumb(ShellContext& ctx, EncordFoldersView& v, bool can_call) {
    web::EncordFolders& f = web::encord_folders();
    const auto& where = f.browser().where();
    // The folder you are in is plain text, unless a search is shown: then it lists the folder again.
    const bool searching = !f.browser().search().empty();
    ImGui::BeginDisabled(!can_call);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("In:");
    ImGui::SameLine();
    if (where.empty() && !searching) {
        ImGui::TextUnformatted("Top level");
    } else if (ImGui::SmallButton("Top level")) {
        v.search[0] = 0;
        f.up_to(ctx.workspace, std::size_t(-1));
    }
    for (std::size_t i = 0; i < where.size(); ++i) {
        flow_text("/");
        ImGui::SameLine();
        const std::string name = where[i].name;
        if (i + 1 == where.size() && !searching) {
            ImGui::TextUnformatted(name.c_str());
        } else if (ImGui::SmallButton((name + "##crumb" + std::to_string(i)).c_str())) {
            v.search[0] = 0;
            f.up_to(ctx.workspace, i);
        }
    }
    if (searching) flow_text(("— names holding \"" + f.browser().search() + "\"").c_str());
    ImGui::EndDisabled();
}

void search_row(ShellContext& ctx, EncordFoldersView& v, bool can_call) {
    web::EncordFolders& f = web::encord_folders();
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(em * 12);
    const bool enter =
        input_text("Search", "part of a name", v.search, sizeof v.search, ImGuiInputTextFlags_EnterReturnsTrue);
    explain("Folders whose name holds this text: anywhere at the top level, or below the folder you are in.");
    ImGui::BeginDisabled(!can_call);
    if (flow_button("Search folders") || (enter && can_call)) f.search(ctx.workspace, v.search);
    ImGui::EndDisabled();
    same_line_if_fits(labelled_width("Per page", em * 5));
    ImGui::SetNextItemWidth(em * 5);
    if (combo("Per page", &v.page_size_choice, kFolderPageSizeNames, 5))
        f.browser().set_page_size(kFolderPageSizes[v.page_size_choice]);
    ImGui::BeginDisabled(!can_call);
    if (flow_button("List folders")) f.list(ctx.workspace);
    ImGui::EndDisabled();
    explain("Lists again what the table shows, from the first page.");
}

void folder_table(ShellContext& ctx, EncordFoldersView& v, bool can_call) {
    web::EncordFolders& f = web::encord_folders();
    const app::FolderBrowser& b = f.browser();
    const auto& folders = b.folders();
    const web::EncordConnection::Destination& d = web::encord_connection().destination();
    const float em = ImGui::GetFontSize();
    const float height = ImGui::GetTextLineHeightWithSpacing() * 8;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    // A copy: opening a folder replaces the rows while this loop reads them.
    std::optional<encord::Folder> to_open;
    if (ImGui::BeginTable("folders", 5, flags, ImVec2(-FLT_MIN, height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 3);
        ImGui::TableSetupColumn("Description", ImGuiTableColumnFlags_WidthStretch, 3);
        ImGui::TableSetupColumn("Path", ImGuiTableColumnFlags_WidthStretch, 4);
        ImGui::TableSetupColumn("Your role", ImGuiTableColumnFlags_WidthFixed, em * 4);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, em * 8.5f);
        ImGui::TableHeadersRow();
        for (const encord::Folder& row : folders) {
            ImGui::PushID(row.uuid.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.name.c_str());
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) ImGui::SetTooltip("%s", row.uuid.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.description.c_str());
            ImGui::TableNextColumn();
            text_keeping_end(app::path_text(row), ImGui::GetContentRegionAvail().x);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.user_role.c_str());
            ImGui::TableNextColumn();
            ImGui::BeginDisabled(!can_call);
            if (ImGui::SmallButton("Open")) to_open = row;
            web::debug_items_name_last(("Open " + row.name).c_str());
            ImGui::EndDisabled();
            ImGui::SameLine();
            const bool is_destination = d.folder_uuid == row.uuid;
            ImGui::BeginDisabled(is_destination);
            if (ImGui::SmallButton(is_destination ? "Chosen" : "Use")) f.use_for_uploads(row);
            web::debug_items_name_last(("Use " + row.name).c_str());
            ImGui::EndDisabled();
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled | ImGuiHoveredFlags_DelayShort))
                ImGui::SetTooltip(is_destination ? "Uploads go to this folder."
                                                 : "Use for uploads: upload to this folder.");
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (to_open) {
        v.search[0] = 0;
        f.open(ctx.workspace, *to_open);
    }

    if (b.loading()) {
        ImGui::TextDisabled("Listing folders…");
    } else {
        const std::string count = std::to_string(folders.size()) + (folders.size() == 1 ? " folder" : " folders") +
                                  (b.has_more() ? " listed; Encord has more." : ".");
        ImGui::TextUnformatted(b.pages() == 0 && !b.error() ? "Not listed yet." : count.c_str());
    }
    if (b.has_more()) {
        ImGui::BeginDisabled(!can_call || b.loading());
        if (flow_button("Load more")) f.load_more(ctx.workspace);
        ImGui::EndDisabled();
        explain("The next page, with the nextPageToken Encord gave for this listing.");
    }
    ImGui::BeginDisabled(!can_call);
    if (flow_button("New folder…")) ImGui::OpenPopup(kNewFolderDialog);
    ImGui::EndDisabled();
    explain("A folder in the one you are in (or at the top level), named and described as you type it.");
    if (b.error()) error_text("Folders: " + web::failure_text(*b.error()));
}

// The form for a folder under the one viewed (or at the top level), in a dialog so the table keeps the tab.
void new_folder_dialog(ShellContext& ctx, EncordFoldersView& v, bool can_call) {
    if (!begin_modal(kNewFolderDialog)) return;
    web::EncordFolders& f = web::encord_folders();
    const app::FolderBrowser& b = f.browser();
    const float em = ImGui::GetFontSize();
    const auto& where = b.where();
    if (where.empty())
        ImGui::TextUnformatted("A folder at the top level.");
    else
        ImGui::Text("A folder in \"%s\", the folder you are in.", where.back().name.c_str());
    ImGui::SetNextItemWidth(em * 20);
    input_text("Folder name", "batch-2026-01", v.new_name, sizeof v.new_name);
    ImGui::SetNextItemWidth(em * 20);
    input_text("Folder description", "optional", v.new_description, sizeof v.new_description);
    // Siblings for the repeated-name warning: the rows of this folder, not of a search.
    static const std::vector<encord::Folder> kNone;
    const auto findings = app::check_folder_name(v.new_name, b.search().empty() ? b.folders() : kNone);
    ImGui::PushTextWrapPos(em * 34);
    // A blank name is shown once the user has typed something; before that the disabled button says enough.
    for (const app::FolderNameFinding& x : findings)
        if (x.severity != Severity::error || v.new_name[0])
            ImGui::TextColored(severity_colour(x.severity), "%s", x.message.c_str());
    const std::string why = !can_call ? f.cannot_call() : b.cannot_create();
    if (!why.empty()) ImGui::TextColored(severity_colour(Severity::error), "%s", why.c_str());
    ImGui::PopTextWrapPos();
    ImGui::BeginDisabled(!why.empty() || app::has_error(findings));
    if (ImGui::Button("Create")) {
        encord::NewFolder n;
        n.name = v.new_name;
        if (v.new_description[0]) n.description = v.new_description;
        f.create(ctx.workspace, n);
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    explain("POST storage/folders, sent once: without an answer it is not sent again.");
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

// The last create, in the tab: under way, made (and offered as the destination), refused, or unknown.
void create_status(EncordFoldersView& v) {
    web::EncordFolders& f = web::encord_folders();
    const app::FolderBrowser& b = f.browser();
    ImGui::PushTextWrapPos(0);
    if (b.creating()) ImGui::TextDisabled("Creating the folder \"%s\"…", v.new_name);
    // Unknown outcome: the one thing to do next, with the call's own words on hover.
    if (b.create_unknown_outcome()) {
        ImGui::TextColored(severity_colour(Severity::error), "%s", b.cannot_create().c_str());
        if (b.create_error() && ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort))
            ImGui::SetTooltip("%s", web::failure_text(*b.create_error()).c_str());
    } else if (b.create_error()) {
        ImGui::TextColored(severity_colour(Severity::error), "%s", web::failure_text(*b.create_error()).c_str());
    }
    ImGui::PopTextWrapPos();
    if (b.created()) {
        const encord::Folder made = *b.created();
        ImGui::Text("Created %s (%s).", made.name.c_str(), made.uuid.c_str());
        if (web::encord_connection().destination().folder_uuid != made.uuid && flow_button("Use it for uploads"))
            f.use_for_uploads(made);
    }
}

}  // namespace

void draw_encord_folders_tab(ShellContext& ctx) {
    EncordFoldersView& v = ctx.ui.encord.folders;
    web::EncordFolders& f = web::encord_folders();
    const std::string why = f.cannot_call();
    const bool can_call = why.empty();
    if (can_call && !v.listed_once) {
        v.listed_once = true;
        f.browser().set_page_size(kFolderPageSizes[v.page_size_choice]);
        f.list_integrations(ctx.workspace);
        f.list(ctx.workspace);
    }
    f.follow_integration_choice();
    destination_section();
    if (!can_call) ImGui::TextDisabled("%s", why.c_str());
    integrations_section(ctx, can_call);
    ImGui::Separator();
    search_row(ctx, v, can_call);
    breadcrumb(ctx, v, can_call);
    folder_table(ctx, v, can_call);
    create_status(v);
    new_folder_dialog(ctx, v, can_call);
}

}  // namespace eic::ui

// The Manifest panel: open an import manifest (JSON or CSV), validate it against the schema in the
// Schema panel, and list every finding with its place.
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

#include "app/files.hpp"

#include <imgui.h>

#include <string>
#include <vector>

namespace eic::ui {
namespace {

app::ManifestChecks checks_of(const ManifestView& v) {
    app::ManifestChecks c;
    c.strict_client_only = v.strict_client_only;
    if (v.plan > 0) c.plan = (manifest::Plan)(v.plan - 1);
    return c;
}

void run_validation(ShellContext& ctx) {
    ManifestView& v = ctx.ui.manifest_view;
    const auto& r = ctx.manifest.validate(ctx.schema.draft().schema, checks_of(v));
    v.validated_schema_revision = ctx.schema.revision();
    ctx.log.add(r.summary.errors ? app::LogLevel::warning : app::LogLevel::info,
                "Validated " + ctx.manifest.file_name() + ": " + std::to_string(r.summary.errors) + " errors, " +
                    std::to_string(r.summary.warnings) + " warnings in " + std::to_string((int)r.summary.ms) + " ms",
                ctx.now_s);
}

std::string place(const Diagnostic& d) {
    if (d.row) return "row " + std::to_string(*d.row) + (d.field ? ", " + *d.field : "");
    if (d.line) return std::to_string(d.line) + ":" + std::to_string(d.column);
    return "";
}

bool listed(const ManifestView& v, const Diagnostic& d) {
    if (!v.show[(int)d.severity]) return false;
    if (!*v.filter) return true;
    return d.code.find(v.filter) != std::string::npos || d.message.find(v.filter) != std::string::npos ||
           (d.pointer && d.pointer->find(v.filter) != std::string::npos);
}

}  // namespace

void open_manifest_bytes(ShellContext& ctx, const std::string& name, std::string bytes) {
    ctx.manifest.open(name, std::move(bytes));
    ctx.log.add(app::LogLevel::info, "Opened the manifest " + name + " (" + std::to_string(ctx.manifest.size()) + " bytes)", ctx.now_s);
    run_validation(ctx);
}

void draw_manifest_panel(ShellContext& ctx) {
    ManifestView& v = ctx.ui.manifest_view;
    if (ImGui::Button("Open manifest…")) web::request_open_file(web::FilePurpose::open_manifest, ".json,.csv,application/json,text/csv");
    ImGui::SameLine();
    ImGui::Checkbox("Strict client-only", &v.strict_client_only);
    ImGui::SameLine();
    static const char* const plans[] = {"no plan", "enterprise", "team", "free"};
    ImGui::SetNextItemWidth(110);
    combo("Plan", &v.plan, plans, 4);
    if (!ctx.manifest.is_open()) {
        ImGui::TextDisabled("No manifest is open.");
        ImGui::TextWrapped("Open or drop an import manifest (Encord's JSON or CSV): it is validated against the schema "
                           "in the Schema panel, and every finding is listed with its line and column.");
        return;
    }
    ImGui::SameLine();
    if (ImGui::Button("Validate again")) run_validation(ctx);
    const auto& result = ctx.manifest.result();
    if (!result) return;
    const auto& s = result->summary;
    std::string collections;
    for (const auto& [name, n] : s.collections) collections += (collections.empty() ? "" : ", ") + std::to_string(n) + " " + name;
    ImGui::TextWrapped("%s: %llu items (%s), %llu errors, %llu warnings, %llu infos; %llu batch%s at the recommended "
                       "size; validated in %.0f ms",
                       ctx.manifest.file_name().c_str(), (unsigned long long)s.items, collections.empty() ? "none" : collections.c_str(),
                       (unsigned long long)s.errors, (unsigned long long)s.warnings, (unsigned long long)s.infos,
                       (unsigned long long)s.batches, s.batches == 1 ? "" : "es", s.ms);
    if (v.validated_schema_revision != ctx.schema.revision())
        ImGui::TextColored(severity_colour(Severity::warning), "The schema changed since this validation: validate again.");
    ImGui::Checkbox("Errors", &v.show[0]);
    ImGui::SameLine();
    ImGui::Checkbox("Warnings", &v.show[1]);
    ImGui::SameLine();
    ImGui::Checkbox("Infos", &v.show[2]);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(200);
    ImGui::InputTextWithHint("Find", "code, text or pointer", v.filter, sizeof v.filter);

    std::vector<const Diagnostic*> rows;
    for (const auto& d : result->diagnostics)
        if (listed(v, d)) rows.push_back(&d);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("findings", 5, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Severity", ImGuiTableColumnFlags_WidthFixed, 64);
    ImGui::TableSetupColumn("Code", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Place", ImGuiTableColumnFlags_WidthStretch, 0.6f);
    ImGui::TableSetupColumn("Item", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Message", ImGuiTableColumnFlags_WidthStretch, 3.f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin((int)rows.size());
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Diagnostic& d = *rows[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextColored(severity_colour(d.severity), "%s", severity_name(d.severity));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(d.code.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(place(d).c_str());
            ImGui::TableNextColumn();
            if (d.collection) ImGui::Text("%s[%llu]", d.collection->c_str(), (unsigned long long)d.item.value_or(0));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(d.message.c_str());
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40);
                ImGui::TextUnformatted(d.message.c_str());
                if (d.pointer) ImGui::TextDisabled("%s", d.pointer->c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        }
    }
    ImGui::EndTable();
}

}  // namespace eic::ui

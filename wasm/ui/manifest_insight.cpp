// The insight views over a tab's table: the table is the InsightSource, its filter (without the map's
// own selection) is what the views summarise, and a box selection on the map filters the table.
#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <functional>

#include "app/unit_fields.hpp"
#include "ui/manifest_views.hpp"

namespace eic::ui {
namespace {

class TableSource final : public app::InsightSource {
public:
    TableSource(ShellContext& ctx, ManifestTab& tab) : ctx_(ctx), tab_(tab), doc_(*tab.doc) {}

    std::uint64_t revision() const override {
        std::size_t h = std::hash<std::string>()(tab_.filter.text);
        h = h * 31 + std::hash<std::string>()(tab_.filter.code);
        h = h * 31 + std::size_t(tab_.filter.collection + 1);
        h = h * 31 + std::size_t(tab_.filter.status);
        h = h * 31 + std::size_t(ctx_.schema.revision());
        return doc_.revision() * 1000003ull + h;
    }

    std::vector<app::InsightKey> keys() const override {
        std::vector<app::InsightKey> out;
        for (const auto& [name, entry] : ctx_.schema.draft().schema)
            if (entry->is_live()) out.push_back({name, entry->type});
        return out;
    }

    std::size_t unit_count() const override { return units().size(); }

    void embeddings(const std::string& key, std::size_t dim, std::vector<float>& out,
                    std::vector<std::uint32_t>& ids) override {
        out.clear();
        ids.clear();
        if (dim == 0) return;
        std::vector<float> v(dim);
        for (std::uint32_t u : units()) {
            if (!app::metadata_embedding(doc_.units().text(u), key, dim, v.data())) continue;
            out.insert(out.end(), v.begin(), v.end());
            ids.push_back(u);
        }
    }

    void numbers(const std::string& key, const std::vector<std::uint32_t>& ids,
                 std::vector<std::optional<double>>& out) override {
        out.assign(ids.size(), std::nullopt);
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (ids[i] < doc_.units().size()) out[i] = app::metadata_number(doc_.units().text(ids[i]), key);
    }

    void strings(const std::string& key, const std::vector<std::uint32_t>& ids,
                 std::vector<std::optional<std::string>>& out) override {
        out.assign(ids.size(), std::nullopt);
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (ids[i] < doc_.units().size())
                out[i] = app::field_value(doc_.units().text(ids[i]), app::FieldKind::metadata, key);
    }

    std::vector<std::uint32_t> filtered_units() override { return units(); }

    std::string describe(std::uint32_t unit) override {
        if (unit >= doc_.units().size()) return "";
        const auto& u = doc_.units().unit(unit);
        std::string out = manifest::collection_key(u.collection);
        if (auto t = app::field_value(doc_.units().text(unit), app::FieldKind::title)) out += "\n" + *t;
        if (auto url = app::field_value(doc_.units().text(unit), app::FieldKind::url)) out += "\n" + *url;
        return out;
    }

    void select_units(std::vector<std::uint32_t> ids) override {
        std::sort(ids.begin(), ids.end());
        tab_.filter.use_selection = !ids.empty();
        tab_.filter.selection = std::move(ids);
        tab_.rows_dirty = true;
    }

private:
    // The table's filter without the map's selection, computed once per revision.
    const std::vector<std::uint32_t>& units() const {
        const std::uint64_t r = revision();
        if (r != tab_.insight_units_revision) {
            app::RowFilter f = tab_.filter;
            f.use_selection = false;
            f.selection.clear();
            tab_.insight_units = app::table_rows(doc_, tab_.columns, f, {});
            tab_.insight_units_revision = r;
        }
        return tab_.insight_units;
    }

    ShellContext& ctx_;
    ManifestTab& tab_;
    app::ManifestDocument& doc_;
};

}  // namespace

void draw_manifest_insight(ShellContext& ctx, ManifestTab& tab) {
    if (!tab.doc->result() && tab.doc->units().live_count() == 0) {
        ImGui::TextDisabled("Validating…");
        return;
    }
    refresh_rows(ctx, tab);
    TableSource source(ctx, tab);
    draw_insight(source, tab.insight);
}

}  // namespace eic::ui

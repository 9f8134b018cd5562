#include "app/layout_record.hpp"

#include <nlohmann/json.hpp>

namespace eic::app {

std::string write_layout(const LayoutRecord& r) {
    nlohmann::json panels = nlohmann::json::object();
    for (int i = 0; i < kPanelCount; ++i)
        panels[panel_title(Panel(i))] = {{"open", r.panels[std::size_t(i)].open},
                                         {"userPlaced", r.panels[std::size_t(i)].user_placed}};
    return nlohmann::json{{"panels", panels}, {"theme", r.theme}, {"imgui", r.imgui_ini}}.dump();
}

LayoutRecord read_layout(std::string_view record, std::string& error) {
    error.clear();
    const nlohmann::json doc = nlohmann::json::parse(record, nullptr, false);
    const auto fail = [&](std::string why) {
        error = "the saved layout " + std::move(why);
        return LayoutRecord{};
    };
    if (doc.is_discarded() || !doc.is_object()) return fail("is not a JSON object");
    LayoutRecord r;
    const auto panels = doc.find("panels");
    if (panels == doc.end() || !panels->is_object()) return fail("has no panels");
    for (int i = 0; i < kPanelCount; ++i) {
        const auto p = panels->find(panel_title(Panel(i)));
        if (p == panels->end()) continue;  // a panel the record does not know keeps its default
        const auto open = p->find("open"), placed = p->find("userPlaced");
        if (!p->is_object() || open == p->end() || !open->is_boolean() || placed == p->end() || !placed->is_boolean())
            return fail(std::string("has an unreadable entry for ") + panel_title(Panel(i)));
        r.panels[std::size_t(i)] = {open->get<bool>(), placed->get<bool>()};
    }
    if (const auto t = doc.find("theme"); t != doc.end()) {
        if (!t->is_string()) return fail("has a theme that is not text");
        r.theme = t->get<std::string>();
    }
    if (const auto ini = doc.find("imgui"); ini != doc.end()) {
        if (!ini->is_string()) return fail("has window settings that are not text");
        r.imgui_ini = ini->get<std::string>();
    }
    return r;
}

}  // namespace eic::app

#include "app/debug_items.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags);

namespace eic::web {
namespace {
struct Item {
    ImGuiID id;
    std::string label;
    std::string window;
    ImRect rect;                   // known when the hook ran (the last item's), replaced by the item's own at frame end
    ImRect clip;                   // the window's clip rectangle: only the part a click can reach is reported
    bool clipped = false;          // part of the item is cut off by its window (a control half off screen)
    float full_w = 0, full_h = 0;  // its size before clipping
};
std::vector<Item> g_building, g_last;
std::unordered_map<ImGuiID, ImRect> g_added;  // ItemAdd rectangles of the frame being built

std::string visible_label(const char* label) {
    std::string s = label ? label : "";
    const auto hash = s.find("##");
    return hash == std::string::npos ? s : s.substr(0, hash);
}
}  // namespace

void debug_items_begin_frame() {
    g_building.clear();
    g_added.clear();
    ImGui::GetCurrentContext()->TestEngineHookItems = true;
}

void debug_items_name_last(const char* label) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiTestEngineHook_ItemInfo(&g, g.LastItemData.ID, label, g.LastItemData.StatusFlags);
}

// Rectangles are resolved at the end of the frame: some widgets (tab items) announce themselves
// before they add their rectangle, and would otherwise report the previous item's.
void debug_items_end_frame() {
    g_last.clear();
    for (auto& it : g_building) {
        auto found = g_added.find(it.id);
        if (found != g_added.end() && found->second.GetWidth() > 0) it.rect = found->second;
        const ImRect whole = it.rect;
        it.full_w = whole.GetWidth();
        it.full_h = whole.GetHeight();
        it.rect.ClipWithFull(it.clip);
        it.clipped = it.rect.GetWidth() + 0.5f < whole.GetWidth() || it.rect.GetHeight() + 0.5f < whole.GetHeight();
        if (it.rect.GetWidth() <= 0 || it.rect.GetHeight() <= 0) continue;
        g_last.push_back(std::move(it));
    }
    g_building.clear();
}

std::string debug_items_json() {
    auto out = nlohmann::json::array();
    for (const auto& it : g_last) {
        out.push_back({{"id", it.id},
                       {"label", it.label},
                       {"window", it.window},
                       {"x", it.rect.Min.x},
                       {"y", it.rect.Min.y},
                       {"w", it.rect.GetWidth()},
                       {"h", it.rect.GetHeight()},
                       {"clipped", it.clipped},
                       {"fullW", it.full_w},
                       {"fullH", it.full_h}});
    }
    return out.dump();
}

}  // namespace eic::web

// ---- Dear ImGui's test-engine hooks (declared in imgui_internal.h) ----------------------------

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID id, const ImRect& bb, const ImGuiLastItemData*) {
    if (id != 0) eic::web::g_added[id] = bb;
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
    ImGuiContext& g = *ctx;
    auto found = eic::web::g_added.find(id);
    ImRect rect = found != eic::web::g_added.end() ? found->second : g.LastItemData.Rect;
    ImGuiWindow* window = g.CurrentWindow;
    std::string visible = eic::web::visible_label(label);
    if (visible.empty()) return;                                         // nothing a test could name
    if (window && (window->IsFallbackWindow || window->Hidden)) return;  // not on screen
    const ImRect clip = window ? window->ClipRect : ImRect(-1e9f, -1e9f, 1e9f, 1e9f);
    std::string window_name;
    if (window) {
        const char* name = window->RootWindow ? window->RootWindow->Name : window->Name;
        window_name = eic::web::visible_label(name);
        if (window_name.empty()) window_name = name;  // popups and menus: "##Menu_00"
    }
    eic::web::g_building.push_back({id, std::move(visible), std::move(window_name), rect, clip, false, 0, 0});
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

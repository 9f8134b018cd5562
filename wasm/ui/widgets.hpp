// Small wrappers over ImGui widgets that need something extra in this app.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

#include <cstddef>
#include <string>

#include "app/debug_items.hpp"
#include "app/palette.hpp"
#include "diag/diagnostic.hpp"

namespace eic::ui {

// Forms read label first ("Title [Acme]"): ImGui puts a widget's label after it, where it reads as the
// label of whatever follows. The widget gets a hidden id ("##Title") and is named for debug.items().
// A width set for the field (SetNextItemWidth) before calling is kept for it, not spent on the label.
inline void label_before(const char* label) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const bool has_width = (g.NextItemData.Flags & ImGuiNextItemDataFlags_HasWidth) != 0;
    const float width = g.NextItemData.Width;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine();
    if (has_width) ImGui::SetNextItemWidth(width);
}
inline std::string hidden_id(const char* label) { return std::string("##") + label; }

// ImGui 1.90's Combo reports no label to the test-engine hooks; name it so debug.items() lists it.
// Every option shows without scrolling (ImGui's default list is 8 high: a ninth key type was hidden
// below its edge), up to 20. The label comes first (label_before).
inline bool combo(const char* label, int* current, const char* const items[], int count) {
    label_before(label);
    const bool changed = ImGui::Combo(hidden_id(label).c_str(), current, items, count, count < 20 ? count : 20);
    web::debug_items_name_last(label);
    return changed;
}

// A text field with its label first and a hint shown while it is empty.
inline bool input_text(const char* label, const char* hint, char* buf, std::size_t size,
                       ImGuiInputTextFlags flags = 0) {
    label_before(label);
    const bool r = ImGui::InputTextWithHint(hidden_id(label).c_str(), hint, buf, size, flags);
    web::debug_items_name_last(label);
    return r;
}

// Toolbars wrap instead of running off the panel's right edge: call before every item but a row's
// first, with the width the item will take; it stays on the line when it fits.
inline void same_line_if_fits(float width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float right = ImGui::GetItemRectMax().x + style.ItemSpacing.x + width;
    if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}
inline float button_width(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}
inline float small_button_width(const char* label) { return ImGui::CalcTextSize(label, nullptr, true).x + 2; }
inline float checkbox_width(const char* label) {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
}
// A labelled field (label_before) of `field` width.
inline float labelled_width(const char* label, float field) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().ItemSpacing.x + field;
}
inline bool flow_button(const char* label) {
    same_line_if_fits(button_width(label));
    return ImGui::Button(label);
}
inline bool flow_small_button(const char* label) {
    same_line_if_fits(small_button_width(label));
    return ImGui::SmallButton(label);
}
// Text that wraps as a whole to the next line when it does not fit after the previous item.
inline void flow_text(const char* text) {
    same_line_if_fits(ImGui::CalcTextSize(text).x);
    ImGui::TextUnformatted(text);
}

// Text that keeps its end when it is wider than `width`: "…/images/3.jpg". The whole text shows as the
// tooltip.
inline void text_keeping_end(const std::string& text, float width) {
    if (text.empty() || ImGui::CalcTextSize(text.c_str()).x <= width) {
        ImGui::TextUnformatted(text.c_str());
        return;
    }
    const char* ellipsis = "…";
    const float room = width - ImGui::CalcTextSize(ellipsis).x;
    const auto boundary = [&](std::size_t i) {  // the next code point start at or after i
        while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
        return i;
    };
    std::size_t lo = 0, hi = text.size();  // the smallest start whose tail fits is in (lo, hi]
    while (hi - lo > 1) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (ImGui::CalcTextSize(text.c_str() + boundary(mid)).x <= room)
            hi = mid;
        else
            lo = mid;
    }
    const std::string shown = ellipsis + text.substr(boundary(hi));
    ImGui::TextUnformatted(shown.c_str());
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) ImGui::SetTooltip("%s", text.c_str());
}

// A modal dialog: centred in the page, sized to its content up to 36 em wide (wrapped text has a width
// to wrap at: unbounded, its first frame was tall and the dialog opened pinned to the top), closed by
// Escape. Centred every frame, so a dialog that grows stays centred.
inline bool begin_modal(const char* name) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(em * 16, 0), ImVec2(em * 36, vp->WorkSize.y * 0.9f));
    if (!ImGui::BeginPopupModal(name, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings))
        return false;
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) ImGui::CloseCurrentPopup();
    return true;
}

// A tooltip on the last item (also while disabled), for controls whose name is jargon.
inline void explain(const char* text) {
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled | ImGuiHoveredFlags_DelayShort)) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

// The opt-in "Remember this key in this browser" of the Encord and Cloud windows: `on` is what the store
// holds now; a click asks `set` for the other state (the page answers when its write is done).
template <typename Set>
void remember_checkbox(bool on, Set&& set) {
    bool want = on;
    if (ImGui::Checkbox("Remember this key in this browser", &want)) set(want);
    explain(
        "Off by default. Kept in this browser's IndexedDB as a non-extractable WebCrypto key: after a reload this "
        "page signs with it without the key file, and no script can read the key out (the browser refuses to "
        "export it). Forget key, or File > Forget keys and tokens, deletes it. Leave it off on a shared computer.");
}

// The palette apply_theme last applied (theme.cpp); the dark one before the first.
const app::Palette& current_palette();

// One colour per severity, shared by every panel that lists findings: the current theme's.
inline ImVec4 severity_colour(Severity s) {
    return ImGui::ColorConvertU32ToFloat4(app::severity_colour(current_palette(), s));
}

// Text wrapped at the window's edge; in the severity's colour when `coloured`.
inline void wrapped_text(const std::string& text, Severity s = Severity::info, bool coloured = false) {
    ImGui::PushTextWrapPos(0);
    if (coloured)
        ImGui::TextColored(severity_colour(s), "%s", text.c_str());
    else
        ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
}

}  // namespace eic::ui

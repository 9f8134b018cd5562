// The theme: ImGui's style variables and every style colour, from the palette in core (app/palette.hpp),
// where a test checks that the text colours read on their backgrounds.
#include <imgui.h>

#include "app/palette.hpp"
#include "ui/shell.hpp"
#include "ui/widgets.hpp"

namespace eic::ui {
namespace {

const app::Palette* current = &app::palette(true);

ImVec4 vec(std::uint32_t c) { return ImGui::ColorConvertU32ToFloat4(c); }

void apply_colours(const app::Palette& p, ImVec4* colours) {
    colours[ImGuiCol_Text] = vec(p.text);
    colours[ImGuiCol_TextDisabled] = vec(p.text_muted);
    colours[ImGuiCol_WindowBg] = vec(p.window_bg);
    colours[ImGuiCol_ChildBg] = vec(p.child_bg);
    colours[ImGuiCol_PopupBg] = vec(p.popup_bg);
    colours[ImGuiCol_Border] = vec(p.border);
    colours[ImGuiCol_BorderShadow] = vec(p.border_shadow);
    colours[ImGuiCol_FrameBg] = vec(p.frame_bg);
    colours[ImGuiCol_FrameBgHovered] = vec(p.frame_bg_hovered);
    colours[ImGuiCol_FrameBgActive] = vec(p.frame_bg_active);
    colours[ImGuiCol_TitleBg] = vec(p.title_bg);
    colours[ImGuiCol_TitleBgActive] = vec(p.title_bg_active);
    colours[ImGuiCol_TitleBgCollapsed] = vec(p.title_bg_collapsed);
    colours[ImGuiCol_MenuBarBg] = vec(p.menu_bar_bg);
    colours[ImGuiCol_ScrollbarBg] = vec(p.scrollbar_bg);
    colours[ImGuiCol_ScrollbarGrab] = vec(p.scrollbar_grab);
    colours[ImGuiCol_ScrollbarGrabHovered] = vec(p.scrollbar_grab_hovered);
    colours[ImGuiCol_ScrollbarGrabActive] = vec(p.scrollbar_grab_active);
    colours[ImGuiCol_CheckMark] = vec(p.check_mark);
    colours[ImGuiCol_SliderGrab] = vec(p.slider_grab);
    colours[ImGuiCol_SliderGrabActive] = vec(p.slider_grab_active);
    colours[ImGuiCol_Button] = vec(p.button);
    colours[ImGuiCol_ButtonHovered] = vec(p.button_hovered);
    colours[ImGuiCol_ButtonActive] = vec(p.button_active);
    colours[ImGuiCol_Header] = vec(p.header);
    colours[ImGuiCol_HeaderHovered] = vec(p.header_hovered);
    colours[ImGuiCol_HeaderActive] = vec(p.header_active);
    colours[ImGuiCol_Separator] = vec(p.separator);
    colours[ImGuiCol_SeparatorHovered] = vec(p.separator_hovered);
    colours[ImGuiCol_SeparatorActive] = vec(p.separator_active);
    colours[ImGuiCol_ResizeGrip] = vec(p.resize_grip);
    colours[ImGuiCol_ResizeGripHovered] = vec(p.resize_grip_hovered);
    colours[ImGuiCol_ResizeGripActive] = vec(p.resize_grip_active);
    colours[ImGuiCol_Tab] = vec(p.tab);
    colours[ImGuiCol_TabHovered] = vec(p.tab_hovered);
    colours[ImGuiCol_TabActive] = vec(p.tab_active);
    colours[ImGuiCol_TabUnfocused] = vec(p.tab_unfocused);
    colours[ImGuiCol_TabUnfocusedActive] = vec(p.tab_unfocused_active);
    colours[ImGuiCol_PlotLines] = vec(p.plot_lines);
    colours[ImGuiCol_PlotLinesHovered] = vec(p.plot_lines_hovered);
    colours[ImGuiCol_PlotHistogram] = vec(p.plot_histogram);
    colours[ImGuiCol_PlotHistogramHovered] = vec(p.plot_histogram_hovered);
    colours[ImGuiCol_TableHeaderBg] = vec(p.table_header_bg);
    colours[ImGuiCol_TableBorderStrong] = vec(p.table_border_strong);
    colours[ImGuiCol_TableBorderLight] = vec(p.table_border_light);
    colours[ImGuiCol_TableRowBg] = vec(p.row_bg);
    colours[ImGuiCol_TableRowBgAlt] = vec(p.row_bg_alt);
    colours[ImGuiCol_TextSelectedBg] = vec(p.text_selected_bg);
    colours[ImGuiCol_DragDropTarget] = vec(p.drag_drop_target);
    colours[ImGuiCol_NavHighlight] = vec(p.nav_highlight);
    colours[ImGuiCol_NavWindowingHighlight] = vec(p.nav_windowing_highlight);
    colours[ImGuiCol_NavWindowingDimBg] = vec(p.nav_windowing_dim_bg);
    colours[ImGuiCol_ModalWindowDimBg] = vec(p.modal_window_dim_bg);
}
// A new ImGui style colour would be left at its default: assign it above, then count it here.
static_assert(ImGuiCol_COUNT == 53, "a style colour is not taken from the palette");

}  // namespace

const app::Palette& current_palette() { return *current; }

void apply_theme(bool dark) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    current = &app::palette(dark);
    apply_colours(*current, style.Colors);
    style.WindowRounding = 0.f;  // tiled panels read as one surface
    style.FrameRounding = 3.f;
    style.GrabRounding = 3.f;
    style.WindowBorderSize = 1.f;
    style.FramePadding = ImVec2(6, 4);
    style.ItemSpacing = ImVec2(8, 6);
    style.ScrollbarSize = 14.f;
}

}  // namespace eic::ui
